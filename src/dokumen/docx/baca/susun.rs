//! From what was read to blocks: tables from their cells, paragraphs from their lines, with
//! alignment, indents and spacing read from the geometry.

use typst::foundations::{Content, Smart, StyleChain};
use typst::layout::{GridCell, HAlignment};
use typst::model::TableCell;
use typst::visualize::{ExchangeFormat, RasterFormat};

use super::super::{BarisTabel, Blok, Gaya, Paragraf, Potong, Rata, Sel, Tabel};
use super::{Garis, Mentah, ParMentah, Run, RunIsi, SelSedang, TabelSedang, Wadah};

/// Column, row, span, alignment and whether it is a repeated header, of a grid or table cell.
pub(super) fn sel_dari(isi: &Content) -> Option<(usize, usize, usize, Option<Rata>, bool)> {
    let gaya = StyleChain::default();
    let (x, y, rentang, rata, ulang) = if let Some(c) = isi.to_packed::<GridCell>() {
        (
            c.x.get(gaya),
            c.y.get(gaya),
            c.colspan.get(gaya).get(),
            c.align.get(gaya),
            c.is_repeated.get(gaya),
        )
    } else if let Some(c) = isi.to_packed::<TableCell>() {
        (
            c.x.get(gaya),
            c.y.get(gaya),
            c.colspan.get(gaya).get(),
            c.align.get(gaya),
            c.is_repeated.get(gaya),
        )
    } else {
        return None;
    };
    let angka = |s: Smart<usize>| match s {
        Smart::Custom(n) => n,
        Smart::Auto => 0,
    };
    let rata = match rata {
        Smart::Custom(a) => a.x().map(|h| match h {
            HAlignment::Center => Rata::Tengah,
            HAlignment::Right | HAlignment::End => Rata::Kanan,
            HAlignment::Left | HAlignment::Start => Rata::Kiri,
        }),
        Smart::Auto => None,
    };
    Some((angka(x), angka(y), rentang.max(1), rata, ulang))
}

pub(super) fn tutup_par_di(w: &mut Wadah, halaman_ke: usize) {
    if let Some(p) = w.par.take()
        && let Some(akhir) = p.garis.last()
    {
        w.bawah = Some((halaman_ke, akhir.y + 0.25 * akhir.ukuran));
        w.blok.push(Mentah::Par(p));
    }
}

/// A table from its cells: columns where the cells start, rows as numbered, each row at least
/// as tall as it was set. Returns the table and the y of its bottom.
pub(super) fn susun_tabel(t: TabelSedang, batas_kanan: Option<f64>) -> (Tabel, f64) {
    let sel: Vec<SelSedang> = t.sel;
    let n_kolom = sel.iter().map(|s| s.x + s.rentang).max().unwrap_or(1);
    let n_baris = sel.iter().map(|s| s.y + 1).max().unwrap_or(0);
    // Where each column starts: the leftmost cell that starts there.
    let mut awal: Vec<Option<f64>> = vec![None; n_kolom];
    for s in &sel {
        let x = s.awal.x.to_pt();
        awal[s.x] = Some(awal[s.x].map_or(x, |a: f64| a.min(x)));
    }
    let kanan_isi = sel
        .iter()
        .filter_map(|s| s.wadah.as_ref())
        .flat_map(|w| w.blok.iter())
        .filter_map(|b| match b {
            Mentah::Par(p) => p
                .garis
                .iter()
                .filter_map(|g| g.potong.last().map(|r| r.x1))
                .reduce(f64::max),
            Mentah::Tabel(t) => Some(t.kolom.iter().sum::<f64>()),
        })
        .reduce(f64::max)
        .unwrap_or(0.0);
    let kiri = awal
        .iter()
        .flatten()
        .copied()
        .reduce(f64::min)
        .unwrap_or(0.0);
    let kanan = batas_kanan.unwrap_or(kanan_isi + 2.0).max(kiri + 10.0);
    // Columns without a cell of their own share the width left between their neighbours.
    let mut mulai = Vec::with_capacity(n_kolom + 1);
    for (i, a) in awal.iter().enumerate() {
        mulai.push(a.unwrap_or_else(|| {
            let sebelum = mulai.last().copied().unwrap_or(kiri);
            let sesudah = awal[i..].iter().flatten().next().copied().unwrap_or(kanan);
            sebelum + (sesudah - sebelum) / 2.0
        }));
    }
    mulai.push(kanan);
    let kolom: Vec<f64> = mulai.windows(2).map(|w| (w[1] - w[0]).max(12.0)).collect();
    // Row tops, where the row's cells start on one page.
    let mut atas: Vec<Option<(usize, f64)>> = vec![None; n_baris];
    for s in &sel {
        let y = s.awal.y.to_pt();
        let a = &mut atas[s.y];
        *a = match *a {
            Some((h, v)) if h == s.halaman => Some((h, v.min(y))),
            Some(x) => Some(x),
            None => Some((s.halaman, y)),
        };
    }
    let mut bawah = 0.0;
    let mut baris: Vec<BarisTabel> = (0..n_baris)
        .map(|r| {
            let tinggi = match (atas[r], atas.get(r + 1).copied().flatten()) {
                (Some((h1, y1)), Some((h2, y2))) if h1 == h2 && y2 > y1 => Some(y2 - y1),
                _ => None,
            };
            BarisTabel {
                tinggi,
                sel: Vec::new(),
            }
        })
        .collect();
    let inset = if t.bergaris { 6.0 } else { 0.0 };
    let mut sel = sel;
    sel.sort_by_key(|s| (s.y, s.x));
    for s in sel {
        let w = s.wadah.unwrap_or_default();
        if let Some((_, b)) = w.bawah {
            bawah = b;
        }
        let kiri_sel = mulai[s.x] + inset;
        let kanan_sel = mulai[(s.x + s.rentang).min(n_kolom)] - inset;
        let blok = selesaikan_wadah(w.blok, kiri_sel, kanan_sel, s.rata);
        baris[s.y].sel.push(Sel {
            kolom: s.x,
            rentang: s.rentang,
            blok,
        });
    }
    (
        Tabel {
            bergaris: t.bergaris,
            kolom,
            baris,
        },
        bawah,
    )
}

