//! The HTML form of a document type, without JavaScript: the submitted fields read back into
//! data (names resolved against the schema first), and the schema with the data and the
//! problems turned into a view the `dokumen-formulir.html` template lays out.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{StatusCode, header};
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::Keadaan;
use crate::dokumen::{GalatIsian, JenisDokumen, formulir, gambar, jalur};
use crate::konten::{JenisKolom, Kolom};

/// Form options besides the fields and the button pressed (`_aksi`): paper, font and margins,
/// and for a signed-in user the village, the draft, the CSRF token and the document a new one
/// replaces.
const OPSI_FORM: [&str; 7] = [
    "kertas",
    "huruf",
    "margin",
    "desa",
    "draf",
    "csrf",
    "menggantikan",
];

/// What a submitted form asks for.
pub(super) struct Kiriman {
    pub data: Value,
    /// `kertas`, `huruf`, `margin`, and for a signed-in user `desa`, `draf`, `csrf`,
    /// `menggantikan`.
    pub opsi: Map<String, Value>,
    /// `buat`, `tambah:desa`, `hapus:desa:1`.
    pub aksi: String,
}

/// The JSON data of a submitted form, the print options, and the action asked for. Field names
/// are resolved against the schema first: an unknown name, a path deeper than the schema or a
/// row beyond a group's `maks` is refused before anything is allocated for it.
pub(super) fn dari_form(
    j: &JenisDokumen,
    pasangan: Vec<(String, String)>,
) -> Result<Kiriman, String> {
    let mut data = Value::Object(Map::new());
    let mut opsi = Map::new();
    let mut aksi = "buat".to_string();
    for (nama, nilai) in pasangan {
        if let Some(o) = nama.strip_prefix('_') {
            if o == "aksi" {
                aksi = nilai;
            } else if OPSI_FORM.contains(&o) {
                opsi.insert(o.to_string(), json!(nilai));
            }
            continue;
        }
        let jalur = jalur::urai_jalur(&j.formulir, &nama, false)?;
        // Lists of text come from one textarea, one item per line.
        let v = if jalur.kolom.jenis == JenisKolom::Daftar {
            Value::Array(
                nilai
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .take(formulir::batas_butir(jalur.kolom) + 1)
                    .map(|s| json!(s))
                    .collect(),
            )
        } else {
            json!(nilai)
        };
        jalur::pasang(&mut data, &jalur, v);
    }
    Ok(Kiriman { data, opsi, aksi })
}

/// Applies "+ Tambah" or "Hapus" (the group's rows change within its bounds) or "Hapus gambar"
/// (an attached image goes). Returns the anchor of what changed, or why the action could not be
/// read.
pub(super) fn ubah_baris(
    j: &JenisDokumen,
    kiriman: &mut Kiriman,
) -> Result<Option<String>, String> {
    let salah = || "tombol menunjuk kolom yang tidak dikenal".to_string();
    if let Some(nama) = kiriman.aksi.strip_prefix("tambah:") {
        let jalur = jalur::urai_jalur(&j.formulir, nama, true).map_err(|_| salah())?;
        if jalur.kolom.jenis != JenisKolom::Grup || !jalur.kolom.ulang {
            return Err(salah());
        }
        let maks = formulir::batas_butir(jalur.kolom);
        match jalur::ambil(&mut kiriman.data, &jalur) {
            Some(Value::Array(a)) if a.len() < maks => a.push(Value::Object(Map::new())),
            Some(Value::Array(_)) => {}
            _ => jalur::pasang(&mut kiriman.data, &jalur, json!([{}])),
        }
        return Ok(Some(id_html(nama)));
    }
    if let Some(nama) = kiriman.aksi.strip_prefix("hapus-gambar:") {
        let jalur = jalur::urai_jalur(&j.formulir, nama, false).map_err(|_| salah())?;
        if jalur.kolom.jenis != JenisKolom::Gambar {
            return Err(salah());
        }
        if let Some(v) = jalur::ambil(&mut kiriman.data, &jalur) {
            *v = Value::Null;
        }
        return Ok(Some(id_html(nama)));
    }
    if let Some(sisa) = kiriman.aksi.strip_prefix("hapus:") {
        let (nama, i) = sisa.rsplit_once(':').ok_or_else(salah)?;
        let i: usize = i.parse().map_err(|_| salah())?;
        let jalur = jalur::urai_jalur(&j.formulir, nama, true).map_err(|_| salah())?;
        let min = jalur.kolom.min.unwrap_or(0.0).max(0.0) as usize;
        if let Some(Value::Array(a)) = jalur::ambil(&mut kiriman.data, &jalur)
            && i < a.len()
            && a.len() > min
        {
            a.remove(i);
        }
        return Ok(Some(id_html(nama)));
    }
    Ok(None)
}

