//! A module's text as slides: a title and a few whole sentences per slide, as many as fit, each
//! list under the sentence that introduces it.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::kalimat::{kalimat_pertama, kalimat_terakhir};
use crate::dokumen::naskah::{Blok, Sebaris};

fn teks_sebaris(isi: &[Sebaris]) -> String {
    let mut t = String::new();
    for s in isi {
        match s {
            Sebaris::Teks { v } | Sebaris::Kode { v } => t.push_str(v),
            Sebaris::Tebal { isi } | Sebaris::Miring { isi } | Sebaris::Coret { isi } => {
                t.push_str(&teks_sebaris(isi))
            }
            Sebaris::Baris => t.push(' '),
        }
    }
    t
}

/// A point of a slide: a whole sentence, and the items of the list it introduces (numbered from
/// `mulai` when `urut`), shown indented under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Poin {
    pub teks: String,
    pub anak: Vec<String>,
    pub urut: bool,
    pub mulai: u64,
}

impl Poin {
    fn datar(teks: String) -> Poin {
        Poin {
            teks,
            anak: Vec::new(),
            urut: false,
            mulai: 1,
        }
    }
}

/// The point of a paragraph: its first sentence, or, after a bold run-in heading ("**Kangkung
/// (Kendal).** Setiap desa …"), the heading and the first sentence after it.
fn kalimat_paragraf(isi: &[Sebaris]) -> String {
    if let [Sebaris::Tebal { isi: kepala }, sisa @ ..] = isi {
        let kepala = teks_sebaris(kepala);
        let sisa = teks_sebaris(sisa);
        if kepala.trim_end().ends_with('.') && !sisa.trim().is_empty() {
            return format!("{} {}", kepala.trim(), kalimat_pertama(&sisa, 40));
        }
    }
    kalimat_pertama(&teks_sebaris(isi), 40)
}

/// The point of a paragraph that introduces a list: its first sentence and the sentence that
/// ends in ':' ("Dokumennya berbeda … . Keduanya memuat delapan hal:").
fn pengantar(isi: &[Sebaris]) -> String {
    let pertama = kalimat_paragraf(isi);
    let teks = teks_sebaris(isi);
    let akhir = kalimat_terakhir(&teks);
    if pertama.ends_with(akhir) {
        pertama
    } else {
        format!("{pertama} {akhir}")
    }
}

/// The text of a list item (its paragraphs, not its own lists).
fn isi_item(item: &[Blok]) -> Vec<Sebaris> {
    let mut isi = Vec::new();
    for b in item {
        if let Blok::Paragraf { isi: p } = b {
            if !isi.is_empty() {
                isi.push(Sebaris::Teks { v: " ".into() });
            }
            isi.extend(p.iter().cloned());
        }
    }
    isi
}

/// The point of a list item, with the items of a list inside it.
fn poin_item(item: &[Blok]) -> Poin {
    let mut p = Poin::datar(kalimat_paragraf(&isi_item(item)));
    if let Some(Blok::Daftar { urut, mulai, item }) =
        item.iter().find(|b| matches!(b, Blok::Daftar { .. }))
    {
        p.anak = item
            .iter()
            .map(|i| kalimat_paragraf(&isi_item(i)))
            .collect();
        p.urut = *urut;
        p.mulai = *mulai;
    }
    p
}

