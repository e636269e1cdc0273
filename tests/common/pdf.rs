//! Reading the PDFs the tests make, in Rust alone: text (whole, per page, and as positioned
//! lines), page count and size, and a structural check in the spirit of `qpdf --check`.
//!
//! Built on `hayro-syntax` (parser) and `hayro-interpret` (content-stream interpreter), the PDF
//! reader typst itself uses to embed PDF images, so they cost the test build no extra crate.
//! Every glyph is drawn through a [`Device`] that records its Unicode text (from the font's
//! `ToUnicode` CMap), the position of its origin and where its advance ends, and every straight
//! rule drawn (table borders). The page is then cut into blocks at empty strips and rules
//! (XY-cut), a block's glyphs are grouped into lines by baseline, and a line's into words by the
//! gaps between them. Checked against `pdftotext` on every document type, the handout, the
//! slides and the event kit: the same words, in nearly the same order (cells of a table are read
//! cell by cell, and typst's compound hyphens at line ends are kept).

use std::collections::BTreeSet;

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::object::{Dict, Object, ObjectIdentifier, Stream};
use hayro_interpret::hayro_syntax::page::{Page, Rotation};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, PathSeg, Point, Rect, Shape};

/// Soft hyphen: what a line that typst broke inside a word ends with.
pub const SHY: char = '\u{ad}';

/// A4 in points (210 × 297 mm).
pub const A4_PT: (f64, f64) = (595.276, 841.89);
/// F4 (folio) in points (215 × 330 mm).
pub const F4_PT: (f64, f64) = (609.449, 935.433);

/// One line of text as printed: the glyphs on one baseline within one block of the page.
#[derive(Debug, Clone)]
pub struct Baris {
    /// The text, words separated by one space. A line typst broke inside a word ends with
    /// [`SHY`] (printed as a hyphen).
    pub teks: String,
    /// Origin of the first glyph, in points from the left edge of the page.
    pub x: f64,
    /// Where the advance of the last glyph ends, in points from the left edge.
    pub x_akhir: f64,
    /// The baseline, in points from the TOP edge of the page (grows down the page).
    pub y: f64,
    /// Font size of the line's first glyph, in points.
    pub ukuran: f64,
    /// The words of the line with their horizontal extent.
    pub kata: Vec<Kata>,
    /// Index, on its page, of the block the line belongs to (a column, a box, a signature);
    /// lines of one paragraph share it.
    pub blok: usize,
    /// For every char of `teks`, the x where it starts (a space: where the gap starts).
    xs: Vec<f64>,
}

/// One word of a [`Baris`].
#[derive(Debug, Clone)]
pub struct Kata {
    pub teks: String,
    pub x: f64,
    pub x_akhir: f64,
}

impl Baris {
    /// Middle of the line, `(x + x_akhir) / 2`.
    pub fn x_tengah(&self) -> f64 {
        (self.x + self.x_akhir) / 2.0
    }

    /// The x where `potongan` first starts in this line, if it is in it.
    pub fn x_dari(&self, potongan: &str) -> Option<f64> {
        let byte = self.teks.find(potongan)?;
        let i = self.teks[..byte].chars().count();
        self.xs.get(i).copied()
    }
}

/// Opens a PDF or panics with a clear message.
fn buka(pdf: &[u8]) -> Pdf {
    assert!(
        pdf.starts_with(b"%PDF-"),
        "not a PDF: starts with {:?}",
        String::from_utf8_lossy(&pdf[..pdf.len().min(16)])
    );
    Pdf::new(pdf.to_vec()).unwrap_or_else(|e| panic!("the PDF cannot be read: {e:?}"))
}

/// Number of pages.
pub fn pdf_jumlah_halaman(pdf: &[u8]) -> usize {
    buka(pdf).pages().len()
}

/// Width and height of every page in points, as displayed (the page's rotation applied).
pub fn pdf_ukuran_halaman(pdf: &[u8]) -> Vec<(f64, f64)> {
    let doc = buka(pdf);
    doc.pages().iter().map(ukuran).collect()
}

