//! Wording: any Markdown becomes blocks; escaped text prints as written.

use super::*;

/// Markdown-ish text: constructs at line starts and inline, mixed with any text.
fn markdown() -> impl Strategy<Value = String> {
    let potong = prop_oneof![
        2 => select(vec![
            "# ", "### ", "- ", "* ", "1. ", "3) ", "> ", "    ", "```", "~~~", "| a | b |",
            "|---|---|", "***", "---", "===", "<div>", "</div>", "<!-- x -->", "[x](y)", "![i](j)",
            "**", "__", "_", "~~", "`", "\\", "  \n", "\n", "\n\n", "&amp;", "&#0;", "[^1]",
            "{{ x }}", "- [ ] ", "\t",
        ])
        .prop_map(str::to_string),
        1 => teks(12),
    ];
    vec(potong, 0..40).prop_map(|p| p.concat())
}

/// The text of blocks that may only be paragraphs of plain text; anything else is an error.
fn teks_polos(blok: &[Blok]) -> Result<String, String> {
    let mut keluar = String::new();
    for b in blok {
        let Blok::Paragraf { isi } = b else {
            return Err(format!("not a paragraph: {b:?}"));
        };
        for s in isi {
            match s {
                Sebaris::Teks { v } => keluar.push_str(v),
                Sebaris::Baris => keluar.push('\n'),
                lain => return Err(format!("not plain text: {lain:?}")),
            }
        }
        keluar.push('\n');
    }
    Ok(keluar)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any Markdown becomes blocks without a panic.
    #[test]
    fn ke_blok_takes_any_markdown(md in markdown()) {
        let blok = naskah::ke_blok(&md);
        prop_assert!(blok.len() <= md.len() + 1);
    }

    /// A value escaped for the wording comes out as plain paragraphs with the same visible
    /// characters: it cannot make a heading, a list, code, a link or markup of any kind.
    #[test]
    fn escaped_text_prints_as_written(s in prop_oneof![teks(200), markdown()]) {
        let mut md = Vec::new();
        naskah::escape_markdown(&s, &mut md).expect("write to a Vec");
        let md = String::from_utf8(md).expect("UTF-8");
        let blok = naskah::ke_blok(&md);
        let polos = teks_polos(&blok).map_err(|e| TestCaseError::fail(format!("{e}\nfrom {md:?}")))?;
        prop_assert_eq!(terlihat(&polos), terlihat(&s), "escaped as {:?}", md);
    }
}
