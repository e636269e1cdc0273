//! Reading a typeset document back into paragraphs and tables.
//!
//! The frames hold every run of text where it was set, and tags where typst's structural
//! elements begin and end: paragraphs, grids and tables and their cells (with their column,
//! row and span), underlines, and the metadata our layouts add (`<sinergi-halaman>` with the
//! margins, `<sinergi-judul>` before a heading). Text that is in no paragraph (a centred title,
//! a cell's few words) forms paragraphs by its lines. What the tags do not say is read from the
//! geometry, once the bounds of the paragraph's container are known: alignment, indents, a
//! hanging label (a wide gap after it becomes a tab), whether a line ended by itself or was
//! broken on purpose, and the space above.

use std::collections::HashMap;

use typst::foundations::{Content, Value};
use typst::introspection::{Location, MetadataElem, Tag};
use typst::layout::{Frame, FrameItem, GridElem, Point, Transform};
use typst::model::{ParElem, TableElem};
use typst::text::{FontStyle, TextItem, UnderlineElem};
use typst::visualize::{Geometry, ImageKind};
use typst_layout::PagedDocument;

use super::{Gaya, Halaman, Model, Rata, Tabel};

mod susun;
use susun::{ke_png, sel_dari, selesaikan_wadah, susun_tabel, tutup_par_di};

/// The metadata a layout sets with the page margins, in points.
const LABEL_HALAMAN: &str = "sinergi-halaman";
/// The metadata a layout puts before a heading of the wording, with its level.
const LABEL_JUDUL: &str = "sinergi-judul";

pub(super) fn baca(dok: &PagedDocument) -> Model {
    let mut p = Pembaca::default();
    p.wadah.push(Wadah::default());
    for (i, halaman) in dok.pages().iter().enumerate() {
        p.halaman_ke = i;
        p.halaman.lebar = halaman.frame.width().to_pt();
        p.halaman.tinggi = halaman.frame.height().to_pt();
        p.bingkai(&halaman.frame, Transform::identity());
    }
    // Whatever is still open (it should not be) is closed in order.
    while !p.tabel.is_empty() {
        while p.wadah.len() > p.tabel.last().map_or(1, |t| t.kedalaman) {
            p.tutup_sel();
        }
        p.tutup_tabel();
    }
    p.tutup_par();
    let halaman = p.halaman;
    let akar = p.wadah.pop().unwrap_or_default();
    Model {
        blok: selesaikan_wadah(akar.blok, halaman.kiri, halaman.lebar - halaman.kanan, None),
        halaman,
    }
}

#[derive(Default)]
struct Pembaca {
    halaman: Halaman,
    halaman_ke: usize,
    /// Where text goes: the page's flow at the bottom, then the cells being read.
    wadah: Vec<Wadah>,
    /// Tables and grids being read, innermost last.
    tabel: Vec<TabelSedang>,
    /// What each open tag is.
    buka: HashMap<Location, Buka>,
    /// Open repeated table headers (read once, where they first appear).
    lewati: usize,
    /// Open underlines.
    garis_bawah: usize,
    /// The next paragraph is a heading of this level.
    judul: Option<u8>,
    /// The next text starts a paragraph typst made (not one formed by lines).
    par_berikut: bool,
}

enum Buka {
    Par,
    Tabel,
    Sel,
    GarisBawah,
    Lewati,
}

/// A container of blocks: the page flow or a cell.
#[derive(Default)]
struct Wadah {
    blok: Vec<Mentah>,
    par: Option<ParMentah>,
    /// Page and y of the bottom of the last line placed, for the space above the next.
    bawah: Option<(usize, f64)>,
}

enum Mentah {
    Par(ParMentah),
    Tabel(Tabel),
}

struct ParMentah {
    /// Opened by a paragraph tag: its lines belong together whatever the gaps.
    eksplisit: bool,
    judul: Option<u8>,
    garis: Vec<Garis>,
    atas: f64,
    garis_bawah: Option<f64>,
}

/// One line of a paragraph: baseline, largest font size, its runs left to right.
struct Garis {
    y: f64,
    ukuran: f64,
    potong: Vec<Run>,
}