/// The sections of a module (`##` headings) and their points; a paragraph ending in ':' takes
/// the list that follows it as its items.
fn bagian(blok: &[Blok]) -> Vec<(String, Vec<Poin>)> {
    let mut bagian: Vec<(String, Vec<Poin>)> = Vec::new();
    let mut it = blok.iter().peekable();
    while let Some(b) = it.next() {
        let baru: Vec<Poin> = match b {
            Blok::Judul { isi, .. } => {
                bagian.push((teks_sebaris(isi), Vec::new()));
                continue;
            }
            Blok::Paragraf { isi } => {
                let berikut = it.peek().copied();
                let ke_daftar = teks_sebaris(isi).trim_end().ends_with(':');
                match (ke_daftar, berikut) {
                    (true, Some(Blok::Daftar { urut, mulai, item })) => {
                        let p = Poin {
                            teks: pengantar(isi),
                            anak: item.iter().map(|i| poin_item(i).teks).collect(),
                            urut: *urut,
                            mulai: *mulai,
                        };
                        it.next();
                        vec![p]
                    }
                    _ => vec![Poin::datar(kalimat_paragraf(isi))],
                }
            }
            Blok::Daftar { item, .. } => item.iter().map(|i| poin_item(i)).collect(),
            _ => continue,
        };
        if bagian.is_empty() {
            bagian.push((String::new(), Vec::new()));
        }
        if let Some(s) = bagian.last_mut() {
            s.1.extend(baru);
        }
    }
    bagian
}

/// Characters of a line of points at the slide text size (20 pt), of an item indented under a
/// point, and of a line of a slide title (26 pt).
const KOLOM: usize = 56;
const KOLOM_ANAK: usize = 54;
const KOLOM_JUDUL: usize = 40;
/// Lines of points a 16:9 slide holds under a one-line title; what a second title line takes;
/// the space between two points or items, in lines.
pub(super) const BARIS_SLIDE: f64 = 12.0;
const BARIS_JUDUL: f64 = 1.35;
const JARAK: f64 = 0.12;
/// How much more a slide holds with its text set smaller: what does not fit one slide at full
/// size but fits this is kept together (the layout sets it smaller) rather than split.
pub(super) const SUSUT: f64 = 1.25;

/// Lines `teks` takes in lines of `kolom` characters, wrapped at spaces.
fn baris(teks: &str, kolom: usize) -> usize {
    let (mut n, mut panjang) = (0, 0);
    for kata in teks.split_whitespace() {
        let k = kata.chars().count();
        if n == 0 {
            (n, panjang) = (1, k);
        } else if panjang + 1 + k <= kolom {
            panjang += 1 + k;
        } else {
            (n, panjang) = (n + 1, k);
        }
    }
    n
}

/// The lines of a point with its items, as the slide sets them at full size.
pub(super) fn ukuran(p: &Poin) -> f64 {
    let anak: usize = p.anak.iter().map(|a| baris(a, KOLOM_ANAK)).sum();
    (baris(&p.teks, KOLOM) + anak) as f64 + JARAK * (1 + p.anak.len()) as f64
}

/// The lines of points a slide with this title holds.
pub(super) fn muatan(judul: &str) -> f64 {
    // A section without a title takes the module's, which may be long.
    if judul.is_empty() || baris(judul, KOLOM_JUDUL) > 1 {
        BARIS_SLIDE - BARIS_JUDUL
    } else {
        BARIS_SLIDE
    }
}

/// How a list too long for one slide is shared among slides: the number of items on each. As
/// few slides as hold it at `batas` lines, the items spread so that the fullest is as empty as
/// can be. `awal`: the lines above the list on the first slide; `kepala`: on the others (its
/// introducing sentence again); `anak`: the lines of each item.
fn bagi_daftar(awal: f64, kepala: f64, anak: &[f64], batas: f64) -> Vec<usize> {
    let potong = |maks: f64| {
        let (mut jumlah, mut isi) = (vec![0usize], awal);
        for &t in anak {
            if jumlah.last().is_some_and(|&n| n > 0) && isi + t > maks {
                jumlah.push(0);
                isi = kepala;
            }
            if let Some(n) = jumlah.last_mut() {
                *n += 1;
            }
            isi += t;
        }
        jumlah
    };
    let slide = potong(batas).len();
    let (mut bawah, mut atas) = (0.0, awal + kepala + anak.iter().sum::<f64>());
    for _ in 0..50 {
        let tengah = (bawah + atas) / 2.0;
        if potong(tengah).len() <= slide {
            atas = tengah;
        } else {
            bawah = tengah;
        }
    }
    potong(atas)
}

