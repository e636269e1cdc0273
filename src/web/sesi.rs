//! Who is asking: a browser's session cookie or an API client's personal token, resolved once
//! per request (and only when the request carries one, so anonymous pages cost no database
//! lookup). The answer is kept for the request's duration, for handlers and for the page
//! layout ("Masuk" or the account's name).

use std::net::SocketAddr;

use axum::http::{HeaderMap, HeaderValue, header};

use crate::akun::Pengguna;
use crate::akun::sesi::{self, NAMA_KUKI, Sesi};
use crate::simpan::Gudang;

/// How a request is signed in.
#[derive(Debug, Clone)]
pub enum Masuk {
    /// A browser with a session cookie: state-changing forms must carry its CSRF token.
    Sesi(Sesi),
    /// A client with a personal token (`Authorization: Bearer snrg_…`): no cookie is involved,
    /// so no CSRF token is needed.
    Token(Pengguna),
}

impl Masuk {
    pub fn pengguna(&self) -> &Pengguna {
        match self {
            Masuk::Sesi(s) => &s.pengguna,
            Masuk::Token(p) => p,
        }
    }

    /// Whether a form's `_csrf` value is acceptable for this request.
    pub fn csrf_sah(&self, dikirim: Option<&str>) -> bool {
        match self {
            Masuk::Sesi(s) => dikirim.is_some_and(|d| sesi::csrf_sah(s, d)),
            Masuk::Token(_) => true,
        }
    }

    pub fn csrf(&self) -> &str {
        match self {
            Masuk::Sesi(s) => &s.csrf,
            Masuk::Token(_) => "",
        }
    }
}

tokio::task_local! {
    /// The signed-in account of the request being handled.
    static SAYA: Option<Masuk>;
    /// The site's address as the request named it (`http://host:port`), for links that leave
    /// the page (the QR code on an issued document).
    static ASAL: String;
    /// The request's path and query, for the navigation and the page's shared address.
    static JALUR: String;
}

/// The current request's path and query (`/cari?q=desa`).
pub fn jalur() -> String {
    JALUR.try_with(Clone::clone).unwrap_or_default()
}

/// The site's address as the current request named it.
pub fn asal() -> String {
    ASAL.try_with(Clone::clone).unwrap_or_default()
}

/// The signed-in account of the current request, if any.
pub fn saya() -> Option<Masuk> {
    SAYA.try_with(Clone::clone).ok().flatten()
}

/// Runs `f` with `masuk` as the current request's account, `asal` as the site's address and
/// `jalur` as the request's path and query.
pub async fn dengan<F: std::future::Future>(
    masuk: Option<Masuk>,
    asal: String,
    jalur: String,
    f: F,
) -> F::Output {
    JALUR
        .scope(jalur, ASAL.scope(asal, SAYA.scope(masuk, f)))
        .await
}

/// The session cookie's token, if the request has one.
pub fn token_kuki(h: &HeaderMap) -> Option<String> {
    h.get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == NAMA_KUKI)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// Resolves the request's account from its cookie or bearer token.
pub async fn baca(g: &Gudang, h: &HeaderMap) -> Option<Masuk> {
    if let Some(token) = h
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return match sesi::baca_token(g, token.trim()).await {
            Ok(p) => p.map(Masuk::Token),
            Err(e) => {
                tracing::warn!("token tidak dapat diperiksa: {e}");
                None
            }
        };
    }
    let token = token_kuki(h)?;
    match sesi::baca(g, &token).await {
        Ok(s) => s.map(Masuk::Sesi),
        Err(e) => {
            tracing::warn!("sesi tidak dapat diperiksa: {e}");
            None
        }
    }
}

/// The `Set-Cookie` value that starts a session (`Secure` behind a TLS proxy).
pub fn kuki(token: &str, aman: bool) -> HeaderValue {
    let aman = if aman { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{NAMA_KUKI}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{aman}",
        sesi::UMUR_SESI
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends it.
pub fn kuki_hapus(aman: bool) -> HeaderValue {
    let aman = if aman { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{NAMA_KUKI}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{aman}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The connection's peer address, when the connection loop recorded it.
pub struct Peer(pub Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Peer, Self::Rejection> {
        Ok(Peer(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

/// The client's address, for counting failed sign-ins: the connection's peer, or — behind a
/// proxy the operator declared (`--https-di-depan`) — the first `X-Forwarded-For` address.
pub fn alamat(h: &HeaderMap, peer: Option<SocketAddr>, di_belakang_proksi: bool) -> String {
    if di_belakang_proksi
        && let Some(x) = h
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return x.trim().to_string();
    }
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "tidak-diketahui".into())
}
