//! The wording of a document: the Markdown body of its `content/templat/*.md`, filled with the
//! form values by tera (every value escaped for Markdown, so a value never changes the
//! structure), then turned into a tree of blocks that reaches typst as data.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::format;

/// Writes `s` so that Markdown reads it as plain text: ASCII punctuation is backslash-escaped
/// and lines lose their leading indentation (which would make code blocks). A line ends at
/// `\n`, `\r\n` or a lone `\r`, as Markdown reads it.
pub fn escape_markdown(s: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut keluar = String::with_capacity(s.len() + 8);
    let mut awal_baris = true;
    for c in s.chars() {
        if c == '\n' || c == '\r' {
            keluar.push(c);
            awal_baris = true;
            continue;
        }
        if awal_baris && c.is_whitespace() {
            continue;
        }
        awal_baris = false;
        if c.is_ascii_punctuation() {
            keluar.push('\\');
        }
        keluar.push(c);
    }
    w.write_all(keluar.as_bytes())
}

/// A tera instance for one document's wording, with the Indonesian formatting filters.
pub fn tera(nama: &str, naskah: &str) -> Result<tera::Tera, tera::Error> {
    use tera::{Kwargs, State};
    let mut t = tera::Tera::new();
    t.autoescape_on(vec![".md"]);
    t.set_escape_fn(escape_markdown);
    t.register_filter("terbilang", |x: i64, _: Kwargs, _: &State| {
        format::terbilang(x.unsigned_abs())
    });
    t.register_filter("rupiah", |x: i64, _: Kwargs, _: &State| {
        format::rupiah(x.unsigned_abs())
    });
    t.register_filter("terbilang_rupiah", |x: i64, _: Kwargs, _: &State| {
        format::terbilang_rupiah(x.unsigned_abs())
    });
    t.register_filter("tanggal", |x: &str, _: Kwargs, _: &State| {
        format::tanggal_panjang(x)
    });
    t.register_filter("hari", |x: &str, _: Kwargs, _: &State| {
        format::hari(x).unwrap_or("").to_string()
    });
    t.register_filter("romawi", |x: i64, _: Kwargs, _: &State| {
        format::romawi(x.clamp(0, 4000) as u32)
    });
    t.register_filter("huruf", |x: i64, _: Kwargs, _: &State| {
        format::huruf(x.max(0) as usize)
    });
    t.add_raw_template(&format!("{nama}.md"), naskah)?;
    Ok(t)
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "kebab-case")]
pub enum Sebaris {
    Teks { v: String },
    Tebal { isi: Vec<Sebaris> },
    Miring { isi: Vec<Sebaris> },
    Coret { isi: Vec<Sebaris> },
    Kode { v: String },
    Baris,
}

/// Block content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "kebab-case")]
pub enum Blok {
    Judul {
        tingkat: u8,
        isi: Vec<Sebaris>,
    },
    Paragraf {
        isi: Vec<Sebaris>,
    },
    Daftar {
        urut: bool,
        mulai: u64,
        item: Vec<Vec<Blok>>,
    },
    Tabel {
        kolom: usize,
        baris: Vec<Vec<Vec<Sebaris>>>,
    },
    Kutipan {
        isi: Vec<Blok>,
    },
    Garis,
}

/// The blocks of a Markdown text. Raw HTML is kept as text.
pub fn ke_blok(md: &str) -> Vec<Blok> {
    let opsi = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut it = Parser::new_ext(md, opsi).peekable();
    blok_sampai(&mut it, None)
}

type Aliran<'a> = std::iter::Peekable<Parser<'a>>;