fn ukuran(page: &Page<'_>) -> (f64, f64) {
    let mb = page.media_box();
    let (w, h) = (mb.width().abs(), mb.height().abs());
    match page.rotation() {
        Rotation::None | Rotation::Flipped => (w, h),
        Rotation::Horizontal | Rotation::FlippedHorizontal => (h, w),
    }
}

/// Whether two sizes in points are the same paper size (within half a point).
pub fn ukuran_sama(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5
}

/// The text of every page: its lines in reading order, words separated by one space, lines by
/// `\n`, except inside a word: a line of a block that ends in a hyphen after a letter or digit
/// goes on without a break (`antar-` and `Desa` read `antar-Desa`, where `pdftotext` dropped the
/// hyphen of the compound: `antarDesa`), and one that typst hyphenated (ending in [`SHY`]) goes
/// on without the hyphen (`penye-` and `lenggaraan` read `penyelenggaraan`). In a document where
/// typst hyphenated, a compound's hyphen at a line end reads as a soft one too (see
/// `jadi_baris`); Indonesian has no hyphenation patterns in typst, so today only the first case
/// occurs.
pub fn pdf_halaman(pdf: &[u8]) -> Vec<String> {
    pdf_baris(pdf)
        .into_iter()
        .map(|baris| {
            let mut teks = String::new();
            let mut sebelum: Option<&Baris> = None;
            for b in &baris {
                if let Some(p) = sebelum {
                    let mut akhir = p.teks.chars().rev();
                    let terakhir = akhir.next();
                    let sama = p.blok == b.blok;
                    if sama && terakhir == Some(SHY) {
                        teks.pop();
                    } else if !(sama
                        && terakhir == Some('-')
                        && akhir.next().is_some_and(char::is_alphanumeric))
                    {
                        teks.push('\n');
                    }
                }
                teks.push_str(&b.teks);
                sebelum = Some(b);
            }
            teks
        })
        .collect()
}

/// The whole text: the pages of [`pdf_halaman`], separated by `\n` and a form feed as
/// `pdftotext` does.
pub fn pdf_teks(pdf: &[u8]) -> String {
    pdf_halaman(pdf).join("\n\u{c}")
}

/// The lines of every page in reading order: the page's blocks (see `susun_baris`) top to
/// bottom and left to right, the lines of a block top to bottom. Lines side by side (two
/// columns, the two signatures, the cells of a table row) are separate lines of separate
/// blocks. Panics if a glyph has no Unicode value.
pub fn pdf_baris(pdf: &[u8]) -> Vec<Vec<Baris>> {
    let doc = buka(pdf);
    let cache = InterpreterCache::new();
    doc.pages()
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let mb = page.media_box();
            let mut ctx = Context::new(
                Affine::IDENTITY,
                Rect::new(mb.x0, mb.y0, mb.x1, mb.y1),
                &cache,
                doc.xref(),
                InterpreterSettings::default(),
            );
            let mut alat = Pengumpul {
                kiri: mb.x0.min(mb.x1),
                atas: mb.y0.max(mb.y1),
                glif: Vec::new(),
                garis: Vec::new(),
            };
            interpret_page(page, &mut ctx, &mut alat);
            assert!(
                !alat.glif.iter().any(|g| g.teks.contains('\u{fffd}')),
                "page {}: a glyph without Unicode (no ToUnicode entry)",
                i + 1
            );
            susun_baris(alat.glif, &alat.garis)
        })
        .collect()
}

/// A drawn glyph, in page coordinates (x from the left, y from the top, points).
#[derive(Debug, Clone)]
struct Glif {
    teks: String,
    x: f64,
    x_akhir: f64,
    y: f64,
    ukuran: f64,
}

/// A straight rule drawn on the page (a table border, a separator), in page coordinates.
#[derive(Debug, Clone, Copy)]
struct Garis {
    vertikal: bool,
    /// x of a vertical rule, y of a horizontal one.
    pos: f64,
    /// Its extent along its length.
    dari: f64,
    sampai: f64,
}

struct Pengumpul {
    kiri: f64,
    atas: f64,
    glif: Vec<Glif>,
    garis: Vec<Garis>,
}

impl Pengumpul {
    fn ke_halaman(&self, p: Point) -> Point {
        Point::new(p.x - self.kiri, self.atas - p.y)
    }