/// The points of one section, on as many slides as they need: each slide takes what fits, a
/// point that ends in ':' stays with what follows it, and a list too long for one slide goes on
/// over the next, under its introducing sentence again and numbered on.
fn potong(judul: &str, poin: Vec<Poin>) -> Vec<Vec<Poin>> {
    let lanjutan = format!("{judul} (lanjutan)");
    let muat = |ke: usize| muatan(if ke == 0 { judul } else { &lanjutan });
    // Units that are never split between slides: a point ending in ':' with the next one.
    let mut satuan: Vec<Vec<Poin>> = Vec::new();
    for p in poin {
        match satuan.last_mut() {
            Some(u)
                if u.last()
                    .is_some_and(|q| q.anak.is_empty() && q.teks.ends_with(':')) =>
            {
                u.push(p)
            }
            _ => satuan.push(vec![p]),
        }
    }
    let mut slide: Vec<Vec<Poin>> = Vec::new();
    let (mut isi, mut terpakai): (Vec<Poin>, f64) = (Vec::new(), 0.0);
    for mut u in satuan {
        let besar: f64 = u.iter().map(ukuran).sum();
        if !isi.is_empty() && terpakai + besar <= muat(slide.len()) {
            isi.append(&mut u);
            terpakai += besar;
            continue;
        }
        if !isi.is_empty() {
            slide.push(std::mem::take(&mut isi));
        }
        let cukup = muat(slide.len());
        let terakhir = u.pop();
        match terakhir {
            Some(induk) if besar > cukup * SUSUT && induk.anak.len() > 1 => {
                // The list shared among slides, its introducing sentence on each.
                let kepala = Poin {
                    anak: Vec::new(),
                    ..induk.clone()
                };
                let di_atas: f64 = u.iter().map(ukuran).sum();
                let anak: Vec<f64> = induk
                    .anak
                    .iter()
                    .map(|a| baris(a, KOLOM_ANAK) as f64 + JARAK)
                    .collect();
                let jumlah = bagi_daftar(
                    di_atas + ukuran(&kepala),
                    ukuran(&kepala),
                    &anak,
                    cukup * SUSUT,
                );
                let (mut awal, mut mulai, mut sisa) = (u, induk.mulai, induk.anak.into_iter());
                for (ke, n) in jumlah.iter().enumerate() {
                    if ke > 0 {
                        slide.push(std::mem::take(&mut awal));
                    }
                    awal.push(Poin {
                        anak: sisa.by_ref().take(*n).collect(),
                        mulai,
                        ..kepala.clone()
                    });
                    mulai += *n as u64;
                }
                terpakai = awal.iter().map(ukuran).sum();
                isi = awal;
            }
            Some(p) => {
                u.push(p);
                isi = u;
                terpakai = besar;
            }
            None => {}
        }
    }
    if !isi.is_empty() {
        slide.push(isi);
    }
    slide
}