fn blok_sampai(it: &mut Aliran, akhir: Option<TagEnd>) -> Vec<Blok> {
    let mut keluar = Vec::new();
    while let Some(e) = it.peek().cloned() {
        match e {
            Event::End(t) if Some(t) == akhir => {
                it.next();
                break;
            }
            Event::Start(Tag::Paragraph) => {
                it.next();
                keluar.push(Blok::Paragraf {
                    isi: sebaris_sampai(it, TagEnd::Paragraph),
                });
            }
            Event::Start(Tag::Heading { level, .. }) => {
                it.next();
                keluar.push(Blok::Judul {
                    tingkat: level as u8,
                    isi: sebaris_sampai(it, TagEnd::Heading(level)),
                });
            }
            Event::Start(Tag::List(mulai)) => {
                it.next();
                let urut = mulai.is_some();
                let mut item = Vec::new();
                while let Some(e) = it.next() {
                    match e {
                        Event::Start(Tag::Item) => item.push(blok_sampai(it, Some(TagEnd::Item))),
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                keluar.push(Blok::Daftar {
                    urut,
                    mulai: mulai.unwrap_or(1),
                    item,
                });
            }
            Event::Start(Tag::BlockQuote(k)) => {
                it.next();
                keluar.push(Blok::Kutipan {
                    isi: blok_sampai(it, Some(TagEnd::BlockQuote(k))),
                });
            }
            Event::Start(Tag::Table(kolom)) => {
                it.next();
                let mut baris = Vec::new();
                let mut sekarang: Vec<Vec<Sebaris>> = Vec::new();
                while let Some(e) = it.next() {
                    match e {
                        Event::Start(Tag::TableCell) => {
                            sekarang.push(sebaris_sampai(it, TagEnd::TableCell))
                        }
                        Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                            baris.push(std::mem::take(&mut sekarang))
                        }
                        Event::End(TagEnd::Table) => break,
                        _ => {}
                    }
                }
                keluar.push(Blok::Tabel {
                    kolom: kolom.len(),
                    baris,
                });
            }
            Event::Start(Tag::CodeBlock(_)) => {
                it.next();
                let mut teks = String::new();
                for e in it.by_ref() {
                    match e {
                        Event::Text(t) => teks.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                keluar.push(Blok::Paragraf {
                    isi: vec![Sebaris::Teks { v: teks }],
                });
            }
            Event::Rule => {
                it.next();
                keluar.push(Blok::Garis);
            }
            Event::Html(t) => {
                it.next();
                keluar.push(Blok::Paragraf {
                    isi: vec![Sebaris::Teks { v: t.to_string() }],
                });
            }
            // Text directly in a tight list item: an implicit paragraph.
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }) => {
                let isi = sebaris_longgar(it);
                keluar.push(Blok::Paragraf { isi });
            }
            _ => {
                it.next();
            }
        }
    }
    keluar
}

/// Inline events up to the end of a block that has no tag of its own (tight list items).
fn sebaris_longgar(it: &mut Aliran) -> Vec<Sebaris> {
    let mut keluar = Vec::new();
    while let Some(e) = it.peek() {
        let lanjut = matches!(
            e,
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
        );
        if !lanjut {
            break;
        }
        if let Some(s) = satu_sebaris(it) {
            keluar.push(s);
        }
    }
    keluar
}

fn satu_sebaris(it: &mut Aliran) -> Option<Sebaris> {
    Some(match it.next()? {
        Event::Text(t) | Event::InlineHtml(t) | Event::Html(t) => {
            Sebaris::Teks { v: t.to_string() }
        }
        Event::Code(t) => Sebaris::Kode { v: t.to_string() },
        Event::SoftBreak => Sebaris::Teks { v: " ".into() },
        Event::HardBreak => Sebaris::Baris,
        Event::Start(Tag::Strong) => Sebaris::Tebal {
            isi: sebaris_sampai(it, TagEnd::Strong),
        },
        Event::Start(Tag::Emphasis) => Sebaris::Miring {
            isi: sebaris_sampai(it, TagEnd::Emphasis),
        },
        Event::Start(Tag::Strikethrough) => Sebaris::Coret {
            isi: sebaris_sampai(it, TagEnd::Strikethrough),
        },
        // Links print as their text: a printed document has nowhere to go.
        Event::Start(Tag::Link { .. }) => Sebaris::Tebal {
            isi: sebaris_sampai(it, TagEnd::Link),
        },
        _ => return None,
    })
}

fn sebaris_sampai(it: &mut Aliran, akhir: TagEnd) -> Vec<Sebaris> {
    let mut keluar: Vec<Sebaris> = Vec::new();
    while let Some(e) = it.peek() {
        if matches!(e, Event::End(t) if *t == akhir) {
            it.next();
            break;
        }
        if let Some(s) = satu_sebaris(it) {
            // Adjacent text is one run, so typst sees whole words.
            if let (Some(Sebaris::Teks { v: a }), Sebaris::Teks { v: b }) = (keluar.last_mut(), &s)
            {
                a.push_str(b);
                continue;
            }
            keluar.push(s);
        }
    }
    keluar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isi(naskah: &str, data: serde_json::Value) -> String {
        let t = tera("x", naskah).expect("template");
        t.render("x.md", &tera::Context::from_serialize(&data).expect("ctx"))
            .expect("render")
    }

    #[test]
    fn values_cannot_change_the_structure() {
        let jahat = "# Judul\n\n- butir\n1. satu\n**tebal** [tautan](x) <b>html</b> `kode` \\ $x$ #read(\"/etc/passwd\") @ref <label>";
        let md = isi("Nama: {{ nama }}", serde_json::json!({ "nama": jahat }));
        let blok = ke_blok(&md);
        assert_eq!(
            blok.len(),
            2,
            "a value with blank lines stays paragraphs: {blok:?}"
        );
        let teks: String = blok
            .iter()
            .flat_map(|b| match b {
                Blok::Paragraf { isi } => isi.clone(),
                _ => panic!("only paragraphs: {b:?}"),
            })
            .map(|s| match s {
                Sebaris::Teks { v } => v,
                other => panic!("only text: {other:?}"),
            })
            .collect();
        for potongan in [
            "# Judul",
            "- butir",
            "1. satu",
            "**tebal**",
            "[tautan](x)",
            "<b>html</b>",
            "`kode`",
            "\\",
            "$x$",
            "#read(\"/etc/passwd\")",
            "@ref",
            "<label>",
        ] {
            assert!(
                teks.contains(potongan),
                "{potongan} printed literally in {teks:?}"
            );
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_too() {
        // Found by the property tests: `\r\r` is a blank line to Markdown, and the tab after it
        // made an indented code block, which printed the escapes' backslashes.
        let md = isi("{{ v }}", serde_json::json!({ "v": "-\r\r\t-" }));
        assert_eq!(
            ke_blok(&md),
            vec![
                Blok::Paragraf {
                    isi: vec![Sebaris::Teks { v: "-".into() }]
                },
                Blok::Paragraf {
                    isi: vec![Sebaris::Teks { v: "-".into() }]
                },
            ]
        );
    }

    #[test]
    fn filters_format_in_indonesian() {
        let md = isi(
            "{{ n | terbilang }}; {{ uang | rupiah }}; {{ t | tanggal }}, {{ t | hari }}; BAB {{ 4 | romawi }}; {{ 2 | huruf }}",
            serde_json::json!({ "n": 11, "uang": 1500000, "t": "2025-07-11" }),
        );
        assert_eq!(
            md,
            "sebelas; Rp1\\.500\\.000\\,00; 11 Juli 2025, Jumat; BAB IV; c"
        );
    }

    #[test]
    fn markdown_structure_becomes_blocks() {
        let b = ke_blok(
            "### Pasal 1\n\n(1) Isi **tebal**.\n\na. satu;\n\n- x\n- y\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(matches!(&b[0], Blok::Judul { tingkat: 3, .. }));
        assert!(matches!(&b[1], Blok::Paragraf { isi } if isi.len() == 3));
        assert!(matches!(&b[3], Blok::Daftar { urut: false, item, .. } if item.len() == 2));
        assert!(matches!(&b[4], Blok::Tabel { kolom: 2, baris } if baris.len() == 2));
    }
}