/// A submitted form as read: its name–value pairs, and the image uploads that were refused,
/// each with its field's name and why (shown beside that field; the rest of the form is kept).
pub(super) struct Terbaca {
    pub pasangan: Vec<(String, String)>,
    pub ditolak: Vec<GalatIsian>,
}

/// Reads a submitted form, urlencoded or multipart. A PNG or JPEG upload is shrunk to print
/// size and becomes a data URL like the API takes (whatever type the browser claimed: the bytes
/// say what it is); other files become `application/octet-stream` data URLs. Errors carry the
/// status to answer with.
pub(super) async fn pasangan_form(
    k: &Arc<Keadaan>,
    req: axum::extract::Request,
) -> Result<Terbaca, (StatusCode, String)> {
    use axum::extract::FromRequest;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let salah = |status: StatusCode, teks: String| {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            (StatusCode::PAYLOAD_TOO_LARGE, super::pesan_terlalu_besar())
        } else {
            (StatusCode::BAD_REQUEST, teks)
        }
    };
    if !multipart {
        let body = Bytes::from_request(req, k)
            .await
            .map_err(|e| salah(e.status(), e.body_text()))?;
        return Ok(Terbaca {
            pasangan: form_urlencoded::parse(&body).into_owned().collect(),
            ditolak: Vec::new(),
        });
    }
    let mut m = axum::extract::Multipart::from_request(req, k)
        .await
        .map_err(|e| salah(e.status(), e.body_text()))?;
    let mut hasil = Terbaca {
        pasangan: Vec::new(),
        ditolak: Vec::new(),
    };
    while let Some(field) = m
        .next_field()
        .await
        .map_err(|e| salah(e.status(), e.body_text()))?
    {
        let nama = field.name().unwrap_or("").to_string();
        if field.file_name().is_none() {
            let teks = field
                .text()
                .await
                .map_err(|e| salah(e.status(), e.body_text()))?;
            hasil.pasangan.push((nama, teks));
            continue;
        }
        let isi = field
            .bytes()
            .await
            .map_err(|e| salah(e.status(), e.body_text()))?;
        if isi.is_empty() {
            continue;
        }
        let gambar_ = isi.starts_with(b"\x89PNG") || isi.starts_with(&[0xff, 0xd8, 0xff]);
        if !gambar_ {
            use base64::Engine;
            let b64 = base64::engine::general_purpose::STANDARD.encode(&isi);
            hasil
                .pasangan
                .push((nama, format!("data:application/octet-stream;base64,{b64}")));
            continue;
        }
        // Decoding and scaling a photo is CPU work: off the async workers.
        let dibaca = k.di_kolam_dokumen(move || gambar::unggahan(&isi)).await;
        match dibaca {
            Some(Ok(url)) => hasil.pasangan.push((nama, url)),
            Some(Err(e)) => hasil.ditolak.push(GalatIsian {
                jalur: nama,
                pesan: format!("Berkas tidak dipakai: {e}."),
            }),
            None => hasil.ditolak.push(GalatIsian {
                jalur: nama,
                pesan: "Berkas tidak dapat dibaca.".into(),
            }),
        }
    }
    Ok(hasil)
}

/// Empty rows so each repeatable group starts with as many as it needs.
pub(super) fn baris_awal(kolom: &[Kolom]) -> Value {
    let mut m = Map::new();
    for k in kolom {
        if k.jenis == JenisKolom::Grup && k.ulang {
            let n = k.min.unwrap_or(1.0).max(1.0) as usize;
            m.insert(
                k.nama.clone(),
                Value::Array(vec![Value::Object(Map::new()); n]),
            );
        }
    }
    Value::Object(m)
}

