//! Training material for a sosialisasi, assembled from the same content as the knowledge base:
//! the handout (modul), the slide deck, and the event kit (invitations, attendance sheet, pre-
//! and post-test with a separate answer key). Content goes to typst as data, like documents.

use serde_json::{Value, json};

use crate::dokumen::gambar::Gambar;
use crate::dokumen::{DokumenError, Mesin, Opsi, naskah};
use crate::konten::{Data, Entri, Koleksi, Konten, Materi, TAHAP, URAIAN_TAHAP};

mod acara;
mod jadwal;
mod kalimat;
mod kit;
mod poin;

pub use acara::{Acara, DesaUndangan, PenandaTangan};
pub use jadwal::Istirahat;
pub use kit::{BERKAS_KIT, berkas_kit, kit};
use poin::slide_modul;

#[derive(Debug, thiserror::Error)]
pub enum PelatihanError {
    #[error("data acara tidak valid:\n{}", .0.join("\n"))]
    Acara(Vec<String>),
    #[error(transparent)]
    Dokumen(#[from] DokumenError),
    #[error("{0}: {io}", io = crate::berkas::pesan_io(.1))]
    Tulis(String, std::io::Error),
}
/// The modules in teaching order that fit `durasi` minutes (every module without a limit): a
/// module that does not fit in what is left is skipped and the next ones are still tried. The
/// titles of the modules left out come second.
pub fn pilih_modul(konten: &Konten, durasi: Option<u32>) -> (Vec<(&Entri, &Materi)>, Vec<String>) {
    let mut dipilih = Vec::new();
    let mut tertinggal = Vec::new();
    let mut sisa = durasi.map(i64::from);
    for (e, m) in konten.materi_urut() {
        match sisa {
            Some(s) if i64::from(m.durasi) > s => tertinggal.push(format!(
                "Modul {} {} ({} menit)",
                m.urutan, e.judul, m.durasi
            )),
            _ => {
                sisa = sisa.map(|s| s - i64::from(m.durasi));
                dipilih.push((e, m));
            }
        }
    }
    (dipilih, tertinggal)
}

/// Everything the handout and the slides show, from the content: every module, or (`durasi`)
/// those that fit the event.
pub(super) fn bahan(konten: &Konten, acara: &Acara, durasi: Option<u32>) -> Value {
    let mut modul = Vec::new();
    let mut regulasi_id: Vec<String> = Vec::new();
    let mut kasus_id: Vec<String> = Vec::new();
    for (e, m) in pilih_modul(konten, durasi).0 {
        for r in &m.regulasi {
            if !regulasi_id.contains(r) {
                regulasi_id.push(r.clone());
            }
        }
        for k in &m.studi_kasus {
            if !kasus_id.contains(k) {
                kasus_id.push(k.clone());
            }
        }
        let blok = naskah::ke_blok(&e.body);
        let slide = slide_modul(&blok);
        let kuis: Vec<Value> = m
            .kuis
            .iter()
            .map(|s| json!({"pertanyaan": s.pertanyaan, "pilihan": s.pilihan, "jawaban": s.jawaban.trim()}))
            .collect();
        modul.push(json!({
            "id": e.id, "urutan": m.urutan, "judul": e.judul, "durasi": m.durasi,
            "tujuan": m.tujuan, "pertanyaan_diskusi": m.pertanyaan_diskusi, "kuis": kuis,
            "naskah": blok, "slide": slide, "regulasi": m.regulasi, "studi_kasus": m.studi_kasus,
        }));
    }
    let regulasi: Vec<Value> = regulasi_id
        .iter()
        .filter_map(|id| konten.dapatkan(Koleksi::Regulasi, id))
        .filter_map(|e| match &e.data {
            Data::Regulasi(r) => Some(json!({
                "id": e.id, "judul": e.judul,
                "singkat": format!("{} {}/{}", r.singkatan_bentuk, r.nomor, r.tahun),
                "status": r.status, "pasal_kunci": r.pasal_kunci,
            })),
            _ => None,
        })
        .collect();
    let studi_kasus: Vec<Value> = kasus_id
        .iter()
        .filter_map(|id| konten.dapatkan(Koleksi::StudiKasus, id))
        .filter_map(|e| match &e.data {
            Data::StudiKasus(s) => Some(json!({
                "id": e.id, "judul": e.judul, "lokasi": s.lokasi.ringkas(), "desa": s.lokasi.desa,
                "jenis": if s.jenis_kerja_sama == "antar-desa" { "Antar-Desa" } else { "Dengan pihak ketiga" },
                "tahun": s.tahun, "hasil": s.hasil, "pelajaran": s.pelajaran,
                "naskah": naskah::ke_blok(&e.body),
            })),
            _ => None,
        })
        .collect();
    let mut istilah: Vec<Value> = konten
        .istilah
        .iter()
        .map(
            |i| json!({"istilah": i.istilah, "kepanjangan": i.kepanjangan, "definisi": i.definisi}),
        )
        .collect();
    istilah.sort_by_key(|v| v["istilah"].as_str().unwrap_or("").to_lowercase());
    json!({
        "acara": acara.data(),
        "modul": modul,
        "regulasi": regulasi,
        "studi_kasus": studi_kasus,
        "istilah": istilah,
        "mekanisme": TAHAP
            .iter()
            .zip(URAIAN_TAHAP)
            .map(|((_, l), u)| json!({"label": l, "uraian": u}))
            .collect::<Vec<_>>(),
    })
}

/// The handout: cover, contents, modules in order, legal bases, case studies, glossary.
pub fn modul(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
) -> Result<Vec<u8>, PelatihanError> {
    susun_bahan(mesin, konten, acara, opsi, "materi-modul", "Modul", None)
}

/// The 16:9 slide deck.
pub fn slide(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
) -> Result<Vec<u8>, PelatihanError> {
    susun_bahan(
        mesin,
        konten,
        acara,
        opsi,
        "materi-slide",
        "Slide",
        acara.menit_materi(),
    )
}

fn susun_bahan(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
    tata_letak: &str,
    judul: &str,
    durasi: Option<u32>,
) -> Result<Vec<u8>, PelatihanError> {
    let lambang = periksa(acara, Vec::new())?;
    let judul = format!("{judul} {}", acara.nama_acara);
    Ok(mesin.susun(
        tata_letak,
        &judul,
        bahan(konten, acara, durasi),
        lambang,
        opsi,
    )?)
}

/// Every problem of the event (`kurang`: those found already), or its emblem, read once.
pub(super) fn periksa(
    acara: &Acara,
    mut kurang: Vec<String>,
) -> Result<Option<Gambar>, PelatihanError> {
    let mut m = acara.periksa_isian();
    m.append(&mut kurang);
    let lambang = match acara.baca_lambang() {
        Ok(g) => g,
        Err(e) => {
            m.push(e);
            None
        }
    };
    if m.is_empty() {
        Ok(lambang)
    } else {
        Err(PelatihanError::Acara(m))
    }
}
#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::kalimat::kalimat_pertama;
    use super::poin::{Poin, SUSUT, muatan, ukuran};
    use super::*;

