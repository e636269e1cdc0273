//! The register of village legal products on the web: a village's Buku Peraturan di Desa, the
//! form that records a product made elsewhere, status changes, and the table as CSV and PDF.

use super::isian::Isian;
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Value, json};

use super::Keadaan;
use super::akun::{periksa_csrf, perlu_masuk};
use super::halaman::{gagal, galat, render, tidak_ditemukan};
use super::sesi;
use crate::akun::{Peran, izin};
use crate::dokumen::Opsi;
use crate::register::{self, Catatan, GalatRegister, ProdukHukum};
use crate::terbit::nomor::Register;
use crate::wilayah;

type S = State<Arc<Keadaan>>;

fn tidak_boleh(k: &Keadaan) -> Response {
    galat(
        k,
        StatusCode::FORBIDDEN,
        "Tidak berwenang",
        "Akun Anda tidak berwenang atas register desa ini.",
    )
}

/// The village a request is about: an operator's own, an admin's `?desa=`.
fn desa_diminta(q: &HashMap<String, String>) -> Result<String, Response> {
    let Some(saya) = sesi::saya() else {
        return Err(perlu_masuk("/register"));
    };
    let p = saya.pengguna();
    Ok(match p.peran {
        Peran::Operator => p.kode_wilayah.clone(),
        Peran::Admin => match q.get("desa").filter(|d| !d.is_empty()) {
            Some(d) => d.clone(),
            None => return Err(Redirect::to("/desa").into_response()),
        },
    })
}

fn baris(p: &ProdukHukum) -> Value {
    json!({
        "p": p,
        "jenis": Register::dari_slug(&p.jenis).map(Register::label).unwrap_or(""),
        "ditetapkan": p.tanggal_penetapan.as_deref().map(crate::format::tanggal_panjang),
        "diundangkan": p.tanggal_pengundangan.as_deref().map(crate::format::tanggal_panjang),
    })
}

async fn halaman(
    k: &Keadaan,
    kode: &str,
    galat_: &[(String, String)],
    isian: Option<&Catatan>,
    status: StatusCode,
) -> Response {
    match register::daftar(&k.gudang, kode).await {
        Ok(daftar) => {
            let jenis: Vec<Value> = Register::SEMUA
                .iter()
                .filter(|r| r.produk_hukum())
                .map(|r| json!({"slug": r.slug(), "label": r.label()}))
                .collect();
            let g: HashMap<&str, &str> = galat_
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            render(
                k,
                status,
                "register.html",
                json!({
                    "desa": wilayah::desa(kode), "produk": daftar.iter().map(baris).collect::<Vec<_>>(),
                    "jenis": jenis, "galat": g,
                    "isian": isian.map(|c| json!({"jenis": c.jenis, "nomor": c.nomor, "tahun": c.tahun,
                        "judul": c.judul, "tanggal_penetapan": c.tanggal_penetapan,
                        "tanggal_pengundangan": c.tanggal_pengundangan, "nomor_lembaran": c.nomor_lembaran})),
                }),
            )
        }
        Err(e) => gagal(
            k,
            "Register tidak terbaca",
            format_args!("register {kode}: {e}"),
        ),
    }
}

/// `/register[?desa=KODE]`
pub async fn lihat(State(k): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let kode = match desa_diminta(&q) {
        Ok(k) => k,
        Err(r) => return r,
    };
    let saya = sesi::saya();
    if !saya.is_some_and(|m| izin::boleh_desa(m.pengguna(), &kode)) {
        return tidak_boleh(&k);
    }
    halaman(&k, &kode, &[], None, StatusCode::OK).await
}

