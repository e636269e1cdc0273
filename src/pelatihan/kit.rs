//! The event kit: invitations (each letter with the schedule it attaches), attendance sheet,
//! pre- and post-test and their answer key.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::jadwal::ModulJadwal;
use super::{Acara, PelatihanError, bahan, periksa, pilih_modul};
use crate::dokumen::gambar::Gambar;
use crate::dokumen::{Mesin, Opsi};
use crate::konten::Konten;

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
    let (lambang, jadwal) = periksa_kit(konten, acara)?;
    berkas_kit_dengan(mesin, konten, acara, opsi, nama, lambang, &jadwal)
}

/// The checks of an event for its kit, every problem at once; the emblem, read once, and the
/// schedule attached to the invitation.
fn periksa_kit(konten: &Konten, acara: &Acara) -> Result<(Option<Gambar>, Value), PelatihanError> {
    let modul: Vec<ModulJadwal> = pilih_modul(konten, acara.menit_materi())
        .0
        .into_iter()
        .map(|(e, m)| ModulJadwal {
            urutan: m.urutan,
            judul: &e.judul,
            menit: u32::from(m.durasi),
        })
        .collect();
    let (mut kurang, jadwal) = match acara.jadwal(&modul) {
        Ok(j) => (Vec::new(), j),
        Err(m) => (m, Value::Null),
    };
    if acara.tanggal.trim().is_empty() {
        kurang.push("tanggal: wajib diisi untuk kit acara (TTTT-BB-HH)".to_string());
    }
    if acara.desa_undangan.is_empty() {
        kurang.push("desa_undangan: tuliskan sedikitnya satu desa yang diundang".to_string());
    }
    if acara.tempat.trim().is_empty() {
        kurang.push("tempat: wajib diisi untuk undangan".to_string());
    }
    Ok((periksa(acara, kurang)?, jadwal))
}

fn berkas_kit_dengan(
    mesin: &Mesin,
    konten: &Konten,
    acara: &Acara,
    opsi: &Opsi,
    nama: &str,
    lambang: Option<Gambar>,
    jadwal: &Value,
) -> Result<Vec<u8>, PelatihanError> {
    let Some((_, tata, judul)) = BERKAS_KIT.iter().find(|(n, _, _)| *n == nama) else {
        return Err(PelatihanError::Acara(vec![format!(
            "berkas kit `{nama}` tidak dikenal"
        )]));
    };
    let b = bahan(konten, acara, acara.menit_materi());
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
    let data = json!({"acara": b["acara"], "soal": soal, "jenis_tes": judul, "jadwal": jadwal});
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
) -> Result<Vec<PathBuf>, PelatihanError> {
    let (lambang, jadwal) = periksa_kit(konten, acara)?;
    let mut isi = Vec::new();
    for (nama, _, _) in BERKAS_KIT {
        let pdf = berkas_kit_dengan(mesin, konten, acara, opsi, nama, lambang.clone(), &jadwal)?;
        isi.push((nama, pdf));
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