/// An HTML id for a field path: `desa[1].nama` → `desa-1--nama`.
pub(super) fn id_html(jalur: &str) -> String {
    jalur
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// A repeated group's help texts are shown in its first row only: the same field in later rows
/// points at that text (`aria-describedby`) instead of repeating it.
fn bantuan_sekali(baris: &mut [TampilBaris]) {
    let Some((pertama, lain)) = baris.split_first_mut() else {
        return;
    };
    for b in lain {
        for (k, k0) in b.kolom.iter_mut().zip(&pertama.kolom) {
            if k.bantuan.is_empty() || k.bantuan != k0.bantuan {
                continue;
            }
            k.bantuan.clear();
            let sendiri = format!("bantuan-{}", k.id);
            for d in &mut k.dijelaskan {
                if *d == sendiri {
                    *d = format!("bantuan-{}", k0.id);
                }
            }
        }
    }
}

/// One field as the template lays it out.
#[derive(Serialize)]
pub(super) struct Tampil {
    jenis: &'static str,
    /// The form name: the field's path.
    nama: String,
    id: String,
    label: String,
    wajib: bool,
    nilai: String,
    maks: Option<usize>,
    bantuan: String,
    pesan: Vec<String>,
    /// Ids of the help text and the messages (`aria-describedby`).
    dijelaskan: Vec<String>,
    pilihan: Vec<String>,
    centang: bool,
    /// The emblem already attached, as a data URL (kept in a hidden field, shown small).
    gambar: Option<String>,
    /// The "Hapus gambar" button's action, when an image is attached.
    hapus_gambar: Option<String>,
    /// A group's fields.
    anak: Vec<Tampil>,
    /// A repeated group's rows.
    baris: Vec<TampilBaris>,
    ulang: bool,
    /// The "+ Tambah" button's action, when another row is allowed.
    tambah: Option<String>,
}

#[derive(Serialize)]
pub(super) struct TampilBaris {
    judul: String,
    kolom: Vec<Tampil>,
    /// The "Hapus" button's action, when a row may go.
    hapus: Option<String>,
}

/// The problems of a submission, with each field's label where the summary shows it.
#[derive(Serialize)]
pub(super) struct Ringkasan {
    id: String,
    label: String,
    pesan: String,
}

fn teks_nilai(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(v) => v.to_string(),
    }
}