/// A module's text cut at its `##` headings into slides of a title and the points that fit; a
/// section with more continues on another slide, so nothing is cut off.
pub(super) fn slide_modul(blok: &[Blok]) -> Vec<Value> {
    let mut slide = Vec::new();
    for (judul, poin) in bagian(blok) {
        for (ke, poin) in potong(&judul, poin).into_iter().enumerate() {
            let j = if ke == 0 {
                judul.clone()
            } else {
                format!("{judul} (lanjutan)")
            };
            slide.push(json!({"judul": j, "poin": poin}));
        }
    }
    slide
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dokumen::naskah::ke_blok;

    fn poin(s: &Value) -> Vec<Poin> {
        serde_json::from_value(s["poin"].clone()).expect("points")
    }

    #[test]
    fn short_points_share_a_slide_whatever_their_number() {
        let md = format!("## Bagian\n\n{}", "- Butir pendek.\n".repeat(8));
        let s = slide_modul(&ke_blok(&md));
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(poin(&s[0]).len(), 8);
    }

    #[test]
    fn a_list_stays_indented_under_the_sentence_that_introduces_it() {
        let md = "## Keanggotaan\n\nMenurut PP 43/2014 **Pasal 144 ayat (1)**, BKAD beranggotakan:\n\n\
                  - Pemerintah Desa;\n- anggota BPD;\n- lembaga kemasyarakatan Desa;\n\
                  - lembaga Desa lainnya;\n- tokoh masyarakat, **dengan mempertimbangkan keadilan gender**.\n\n\
                  Organisasi, tata kerja dan pembentukannya diatur dalam Peraturan Bersama Kepala Desa (**ayat 2**). BKAD bertanggung jawab kepada kepala desa.\n";
        let s = slide_modul(&ke_blok(md));
        assert_eq!(s.len(), 1, "{s:#?}");
        let p = poin(&s[0]);
        assert_eq!(
            p[0].teks,
            "Menurut PP 43/2014 Pasal 144 ayat (1), BKAD beranggotakan:"
        );
        assert_eq!(p[0].anak.len(), 5);
        assert_eq!(p[1].teks.split_whitespace().next(), Some("Organisasi,"));

        // The sentence before the list's own comes with it; numbers stay numbers.
        let md = "## Tahap\n\nDokumennya berbeda menurut jenis kerja sama. Keduanya memuat delapan hal:\n\n\
                  1. ruang lingkup;\n2. bidang;\n3. jangka waktu.\n";
        let p = poin(&slide_modul(&ke_blok(md))[0]);
        assert_eq!(
            p[0].teks,
            "Dokumennya berbeda menurut jenis kerja sama. Keduanya memuat delapan hal:"
        );
        assert!(
            p[0].urut && p[0].mulai == 1 && p[0].anak.len() == 3,
            "{p:?}"
        );
    }

    #[test]
    fn a_slide_never_ends_with_a_point_that_ends_in_a_colon() {
        // Points long enough that a count-based or a greedy cut would fall after the colon.
        let panjang = "Butir yang cukup panjang untuk mengisi hampir dua baris pada slide ini.";
        let md = format!(
            "## Bagian\n\n{}\n- Pertanyaan berikut diajukan dalam musyawarah desa:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSiapa yang menanggung biayanya?\n",
            format!("- {panjang}\n").repeat(5)
        );
        let s = slide_modul(&ke_blok(&md));
        assert!(s.len() >= 2, "{s:#?}");
        for x in &s {
            let p = poin(x);
            let akhir = p.last().expect("a point");
            assert!(
                !(akhir.teks.ends_with(':') && akhir.anak.is_empty()),
                "{x:#?}"
            );
        }
    }

    #[test]
    fn a_list_too_long_for_a_slide_goes_on_numbered_under_its_lead_in() {
        let butir: String = (1..=30)
            .map(|i| format!("{i}. Langkah nomor {i} dalam penyusunan yang dijelaskan panjang.\n"))
            .collect();
        let md = format!("## Langkah\n\nUrutannya sebagai berikut:\n\n{butir}");
        let s = slide_modul(&ke_blok(&md));
        assert!(s.len() >= 3, "{s:#?}");
        let mut berikut = 1;
        for x in &s {
            let p = poin(x);
            assert_eq!(p.len(), 1);
            assert_eq!(p[0].teks, "Urutannya sebagai berikut:");
            assert!(p[0].urut);
            assert_eq!(p[0].mulai, berikut, "numbered on");
            berikut += p[0].anak.len() as u64;
            assert!(ukuran(&p[0]) <= muatan(x["judul"].as_str().expect("title")) * SUSUT);
        }
        assert_eq!(berikut, 31, "every item once");
        // Shared evenly: no slide has fewer than half the items of another.
        let n: Vec<usize> = s.iter().map(|x| poin(x)[0].anak.len()).collect();
        assert!(n.iter().all(|&a| n.iter().all(|&b| a * 2 >= b)), "{n:?}");
    }
}