    fn tambah_garis(&mut self, a: Point, b: Point) {
        let (a, b) = (self.ke_halaman(a), self.ke_halaman(b));
        let (dx, dy) = ((a.x - b.x).abs(), (a.y - b.y).abs());
        if dx < 1.0 && dy > 2.0 {
            self.garis.push(Garis {
                vertikal: true,
                pos: (a.x + b.x) / 2.0,
                dari: a.y.min(b.y),
                sampai: a.y.max(b.y),
            });
        } else if dy < 1.0 && dx > 2.0 {
            self.garis.push(Garis {
                vertikal: false,
                pos: (a.y + b.y) / 2.0,
                dari: a.x.min(b.x),
                sampai: a.x.max(b.x),
            });
        }
    }
}

impl<'a> Device<'a> for Pengumpul {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, path: &BezPath, transform: Affine, _: &Paint<'a>, mode: &PathDrawMode) {
        match mode {
            // A stroked path: each straight segment may be a rule.
            PathDrawMode::Stroke(_) => {
                for seg in path.segments() {
                    if let PathSeg::Line(l) = seg {
                        self.tambah_garis(transform * l.p0, transform * l.p1);
                    }
                }
            }
            // A filled sliver is a rule too.
            PathDrawMode::Fill(_) => {
                let r = (transform * path.clone()).bounding_box();
                let tengah = r.center();
                if r.width() < 2.0 {
                    self.tambah_garis(Point::new(tengah.x, r.y0), Point::new(tengah.x, r.y1));
                } else if r.height() < 2.0 {
                    self.tambah_garis(Point::new(r.x0, tengah.y), Point::new(r.x1, tengah.y));
                }
            }
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        mode: &GlyphDrawMode,
    ) {
        // Invisible text is not what a reader sees.
        if matches!(mode, GlyphDrawMode::Invisible) {
            return;
        }
        let mut teks = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => '\u{fffd}'.to_string(),
        };
        // Zero-width format characters (word joiner, zero-width space, …) are not text a
        // reader sees; `pdftotext` kept the word joiner typst puts before page numbers.
        teks.retain(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'));
        if teks.is_empty() {
            return;
        }
        // Glyph space is 1000 units per em.
        let t = transform * glyph_transform;
        let asal = t * Point::ORIGIN;
        let maju = match glyph {
            Glyph::Outline(g) => g.advance_width().map(f64::from),
            Glyph::Type3(_) => None,
        }
        .unwrap_or(500.0);
        let akhir = t * Point::new(maju, 0.0);
        let atas = t * Point::new(0.0, 1000.0);
        let g = Glif {
            teks,
            x: self.ke_halaman(asal).x,
            x_akhir: self.ke_halaman(akhir).x,
            y: self.ke_halaman(asal).y,
            ukuran: (atas - asal).hypot(),
        };
        // Fill-and-stroke draws a glyph twice at the same place: keep it once.
        if let Some(p) = self.glif.last()
            && p.teks == g.teks
            && (p.x - g.x).abs() < 0.01
            && (p.y - g.y).abs() < 0.01
        {
            return;
        }
        self.glif.push(g);
    }
}

/// Orders a page's glyphs for reading: an XY-cut splits the page into blocks at empty strips
/// (first horizontal ones: header, body, signatures, table rows; then vertical ones: columns,
/// diagram boxes, table cells), blocks are read top to bottom and left to right, and within a
/// block glyphs on one baseline make a line. A strip counts when it is wide, or when a rule is
/// drawn along it across the whole block (the borders of a table's cells).
fn susun_baris(glif: Vec<Glif>, garis: &[Garis]) -> Vec<Baris> {
    let mut blok = Vec::new();
    potong(glif, garis, &mut blok);
    let mut semua = Vec::new();
    for (i, b) in blok.into_iter().enumerate() {
        for baris in per_garis_dasar(b) {
            semua.extend(jadi_baris(baris, i));
        }
    }
    semua
}

fn median_ukuran(glif: &[Glif]) -> f64 {
    let mut u: Vec<f64> = glif.iter().map(|g| g.ukuran).collect();
    u.sort_by(f64::total_cmp);
    u[u.len() / 2]
}

