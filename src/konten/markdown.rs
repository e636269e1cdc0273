//! Markdown from content files, as safe HTML for pages and as plain text for the index.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

fn opsi() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// HTML for a page. Raw HTML in the Markdown is shown as text, never passed through.
pub fn ke_html(md: &str) -> String {
    let parser = Parser::new_ext(md, opsi()).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        e => e,
    });
    let mut keluar = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut keluar, parser);
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
    fn plain_text_has_no_markup() {
        let t = ke_teks("## Judul\n\nIni **tebal** dan [tautan](https://x.id).\n\n- satu\n- dua\n");
        assert_eq!(t, "Judul\nIni tebal dan tautan.\n• satu\n• dua");
    }
}
