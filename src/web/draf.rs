//! Drafts on the web: every submission of a document form by a signed-in user is saved as a new
//! version before it is checked; the list of a village's drafts; reopening one; its versions;
//! restoring an old version.

use super::isian::Isian;
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Map, Value, json};

use super::Keadaan;
use super::akun::{periksa_csrf, perlu_masuk};
use super::dokumen::tampilkan_form_dengan;
use super::formulir::Kiriman;
use super::halaman::{gagal, galat, render, tidak_ditemukan};
use super::sesi::{self, Masuk};
use crate::akun::{Peran, izin};
use crate::dokumen::JenisDokumen;
use crate::draf::{self, Simpanan};
use crate::{desa, wilayah};

type S = State<Arc<Keadaan>>;

/// Why a submission was not saved.
pub(super) enum TidakTersimpan {
    /// An answer to send as it is (403 for a missing CSRF token or another village).
    Tanggapan(Response),
    /// The village is missing or not the user's: said beside the village field.
    Desa(String),
}

fn tidak_boleh(k: &Keadaan) -> Response {
    galat(
        k,
        StatusCode::FORBIDDEN,
        "Tidak berwenang",
        "Akun Anda tidak berwenang atas data desa ini.",
    )
}

/// Saves a signed-in user's submission as a new version of its draft (a new draft when it has
/// none); the draft's id and village go back into the form. Returns the version's number.
pub(super) async fn simpan_kiriman(
    k: &Keadaan,
    saya: &Masuk,
    j: &JenisDokumen,
    kiriman: &mut Kiriman,
) -> Result<i64, TidakTersimpan> {
    let opsi = |n: &str| {
        kiriman
            .opsi
            .get(n)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if !saya.csrf_sah(opsi("csrf").as_deref()) {
        return Err(TidakTersimpan::Tanggapan(galat(
            k,
            StatusCode::FORBIDDEN,
            "Permintaan ditolak",
            "Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman Sinergi. Muat ulang halamannya lalu kirim lagi.",
        )));
    }
    let p = saya.pengguna();
    let kode_desa = match p.peran {
        Peran::Operator => p.kode_wilayah.clone(),
        Peran::Admin => match opsi("desa") {
            Some(d) => d,
            None => {
                return Err(TidakTersimpan::Desa(
                    "Pilih desa pemilik draf ini (nama atau kode desa) agar isian tersimpan."
                        .into(),
                ));
            }
        },
    };
    if wilayah::desa(&kode_desa).is_none() {
        return Err(TidakTersimpan::Desa(format!(
            "Kode desa `{kode_desa}` tidak ada dalam kode wilayah Kemendagri."
        )));
    }
    if !izin::boleh_desa(p, &kode_desa) {
        return Err(TidakTersimpan::Tanggapan(tidak_boleh(k)));
    }
    // A draft of another village or type starts a new one rather than mixing histories.
    let id = match opsi("draf") {
        Some(id) => match draf::baca(&k.gudang, &id).await {
            Ok(Some(d)) if d.kode_desa == kode_desa && d.jenis == j.id => Some(id),
            Ok(Some(d)) if !izin::boleh_desa(p, &d.kode_desa) => {
                return Err(TidakTersimpan::Tanggapan(tidak_boleh(k)));
            }
            _ => None,
        },
        None => None,
    };
    let judul = draf::judul_dari(&kiriman.data, &j.judul);
    let cetak = json!({"kertas": opsi("kertas"), "huruf": opsi("huruf"), "margin": opsi("margin")});
    match draf::simpan(
        &k.gudang,
        Simpanan {
            id: id.as_deref(),
            kode_desa: &kode_desa,
            jenis: &j.id,
            judul: &judul,
            data: &kiriman.data,
            opsi: &cetak,
            oleh: &p.nama,
        },
    )
    .await
    {
        Ok((id, versi)) => {
            kiriman.opsi.insert("draf".into(), json!(id));
            kiriman.opsi.insert("desa".into(), json!(kode_desa));
            Ok(versi)
        }
        Err(e) => {
            tracing::error!("simpan draf: {e}");
            Err(TidakTersimpan::Tanggapan(galat(
                k,
                StatusCode::SERVICE_UNAVAILABLE,
                "Draf belum tersimpan",
                "Basis data sedang tidak dapat menyimpan. Kembali ke halaman sebelumnya (isian masih ada di peramban) dan kirim lagi sebentar lagi.",
            )))
        }
    }
}

/// The villages a form names: the draft's village, and the codes in its `desa` rows.
fn kode_desa_formulir(kiriman: &Kiriman) -> Vec<String> {
    let mut kode: Vec<String> = Vec::new();
    if let Some(Value::Array(baris)) = kiriman.data.get("desa") {
        kode.extend(
            baris
                .iter()
                .filter_map(|b| b.get("kode").and_then(Value::as_str))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        );
    }
    if kode.is_empty()
        && let Some(d) = kiriman.opsi.get("desa").and_then(Value::as_str)
    {
        kode.push(d.trim().to_string());
    }
    kode
}

/// Fills the form's empty fields from the profiles of the villages it names (those the user
/// may read).
pub(super) async fn isi_dari_profil(k: &Keadaan, j: &JenisDokumen, kiriman: &mut Kiriman) {
    let Some(saya) = sesi::saya() else { return };
    let mut profil = Vec::new();
    for kode in kode_desa_formulir(kiriman) {
        if izin::boleh_desa(saya.pengguna(), &kode)
            && let Ok(p) = desa::baca(&k.gudang, &kode).await
        {
            profil.push(p);
        }
    }
    desa::isi_formulir(&j.formulir, &mut kiriman.data, &profil);
}

/// The villages whose drafts a user sees: an operator's own, or one of an admin's kabupaten.
fn desa_yang_dilihat(saya: &Masuk, q: &HashMap<String, String>) -> Option<String> {
    let p = saya.pengguna();
    match p.peran {
        Peran::Operator => Some(p.kode_wilayah.clone()),
        Peran::Admin => q.get("desa").filter(|d| !d.is_empty()).cloned(),
    }
}

/// `/draf[?desa=KODE]`
pub async fn daftar(State(k): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(saya) = sesi::saya() else {
        return perlu_masuk("/draf");
    };
    let p = saya.pengguna();
    let desa_ = desa_yang_dilihat(&saya, &q);
    if let Some(d) = &desa_
        && !izin::boleh_desa(p, d)
    {
        return tidak_boleh(&k);
    }
    let hasil = match &desa_ {
        Some(d) => draf::daftar(&k.gudang, d).await,
        None => draf::daftar_kabupaten(&k.gudang, &p.kode_wilayah).await,
    };
    let m = k.muatan();
    match hasil {
        Ok(daftar) => {
            let baris: Vec<Value> = daftar
                .iter()
                .map(|d| {
                    json!({"id": d.id, "judul": d.judul, "versi": d.versi_terakhir,
                           "jenis": m.mesin.jenis(&d.jenis).map(|j| j.judul.clone()).unwrap_or_else(|| d.jenis.clone()),
                           "desa": wilayah::desa(&d.kode_desa).map(|w| w.nama).unwrap_or_default(),
                           "diubah": crate::format::waktu(d.diubah, k.zona), "oleh": d.diubah_oleh})
                })
                .collect();
            render(
                &k,
                StatusCode::OK,
                "draf-daftar.html",
                json!({"draf": baris, "desa": desa_.as_deref().and_then(wilayah::desa)}),
            )
        }
        Err(e) => gagal(&k, "Draf tidak terbaca", format_args!("daftar draf: {e}")),
    }
}

async fn draf_milik(k: &Keadaan, saya: &Masuk, id: &str) -> Result<draf::Draf, Response> {
    match draf::baca(&k.gudang, id).await {
        Ok(Some(d)) if izin::boleh_desa(saya.pengguna(), &d.kode_desa) => Ok(d),
        Ok(Some(_)) => Err(tidak_boleh(k)),
        Ok(None) => Err(tidak_ditemukan(k, &format!("Draf `{id}`"))),
        Err(e) => {
            tracing::error!("draf {id}: {e}");
            Err(galat(
                k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Draf tidak terbaca",
                "Coba lagi.",
            ))
        }
    }
}

/// `/draf/{id}[?versi=N]`: the form filled with the draft's newest (or a given) version.
pub async fn buka(
    State(k): S,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let Some(saya) = sesi::saya() else {
        return perlu_masuk(&format!("/draf/{id}"));
    };
    let d = match draf_milik(&k, &saya, &id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let versi = q.get("versi").and_then(|v| v.parse::<i64>().ok());
    let v = match draf::versi(&k.gudang, &id, versi).await {
        Ok(Some(v)) => v,
        Ok(None) => return tidak_ditemukan(&k, "Versi draf itu"),
        Err(e) => {
            return gagal(
                &k,
                "Draf tidak terbaca",
                format_args!("versi draf {id}: {e}"),
            );
        }
    };
    let m = k.muatan();
    let Some(j) = m.mesin.jenis(&d.jenis) else {
        return tidak_ditemukan(&k, &format!("Jenis dokumen `{}`", d.jenis));
    };
    let mut opsi = Map::new();
    opsi.insert("draf".into(), json!(d.id));
    opsi.insert("desa".into(), json!(d.kode_desa));
    for n in ["kertas", "huruf", "margin"] {
        if let Some(x) = v.opsi.get(n).and_then(Value::as_str) {
            opsi.insert(n.into(), json!(x));
        }
    }
    let pesan = if versi.is_some_and(|n| n != d.versi_terakhir) {
        format!(
            "Ini versi {} dari {}. Mengirim formulir ini menyimpannya sebagai versi terbaru.",
            v.versi, d.versi_terakhir
        )
    } else {
        format!("Draf versi {} oleh {}.", v.versi, v.dibuat_oleh)
    };
    let kiriman = Kiriman {
        data: v.data,
        opsi,
        aksi: String::new(),
    };
    tampilkan_form_dengan(
        &k,
        j,
        &kiriman,
        &[],
        StatusCode::OK,
        &super::dokumen::Konteks {
            pesan: &pesan,
            ..Default::default()
        },
    )
}

/// `/draf/{id}/riwayat`: every version, with who saved it and when.
pub async fn riwayat(State(k): S, Path(id): Path<String>) -> Response {
    let Some(saya) = sesi::saya() else {
        return perlu_masuk(&format!("/draf/{id}/riwayat"));
    };
    let d = match draf_milik(&k, &saya, &id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    match draf::riwayat(&k.gudang, &id).await {
        Ok(v) => {
            let versi: Vec<Value> = v
                .iter()
                .map(|(n, t, oleh)| json!({"versi": n, "waktu": crate::format::waktu(*t, k.zona), "oleh": oleh}))
                .collect();
            render(
                &k,
                StatusCode::OK,
                "draf-riwayat.html",
                json!({"d": d, "versi": versi}),
            )
        }
        Err(e) => gagal(
            &k,
            "Draf tidak terbaca",
            format_args!("riwayat draf {id}: {e}"),
        ),
    }
}

/// `POST /draf/{id}/pulihkan` (versi): the old version becomes the newest.
pub async fn pulihkan(State(k): S, Path(id): Path<String>, Isian(f): Isian) -> Response {
    let saya = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let d = match draf_milik(&k, &saya, &id).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let Some(n) = f.get("versi").and_then(|v| v.parse::<i64>().ok()) else {
        return galat(
            &k,
            StatusCode::BAD_REQUEST,
            "Permintaan tidak valid",
            "versi tidak disebut",
        );
    };
    let v = match draf::versi(&k.gudang, &id, Some(n)).await {
        Ok(Some(v)) => v,
        Ok(None) => return tidak_ditemukan(&k, "Versi draf itu"),
        Err(e) => {
            return gagal(
                &k,
                "Draf tidak terbaca",
                format_args!("versi draf {id}: {e}"),
            );
        }
    };
    let simpan = draf::simpan(
        &k.gudang,
        Simpanan {
            id: Some(&id),
            kode_desa: &d.kode_desa,
            jenis: &d.jenis,
            judul: &d.judul,
            data: &v.data,
            opsi: &v.opsi,
            oleh: &saya.pengguna().nama,
        },
    )
    .await;
    match simpan {
        Ok(_) => Redirect::to(&format!("/draf/{id}")).into_response(),
        Err(e) => gagal(
            &k,
            "Draf tidak tersimpan",
            format_args!("pulihkan draf {id}: {e}"),
        ),
    }
}
