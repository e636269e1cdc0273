//! Signing in and out, and the account page (password, personal API tokens).

use super::isian::Isian;
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

use super::Keadaan;
use super::halaman::render;
use super::sesi::{self, Masuk};
use crate::akun::{self, GalatAkun};

type S = State<Arc<Keadaan>>;

/// Where to go after signing in: a path on this site only.
fn lanjut_aman(lanjut: Option<&String>) -> String {
    lanjut
        .filter(|l| l.starts_with('/') && !l.starts_with("//") && !l.contains('\\'))
        .cloned()
        .unwrap_or_else(|| "/akun".into())
}

fn halaman_masuk(
    k: &Keadaan,
    status: StatusCode,
    nama: &str,
    lanjut: &str,
    pesan: &str,
) -> Response {
    render(
        k,
        status,
        "masuk.html",
        json!({"nama": nama, "lanjut": lanjut, "pesan": pesan}),
    )
}

pub async fn masuk_form(State(k): S, Query(q): Query<HashMap<String, String>>) -> Response {
    if sesi::saya().is_some() {
        return Redirect::to(&lanjut_aman(q.get("lanjut"))).into_response();
    }
    halaman_masuk(&k, StatusCode::OK, "", &lanjut_aman(q.get("lanjut")), "")
}

pub async fn masuk(
    State(k): S,
    sesi::Peer(peer): sesi::Peer,
    headers: HeaderMap,
    Isian(f): Isian,
) -> Response {
    let nama = f.get("nama").map(|s| s.trim()).unwrap_or("");
    let sandi = f.get("sandi").map(String::as_str).unwrap_or("");
    let lanjut = lanjut_aman(f.get("lanjut"));
    let alamat = sesi::alamat(&headers, peer, k.https_di_depan);
    let p = match akun::masuk(&k.gudang, nama, sandi, &alamat).await {
        Ok(p) => p,
        Err(e @ (GalatAkun::SalahMasuk | GalatAkun::TerlaluSering(_))) => {
            let status = if matches!(e, GalatAkun::TerlaluSering(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            return halaman_masuk(&k, status, nama, &lanjut, &e.to_string());
        }
        Err(e) => {
            tracing::error!("masuk: {e}");
            return halaman_masuk(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                nama,
                &lanjut,
                "Terjadi kesalahan; coba lagi.",
            );
        }
    };
    match akun::sesi::buat(&k.gudang, &p).await {
        Ok((token, _)) => {
            let mut r = Redirect::to(&lanjut).into_response();
            r.headers_mut()
                .insert(header::SET_COOKIE, sesi::kuki(&token, k.https_di_depan));
            r
        }
        Err(e) => {
            tracing::error!("sesi: {e}");
            halaman_masuk(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                nama,
                &lanjut,
                "Terjadi kesalahan; coba lagi.",
            )
        }
    }
}

/// A signed-in browser's form must carry the session's CSRF token; otherwise 403.
pub(super) fn periksa_csrf(k: &Keadaan, f: &HashMap<String, String>) -> Result<Masuk, Response> {
    let Some(m) = sesi::saya() else {
        return Err(super::halaman::galat(
            k,
            StatusCode::UNAUTHORIZED,
            "Perlu masuk",
            "Halaman ini hanya untuk pengguna yang sudah masuk.",
        ));
    };
    if !m.csrf_sah(f.get("_csrf").map(String::as_str)) {
        return Err(super::halaman::galat(
            k,
            StatusCode::FORBIDDEN,
            "Permintaan ditolak",
            "Formulir ini sudah kedaluwarsa atau tidak berasal dari halaman Sinergi. Muat ulang halamannya lalu kirim lagi.",
        ));
    }
    Ok(m)
}

pub async fn keluar(State(k): S, headers: HeaderMap, Isian(f): Isian) -> Response {
    if let Err(r) = periksa_csrf(&k, &f) {
        return r;
    }
    if let Some(token) = sesi::token_kuki(&headers)
        && let Err(e) = akun::sesi::hapus(&k.gudang, &token).await
    {
        tracing::warn!("keluar: {e}");
    }
    let mut r = Redirect::to("/").into_response();
    r.headers_mut()
        .insert(header::SET_COOKIE, sesi::kuki_hapus(k.https_di_depan));
    r
}

/// Sends a visitor who is not signed in to the sign-in page, coming back to `di`.
pub(super) fn perlu_masuk(di: &str) -> Response {
    let kembali = form_urlencoded::Serializer::new(String::new())
        .append_pair("lanjut", di)
        .finish();
    Redirect::to(&format!("/masuk?{kembali}")).into_response()
}

async fn halaman_akun(
    k: &Keadaan,
    m: &Masuk,
    pesan: &str,
    token_baru: Option<&str>,
    status: StatusCode,
) -> Response {
    let p = m.pengguna();
    let token = akun::sesi::daftar_token(&k.gudang, p)
        .await
        .unwrap_or_default();
    render(
        k,
        status,
        "akun.html",
        json!({"p": p, "keterangan": p.keterangan(), "token": token, "pesan": pesan,
               "token_baru": token_baru}),
    )
}

pub async fn akun(State(k): S) -> Response {
    match sesi::saya() {
        Some(m) => halaman_akun(&k, &m, "", None, StatusCode::OK).await,
        None => perlu_masuk("/akun"),
    }
}

pub async fn ganti_sandi(State(k): S, Isian(f): Isian) -> Response {
    let m = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let lama = f.get("lama").map(String::as_str).unwrap_or("");
    let baru = f.get("baru").map(String::as_str).unwrap_or("");
    match akun::ganti_sandi(&k.gudang, m.pengguna(), lama, baru).await {
        Ok(()) => halaman_akun(&k, &m, "Kata sandi diganti.", None, StatusCode::OK).await,
        Err(GalatAkun::Tidak(p)) => {
            halaman_akun(&k, &m, &p, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!("ganti sandi: {e}");
            halaman_akun(
                &k,
                &m,
                "Terjadi kesalahan; coba lagi.",
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
            )
            .await
        }
    }
}

pub async fn buat_token(State(k): S, Isian(f): Isian) -> Response {
    let m = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let nama = f.get("nama").map(String::as_str).unwrap_or("");
    match akun::sesi::buat_token(&k.gudang, m.pengguna(), nama).await {
        Ok(t) => {
            halaman_akun(
                &k,
                &m,
                "Token dibuat. Salin sekarang: token ini tidak akan ditampilkan lagi.",
                Some(&t),
                StatusCode::OK,
            )
            .await
        }
        Err(GalatAkun::Tidak(p)) => {
            halaman_akun(&k, &m, &p, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!("token: {e}");
            halaman_akun(
                &k,
                &m,
                "Terjadi kesalahan; coba lagi.",
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
            )
            .await
        }
    }
}

pub async fn cabut_token(State(k): S, Isian(f): Isian) -> Response {
    let m = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let awalan = f.get("awalan").map(String::as_str).unwrap_or("");
    match akun::sesi::cabut_token(&k.gudang, m.pengguna(), awalan).await {
        Ok(()) => halaman_akun(&k, &m, "Token dicabut.", None, StatusCode::OK).await,
        Err(e) => {
            tracing::error!("cabut token: {e}");
            halaman_akun(
                &k,
                &m,
                "Terjadi kesalahan; coba lagi.",
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
            )
            .await
        }
    }
}