/// Extent of a glyph across the page (x) or down it (y, ascender to descender).
fn rentang(g: &Glif, vertikal: bool) -> (f64, f64) {
    if vertikal {
        (g.x, g.x_akhir)
    } else {
        (g.y - 0.8 * g.ukuran, g.y + 0.2 * g.ukuran)
    }
}

/// Splits `glif` at the empty strips across the whole set: vertical strips (`vertikal`) or
/// horizontal ones. A strip splits when it is at least `batas` wide or when one of `garis`
/// runs along it across the set. None when nothing splits.
fn belah(glif: &[Glif], garis: &[Garis], vertikal: bool, batas: f64) -> Option<Vec<Vec<Glif>>> {
    // The set's extent along the strips, which a rule must cover.
    let (lintang_a, lintang_b) =
        glif.iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), g| {
                let (x, y) = rentang(g, !vertikal);
                (a.min(x), b.max(y))
            });
    let mut urut: Vec<&Glif> = glif.iter().collect();
    urut.sort_by(|a, b| rentang(a, vertikal).0.total_cmp(&rentang(b, vertikal).0));
    let mut bagian: Vec<Vec<Glif>> = vec![Vec::new()];
    let mut ujung = f64::NEG_INFINITY;
    for g in urut {
        let (a, b) = rentang(g, vertikal);
        let bergaris = || {
            garis.iter().any(|l| {
                l.vertikal == vertikal
                    && l.pos > ujung - 0.5
                    && l.pos < a + 0.5
                    && l.dari <= lintang_a + 1.0
                    && l.sampai >= lintang_b - 1.0
            })
        };
        if !bagian.last().is_some_and(Vec::is_empty)
            && a > ujung + 1.0
            && (a - ujung >= batas || bergaris())
        {
            bagian.push(Vec::new());
        }
        ujung = ujung.max(b);
        bagian.last_mut().expect("one part").push(g.clone());
    }
    (bagian.len() > 1).then_some(bagian)
}

fn potong(glif: Vec<Glif>, garis: &[Garis], keluar: &mut Vec<Vec<Glif>>) {
    if glif.is_empty() {
        return;
    }
    let em = median_ukuran(&glif);
    // Lines of a paragraph are about 0.3 em apart (ascender to descender); paragraphs and
    // sections more than 0.5 em.
    let bagian = belah(&glif, garis, false, 0.5 * em).or_else(|| {
        // A justified line can stretch a space to 2 em, so a single line or two are split only
        // at a wider gap; three lines or more share a gap only where it is a gutter.
        let baris = per_garis_dasar(glif.clone()).len();
        let batas = if baris >= 3 { 1.2 } else { 2.5 } * em;
        // Side by side means sharing some height: a heading above a short line is not a
        // column beside it.
        belah(&glif, garis, true, batas).filter(|bagian| {
            let tinggi = |b: &Vec<Glif>| {
                b.iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, z), g| {
                        let (x, y) = rentang(g, false);
                        (a.min(x), z.max(y))
                    })
            };
            bagian.windows(2).all(|w| {
                let (a, b) = (tinggi(&w[0]), tinggi(&w[1]));
                a.0 < b.1 && b.0 < a.1
            })
        })
    });
    match bagian {
        Some(bagian) => bagian.into_iter().for_each(|b| potong(b, garis, keluar)),
        None => keluar.push(glif),
    }
}