/// `POST /register?desa=KODE`: records a product made elsewhere (multipart, with its PDF).
pub async fn catat(
    State(k): S,
    Query(q): Query<HashMap<String, String>>,
    req: axum::extract::Request,
) -> Response {
    let terbaca = match super::formulir::pasangan_form(&k, req).await {
        Ok(p) => p,
        Err((status, e)) => return galat(&k, status, "Formulir tidak terbaca", &e),
    };
    // An image given where the signed PDF goes is refused below as not being a PDF.
    let f: HashMap<String, String> = terbaca.pasangan.into_iter().collect();
    let saya = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let kode = match desa_diminta(&q) {
        Ok(k) => k,
        Err(r) => return r,
    };
    if !izin::boleh_desa(saya.pengguna(), &kode) {
        return tidak_boleh(&k);
    }
    let t = |n: &str| f.get(n).map(|s| s.trim().to_string()).unwrap_or_default();
    // The upload arrives as a data URL from the form reader; a PDF is sniffed there as
    // `application/octet-stream`.
    let pdf = f
        .get("pdf")
        .and_then(|u| u.split_once(','))
        .and_then(|(_, b)| {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.decode(b).ok()
        });
    let c = Catatan {
        jenis: t("jenis"),
        nomor: t("nomor"),
        tahun: t("tahun").parse().unwrap_or(0),
        judul: t("judul"),
        tanggal_penetapan: t("tanggal_penetapan"),
        tanggal_pengundangan: t("tanggal_pengundangan"),
        nomor_lembaran: t("nomor_lembaran"),
        publik: t("publik") == "ya",
        pdf,
    };
    match register::catat(&k.gudang, &kode, &c, &saya.pengguna().nama).await {
        Ok(_) => Redirect::to(&format!("/register?desa={kode}")).into_response(),
        Err(GalatRegister::Isian(m)) => {
            halaman(&k, &kode, &m, Some(&c), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => gagal(
            &k,
            "Belum tercatat",
            format_args!("catat register {kode}: {e}"),
        ),
    }
}

/// `POST /register/{id}/status` (status, oleh, publik)
pub async fn status(State(k): S, Path(id): Path<String>, Isian(f): Isian) -> Response {
    let saya = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let p = match register::baca(&k.gudang, &id).await {
        Ok(Some(p)) if izin::boleh_desa(saya.pengguna(), &p.kode_desa) => p,
        Ok(Some(_)) => return tidak_boleh(&k),
        _ => return tidak_ditemukan(&k, "Catatan register itu"),
    };
    let s = f.get("status").map(String::as_str).unwrap_or("");
    match register::ubah_status(
        &k.gudang,
        &id,
        s,
        f.get("oleh").map(String::as_str),
        f.get("publik").is_some_and(|v| v == "ya"),
    )
    .await
    {
        Ok(()) => Redirect::to(&format!("/register?desa={}", p.kode_desa)).into_response(),
        Err(GalatRegister::Isian(m)) => {
            halaman(&k, &p.kode_desa, &m, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => gagal(
            &k,
            "Belum tersimpan",
            format_args!("status register {id}: {e}"),
        ),
    }
}

/// A legal product the asker may see (published, or their village's), with whether it is
/// theirs; one nobody else may see answers as if it did not exist.
async fn baca_terlihat(k: &Keadaan, id: &str) -> Result<(ProdukHukum, bool), Response> {
    let p = match register::baca(&k.gudang, id).await {
        Ok(Some(p)) => p,
        Ok(None) => return Err(tidak_ditemukan(k, "Produk hukum itu")),
        Err(e) => {
            tracing::error!("register {id}: {e}");
            return Err(galat(
                k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Tidak terbaca",
                "Coba lagi.",
            ));
        }
    };
    let milik = sesi::saya().is_some_and(|m| izin::boleh_desa(m.pengguna(), &p.kode_desa));
    if p.publik || milik {
        Ok((p, milik))
    } else {
        Err(tidak_ditemukan(k, "Produk hukum itu"))
    }
}

/// `/register/{id}/pdf`: the product's PDF (public when published).
pub async fn pdf(State(k): S, Path(id): Path<String>) -> Response {
    if let Err(r) = baca_terlihat(&k, &id).await {
        return r;
    }
    match register::pdf(&k.gudang, &id).await {
        Ok(Some(b)) => super::dokumen::pdf(&format!("produk-hukum-{id}"), b),
        Ok(None) => tidak_ditemukan(&k, "PDF produk hukum ini"),
        Err(e) => gagal(&k, "Tidak terbaca", format_args!("pdf register {id}: {e}")),
    }
}

/// `/register/ekspor.csv?desa=` and `/register/ekspor.pdf?desa=`: the register's table.
pub async fn ekspor(
    State(k): S,
    Path(berkas): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let kode = match desa_diminta(&q) {
        Ok(k) => k,
        Err(r) => return r,
    };
    if !sesi::saya().is_some_and(|m| izin::boleh_desa(m.pengguna(), &kode)) {
        return tidak_boleh(&k);
    }
    let Some(desa) = wilayah::desa(&kode) else {
        return tidak_ditemukan(&k, &format!("Desa `{kode}`"));
    };
    let daftar = match register::daftar(&k.gudang, &kode).await {
        Ok(d) => d,
        Err(e) => {
            return gagal(
                &k,
                "Tidak terbaca",
                format_args!("ekspor register {kode}: {e}"),
            );
        }
    };
    let nama = format!(
        "buku-peraturan-desa-{}",
        desa.nama.to_lowercase().replace(' ', "-")
    );
    match berkas.as_str() {
        "ekspor.csv" => match register::csv(&daftar) {
            Ok(b) => (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{nama}.csv\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                b,
            )
                .into_response(),
            Err(e) => galat(
                &k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Ekspor gagal",
                &e.to_string(),
            ),
        },
        "ekspor.pdf" => {
            let produk: Vec<Value> = daftar
                .iter()
                .map(|p| {
                    let mut ket = match p.status.as_str() {
                        "diubah" => format!("Diubah{}", p.diubah_dengan.as_deref().map(|x| format!(" dengan {x}")).unwrap_or_default()),
                        "dicabut" => format!("Dicabut{}", p.dicabut_dengan.as_deref().map(|x| format!(" dengan {x}")).unwrap_or_default()),
                        _ => "Berlaku".to_string(),
                    };
                    if p.tanggal_pengundangan.is_none() && p.status == "berlaku" {
                        ket.push_str("; belum diundangkan");
                    }
                    json!({"verifikasi": p.kode_dokumen,"jenis": Register::dari_slug(&p.jenis).map(Register::label).unwrap_or(""),
                           "nomor": p.nomor, "tahun": p.tahun, "judul": p.judul,
                           "ditetapkan": p.tanggal_penetapan.as_deref().map(crate::format::tanggal_panjang).unwrap_or_default(),
                           "diundangkan": p.tanggal_pengundangan.as_deref().map(crate::format::tanggal_panjang).unwrap_or_default(),
                           "lembaran": p.nomor_lembaran.clone().unwrap_or_default(), "keterangan": ket})
                })
                .collect();
            let t = k.zona.hari_ini();
            let isi = json!({"desa": desa, "produk": produk,
                             "dicetak": crate::format::tanggal_panjang_dari(t)});
            let Ok(_izin) = k.izin_dokumen.try_acquire() else {
                return super::dokumen::sibuk();
            };
            let m = k.muatan();
            let judul = format!("Buku Peraturan di Desa {}", desa.nama);
            let hasil = k
                .di_kolam_dokumen(move || {
                    m.mesin
                        .susun("register-produk-hukum", &judul, isi, None, &Opsi::default())
                })
                .await;
            match hasil {
                Some(Ok(b)) => super::dokumen::pdf(&nama, b),
                _ => galat(
                    &k,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Ekspor gagal",
                    "Coba lagi.",
                ),
            }
        }
        _ => tidak_ditemukan(&k, "Berkas itu"),
    }
}

/// `/produk-hukum/{id}`: one legal product, for anyone when published (found by search), else
/// for its village and admin only.
pub async fn produk(State(k): S, Path(id): Path<String>) -> Response {
    let (p, milik) = match baca_terlihat(&k, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut v = baris(&p);
    v["sebutan"] = json!(p.sebutan());
    v["desa"] = json!(wilayah::desa(&p.kode_desa));
    v["milik"] = json!(milik);
    render(&k, StatusCode::OK, "produk-hukum.html", v)
}