    #[test]
    fn long_sections_continue_on_another_slide() {
        let md = format!(
            "## Bagian\n\n{}",
            "- Butir yang cukup panjang untuk memenuhi slide dengan kata-kata.\n".repeat(12)
        );
        let s = slide_modul(&naskah::ke_blok(&md));
        assert_eq!(s.len(), 3);
        assert_eq!(s[1]["judul"], "Bagian (lanjutan)");
        // Each slide holds what fits it (its text set smaller at most).
        for x in &s {
            let poin: Vec<Poin> = serde_json::from_value(x["poin"].clone()).expect("points");
            let baris: f64 = poin.iter().map(ukuran).sum();
            let judul = x["judul"].as_str().expect("title");
            assert!(baris <= muatan(judul) * SUSUT, "{baris} lines on {x}");
        }
    }

    #[test]
    fn points_are_whole_sentences_when_possible() {
        assert_eq!(
            kalimat_pertama(
                "Kerja sama desa menyangkut uang, aset dan kepercayaan warga. Karena itu setiap langkah perlu dasar.",
                40
            ),
            "Kerja sama desa menyangkut uang, aset dan kepercayaan warga."
        );
    }

    #[test]
    fn the_event_file_is_checked_before_anything_is_printed() {
        assert!(Acara::contoh().periksa().is_empty());
        let mut a = Acara::contoh();
        a.tanggal_surat = Some("2025-07-20".into());
        a.durasi = Some(0);
        a.lambang = Some(PathBuf::from("/tidak/ada.png"));
        let m = a.periksa().join("\n");
        for k in ["tanggal_surat:", "durasi:", "lambang:"] {
            assert!(m.contains(k), "{k} in {m}");
        }
        // A generic handout has no date.
        a = Acara::contoh();
        a.tanggal = String::new();
        a.tanggal_surat = None;
        assert!(a.periksa().is_empty());
    }

