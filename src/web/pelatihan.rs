//! Training material from the web: the options as a form, each file as a download.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::Keadaan;
use super::dokumen::{berkas_zip, pdf, sibuk};
use super::halaman::render;
use crate::dokumen::{Huruf, Kertas, Opsi};
use crate::pelatihan::{self, Acara, BERKAS_KIT, DesaUndangan, PelatihanError, PenandaTangan};

type S = State<Arc<Keadaan>>;

fn acara_dari(q: &HashMap<String, String>) -> Acara {
    let ambil = |k: &str| {
        q.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let contoh = Acara::contoh();
    Acara {
        nama_acara: ambil("nama_acara").unwrap_or(contoh.nama_acara),
        penyelenggara: ambil("penyelenggara").unwrap_or(contoh.penyelenggara),
        tempat: ambil("tempat").unwrap_or_default(),
        tanggal: ambil("tanggal").unwrap_or_default(),
        waktu: ambil("waktu"),
        // A number that does not parse is refused before this (`unduh`).
        durasi: ambil("durasi").and_then(|d| d.parse().ok()),
        penanda_tangan: ambil("ttd_nama").map(|nama| PenandaTangan {
            nama,
            jabatan: ambil("ttd_jabatan").unwrap_or_default(),
            nip: ambil("ttd_nip"),
        }),
        nomor_surat: ambil("nomor_surat"),
        tanggal_surat: ambil("tanggal_surat"),
        sifat: ambil("sifat"),
        lampiran: ambil("lampiran"),
        kabupaten: ambil("kabupaten"),
        alamat: ambil("alamat"),
        telepon: ambil("telepon"),
        // A path on the server is not something a form may name; the emblem comes with the
        // event file of the command line.
        lambang: None,
        desa_undangan: ambil("desa")
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| match l.split_once(',') {
                Some((n, k)) => DesaUndangan {
                    nama: n.trim().into(),
                    kecamatan: Some(k.trim().into()).filter(|k: &String| !k.is_empty()),
                },
                None => DesaUndangan {
                    nama: l.into(),
                    kecamatan: None,
                },
            })
            .collect(),
        peserta_per_desa: ambil("peserta")
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        narahubung: ambil("narahubung"),
        // The form has no breaks: the schedule lists the modules only.
        istirahat: Vec::new(),
    }
}

/// The form's labels of the event file's keys that problems name.
const LABEL: &[(&str, &str)] = &[
    ("nama_acara", "Nama acara"),
    ("penyelenggara", "Penyelenggara"),
    ("tempat", "Tempat"),
    ("tanggal_surat", "Tanggal surat"),
    ("tanggal", "Tanggal"),
    ("waktu", "Waktu"),
    ("durasi", "Lama materi (menit)"),
    ("desa_undangan", "Desa yang diundang"),
    ("lambang", "Lambang"),
];

/// A problem of the event as the form names its fields: `tempat: wajib diisi` → `Tempat: wajib
/// diisi`, `desa_undangan[2].nama: …` → `Desa yang diundang (baris 3): …`. The command line
/// keeps the event file's keys, which are what its users write.
fn dengan_label(masalah: &str) -> String {
    let Some((kunci, pesan)) = masalah.split_once(": ") else {
        return masalah.to_string();
    };
    let akar = kunci.split(['[', '.']).next().unwrap_or(kunci);
    let Some((_, label)) = LABEL.iter().find(|(k, _)| *k == akar) else {
        return masalah.to_string();
    };
    let baris = kunci
        .split_once('[')
        .and_then(|(_, r)| r.split(']').next())
        .and_then(|i| i.parse::<usize>().ok());
    match baris {
        Some(i) => format!("{label} (baris {}): {pesan}", i + 1),
        None => format!("{label}: {pesan}"),
    }
}

fn formulir(
    k: &Keadaan,
    q: &HashMap<String, String>,
    pesan: &[String],
    status: StatusCode,
) -> Response {
    let nilai = |n: &str| q.get(n).cloned().unwrap_or_default();
    let berkas: Vec<_> = BERKAS_KIT
        .iter()
        .map(|(n, _, j)| json!({"nama": n, "judul": j}))
        .collect();
    render(
        k,
        status,
        "materi-unduh.html",
        json!({
            "pesan": pesan, "berkas_kit": berkas,
            "v": {
                "nama_acara": nilai("nama_acara"), "penyelenggara": nilai("penyelenggara"),
                "tempat": nilai("tempat"), "tanggal": nilai("tanggal"), "waktu": nilai("waktu"),
                "durasi": nilai("durasi"),
                "kabupaten": nilai("kabupaten"), "nomor_surat": nilai("nomor_surat"),
                "tanggal_surat": nilai("tanggal_surat"), "sifat": nilai("sifat"),
                "lampiran": nilai("lampiran"), "alamat": nilai("alamat"), "telepon": nilai("telepon"),
                "ttd_nama": nilai("ttd_nama"), "ttd_jabatan": nilai("ttd_jabatan"), "ttd_nip": nilai("ttd_nip"),
                "desa": nilai("desa"), "peserta": nilai("peserta"), "narahubung": nilai("narahubung"),
                "kertas": nilai("kertas"), "huruf": nilai("huruf"),
            },
        }),
    )
}

/// `GET /materi/unduh`: the form. Names and NIP are sent only by POST, so they stay out of
/// addresses and logs.
pub async fn formulir_unduh(State(k): S) -> Response {
    formulir(&k, &HashMap::new(), &[], StatusCode::OK)
}

