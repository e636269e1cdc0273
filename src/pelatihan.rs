//! Training material for a sosialisasi, assembled from the same content as the knowledge base:
//! the handout (modul), the slide deck, and the event kit (invitations, attendance sheet, pre-
//! and post-test with a separate answer key). Content goes to typst as data, like documents.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::dokumen::gambar::{self, GalatGambar, Gambar};
use crate::dokumen::naskah::{Blok, Sebaris};
use crate::dokumen::{DokumenError, Mesin, Opsi, naskah};
use crate::format;
use crate::konten::{Data, Entri, Koleksi, Konten, Materi, TAHAP, URAIAN_TAHAP};

/// The event: from options or an `acara.yaml`. Without a date it describes no event: a generic
/// handout or deck (the kit needs one).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acara {
    pub nama_acara: String,
    pub penyelenggara: String,
    #[serde(default)]
    pub tempat: String,
    /// YYYY-MM-DD, or empty for no particular event.
    #[serde(default)]
    pub tanggal: String,
    #[serde(default)]
    pub waktu: Option<String>,
    /// Minutes of teaching the event has: the slides and tests take the modules, in teaching
    /// order, that fit.
    #[serde(default)]
    pub durasi: Option<u32>,
    /// Who signs the invitations.
    #[serde(default)]
    pub penanda_tangan: Option<PenandaTangan>,
    #[serde(default)]
    pub nomor_surat: Option<String>,
    /// The date of the invitation letter (YYYY-MM-DD); blank on the letter when absent.
    #[serde(default)]
    pub tanggal_surat: Option<String>,
    /// "Biasa" when absent.
    #[serde(default)]
    pub sifat: Option<String>,
    /// "-" when absent.
    #[serde(default)]
    pub lampiran: Option<String>,
    /// "Garut", or "Kota Banjar" for a kota.
    #[serde(default)]
    pub kabupaten: Option<String>,
    /// The organiser's address and telephone, for the letterhead.
    #[serde(default)]
    pub alamat: Option<String>,
    #[serde(default)]
    pub telepon: Option<String>,
    /// The emblem on the letterhead and the handout cover: a PNG or JPEG file (a relative path
    /// is read from the folder of the event file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambang: Option<PathBuf>,
    /// Invited villages, one invitation each.
    #[serde(default)]
    pub desa_undangan: Vec<DesaUndangan>,
    /// Who each village sends (Kepala Desa, Ketua BPD, …).
    #[serde(default)]
    pub peserta_per_desa: Vec<String>,
    #[serde(default)]
    pub narahubung: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenandaTangan {
    pub nama: String,
    pub jabatan: String,
    #[serde(default)]
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesaUndangan {
    pub nama: String,
    #[serde(default)]
    pub kecamatan: Option<String>,
}

impl Acara {
    /// A complete, valid example (fictitious names).
    pub fn contoh() -> Acara {
        Acara {
            nama_acara: "Sosialisasi Kerja Sama Antar-Desa dan Kerja Sama Desa dengan Pihak Ketiga"
                .into(),
            penyelenggara: "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Garut".into(),
            tempat: "Aula Kantor Kecamatan Tarogong Kidul".into(),
            tanggal: "2025-07-11".into(),
            waktu: Some("08.00–15.00 WIB".into()),
            durasi: Some(420),
            penanda_tangan: Some(PenandaTangan {
                nama: "Nama Kepala Dinas".into(),
                jabatan: "Kepala Dinas Pemberdayaan Masyarakat dan Desa".into(),
                nip: Some("19700101 199503 1 001".into()),
            }),
            nomor_surat: Some("005/123/DPMD/2025".into()),
            tanggal_surat: Some("2025-07-01".into()),
            sifat: Some("Penting".into()),
            lampiran: Some("1 (satu) lembar jadwal acara".into()),
            kabupaten: Some("Garut".into()),
            alamat: Some("Jl. Contoh Nomor 1, Garut 44100".into()),
            telepon: Some("(0262) 000000".into()),
            lambang: None,
            desa_undangan: ["Sukamaju", "Mekarsari", "Cibunar", "Sindangsari"]
                .into_iter()
                .map(|n| DesaUndangan {
                    nama: n.into(),
                    kecamatan: Some("Tarogong Kidul".into()),
                })
                .collect(),
            peserta_per_desa: vec![
                "Kepala Desa".into(),
                "Ketua BPD".into(),
                "Sekretaris Desa".into(),
            ],
            narahubung: Some("Bidang Kerja Sama DPMD, telepon (0262) 000000".into()),
        }
    }

    /// Checks dates, the emblem and required text; every problem at once. An empty date is
    /// allowed here (a generic handout); the kit asks for one.
    pub fn periksa(&self) -> Vec<String> {
        let mut m = self.periksa_isian();
        if let Err(e) = self.baca_lambang() {
            m.push(e);
        }
        m
    }

    /// The checks of [`Acara::periksa`] but the emblem's (which reads the file).
    fn periksa_isian(&self) -> Vec<String> {
        let mut m = Vec::new();
        for (k, v) in [
            ("nama_acara", &self.nama_acara),
            ("penyelenggara", &self.penyelenggara),
        ] {
            if v.trim().is_empty() {
                m.push(format!("{k}: wajib diisi"));
            }
        }
        for (k, v) in [
            ("tanggal", Some(&self.tanggal)),
            ("tanggal_surat", self.tanggal_surat.as_ref()),
        ] {
            if let Some(t) = v.filter(|t| !t.trim().is_empty())
                && format::urai_tanggal(t).is_none()
            {
                m.push(format!("{k}: `{t}` harus tanggal TTTT-BB-HH yang ada"));
            }
        }
        if let (Some(surat), Some(acara)) = (
            self.tanggal_surat.as_deref().and_then(format::urai_tanggal),
            format::urai_tanggal(&self.tanggal),
        ) && surat > acara
        {
            m.push("tanggal_surat: surat undangan bertanggal sesudah acaranya".into());
        }
        if self.durasi == Some(0) {
            m.push("durasi: jumlah menit harus lebih dari 0".into());
        }
        for (i, d) in self.desa_undangan.iter().enumerate() {
            if d.nama.trim().is_empty() {
                m.push(format!("desa_undangan[{i}].nama: wajib diisi"));
            }
        }
        m
    }

    /// The emblem, checked as a form's image is ([`gambar::baca`]: PNG or JPEG of at most 1 MB
    /// and 16 megapixels, decoded under limits, scaled to print size).
    fn baca_lambang(&self) -> Result<Option<Gambar>, String> {
        let Some(p) = &self.lambang else {
            return Ok(None);
        };
        let berkas = p.display();
        // The size first: a huge file is refused without reading it.
        let ukuran = std::fs::metadata(p)
            .map_err(|e| format!("lambang: berkas `{berkas}` tidak dapat dibaca ({e})"))?
            .len();
        if ukuran > gambar::BATAS_BYTE as u64 {
            return Err(format!(
                "lambang: berkas `{berkas}` lebih besar dari 1 MB; perkecil gambarnya"
            ));
        }
        let b = std::fs::read(p)
            .map_err(|e| format!("lambang: berkas `{berkas}` tidak dapat dibaca ({e})"))?;
        gambar::baca(b).map(Some).map_err(|e| match e {
            GalatGambar::BukanGambar => {
                format!("lambang: berkas `{berkas}` bukan gambar PNG atau JPEG")
            }
            e => format!("lambang: berkas `{berkas}`: {e}"),
        })
    }

    fn data(&self) -> Value {
        let mut v = json!(self);
        let ada = |t: &str| !t.trim().is_empty();
        v["tanggal_panjang"] =
            json!(ada(&self.tanggal).then(|| format::tanggal_panjang(&self.tanggal)));
        v["hari"] = json!(format::hari(&self.tanggal));
        v["tanggal_surat_panjang"] = json!(
            self.tanggal_surat
                .as_deref()
                .filter(|t| ada(t))
                .map(format::tanggal_panjang)
        );
        // The year on the handout cover: of the event, or none (the layout takes today's).
        v["tahun"] = json!(format::urai_tanggal(&self.tanggal).map(|t| t.year()));
        // The emblem reaches typst as the image `/lambang.img` (see `Mesin::susun`); the path is
        // of no use there.
        v["lambang"] = Value::Null;
        v
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PelatihanError {
    #[error("data acara tidak valid:\n{}", .0.join("\n"))]
    Acara(Vec<String>),
    #[error(transparent)]
    Dokumen(#[from] DokumenError),
    #[error("{0}: {1}")]
    Tulis(String, std::io::Error),
}

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

fn teks_blok(b: &[Blok]) -> String {
    b.iter()
        .map(|x| match x {
            Blok::Paragraf { isi } | Blok::Judul { isi, .. } => teks_sebaris(isi),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first sentence of a text, whole: a point on a slide is never cut mid-sentence (a long
/// one makes the slide's points continue on the next). A first sentence shorter than `min`
/// characters takes the next one with it.
fn kalimat_pertama(s: &str, min: usize) -> String {
    let s = s.trim();
    let akhir = s
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i >= min);
    match akhir {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// Points per slide, and characters: what fits 16:9 at the slide text size.
const POIN_PER_SLIDE: usize = 5;
const HURUF_PER_SLIDE: usize = 480;

/// A module's text cut at its `##` headings into slides of a title and a few short points; a
/// section with more continues on a second slide, so nothing is cut off.
fn slide_modul(blok: &[Blok]) -> Vec<Value> {
    let mut bagian: Vec<(String, Vec<String>)> = Vec::new();
    for b in blok {
        let baru: Vec<String> = match b {
            Blok::Judul { isi, .. } => {
                bagian.push((teks_sebaris(isi), Vec::new()));
                continue;
            }
            Blok::Paragraf { isi } => vec![kalimat_pertama(&teks_sebaris(isi), 40)],
            Blok::Daftar { item, .. } => item
                .iter()
                .map(|i| kalimat_pertama(&teks_blok(i), 40))
                .collect(),
            _ => continue,
        };
        if bagian.is_empty() {
            bagian.push((String::new(), Vec::new()));
        }
        if let Some(s) = bagian.last_mut() {
            s.1.extend(baru);
        }
    }
    let mut slide = Vec::new();
    for (judul, poin) in bagian {
        // Points grouped so each group fits one slide.
        let mut kelompok: Vec<Vec<String>> = vec![Vec::new()];
        let mut huruf = 0;
        for p in poin {
            let penuh = kelompok.last().is_some_and(|k| {
                !k.is_empty() && (k.len() == POIN_PER_SLIDE || huruf + p.len() > HURUF_PER_SLIDE)
            });
            if penuh {
                kelompok.push(Vec::new());
                huruf = 0;
            }
            huruf += p.len();
            if let Some(k) = kelompok.last_mut() {
                k.push(p);
            }
        }
        for (ke, poin) in kelompok.into_iter().filter(|k| !k.is_empty()).enumerate() {
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
fn bahan(konten: &Konten, acara: &Acara, durasi: Option<u32>) -> Value {
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
                "hasil_ringkas": kalimat_pertama(&s.hasil, 40),
                "pelajaran_ringkas": s.pelajaran.as_deref().map(|p| kalimat_pertama(p, 40)),
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
        acara.durasi,
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
fn periksa(acara: &Acara, mut kurang: Vec<String>) -> Result<Option<Gambar>, PelatihanError> {
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

/// Questions per module in the pre- and post-test.
const SOAL_PER_MODUL: usize = 2;

/// The files of an event kit: (file name, layout, title).
pub const BERKAS_KIT: [(&str, &str, &str); 5] = [
    ("undangan.pdf", "materi-undangan", "Undangan"),
    ("daftar-hadir.pdf", "materi-daftar-hadir", "Daftar hadir"),
    ("pre-test.pdf", "materi-tes", "Pre-test"),
    ("post-test.pdf", "materi-tes", "Post-test"),
    ("kunci-jawaban.pdf", "materi-kunci", "Kunci jawaban"),
];

/// One file of the event kit (a name from [`BERKAS_KIT`]).
pub fn berkas_kit(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
    nama: &str,
) -> Result<Vec<u8>, PelatihanError> {
    let lambang = periksa_kit(acara)?;
    berkas_kit_dengan(mesin, konten, acara, opsi, nama, lambang)
}

/// The checks of an event for its kit; the emblem, read once.
fn periksa_kit(acara: &Acara) -> Result<Option<Gambar>, PelatihanError> {
    let mut kurang = Vec::new();
    if acara.tanggal.trim().is_empty() {
        kurang.push("tanggal: wajib diisi untuk kit acara (TTTT-BB-HH)".to_string());
    }
    if acara.desa_undangan.is_empty() {
        kurang.push("desa_undangan: tuliskan sedikitnya satu desa yang diundang".to_string());
    }
    if acara.tempat.trim().is_empty() {
        kurang.push("tempat: wajib diisi untuk undangan".to_string());
    }
    periksa(acara, kurang)
}

fn berkas_kit_dengan(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
    nama: &str,
    lambang: Option<Gambar>,
) -> Result<Vec<u8>, PelatihanError> {
    let Some((_, tata, judul)) = BERKAS_KIT.iter().find(|(n, _, _)| *n == nama) else {
        return Err(PelatihanError::Acara(vec![format!(
            "berkas kit `{nama}` tidak dikenal"
        )]));
    };
    let b = bahan(konten, acara, acara.durasi);
    // The test: the first multiple-choice questions of every module taught, in module order,
    // so it fits a quarter of an hour; the same sheet before and after shows what was learnt.
    let soal: Vec<Value> = b["modul"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|m| {
            let judul = m["judul"].clone();
            m["kuis"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|s| s["pilihan"].as_array().is_some_and(|p| !p.is_empty()))
                .take(SOAL_PER_MODUL)
                .map(move |mut s| {
                    s["modul"] = judul.clone();
                    s
                })
        })
        .collect();
    let data = json!({"acara": b["acara"], "soal": soal, "jenis_tes": judul});
    Ok(mesin.susun(
        tata,
        &format!("{judul} {}", acara.nama_acara),
        data,
        lambang,
        opsi,
    )?)
}

/// The event kit, written into `dir`: invitations, attendance sheet, pre-test, post-test, key.
/// Returns the files written.
pub fn kit(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
    dir: &Path,
) -> Result<Vec<std::path::PathBuf>, PelatihanError> {
    let lambang = periksa_kit(acara)?;
    let mut isi = Vec::new();
    for (nama, _, _) in BERKAS_KIT {
        isi.push((
            nama,
            berkas_kit_dengan(mesin, konten, acara, opsi, nama, lambang.clone())?,
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| PelatihanError::Tulis(dir.display().to_string(), e))?;
    let mut ditulis = Vec::new();
    for (nama, pdf) in isi {
        let p = dir.join(nama);
        std::fs::write(&p, pdf).map_err(|e| PelatihanError::Tulis(p.display().to_string(), e))?;
        ditulis.push(p);
    }
    Ok(ditulis)
}

#[cfg(test)]
mod tests {
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
        assert!(s.iter().all(|x| {
            x["poin"]
                .as_array()
                .is_some_and(|p| p.len() <= POIN_PER_SLIDE)
        }));
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