struct Run {
    x0: f64,
    x1: f64,
    isi: RunIsi,
}

enum RunIsi {
    Teks(Gaya, String),
    Gambar {
        png: Vec<u8>,
        px: (u32, u32),
        pt: (f64, f64),
    },
}

struct TabelSedang {
    bergaris: bool,
    /// How many containers were open when it started: its cells are above that.
    kedalaman: usize,
    sel: Vec<SelSedang>,
    /// Cells by location, for content typst places after a cell's tags (a cell split
    /// across pages).
    menurut_lokasi: HashMap<Location, usize>,
}

struct SelSedang {
    x: usize,
    y: usize,
    rentang: usize,
    rata: Option<Rata>,
    /// Where the cell starts: page and top-left corner.
    halaman: usize,
    awal: Point,
    wadah: Option<Wadah>,
}

impl Pembaca {
    fn bingkai(&mut self, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            let mutlak = pos.transform(ts);
            match item {
                FrameItem::Group(g) => {
                    let ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform);
                    let induk = g.parent.map(|p| p.location);
                    let masuk = induk.is_some_and(|l| self.buka_lagi(l));
                    self.bingkai(&g.frame, ts);
                    if masuk {
                        self.tutup_lagi(induk);
                    }
                }
                FrameItem::Text(t) => self.teks(mutlak, t),
                FrameItem::Image(gambar, ukuran, _) => {
                    let ImageKind::Raster(r) = gambar.kind() else {
                        continue;
                    };
                    let Some(png) = ke_png(r.data(), r.format()) else {
                        continue;
                    };
                    let pt = (ukuran.x.to_pt(), ukuran.y.to_pt());
                    self.gambar(mutlak, png, (r.width(), r.height()), pt);
                }
                FrameItem::Shape(bentuk, _) => {
                    if let (Geometry::Line(akhir), Some(garis)) = (&bentuk.geometry, &bentuk.stroke)
                        && akhir.y.to_pt().abs() < 0.01
                    {
                        self.garis(akhir.x.to_pt().abs(), garis.thickness.to_pt());
                    }
                }
                FrameItem::Tag(Tag::Start(isi, _)) => self.mulai(isi, mutlak),
                FrameItem::Tag(Tag::End(lokasi, _, _)) => self.akhir(*lokasi),
                FrameItem::Link(..) => {}
            }
        }
    }

    /// Inside the page's text area (not the footer with its page numbers).
    fn di_badan(&self, y: f64) -> bool {
        y >= self.halaman.atas - 1.0 && y <= self.halaman.tinggi - self.halaman.bawah + 1.0
    }

    fn teks(&mut self, pos: Point, t: &TextItem) {
        let (x, y) = (pos.x.to_pt(), pos.y.to_pt());
        if self.lewati > 0 {
            return;
        }
        if !self.di_badan(y) {
            if t.text.contains("Halaman") {
                self.halaman.bernomor = true;
            }
            return;
        }
        let varian = t.font.font().info().variant;
        let gaya = Gaya {
            tebal: varian.weight.to_number() >= 600,
            miring: varian.style != FontStyle::Normal,
            garis_bawah: self.garis_bawah > 0,
            ukuran: t.size.to_pt(),
        };
        let teks: String = t.text.chars().filter(|c| *c != '\u{ad}').collect();
        let lebar = t.width().to_pt();
        self.taruh(
            y,
            gaya.ukuran,
            Run {
                x0: x,
                x1: x + lebar,
                isi: RunIsi::Teks(gaya, teks),
            },
        );
    }

    fn gambar(&mut self, pos: Point, png: Vec<u8>, px: (u32, u32), pt: (f64, f64)) {
        if self.lewati > 0 || !self.di_badan(pos.y.to_pt()) {
            return;
        }
        // An image is a paragraph of its own, its baseline at its bottom.
        self.tutup_par();
        let (x, y) = (pos.x.to_pt(), pos.y.to_pt());
        self.taruh(
            y + pt.1,
            pt.1,
            Run {
                x0: x,
                x1: x + pt.0,
                isi: RunIsi::Gambar { png, px, pt },
            },
        );
        self.tutup_par();
    }

    /// A horizontal rule across the text (a letterhead's) underlines the paragraph before it;
    /// short lines (underlined names) and the rules of tables are not rules of the page.
    fn garis(&mut self, panjang: f64, tebal: f64) {
        let lebar = self.halaman.lebar - self.halaman.kiri - self.halaman.kanan;
        if self.lewati > 0 || !self.tabel.is_empty() || panjang < 0.8 * lebar {
            return;
        }
        let Some(w) = self.wadah.last_mut() else {
            return;
        };
        let par = match (&mut w.par, w.blok.last_mut()) {
            (Some(p), _) => Some(p),
            (None, Some(Mentah::Par(p))) => Some(p),
            _ => None,
        };
        if let Some(p) = par {
            p.garis_bawah = Some(p.garis_bawah.unwrap_or(0.0).max(tebal));
        }
    }

    /// Puts a run on the current paragraph's line at baseline `y`, or on a new line, or in a
    /// new paragraph when the gap says the text has moved on.
    fn taruh(&mut self, y: f64, ukuran: f64, run: Run) {
        let halaman_ke = self.halaman_ke;
        let judul = self.judul;
        let eksplisit = std::mem::take(&mut self.par_berikut);
        let Some(w) = self.wadah.last_mut() else {
            return;
        };
        if let Some(p) = &w.par
            && !p.eksplisit
            && let Some(akhir) = p.garis.last()
            && (y - akhir.y).abs() > 0.35 * ukuran.max(akhir.ukuran)
            && (y < akhir.y || y - akhir.y > 1.75 * ukuran.max(akhir.ukuran))
        {
            tutup_par_di(w, halaman_ke);
        }
        if eksplisit && w.par.is_some() {
            tutup_par_di(w, halaman_ke);
        }
        if w.par.is_none() {
            let atas = match w.bawah {
                Some((h, bawah)) if h == halaman_ke => {
                    (y - 0.8 * ukuran - bawah - 0.2 * ukuran).clamp(0.0, 60.0)
                }
                _ => 0.0,
            };
            w.par = Some(ParMentah {
                eksplisit,
                judul,
                garis: Vec::new(),
                atas,
                garis_bawah: None,
            });
            self.judul = None;
        }
        let Some(p) = w.par.as_mut() else { return };
        match p.garis.last_mut() {
            Some(g) if (y - g.y).abs() <= 0.35 * ukuran.max(g.ukuran) => {
                g.ukuran = g.ukuran.max(ukuran);
                g.potong.push(run);
            }
            _ => p.garis.push(Garis {
                y,
                ukuran,
                potong: vec![run],
            }),
        }
    }

    fn mulai(&mut self, isi: &Content, pos: Point) {
        let Some(lokasi) = isi.location() else { return };
        if self.lewati > 0 {
            self.lewati += 1;
            self.buka.insert(lokasi, Buka::Lewati);
            return;
        }
        if isi.is::<ParElem>() {
            self.tutup_par();
            self.par_berikut = true;
            self.buka.insert(lokasi, Buka::Par);
        } else if let Some(m) = isi.to_packed::<MetadataElem>() {
            let label = isi.label().map(|l| l.resolve().as_str().to_string());
            match (label.as_deref(), &m.value) {
                (Some(LABEL_JUDUL), Value::Int(n)) => {
                    self.tutup_par();
                    self.judul = Some((*n).clamp(1, 6) as u8);
                }
                (Some(LABEL_HALAMAN), Value::Dict(d)) => {
                    let ambil = |k: &str| match d.get(k) {
                        Ok(Value::Float(f)) => Some(*f),
                        Ok(Value::Int(i)) => Some(*i as f64),
                        _ => None,
                    };
                    let h = &mut self.halaman;
                    h.atas = ambil("atas").unwrap_or(h.atas);
                    h.bawah = ambil("bawah").unwrap_or(h.bawah);
                    h.kiri = ambil("kiri").unwrap_or(h.kiri);
                    h.kanan = ambil("kanan").unwrap_or(h.kanan);
                }
                _ => {}
            }
        } else if isi.is::<GridElem>() || isi.is::<TableElem>() {
            self.tutup_par();
            self.tabel.push(TabelSedang {
                bergaris: isi.is::<TableElem>(),
                kedalaman: self.wadah.len(),
                sel: Vec::new(),
                menurut_lokasi: HashMap::new(),
            });
            self.buka.insert(lokasi, Buka::Tabel);
        } else if let Some((x, y, rentang, rata, ulang)) = sel_dari(isi) {
            if ulang {
                self.lewati += 1;
                self.buka.insert(lokasi, Buka::Lewati);
                return;
            }
            self.tutup_par();
            let Some(t) = self.tabel.last_mut() else {
                return;
            };
            t.menurut_lokasi.insert(lokasi, t.sel.len());
            t.sel.push(SelSedang {
                x,
                y,
                rentang,
                rata,
                halaman: self.halaman_ke,
                awal: pos,
                wadah: None,
            });
            self.wadah.push(Wadah::default());
            self.buka.insert(lokasi, Buka::Sel);
        } else if isi.is::<UnderlineElem>() {
            self.garis_bawah += 1;
            self.buka.insert(lokasi, Buka::GarisBawah);
        }
    }

    fn akhir(&mut self, lokasi: Location) {
        match self.buka.remove(&lokasi) {
            Some(Buka::Par) => self.tutup_par(),
            Some(Buka::Tabel) => {
                let kedalaman = self.tabel.last().map_or(1, |t| t.kedalaman);
                while self.wadah.len() > kedalaman {
                    self.tutup_sel();
                }
                self.tutup_tabel();
            }
            Some(Buka::Sel) => self.tutup_sel(),
            Some(Buka::GarisBawah) => self.garis_bawah = self.garis_bawah.saturating_sub(1),
            Some(Buka::Lewati) => self.lewati = self.lewati.saturating_sub(1),
            None => {}
        }
    }

    fn tutup_par(&mut self) {
        let halaman_ke = self.halaman_ke;
        if let Some(w) = self.wadah.last_mut() {
            tutup_par_di(w, halaman_ke);
        }
    }

    /// Ends the innermost cell: its container goes back to its table.
    fn tutup_sel(&mut self) {
        self.tutup_par();
        if self.wadah.len() <= 1 {
            return;
        }
        let Some(w) = self.wadah.pop() else { return };
        if let Some(s) = self
            .tabel
            .last_mut()
            .and_then(|t| t.sel.iter_mut().rev().find(|s| s.wadah.is_none()))
        {
            s.wadah = Some(w);
        }
    }

    /// Content typst placed after a cell's tags (the rest of a cell split across pages) goes
    /// back into that cell.
    fn buka_lagi(&mut self, lokasi: Location) -> bool {
        let Some(t) = self.tabel.last_mut() else {
            return false;
        };
        let Some(&i) = t.menurut_lokasi.get(&lokasi) else {
            return false;
        };
        let Some(w) = t.sel[i].wadah.take() else {
            return false;
        };
        self.tutup_par();
        self.wadah.push(w);
        true
    }

    fn tutup_lagi(&mut self, lokasi: Option<Location>) {
        self.tutup_par();
        let Some(lokasi) = lokasi else { return };
        if self.wadah.len() <= 1 {
            return;
        }
        let Some(w) = self.wadah.pop() else { return };
        if let Some(t) = self.tabel.last_mut()
            && let Some(&i) = t.menurut_lokasi.get(&lokasi)
        {
            t.sel[i].wadah = Some(w);
        }
    }

    fn tutup_tabel(&mut self) {
        let Some(t) = self.tabel.pop() else { return };
        let di_akar = self.wadah.len() == 1;
        let batas_kanan = self.halaman.lebar - self.halaman.kanan;
        let tabel = susun_tabel(t, di_akar.then_some(batas_kanan));
        let bawah = (self.halaman_ke, tabel.1);
        if let Some(w) = self.wadah.last_mut() {
            w.blok.push(Mentah::Tabel(tabel.0));
            w.bawah = Some(bawah);
        }
    }
}
