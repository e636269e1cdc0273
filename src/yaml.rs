//! YAML written by people we do not control (API bodies, `--data` files, `acara.yaml`, content
//! front-matter). Anchors and aliases are refused before `serde_yaml` sees the text: it bounds
//! how often an alias may be repeated, not how many bytes the repetitions expand to, so a
//! 230 KB body could ask for gigabytes. Nobody needs them to fill a form or write an entry.

use serde::de::DeserializeOwned;

/// Why a YAML text was not read. Lines are 1-based, within the text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatYaml {
    #[error(
        "baris {baris}: anchor (&) dan alias (*) YAML tidak diizinkan; tulis nilainya langsung"
    )]
    Alias { baris: usize, kolom: usize },
    #[error("baris {baris}: YAML tidak dapat dibaca: {pesan}")]
    Sintaks {
        baris: usize,
        kolom: usize,
        pesan: String,
    },
}

impl GalatYaml {
    /// (line, column), both 1-based.
    pub fn letak(&self) -> (usize, usize) {
        match self {
            GalatYaml::Alias { baris, kolom } | GalatYaml::Sintaks { baris, kolom, .. } => {
                (*baris, *kolom)
            }
        }
    }
}

/// Refuses the first anchor or alias in `teks`. Reads events only; nothing is expanded.
pub fn tanpa_alias(teks: &str) -> Result<(), GalatYaml> {
    use saphyr_parser::{Event, Parser};
    // `serde_yaml` (YAML 1.1) also ends a line at NEL, LS and PS, which this YAML 1.2 parser
    // reads as text: an anchor or alias after one, in a comment or a block scalar, would be
    // seen by one and not the other. The scan reads them as the line breaks they are there.
    let teks: std::borrow::Cow<str> = if teks.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        teks.replace(['\u{85}', '\u{2028}', '\u{2029}'], "\n")
            .into()
    } else {
        teks.into()
    };
    for hasil in Parser::new_from_str(&teks) {
        let (event, span) = hasil.map_err(|e| GalatYaml::Sintaks {
            baris: e.marker().line(),
            kolom: e.marker().col() + 1,
            pesan: sintaks_indonesia(e.info()),
        })?;
        let berjangkar = match event {
            Event::Alias(_) => true,
            Event::Scalar(_, _, jangkar, _)
            | Event::SequenceStart(jangkar, _)
            | Event::MappingStart(jangkar, _) => jangkar != 0,
            _ => false,
        };
        if berjangkar {
            return Err(GalatYaml::Alias {
                baris: span.start.line(),
                kolom: span.start.col() + 1,
            });
        }
    }
    Ok(())
}

/// The parser's word for a syntax error, said in Indonesian where a person filling a form or
/// writing an entry is likely to meet it; the rarer ones (tags, directives) keep the parser's
/// English after an Indonesian lead.
fn sintaks_indonesia(info: &str) -> String {
    const TERJEMAHAN: &[(&str, &str)] = &[
        (
            "did not find expected node content",
            "nilai tidak lengkap: ada `[`, `{`, `-` atau `:` tanpa isi, atau kurung yang tidak \
             ditutup",
        ),
        (
            "while parsing a flow sequence",
            "daftar dalam `[ ]` tidak ditutup dengan `]` atau butirnya tidak dipisah koma",
        ),
        (
            "while parsing a flow mapping",
            "pasangan dalam `{ }` tidak ditutup dengan `}` atau tidak dipisah koma",
        ),
        (
            "while parsing a block mapping, did not find expected key",
            "indentasi kunci tidak sejajar dengan kunci di atasnya",
        ),
        (
            "did not find expected '-' indicator",
            "butir daftar harus diawali `-` sejajar dengan butir lainnya",
        ),
        (
            "mapping values are not allowed in this context",
            "titik dua (`:`) di tempat yang tidak boleh; beri tanda kutip pada nilai yang memuat \
             `: `",
        ),
        (
            "illegal placement of ':' indicator",
            "titik dua (`:`) di tempat yang tidak boleh; beri tanda kutip pada nilai yang memuat \
             `: ` atau tutup dulu kurungnya",
        ),
        (
            "simple key expect ':'",
            "kunci tanpa titik dua (`:`) sesudahnya",
        ),
        ("misplaced bracket", "kurung di tempat yang salah"),
        ("recursion limit exceeded", "bersarang terlalu dalam"),
        (
            "wrongly indented line in block scalar",
            "baris teks blok (`|` atau `>`) salah indentasinya",
        ),
        (
            "comment intercepting the multiline text",
            "komentar (`#`) memotong teks beberapa baris",
        ),
        (
            "block sequence entries are not allowed in this context",
            "butir daftar (`-`) di tempat yang tidak boleh; periksa indentasinya",
        ),
        (
            "quoted scalar, found unexpected end of stream",
            "tanda kutip tidak ditutup",
        ),
        (
            "found unknown escape character",
            "urutan `\\` yang tidak dikenal dalam teks berkutip ganda; pakai kutip tunggal",
        ),
        (
            "invalid trailing content after double-quoted scalar",
            "ada teks sesudah tanda kutip penutup",
        ),
        (
            "tab",
            "tab tidak boleh dipakai untuk indentasi; pakai spasi",
        ),
        ("invalid indentation", "indentasi tidak sah"),
        (
            "found unprintable character",
            "memuat karakter yang tidak dapat dicetak",
        ),
        ("unexpected eof", "teks berakhir sebelum selesai"),
        (
            "unexpected end of plain scalar",
            "teks berakhir sebelum selesai",
        ),
    ];
    crate::konten::skema::terjemahkan_sintaks(info, TERJEMAHAN)
}