/// Groups glyphs into lines: same baseline within 0.4 em, so a raised footnote mark stays on
/// its line. Top to bottom, each line left to right.
fn per_garis_dasar(mut glif: Vec<Glif>) -> Vec<Vec<Glif>> {
    glif.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut garis: Vec<Vec<Glif>> = Vec::new();
    for g in glif {
        match garis.last_mut() {
            Some(k) if (g.y - k[0].y).abs() <= 0.4 * g.ukuran.max(k[0].ukuran) => k.push(g),
            _ => garis.push(vec![g]),
        }
    }
    for k in &mut garis {
        k.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    garis
}

/// One line from its glyphs (left to right): a gap of 0.15 em or more, or a space glyph,
/// separates words. The baseline is the one most glyphs sit on (the median), not a
/// superscript's.
fn jadi_baris(glif: Vec<Glif>, blok: usize) -> Option<Baris> {
    let mut ys: Vec<f64> = glif.iter().map(|g| g.y).collect();
    ys.sort_by(f64::total_cmp);
    let y = *ys.get(ys.len() / 2)?;
    let mut kata: Vec<Kata> = Vec::new();
    let mut xs = Vec::new();
    let mut akhir = f64::NEG_INFINITY;
    let mut spasi = false;
    let mut ukuran = None;
    for g in &glif {
        if g.teks.trim().is_empty() {
            spasi = true;
            continue;
        }
        ukuran.get_or_insert(g.ukuran);
        let baru = kata.is_empty() || spasi || g.x - akhir >= 0.15 * g.ukuran;
        spasi = false;
        if baru {
            if !kata.is_empty() {
                xs.push(akhir);
            }
            kata.push(Kata {
                teks: String::new(),
                x: g.x,
                x_akhir: g.x_akhir,
            });
        }
        let k = kata.last_mut().expect("a word");
        for _ in g.teks.chars() {
            xs.push(g.x);
        }
        k.teks.push_str(&g.teks);
        k.x_akhir = k.x_akhir.max(g.x_akhir);
        akhir = akhir.max(g.x_akhir);
    }
    // The hyphen glyph has one Unicode value per font: after typst broke a word, it maps to
    // U+00AD SOFT HYPHEN everywhere, also in `well-known`. Only the last one on a line is the
    // soft break; the others are hyphens.
    let n = kata.len();
    for (i, k) in kata.iter_mut().enumerate() {
        let akhir_baris = if i + 1 == n {
            k.teks.strip_suffix(SHY)
        } else {
            None
        };
        k.teks = match akhir_baris {
            Some(awal) => format!("{}{SHY}", awal.replace(SHY, "-")),
            None => k.teks.replace(SHY, "-"),
        };
    }
    let teks = kata
        .iter()
        .map(|k| k.teks.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    debug_assert_eq!(teks.chars().count(), xs.len());
    Some(Baris {
        x: kata.first()?.x,
        x_akhir: kata
            .iter()
            .map(|k| k.x_akhir)
            .fold(f64::NEG_INFINITY, f64::max),
        y,
        ukuran: ukuran?,
        blok,
        teks,
        kata,
        xs,
    })
}

/// Structural check, what `qpdf --check` gave us: the header, `startxref`, a cross-reference
/// table whose every entry points at its object, a trailer with `/Root` and a `/Size` that
/// covers every object; every object readable, every stream of the length it declares and
/// decodable through its filters; a catalog whose page tree counts the pages it has, each page
/// with a media box and content that can be interpreted. Panics naming the first problem.
pub fn pdf_sah(pdf: &[u8]) {
    assert!(
        pdf.starts_with(b"%PDF-1.") || pdf.starts_with(b"%PDF-2.0"),
        "no %PDF-1.x header"
    );
    let ekor = &pdf[pdf.len().saturating_sub(1024)..];
    assert!(
        trim_akhir(ekor).ends_with(b"%%EOF"),
        "the file does not end with %%EOF (truncated?)"
    );
    let id = periksa_xref(pdf);

    let doc = Pdf::new(pdf.to_vec()).unwrap_or_else(|e| panic!("the PDF cannot be read: {e:?}"));
    let xref = doc.xref();
    for &(n, g) in &id {
        let oid = ObjectIdentifier::new(n, g);
        let obj = xref
            .get::<Object<'_>>(oid)
            .unwrap_or_else(|| panic!("object {n} {g} cannot be read"));
        if let Some(s) = obj.into_stream() {
            periksa_stream(&s, n, g);
        }
    }
    let katalog = xref
        .get::<Dict<'_>>(xref.root_id())
        .expect("the trailer's /Root is a dictionary");
    assert_eq!(
        katalog
            .get::<hayro_interpret::hayro_syntax::object::Name<'_>>(b"Type".as_slice())
            .map(|n| n.as_ref().to_vec()),
        Some(b"Catalog".to_vec()),
        "/Root is not a /Catalog"
    );
    let pohon = katalog
        .get::<Dict<'_>>(b"Pages".as_slice())
        .expect("the catalog has a /Pages dictionary");
    let jumlah = pohon
        .get::<i32>(b"Count".as_slice())
        .expect("the page tree has a /Count");
    let halaman = doc.pages();
    assert!(!halaman.is_empty(), "the PDF has no page");
    assert_eq!(
        usize::try_from(jumlah).ok(),
        Some(halaman.len()),
        "/Count {jumlah} but {} pages in the tree",
        halaman.len()
    );
    let cache = InterpreterCache::new();
    for (i, page) in halaman.iter().enumerate() {
        let (w, h) = ukuran(page);
        assert!(w > 1.0 && h > 1.0, "page {}: media box {w}×{h}", i + 1);
        assert!(
            page.page_stream().is_some(),
            "page {}: content stream missing or not decodable",
            i + 1
        );
        let mb = page.media_box();
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(mb.x0, mb.y0, mb.x1, mb.y1),
            &cache,
            xref,
            InterpreterSettings::default(),
        );
        interpret_page(page, &mut ctx, &mut hayro_interpret::DummyDevice);
    }
}

fn trim_akhir(mut b: &[u8]) -> &[u8] {
    while let [rest @ .., last] = b
        && last.is_ascii_whitespace()
    {
        b = rest;
    }
    b
}

fn periksa_stream(s: &Stream<'_>, n: i32, g: i32) {
    if let Some(panjang) = s.dict().get::<i64>(b"Length".as_slice()) {
        assert_eq!(
            s.raw_data().len() as i64,
            panjang,
            "object {n} {g}: stream /Length {panjang} is not the length of its data"
        );
    }
    // hayro decodes leniently (a damaged zlib stream still yields bytes), so Flate data, which
    // is what typst compresses with, is inflated strictly too: header, data and checksum.
    let flate = match s.dict().get::<Object<'_>>(b"Filter".as_slice()) {
        Some(Object::Name(f)) => f.as_ref() == b"FlateDecode",
        _ => false,
    };
    if flate {
        let mut keluar = Vec::new();
        let data = s.raw_data();
        let mut z = flate2::read::ZlibDecoder::new(&data[..]);
        if let Err(e) = std::io::Read::read_to_end(&mut z, &mut keluar) {
            panic!("object {n} {g}: Flate stream cannot be decoded ({e})");
        }
    }
    if let Err(e) = s.decoded() {
        panic!("object {n} {g}: stream cannot be decoded ({e:?})");
    }
}

