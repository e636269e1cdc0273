//! The editable copy of a document (DOCX). The PDF stays the reference; the DOCX is read from the
//! very same typeset document, so its wording cannot drift from the PDF's: the layout
//! (`templates/dokumen/*.typ`) is compiled once, and its pages are read back (`baca`) into
//! paragraphs, runs, tabs, tables and images, using the structure typst records in the frames
//! (paragraph, grid and table cell tags) and the geometry for the rest (alignment, indents,
//! spacing). `tulis` writes that as Word XML with `docx-rs`.
//!
//! Headings are those the layout marks (`<sinergi-judul>` metadata before each heading of the
//! wording), so they get Word's heading styles and show in its navigation pane.

mod baca;
mod tulis;

use typst_layout::PagedDocument;

use crate::opsi::Huruf;

/// A DOCX file of a typeset document.
pub(crate) fn docx(dok: &PagedDocument, huruf: Huruf, judul: &str) -> Result<Vec<u8>, GalatDocx> {
    let model = baca::baca(dok);
    tulis::tulis(&model, huruf, judul)
}

#[derive(Debug, thiserror::Error)]
pub enum GalatDocx {
    #[error("berkas DOCX tidak dapat ditulis: {0}")]
    Tulis(String),
}

/// A document as read from its pages: the page and its blocks in reading order. Lengths are
/// in points.
#[derive(Debug, Default)]
struct Model {
    halaman: Halaman,
    blok: Vec<Blok>,
}

#[derive(Debug, Clone, Copy)]
struct Halaman {
    lebar: f64,
    tinggi: f64,
    atas: f64,
    bawah: f64,
    kiri: f64,
    kanan: f64,
    /// The PDF numbers its pages ("Halaman x dari y"): so does the DOCX.
    bernomor: bool,
}

impl Default for Halaman {
    fn default() -> Self {
        // A4 with 2.5 cm margins, until the layout says otherwise.
        Halaman {
            lebar: 595.3,
            tinggi: 841.9,
            atas: 70.9,
            bawah: 70.9,
            kiri: 70.9,
            kanan: 70.9,
            bernomor: false,
        }
    }
}

#[derive(Debug)]
enum Blok {
    Paragraf(Paragraf),
    Tabel(Tabel),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rata {
    Kiri,
    Tengah,
    Kanan,
    Penuh,
}

#[derive(Debug)]
struct Paragraf {
    /// Heading level (1–6) of a heading of the wording.
    judul: Option<u8>,
    isi: Vec<Potong>,
    rata: Rata,
    /// Left indent of the paragraph.
    kiri: f64,
    /// The first line's offset from `kiri` (negative: a hanging label).
    pertama: f64,
    /// Space above, beyond the usual gap between lines.
    atas: f64,
    /// A rule under the paragraph (a letterhead), its thickness.
    garis_bawah: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Gaya {
    tebal: bool,
    miring: bool,
    garis_bawah: bool,
    ukuran: f64,
}

#[derive(Debug)]
enum Potong {
    Teks(Gaya, String),
    Tab,
    Baris,
    Gambar {
        png: Vec<u8>,
        px: (u32, u32),
        pt: (f64, f64),
    },
}

#[derive(Debug)]
struct Tabel {
    /// Ruled (a typst `table`) or not (a `grid`, used for layout).
    bergaris: bool,
    kolom: Vec<f64>,
    baris: Vec<BarisTabel>,
}

#[derive(Debug)]
struct BarisTabel {
    /// At least this tall (the space left to sign), when it is taller than its text.
    tinggi: Option<f64>,
    sel: Vec<Sel>,
}

#[derive(Debug)]
struct Sel {
    kolom: usize,
    rentang: usize,
    blok: Vec<Blok>,
}