/// Final blocks of a container whose text lies between `kiri` and `kanan`.
pub(super) fn selesaikan_wadah(
    blok: Vec<Mentah>,
    kiri: f64,
    kanan: f64,
    rata: Option<Rata>,
) -> Vec<Blok> {
    blok.into_iter()
        .map(|b| match b {
            Mentah::Par(p) => Blok::Paragraf(selesaikan_par(p, kiri, kanan, rata)),
            Mentah::Tabel(t) => Blok::Tabel(t),
        })
        .collect()
}

fn teks_run(r: &Run) -> &str {
    match &r.isi {
        RunIsi::Teks(_, s) => s,
        RunIsi::Gambar { .. } => "",
    }
}

/// The width of a line's first word, estimated from its run.
fn lebar_kata_pertama(g: &Garis) -> f64 {
    let Some(r) = g.potong.first() else {
        return 0.0;
    };
    let s = teks_run(r);
    let n = s.chars().count().max(1) as f64;
    let k = s
        .trim_start()
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .chars()
        .count() as f64;
    (r.x1 - r.x0) * k / n
}

fn selesaikan_par(p: ParMentah, kiri: f64, kanan: f64, petunjuk: Option<Rata>) -> Paragraf {
    let toleransi = 1.5;
    let lebar = (kanan - kiri).max(1.0);
    let garis: Vec<&Garis> = p.garis.iter().filter(|g| !g.potong.is_empty()).collect();
    let n = garis.len();
    let kiri_g: Vec<f64> = garis.iter().map(|g| g.potong[0].x0 - kiri).collect();
    let kanan_g: Vec<f64> = garis
        .iter()
        .map(|g| kanan - g.potong.last().map_or(kanan, |r| r.x1))
        .collect();
    let penuh = |i: usize| kanan_g[i] < toleransi;
    let mut rata = if n >= 2 && (0..n - 1).all(penuh) {
        Rata::Penuh
    } else if n > 0
        && (0..n).all(|i| {
            kiri_g[i] > toleransi && (kiri_g[i] - kanan_g[i]).abs() < (0.02 * lebar).max(3.0)
        })
    {
        Rata::Tengah
    } else if n > 0 && (0..n).all(|i| kanan_g[i] < toleransi && kiri_g[i] > toleransi) {
        Rata::Kanan
    } else if n >= 2 {
        Rata::Kiri
    } else {
        Rata::Penuh
    };
    // A cell's own alignment settles a short line that geometry alone cannot.
    if let Some(h @ (Rata::Tengah | Rata::Kanan)) = petunjuk
        && (rata != Rata::Penuh || n == 1)
    {
        rata = h;
    }
    let mut isi: Vec<Potong> = Vec::new();
    let mut tab: Option<f64> = None;
    for (i, g) in garis.iter().enumerate() {
        if i > 0 {
            let sebelum = garis[i - 1];
            let akhir = sebelum.potong.last().map(teks_run).unwrap_or("");
            let ruang = match rata {
                Rata::Tengah => {
                    lebar - (sebelum.potong.last().map_or(0.0, |r| r.x1) - sebelum.potong[0].x0)
                }
                Rata::Kanan => kiri_g[i - 1],
                Rata::Kiri | Rata::Penuh => kanan_g[i - 1],
            };
            if akhir.ends_with('-') || akhir.ends_with(char::is_whitespace) {
                // A compound broken at its hyphen, or a space already there.
            } else if ruang > lebar_kata_pertama(g) + 0.3 * sebelum.ukuran + toleransi {
                // The next word would have fitted: the line was ended on purpose.
                isi.push(Potong::Baris);
            } else {
                tambah_teks(&mut isi, g.potong[0].gaya(), " ");
            }
        }
        let mut x_akhir: Option<(f64, bool)> = None;
        for r in &g.potong {
            if let Some((x1, spasi_akhir)) = x_akhir {
                let celah = r.x0 - x1;
                let spasi = spasi_akhir || teks_run(r).starts_with(char::is_whitespace);
                let ukuran = r.gaya().ukuran;
                if celah > 0.6 * ukuran && !spasi {
                    isi.push(Potong::Tab);
                    if i == 0 && tab.is_none() {
                        tab = Some(r.x0 - kiri);
                    }
                } else if celah > 0.12 * ukuran && !spasi {
                    tambah_teks(&mut isi, r.gaya(), " ");
                }
            }
            match &r.isi {
                RunIsi::Teks(gaya, s) => tambah_teks(&mut isi, *gaya, s),
                RunIsi::Gambar { png, px, pt } => isi.push(Potong::Gambar {
                    png: png.clone(),
                    px: *px,
                    pt: *pt,
                }),
            }
            x_akhir = Some((r.x1, teks_run(r).ends_with(char::is_whitespace)));
        }
    }
    let (kiri_par, pertama) = match rata {
        Rata::Tengah | Rata::Kanan => (0.0, 0.0),
        Rata::Kiri | Rata::Penuh => {
            let awal = kiri_g.first().copied().unwrap_or(0.0);
            let badan = if n >= 2 {
                kiri_g[1..].iter().copied().fold(f64::INFINITY, f64::min)
            } else {
                tab.unwrap_or(awal)
            };
            (badan.max(0.0), awal - badan.max(0.0))
        }
    };
    Paragraf {
        judul: p.judul,
        isi,
        rata,
        kiri: kiri_par,
        pertama,
        atas: p.atas,
        garis_bawah: p.garis_bawah,
    }
}