/// Parses `teks` as `T` after refusing anchors and aliases.
pub fn baca<T: DeserializeOwned>(teks: &str) -> Result<T, GalatYaml> {
    tanpa_alias(teks)?;
    serde_yaml::from_str(teks).map_err(|e| {
        let (baris, kolom) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        GalatYaml::Sintaks {
            baris,
            kolom,
            pesan: crate::konten::skema::terjemahkan_serde(&e.to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_yaml_is_read() {
        let v: serde_json::Value =
            baca("nama: Toko A&B *baru*\ndaftar: [a, b]\nteks: \"&x *y\"\n").expect("valid");
        assert_eq!(v["nama"], "Toko A&B *baru*");
        assert_eq!(v["teks"], "&x *y");
    }

    #[test]
    fn anchors_and_aliases_are_refused_with_their_line() {
        let teks = "a: 1\nb: &x \"panjang\"\nc: [*x, *x]\n";
        assert_eq!(
            tanpa_alias(teks),
            Err(GalatYaml::Alias { baris: 2, kolom: 4 })
        );
        let e = baca::<serde_json::Value>("- &a [1, 2]\n- *a\n").unwrap_err();
        assert!(e.to_string().contains("alias"), "{e}");
    }

    #[test]
    fn alias_expansion_attack_costs_nothing() {
        let mut teks = format!("a: &a \"{}\"\nb: [", "x".repeat(200_000));
        for _ in 0..10_000 {
            teks.push_str("*a, ");
        }
        teks.push_str("]\n");
        assert!(matches!(
            baca::<serde_json::Value>(&teks),
            Err(GalatYaml::Alias { baris: 1, .. })
        ));
    }

    #[test]
    fn unicode_line_separators_hide_no_alias() {
        // Found by the property tests: serde_yaml ends a line at U+2028 (and NEL, PS), the
        // alias scan did not, so anchors and aliases behind one were expanded unchecked.
        for pemisah in ['\u{85}', '\u{2028}', '\u{2029}'] {
            let teks = format!("a: |\n  x{pemisah}b: &x [1, 2, 3]\nc: 1 # y{pemisah}d: [*x, *x]\n");
            assert!(
                matches!(tanpa_alias(&teks), Err(GalatYaml::Alias { baris: 3, .. })),
                "{teks:?}: {:?}",
                tanpa_alias(&teks)
            );
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = baca::<serde_json::Value>("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(matches!(e, GalatYaml::Sintaks { .. }), "{e:?}");
    }

    /// The syntax errors a person filling a form meets are said in Indonesian, with the line.
    #[test]
    fn common_syntax_errors_are_said_in_indonesian() {
        for (teks, baris, harap) in [
            ("nama: [\n", 2, "kurung yang tidak ditutup"),
            ("a: [1, 2\nb: 3\n", 2, "tutup dulu kurungnya"),
            ("a: [1, 2\n", 2, "`[ ]` tidak ditutup"),
            ("a: 1\nb\n", 3, "kunci tanpa titik dua"),
            ("a: 1\n  b: 2\n", 2, "titik dua"),
            ("a:\n  - x\n - y\n", 3, "sejajar"),
            ("a: \"tanpa tutup\n", 1, "tanda kutip tidak ditutup"),
            ("a:\n\tb: 1\n", 2, "tab tidak boleh"),
            ("a: \"\\q\"\n", 1, "urutan"),
        ] {
            let e = baca::<serde_json::Value>(teks).unwrap_err();
            let pesan = e.to_string();
            assert!(pesan.contains(harap), "{teks:?}: {pesan}");
            assert_eq!(e.letak().0, baris, "{teks:?}: {pesan}");
        }
    }
}