/// Builds the view of `kolom` filled with `data`; `label_jalur` collects each path's label
/// ("Desa ke-2 › Nama desa") for the summary of problems.
pub(super) fn tampil(
    kolom: &[Kolom],
    data: &Value,
    awalan: &str,
    awalan_label: &str,
    galat: &HashMap<String, Vec<String>>,
    label_jalur: &mut HashMap<String, (String, String)>,
) -> Vec<Tampil> {
    let mut hasil = Vec::with_capacity(kolom.len());
    for k in kolom {
        let jalur = if awalan.is_empty() {
            k.nama.clone()
        } else {
            format!("{awalan}.{}", k.nama)
        };
        let label_lengkap = if awalan_label.is_empty() {
            k.label.clone()
        } else {
            format!("{awalan_label} › {}", k.label)
        };
        // Where the summary links to: a group's box, or the field itself.
        let jangkar = if k.jenis == JenisKolom::Grup {
            format!("grup-{}", id_html(&jalur))
        } else {
            id_html(&jalur)
        };
        label_jalur.insert(jalur.clone(), (label_lengkap.clone(), jangkar));
        let v = data.get(&k.nama);
        let teks = teks_nilai(v);
        let mut bantuan = k.bantuan.clone().unwrap_or_default();
        match k.jenis {
            JenisKolom::Daftar => bantuan = format!("{bantuan} Satu butir per baris."),
            JenisKolom::Gambar => {
                bantuan = format!(
                    "{bantuan} PNG atau JPEG sampai {} MB; foto yang besar diperkecil otomatis.",
                    gambar::BATAS_UNGGAH / (1024 * 1024)
                )
            }
            _ => {}
        }
        let mut t = Tampil {
            jenis: k.jenis.nama(),
            id: id_html(&jalur),
            label: k.label.clone(),
            wajib: k.wajib,
            nilai: String::new(),
            maks: k
                .maks
                .filter(|_| matches!(k.jenis, JenisKolom::Teks | JenisKolom::Paragraf))
                .map(|m| m as usize),
            bantuan: bantuan.trim().to_string(),
            pesan: galat.get(&jalur).cloned().unwrap_or_default(),
            dijelaskan: Vec::new(),
            pilihan: k.pilihan.clone(),
            centang: false,
            gambar: None,
            hapus_gambar: None,
            anak: Vec::new(),
            baris: Vec::new(),
            ulang: k.ulang,
            tambah: None,
            nama: jalur.clone(),
        };
        if !t.bantuan.is_empty() {
            t.dijelaskan.push(format!("bantuan-{}", t.id));
        }
        if !t.pesan.is_empty() {
            t.dijelaskan.push(format!("pesan-{}", t.id));
        }
        match k.jenis {
            JenisKolom::Grup if k.ulang => {
                let baris: Vec<Value> = v.and_then(Value::as_array).cloned().unwrap_or_default();
                let min = k.min.unwrap_or(0.0).max(0.0) as usize;
                for (i, b) in baris.iter().enumerate() {
                    let judul = format!("{} ke-{}", k.label, i + 1);
                    t.baris.push(TampilBaris {
                        kolom: tampil(
                            &k.kolom,
                            b,
                            &format!("{jalur}[{i}]"),
                            &format!("{label_lengkap} ke-{}", i + 1),
                            galat,
                            label_jalur,
                        ),
                        hapus: (baris.len() > min).then(|| format!("hapus:{jalur}:{i}")),
                        judul,
                    });
                }
                bantuan_sekali(&mut t.baris);
                t.tambah =
                    (baris.len() < formulir::batas_butir(k)).then(|| format!("tambah:{jalur}"));
            }
            JenisKolom::Grup => {
                t.anak = tampil(
                    &k.kolom,
                    v.unwrap_or(&Value::Null),
                    &jalur,
                    &label_lengkap,
                    galat,
                    label_jalur,
                );
            }
            JenisKolom::YaTidak => {
                t.centang =
                    v.and_then(Value::as_bool).unwrap_or(false) || teks == "ya" || teks == "on";
            }
            JenisKolom::Gambar => {
                t.gambar = Some(teks).filter(|s| gambar::data_url(s));
                t.hapus_gambar = t.gambar.as_ref().map(|_| format!("hapus-gambar:{jalur}"));
            }
            _ => t.nilai = teks,
        }
        hasil.push(t);
    }
    hasil
}

/// The problems in order, each pointing at its field by label.
pub(super) fn ringkasan(
    galat: &[GalatIsian],
    label_jalur: &HashMap<String, (String, String)>,
) -> Vec<Ringkasan> {
    galat
        .iter()
        .map(|g| {
            let (label, id) = label_jalur
                .get(&g.jalur)
                .cloned()
                .unwrap_or_else(|| ("Isian".to_string(), id_html(&g.jalur)));
            Ringkasan {
                id,
                label,
                pesan: g.pesan.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_groups_help_is_shown_once_and_later_rows_point_at_it() {
        let kolom: Vec<Kolom> = serde_yaml::from_str(
            "- {nama: saksi, label: Saksi, jenis: grup, ulang: true, kolom: [\
               {nama: nama, label: Nama, jenis: teks, bantuan: Nama lengkap}]}",
        )
        .expect("yaml");
        let data = json!({"saksi": [{"nama": "A"}, {"nama": "B"}, {"nama": "C"}]});
        let t = tampil(&kolom, &data, "", "", &HashMap::new(), &mut HashMap::new());
        let baris = &t[0].baris;
        assert_eq!(baris[0].kolom[0].bantuan, "Nama lengkap");
        for b in &baris[1..] {
            assert_eq!(b.kolom[0].bantuan, "");
            assert_eq!(b.kolom[0].dijelaskan, vec!["bantuan-saksi-0--nama"]);
        }
    }

    #[test]
    fn ids_are_safe_for_html() {
        assert_eq!(id_html("desa[1].nama"), "desa-1--nama");
    }
}
