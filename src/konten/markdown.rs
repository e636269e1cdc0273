//! Markdown from content files, as safe HTML for pages and as plain text for the index.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

fn opsi() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// HTML for a page. Raw HTML in the Markdown is shown as text, never passed through.
pub fn ke_html(md: &str) -> String {
    ke_html_dengan_istilah(md, &[])
}

/// A glossary term to link: the term as written, and where it is explained.
pub struct Tautan<'a> {
    pub istilah: &'a str,
    pub url: String,
}

/// HTML for a page with the first occurrence of each glossary term linked to its explanation.
/// Terms are matched as whole words, case-sensitively for abbreviations (BPD, not "bpd" in a
/// word), outside links and headings.
pub fn ke_html_dengan_istilah(md: &str, istilah: &[Tautan]) -> String {
    let mut sudah = vec![false; istilah.len()];
    let mut dalam = 0usize;
    let mut peristiwa: Vec<Event> = Vec::new();
    for e in Parser::new_ext(md, opsi()) {
        match e {
            Event::Html(t) | Event::InlineHtml(t) => peristiwa.push(Event::Text(t)),
            Event::Start(ref t @ (Tag::Link { .. } | Tag::Heading { .. } | Tag::CodeBlock(_))) => {
                let _ = t;
                dalam += 1;
                peristiwa.push(e);
            }
            Event::End(TagEnd::Link | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                dalam = dalam.saturating_sub(1);
                peristiwa.push(e);
            }
            Event::Text(t) if dalam == 0 && !istilah.is_empty() => {
                peristiwa.extend(tautkan(&t, istilah, &mut sudah));
            }
            e => peristiwa.push(e),
        }
    }
    let mut keluar = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut keluar, peristiwa.into_iter());
    keluar
}

fn batas_kata(teks: &str, i: usize, j: usize) -> bool {
    let sebelum = teks[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let sesudah = teks[j..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    sebelum && sesudah
}

/// Splits a text into text and link events at the first unlinked occurrence of each term.
fn tautkan<'a>(teks: &str, istilah: &[Tautan], sudah: &mut [bool]) -> Vec<Event<'a>> {
    // (start, end, term index) of the matches, earliest first, without overlaps.
    let mut cocok: Vec<(usize, usize, usize)> = Vec::new();
    for (n, t) in istilah.iter().enumerate() {
        if sudah[n] || t.istilah.is_empty() {
            continue;
        }
        let mut dari = 0;
        while let Some(i) = teks[dari..].find(t.istilah) {
            let i = dari + i;
            let j = i + t.istilah.len();
            if batas_kata(teks, i, j) {
                cocok.push((i, j, n));
                break;
            }
            dari = j;
        }
    }
    cocok.sort();
    let mut keluar = Vec::new();
    let mut posisi = 0;
    for (i, j, n) in cocok {
        if i < posisi || sudah[n] {
            continue;
        }
        sudah[n] = true;
        if i > posisi {
            keluar.push(Event::Text(teks[posisi..i].to_string().into()));
        }
        keluar.push(Event::Html(
            format!(
                "<a class=\"istilah\" href=\"{}\" title=\"Lihat daftar istilah\">",
                crate::format::escape_html(&istilah[n].url)
            )
            .into(),
        ));
        keluar.push(Event::Text(teks[i..j].to_string().into()));
        keluar.push(Event::Html("</a>".into()));
        posisi = j;
    }
    if posisi < teks.len() {
        keluar.push(Event::Text(teks[posisi..].to_string().into()));
    }
    keluar
}

/// The words of the Markdown, without markup, one block per line.
pub fn ke_teks(md: &str) -> String {
    let mut keluar = String::with_capacity(md.len());
    for e in Parser::new_ext(md, opsi()) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                keluar.push_str(&t)
            }
            Event::SoftBreak => keluar.push(' '),
            Event::HardBreak | Event::Rule => keluar.push('\n'),
            Event::Start(Tag::Item) => keluar.push_str("• "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) if !keluar.ends_with('\n') => keluar.push('\n'),
            _ => {}
        }
    }
    keluar.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let h = ke_html("Halo <script>alert(1)</script> **tebal**");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"));
        assert!(h.contains("<strong>tebal</strong>"));
    }

    #[test]
    fn glossary_terms_are_linked_once_as_whole_words() {
        let t = [Tautan {
            istilah: "BPD",
            url: "/istilah#bpd".into(),
        }];
        let h = ke_html_dengan_istilah("## BPD\n\nLapor ke BPD. Lalu BPD lagi, bukan BPDX.", &t);
        assert_eq!(h.matches("href=\"/istilah#bpd\"").count(), 1, "{h}");
        assert!(h.contains("<h2>BPD</h2>"), "not in headings: {h}");
        assert!(h.contains("Lapor ke <a class=\"istilah\""), "{h}");
        let h = ke_html_dengan_istilah("<b>BPD</b>", &t);
        assert!(h.contains("&lt;b&gt;"), "raw HTML still escaped: {h}");
    }

    #[test]
    fn plain_text_has_no_markup() {
        let t = ke_teks("## Judul\n\nIni **tebal** dan [tautan](https://x.id).\n\n- satu\n- dua\n");
        assert_eq!(t, "Judul\nIni tebal dan tautan.\n• satu\n• dua");
    }
}