/// Reads `startxref` and the cross-reference section(s) it leads to, checking that every
/// in-use entry's offset starts `N G obj`; returns the in-use object ids.
fn periksa_xref(pdf: &[u8]) -> Vec<(i32, i32)> {
    let pos = cari_akhir(pdf, b"startxref").expect("no startxref");
    let angka = baca_kata(pdf, pos + b"startxref".len());
    let mut offset: usize = angka
        .parse()
        .unwrap_or_else(|_| panic!("startxref is followed by {angka:?}, not an offset"));
    let mut id = Vec::new();
    let mut dilihat = BTreeSet::new();
    let mut ukuran_trailer = None;
    let mut root = false;
    loop {
        assert!(
            dilihat.insert(offset),
            "the cross-reference sections loop back to {offset}"
        );
        assert!(offset < pdf.len(), "xref offset {offset} past the end");
        let sisa = &pdf[offset..];
        if sisa.starts_with(b"xref") {
            let (entri, trailer_pos) = baca_tabel(pdf, offset + 4);
            for (n, g, off) in entri {
                assert!(
                    awal_objek(pdf, off, n, g),
                    "xref entry for object {n} {g} points at offset {off}, where that object is not"
                );
                id.push((n, g));
            }
            let trailer = &pdf[trailer_pos..];
            assert!(
                trailer.starts_with(b"trailer"),
                "no trailer after the xref table"
            );
            let akhir = cari(trailer, b"startxref")
                .or_else(|| cari(trailer, b"xref"))
                .unwrap_or(trailer.len());
            let kamus = String::from_utf8_lossy(&trailer[..akhir]).into_owned();
            root |= kamus.contains("/Root");
            if ukuran_trailer.is_none() {
                ukuran_trailer = nilai_setelah(&kamus, "/Size");
            }
            match nilai_setelah(&kamus, "/Prev") {
                Some(prev) => offset = prev as usize,
                None => break,
            }
        } else {
            // A cross-reference stream: hayro reads it; check at least that it is an object.
            let kepala = String::from_utf8_lossy(&sisa[..sisa.len().min(200)]).into_owned();
            assert!(
                kepala.contains(" obj") && kepala.contains("/XRef"),
                "startxref {offset} points at neither `xref` nor an /XRef stream"
            );
            return id;
        }
    }
    assert!(root, "the trailer has no /Root");
    let ukuran = ukuran_trailer.expect("the trailer has no /Size");
    let terbesar = id.iter().map(|&(n, _)| n as i64).max().unwrap_or(0);
    assert!(
        ukuran > terbesar,
        "trailer /Size {ukuran} does not cover object {terbesar}"
    );
    id
}