impl Run {
    fn gaya(&self) -> Gaya {
        match &self.isi {
            RunIsi::Teks(g, _) => *g,
            RunIsi::Gambar { .. } => Gaya {
                tebal: false,
                miring: false,
                garis_bawah: false,
                ukuran: 12.0,
            },
        }
    }
}

/// Appends text, joining it to the last run when the style is the same.
fn tambah_teks(isi: &mut Vec<Potong>, gaya: Gaya, s: &str) {
    if let Some(Potong::Teks(g, t)) = isi.last_mut()
        && (*g == gaya || s.trim().is_empty() && g.ukuran == gaya.ukuran)
    {
        t.push_str(s);
        return;
    }
    isi.push(Potong::Teks(gaya, s.to_string()));
}

/// The image as PNG (what the DOCX packs); the layouts only hold PNG and JPEG emblems.
pub(super) fn ke_png(data: &[u8], format: RasterFormat) -> Option<Vec<u8>> {
    match format {
        RasterFormat::Exchange(ExchangeFormat::Png) => Some(data.to_vec()),
        RasterFormat::Exchange(ExchangeFormat::Jpg) => {
            let citra = image::load_from_memory_with_format(data, image::ImageFormat::Jpeg).ok()?;
            let mut keluar = Vec::new();
            citra
                .write_to(
                    &mut std::io::Cursor::new(&mut keluar),
                    image::ImageFormat::Png,
                )
                .ok()?;
            Some(keluar)
        }
        _ => None,
    }
}
