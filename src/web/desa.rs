//! Villages: the list an admin works through, each village's profile (a form), and the village
//! search behind every village picker (`/api/wilayah/desa?q=…`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Value, json};

use super::Keadaan;
use super::akun::{periksa_csrf, perlu_masuk};
use super::formulir as form;
use super::halaman::{gagal, galat, render};
use super::sesi;
use crate::akun::{Peran, izin};
use crate::desa::{self, GalatProfil, Lambang, Profil};
use crate::terbit::nomor::Register;
use crate::wilayah;

type S = State<Arc<Keadaan>>;

/// `/api/wilayah/desa?q=…[&kabupaten=32.05]`: villages by name or code, best first.
pub async fn cari_wilayah(Query(q): Query<HashMap<String, String>>) -> Response {
    let teks = q.get("q").map(String::as_str).unwrap_or("");
    if teks.chars().count() > 100 {
        return super::api::galat(
            StatusCode::BAD_REQUEST,
            "parameter `q` paling banyak 100 karakter",
        );
    }
    let kab = q
        .get("kabupaten")
        .map(String::as_str)
        .filter(|s| !s.is_empty());
    Json(wilayah::cari_desa(teks, kab, 20)).into_response()
}

/// `/desa`: an admin's villages (with whether each has a profile); an operator goes to theirs.
pub async fn daftar(State(k): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(m) = sesi::saya() else {
        return perlu_masuk("/desa");
    };
    let p = m.pengguna();
    if p.peran == Peran::Operator {
        return Redirect::to(&format!("/desa/{}", p.kode_wilayah)).into_response();
    }
    let cari = q.get("q").map(String::as_str).unwrap_or("").trim();
    let desa_ = if cari.is_empty() {
        wilayah::cari_desa(&p.kode_wilayah, None, 1000)
    } else {
        wilayah::cari_desa(cari, Some(&p.kode_wilayah), 200)
    };
    let ada = desa::berprofil(&k.gudang, &p.kode_wilayah)
        .await
        .unwrap_or_default();
    let daftar: Vec<Value> = desa_
        .iter()
        .filter(|d| d.kode_kabupaten == p.kode_wilayah)
        .map(|d| {
            json!({"kode": d.kode, "nama": d.nama, "kecamatan": d.kecamatan,
                        "kelurahan": d.kelurahan, "berprofil": ada.contains(&d.kode)})
        })
        .collect();
    render(
        &k,
        StatusCode::OK,
        "desa-daftar.html",
        json!({"desa": daftar, "q": cari, "kabupaten": wilayah::kabupaten(&p.kode_wilayah)}),
    )
}

fn tidak_boleh(k: &Keadaan) -> Response {
    galat(
        k,
        StatusCode::FORBIDDEN,
        "Tidak berwenang",
        "Akun Anda tidak berwenang atas data desa ini.",
    )
}

async fn halaman_profil(
    k: &Keadaan,
    kode: &str,
    profil_isian: Option<&Profil>,
    masalah: &[(String, String)],
    pesan: &str,
    status: StatusCode,
) -> Response {
    match desa::baca(&k.gudang, kode).await {
        Ok(pd) => {
            let tampil = profil_isian.cloned().unwrap_or_else(|| pd.profil.clone());
            let galat_: HashMap<&str, &str> = masalah
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let register: Vec<Value> = Register::SEMUA
                .iter()
                .map(|r| {
                    let a = tampil.nomor.get(r.slug()).cloned().unwrap_or_default();
                    json!({"slug": r.slug(), "label": r.label(), "bawaan": r.format_bawaan(),
                           "format": a.format, "kode_klasifikasi": a.kode_klasifikasi,
                           "galat": galat_.get(format!("nomor.{}.format", r.slug()).as_str())})
                })
                .collect();
            render(
                k,
                status,
                "desa-profil.html",
                json!({"d": pd.desa, "p": tampil, "lambang": pd.lambang, "diubah": pd.diubah,
                       "diubah_oleh": pd.diubah_oleh, "register": register, "galat": galat_,
                       "pesan": pesan, "kop": tampil.kop.join("\n")}),
            )
        }
        Err(GalatProfil::TidakAda(_)) => {
            super::halaman::tidak_ditemukan(k, &format!("Desa dengan kode `{kode}`"))
        }
        Err(e) => gagal(
            k,
            "Profil tidak terbaca",
            format_args!("profil {kode}: {e}"),
        ),
    }
}

pub async fn profil(State(k): S, Path(kode): Path<String>) -> Response {
    let Some(m) = sesi::saya() else {
        return perlu_masuk(&format!("/desa/{kode}"));
    };
    if !izin::boleh_desa(m.pengguna(), &kode) {
        return tidak_boleh(&k);
    }
    halaman_profil(&k, &kode, None, &[], "", StatusCode::OK).await
}

/// The profile from a submitted form.
fn profil_dari(f: &HashMap<String, String>) -> Profil {
    let t = |n: &str| f.get(n).map(|s| s.trim().to_string()).unwrap_or_default();
    let pejabat = |n: &str| desa::Pejabat {
        nama: t(&format!("{n}.nama")),
        gelar: t(&format!("{n}.gelar")),
        sk_pengangkatan: t(&format!("{n}.sk_pengangkatan")),
    };
    let mut nomor = std::collections::BTreeMap::new();
    for r in Register::SEMUA {
        let a = desa::AturNomor {
            format: t(&format!("nomor.{}.format", r.slug())),
            kode_klasifikasi: t(&format!("nomor.{}.kode_klasifikasi", r.slug())),
        };
        if a != desa::AturNomor::default() {
            nomor.insert(r.slug().to_string(), a);
        }
    }
    Profil {
        alamat_kantor: t("alamat_kantor"),
        telepon: t("telepon"),
        surel: t("surel"),
        kepala_desa: pejabat("kepala_desa"),
        sekretaris_desa: pejabat("sekretaris_desa"),
        ketua_bpd: pejabat("ketua_bpd"),
        kop: t("kop")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        nomor,
    }
}