/// The event in a file name: `sosialisasi-kerja-sama-2025-07-11`, ASCII letters, digits and
/// hyphens only (it goes into a header).
pub(super) fn nama_acara(acara: &Acara) -> String {
    let mut s = String::new();
    for c in format!("{} {}", acara.nama_acara, acara.tanggal).chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let mut s: String = s.trim_end_matches('-').chars().take(80).collect();
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() { "acara".into() } else { s }
}

/// The files of the whole kit, in the order of the form: name and what makes it.
fn semua_berkas() -> Vec<&'static str> {
    let mut v = vec!["modul", "slide"];
    v.extend(BERKAS_KIT.iter().map(|(n, _, _)| *n));
    v
}

fn susun_satu(
    m: &super::Muatan,
    acara: &Acara,
    opsi: &Opsi,
    nama: &str,
) -> Result<Vec<u8>, PelatihanError> {
    match nama {
        "modul" => pelatihan::modul(&m.mesin, &m.konten, acara, opsi),
        "slide" => pelatihan::slide(&m.mesin, &m.konten, acara, opsi),
        lain => pelatihan::berkas_kit(&m.mesin, &m.konten, acara, opsi, lain),
    }
}

/// One ZIP of PDFs, each named `awalan-nama.pdf`.
fn zip(awalan: &str, berkas: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // PDFs are compressed already.
    let gaya =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (nama, isi) in berkas {
        let nama = format!("{awalan}-{}.pdf", nama.trim_end_matches(".pdf"));
        z.start_file(nama, gaya).map_err(|e| e.to_string())?;
        z.write_all(isi).map_err(|e| e.to_string())?;
    }
    z.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// `POST /materi/unduh`: `berkas` names one file, or `semua` the whole kit as one ZIP.
pub async fn unduh(State(k): S, body: axum::body::Bytes) -> Response {
    let q: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let Some(berkas) = q.get("berkas").cloned() else {
        return formulir(&k, &q, &[], StatusCode::OK);
    };
    // The files asked for, as names the kit knows.
    let diminta: Vec<&'static str> = if berkas == "semua" {
        semua_berkas()
    } else {
        semua_berkas()
            .into_iter()
            .filter(|n| *n == berkas)
            .collect()
    };
    if diminta.is_empty() {
        return formulir(
            &k,
            &q,
            &[format!("berkas `{berkas}` tidak dikenal")],
            StatusCode::BAD_REQUEST,
        );
    }
    let mut opsi = Opsi::default();
    if let Some(kt) = q.get("kertas").filter(|s| !s.trim().is_empty()) {
        match kt.parse::<Kertas>() {
            Ok(x) => opsi.kertas = x,
            Err(e) => {
                return formulir(&k, &q, &[format!("kertas: {e}")], StatusCode::BAD_REQUEST);
            }
        }
    }
    if let Some(h) = q.get("huruf").filter(|s| !s.trim().is_empty()) {
        match h.parse::<Huruf>() {
            Ok(x) => opsi.huruf = x,
            Err(e) => {
                return formulir(&k, &q, &[format!("huruf: {e}")], StatusCode::BAD_REQUEST);
            }
        }
    }
    if let Some(d) = q.get("durasi").map(|d| d.trim()).filter(|d| !d.is_empty())
        && d.parse::<u32>().is_err()
    {
        return formulir(
            &k,
            &q,
            &[format!("durasi: `{d}` harus jumlah menit (bilangan bulat)")],
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let acara = acara_dari(&q);
    let awalan = nama_acara(&acara);
    let Ok(izin) = k.izin_dokumen.try_acquire() else {
        return sibuk();
    };
    let m = k.muatan();
    let hasil = k
        .di_kolam_dokumen(move || {
            diminta
                .into_iter()
                .map(|n| susun_satu(&m, &acara, &opsi, n).map(|b| (n, b)))
                .collect::<Result<Vec<_>, _>>()
        })
        .await;
    drop(izin);
    match hasil {
        Some(Ok(mut b)) if berkas != "semua" && b.len() == 1 => {
            let (n, isi) = b.remove(0);
            pdf(&format!("{awalan}-{}", n.trim_end_matches(".pdf")), isi)
        }
        Some(Ok(b)) => match zip(&awalan, &b) {
            Ok(z) => berkas_zip(&format!("{awalan}-kit"), z),
            Err(e) => gagal(&k, &q, "semua", &e),
        },
        Some(Err(PelatihanError::Acara(p))) => {
            let p: Vec<String> = p.iter().map(|m| dengan_label(m)).collect();
            formulir(&k, &q, &p, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Some(Err(e)) => gagal(&k, &q, &berkas, &e),
        None => gagal(&k, &q, &berkas, &"penyusunan terhenti"),
    }
}

fn gagal(
    k: &Keadaan,
    q: &HashMap<String, String>,
    berkas: &str,
    e: &dyn std::fmt::Display,
) -> Response {
    tracing::error!("materi {berkas}: {e}");
    formulir(
        k,
        q,
        &["bahan tidak dapat disusun; coba lagi".into()],
        StatusCode::INTERNAL_SERVER_ERROR,
    )
}

#[cfg(test)]
mod tests {
    use super::dengan_label;

    #[test]
    fn problems_name_the_form_s_labels() {
        assert_eq!(
            dengan_label("tempat: wajib diisi untuk undangan"),
            "Tempat: wajib diisi untuk undangan"
        );
        assert_eq!(
            dengan_label("desa_undangan[2].nama: wajib diisi"),
            "Desa yang diundang (baris 3): wajib diisi"
        );
        assert_eq!(
            dengan_label("tanggal_surat: surat undangan bertanggal sesudah acaranya"),
            "Tanggal surat: surat undangan bertanggal sesudah acaranya"
        );
        assert_eq!(dengan_label("tanpa kunci"), "tanpa kunci");
    }
}