/// Entries `(number, generation, offset)` in use, and the position after the table.
fn baca_tabel(pdf: &[u8], mut pos: usize) -> (Vec<(i32, i32, usize)>, usize) {
    let mut entri = Vec::new();
    loop {
        pos = lewati_spasi(pdf, pos);
        if pdf[pos..].starts_with(b"trailer") {
            return (entri, pos);
        }
        let awal = baca_kata(pdf, pos);
        let pos2 = lewati_spasi(pdf, pos + awal.len());
        let jumlah = baca_kata(pdf, pos2);
        let (Ok(awal_n), Ok(jumlah_n)) = (awal.parse::<i32>(), jumlah.parse::<i32>()) else {
            panic!("xref subsection header {awal:?} {jumlah:?} at {pos} is not two numbers");
        };
        pos = pos2 + jumlah.len();
        // The header line ends with an end-of-line; entries are 20 bytes each.
        while pdf.get(pos).is_some_and(|&b| b == b' ' || b == b'\r') {
            pos += 1;
        }
        assert_eq!(
            pdf.get(pos),
            Some(&b'\n'),
            "xref subsection header at {pos}"
        );
        pos += 1;
        for i in 0..jumlah_n {
            let baris = pdf
                .get(pos..pos + 20)
                .unwrap_or_else(|| panic!("xref entry {} truncated", awal_n + i));
            let s = String::from_utf8_lossy(baris);
            let bagian: Vec<&str> = s.split_whitespace().collect();
            let [off, gen_, jenis] = bagian[..] else {
                panic!("xref entry {} is {s:?}", awal_n + i);
            };
            assert!(
                off.len() == 10 && gen_.len() == 5,
                "xref entry {} is {s:?}",
                awal_n + i
            );
            match jenis {
                "n" => entri.push((
                    awal_n + i,
                    gen_.parse().expect("generation"),
                    off.parse().expect("offset"),
                )),
                "f" => {}
                _ => panic!("xref entry {} is {s:?}", awal_n + i),
            }
            pos += 20;
        }
    }
}

fn awal_objek(pdf: &[u8], off: usize, n: i32, g: i32) -> bool {
    let harap = format!("{n} {g} obj");
    pdf.get(off..off + harap.len())
        .is_some_and(|b| b == harap.as_bytes())
}

fn nilai_setelah(teks: &str, kunci: &str) -> Option<i64> {
    let i = teks.find(kunci)? + kunci.len();
    teks[i..]
        .split(|c: char| !c.is_ascii_digit() && c != ' ')
        .find(|s| !s.trim().is_empty())?
        .trim()
        .parse()
        .ok()
}

fn lewati_spasi(pdf: &[u8], mut pos: usize) -> usize {
    while pdf.get(pos).is_some_and(u8::is_ascii_whitespace) {
        pos += 1;
    }
    pos
}

fn baca_kata(pdf: &[u8], pos: usize) -> String {
    let pos = lewati_spasi(pdf, pos);
    let akhir = pdf[pos..]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(pdf.len(), |i| pos + i);
    String::from_utf8_lossy(&pdf[pos..akhir]).into_owned()
}

fn cari(h: &[u8], jarum: &[u8]) -> Option<usize> {
    h.windows(jarum.len()).position(|w| w == jarum)
}

fn cari_akhir(h: &[u8], jarum: &[u8]) -> Option<usize> {
    h.windows(jarum.len()).rposition(|w| w == jarum)
}