pub async fn simpan(
    State(k): S,
    Path(kode): Path<String>,
    req: axum::extract::Request,
) -> Response {
    let terbaca = match form::pasangan_form(&k, req).await {
        Ok(p) => p,
        Err((status, e)) => return galat(&k, status, "Formulir tidak terbaca", &e),
    };
    let f: HashMap<String, String> = terbaca.pasangan.into_iter().collect();
    let m = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    if !izin::boleh_desa(m.pengguna(), &kode) {
        return tidak_boleh(&k);
    }
    let profil = profil_dari(&f);
    let masalah = if !terbaca.ditolak.is_empty() {
        // A photo that cannot be used: said beside its field, nothing saved, the form kept.
        terbaca
            .ditolak
            .into_iter()
            .map(|g| (g.jalur, g.pesan))
            .collect()
    } else {
        let lambang = if f.get("hapus_lambang").is_some_and(|v| v == "ya") {
            Lambang::Hapus
        } else {
            match f.get("lambang").filter(|v| !v.is_empty()) {
                Some(url) => Lambang::Baru(url.clone()),
                None => Lambang::Tetap,
            }
        };
        match desa::simpan(&k.gudang, &kode, &profil, lambang, &m.pengguna().nama).await {
            Ok(()) => {
                return halaman_profil(&k, &kode, None, &[], "Profil disimpan.", StatusCode::OK)
                    .await;
            }
            Err(GalatProfil::Isian(masalah)) => masalah,
            Err(GalatProfil::TidakAda(_)) => {
                return super::halaman::tidak_ditemukan(&k, &format!("Desa dengan kode `{kode}`"));
            }
            Err(e) => {
                return gagal(
                    &k,
                    "Profil tidak tersimpan",
                    format_args!("simpan profil {kode}: {e}"),
                );
            }
        }
    };
    // The form back as typed, each problem beside its field.
    halaman_profil(
        &k,
        &kode,
        Some(&profil),
        &masalah,
        "",
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `GET /api/desa/{kode}/profil`
pub async fn api_profil(State(k): S, Path(kode): Path<String>) -> Response {
    let Some(m) = sesi::saya() else {
        return super::api::galat(StatusCode::UNAUTHORIZED, "perlu masuk atau token API");
    };
    if !izin::boleh_desa(m.pengguna(), &kode) {
        return super::api::galat(StatusCode::FORBIDDEN, "tidak berwenang atas desa ini");
    }
    match desa::baca(&k.gudang, &kode).await {
        Ok(p) => Json(p).into_response(),
        Err(GalatProfil::TidakAda(_)) => super::api::galat(
            StatusCode::NOT_FOUND,
            format!("kode desa `{kode}` tidak dikenal"),
        ),
        Err(e) => {
            tracing::error!("profil {kode}: {e}");
            super::api::galat(StatusCode::INTERNAL_SERVER_ERROR, "profil tidak terbaca")
        }
    }
}

/// `PUT /api/desa/{kode}/profil` with the profile as JSON (and `lambang` as a data URL, `null`
/// to remove, absent to keep).
pub async fn api_simpan_profil(
    State(k): S,
    Path(kode): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Some(m) = sesi::saya() else {
        return super::api::galat(StatusCode::UNAUTHORIZED, "perlu masuk atau token API");
    };
    if !izin::boleh_desa(m.pengguna(), &kode) {
        return super::api::galat(StatusCode::FORBIDDEN, "tidak berwenang atas desa ini");
    }
    let v = match crate::json::baca(&body) {
        Ok(v) => v,
        Err(e) => return super::api::galat(StatusCode::BAD_REQUEST, e.to_string()),
    };
    // A cookie session is enough here: a JSON body needs a CORS preflight the server never
    // grants, and the guard refuses cross-site writes.
    let lambang = match v.get("lambang") {
        None => Lambang::Tetap,
        Some(Value::Null) => Lambang::Hapus,
        Some(Value::String(s)) => Lambang::Baru(s.clone()),
        Some(_) => {
            return super::api::galat(
                StatusCode::UNPROCESSABLE_ENTITY,
                "lambang: harus data URL atau null",
            );
        }
    };
    let mut tanpa = v.clone();
    if let Some(o) = tanpa.as_object_mut() {
        o.remove("lambang");
    }
    let profil: Profil = match serde_json::from_value(tanpa) {
        Ok(p) => p,
        Err(e) => {
            return super::api::galat(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "profil tidak valid: {}",
                    crate::konten::skema::terjemahkan_serde(&e.to_string())
                ),
            );
        }
    };
    match desa::simpan(&k.gudang, &kode, &profil, lambang, &m.pengguna().nama).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(GalatProfil::Isian(masalah)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"galat": format!("{} masalah pada profil", masalah.len()),
                        "isian": masalah.iter().map(|(j, p)| json!({"jalur": j, "pesan": p})).collect::<Vec<_>>()})),
        )
            .into_response(),
        Err(GalatProfil::TidakAda(_)) => {
            super::api::galat(StatusCode::NOT_FOUND, format!("kode desa `{kode}` tidak dikenal"))
        }
        Err(e) => {
            tracing::error!("simpan profil {kode}: {e}");
            super::api::galat(StatusCode::INTERNAL_SERVER_ERROR, "profil tidak tersimpan")
        }
    }
}
