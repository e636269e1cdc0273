//! The editable copy (DOCX): the same wording as the PDF, headings as Word headings, user data
//! as text.

mod common;

use std::io::Read;

use common::*;

/// The text of `word/document.xml`: one line per paragraph, tabs and line breaks as spaces.
fn docx_teks(docx: &[u8]) -> String {
    let mut arsip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a ZIP");
    let mut xml = String::new();
    arsip
        .by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut teks = String::new();
    let mut dalam_t = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:t" => dalam_t = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:t" => dalam_t = false,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:p" => teks.push('\n'),
            quick_xml::events::Event::Empty(e)
                if matches!(e.name().as_ref(), b"w:tab" | b"w:br") =>
            {
                teks.push(' ')
            }
            quick_xml::events::Event::Text(t) if dalam_t => {
                teks.push_str(&t.decode().expect("text"));
            }
            quick_xml::events::Event::GeneralRef(g) if dalam_t => {
                let nama = g.decode().expect("entity");
                teks.push_str(match nama.as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    lain => panic!("unexpected entity {lain}"),
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    teks
}

fn render(jenis: &str, data: &std::path::Path, out: &std::path::Path) {
    sinergi_ok(&[
        "render",
        jenis,
        "--data",
        data.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
}

/// The words of a text, sorted: the same words in any reading order (the PDF reads two
/// signature columns line by line, the DOCX cell by cell). A colon counts as a word of its own:
/// whether the gap before a label's colon reads as a space in the PDF depends on its width.
fn kata(teks: &str) -> Vec<String> {
    let teks = teks.replace(':', " : ");
    let mut k: Vec<String> = teks.split_whitespace().map(str::to_string).collect();
    k.sort();
    k
}

/// The PDF's words without its page footers ("Halaman 1 dari 3"), which the DOCX numbers with
/// fields of its own.
fn kata_pdf(pdf: &[u8]) -> Vec<String> {
    let teks: String = pdf_teks(pdf)
        .lines()
        .filter(|l| {
            let k: Vec<&str> = l.split_whitespace().collect();
            !(k.len() == 4 && k[0].trim_start_matches('\u{c}') == "Halaman" && k[2] == "dari")
        })
        .collect::<Vec<_>>()
        .join("\n");
    kata(&teks)
}

#[test]
fn every_document_type_has_the_same_words_in_docx_as_in_pdf() {
    let daftar: serde_json::Value =
        serde_json::from_slice(&sinergi_ok(&["dokumen", "--json"]).stdout).expect("json");
    let dir = tempfile::tempdir().expect("tempdir");
    let jenis: Vec<String> = daftar
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    assert!(jenis.len() >= 5, "{jenis:?}");
    for j in &jenis {
        let data = dir.path().join(format!("{j}.yaml"));
        std::fs::write(&data, sinergi_ok(&["dokumen", j, "--contoh"]).stdout).expect("write");
        let pdf_ = dir.path().join(format!("{j}.pdf"));
        let docx = dir.path().join(format!("{j}.docx"));
        render(j, &data, &pdf_);
        render(j, &data, &docx);
        let docx = std::fs::read(&docx).expect("docx written");
        let teks = docx_teks(&docx);
        assert_eq!(
            kata(&teks),
            kata_pdf(&std::fs::read(&pdf_).expect("pdf written")),
            "{j}: DOCX text:\n{teks}"
        );
    }
}

#[test]
fn headings_are_word_headings_and_hostile_values_stay_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let contoh = String::from_utf8(
        sinergi_ok(&["dokumen", "perjanjian-kerja-sama-pihak-ketiga", "--contoh"]).stdout,
    )
    .expect("utf-8");
    // The first village name becomes markup-looking text in both formats.
    let jahat = "Suka<w:t>&amp;\"maju\"";
    let yaml = contoh.replacen("Sukamaju", &format!("'{}'", jahat.replace('\'', "''")), 1);
    assert_ne!(yaml, contoh, "the example names Sukamaju");
    let data = dir.path().join("data.yaml");
    std::fs::write(&data, yaml).expect("write");
    let out = dir.path().join("pks.docx");
    render("perjanjian-kerja-sama-pihak-ketiga", &data, &out);
    let docx = std::fs::read(&out).expect("docx written");
    let teks = docx_teks(&docx);
    assert!(teks.contains(jahat), "{teks}");
    let mut xml = String::new();
    zip::ZipArchive::new(std::io::Cursor::new(&docx))
        .expect("zip")
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    assert!(xml.contains("w:pStyle w:val=\"Heading"), "no heading style");
    assert!(teks.lines().any(|l| l.starts_with("Pasal 1")), "{teks}");
}