    #[test]
    fn the_emblem_is_an_image_not_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("lambang.png");
        // A 1,200-pixel emblem: read as a form's image is, scaled to print size.
        let citra = image::RgbImage::from_fn(1200, 600, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        citra.save(&p).expect("write the PNG");
        let mut a = Acara::contoh();
        a.lambang = Some(p.clone());
        let g = a
            .baca_lambang()
            .expect("a valid emblem")
            .expect("an emblem");
        assert_eq!((g.lebar, g.tinggi), (1000, 500));
        let data = serde_json::to_string(&a.data()).expect("json");
        assert!(!data.contains("lambang_data"), "no bytes in the data");
        assert!(data.len() < 10_000, "{} bytes of JSON", data.len());
        // A file cut short is refused before anything is printed, naming the emblem.
        let isi = std::fs::read(&p).expect("read");
        std::fs::write(&p, &isi[..isi.len() / 2]).expect("write");
        let e = a.periksa().join("\n");
        assert!(e.contains("lambang:") && e.contains("rusak"), "{e}");
    }

    #[test]
    fn modules_are_taken_in_order_while_they_fit() {
        let konten = crate::konten::muat(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
            .expect("the bundled content loads");
        let (semua, tidak) = pilih_modul(&konten, None);
        assert!(tidak.is_empty());
        let total: u32 = semua.iter().map(|(_, m)| u32::from(m.durasi)).sum();
        let (dipilih, tertinggal) = pilih_modul(&konten, Some(total - 1));
        assert!(!tertinggal.is_empty());
        let menit: u32 = dipilih.iter().map(|(_, m)| u32::from(m.durasi)).sum();
        assert!(menit < total);
        assert!(dipilih.windows(2).all(|w| w[0].1.urutan < w[1].1.urutan));
    }

    #[test]
    fn a_long_sentence_is_never_cut() {
        let panjang = "Kerja sama antar-Desa dituangkan dalam Peraturan Bersama Kepala Desa yang disepakati melalui Musyawarah antar-Desa, dilaksanakan oleh badan kerja sama antar-Desa yang dibentuk bersama, dan dilaporkan kepada setiap Kepala Desa dengan tembusan kepada Bupati melalui Camat. Kalimat kedua.";
        let p = kalimat_pertama(panjang, 40);
        assert!(!p.contains('…'), "{p}");
        assert!(p.ends_with("melalui Camat."), "{p}");
        let md = format!("## Bagian\n\n{}", format!("- {panjang}\n").repeat(3));
        let s = slide_modul(&naskah::ke_blok(&md));
        assert!(s.len() >= 2, "long points continue on another slide: {s:?}");
    }
}
