//! Issued documents on the web: issuing from the form ("Terbitkan"), a village's list, the
//! public verification page behind each QR code (and the check of an uploaded PDF), revoking.

use super::isian::Isian;
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::{Value, json};

use super::Keadaan;
use super::akun::{periksa_csrf, perlu_masuk};
use super::dokumen::{Konteks, tampilkan_form_dengan};
use super::formulir::Kiriman;
use super::halaman::{gagal, galat, render, tidak_ditemukan};
use super::sesi;
use crate::akun::{Peran, izin};
use crate::dokumen::{DokumenError, JenisDokumen, Opsi};
use crate::terbit::{self, GalatTerbit, Penerbitan, Terbitan};
use crate::wilayah;

type S = State<Arc<Keadaan>>;

fn tidak_boleh(k: &Keadaan) -> Response {
    galat(
        k,
        StatusCode::FORBIDDEN,
        "Tidak berwenang",
        "Akun Anda tidak berwenang menerbitkan atau mengubah dokumen desa ini.",
    )
}

/// "Terbitkan" on a saved draft: the numbers, the QR code, the PDF kept; then its page.
pub(super) async fn terbitkan_kiriman(
    k: &Keadaan,
    j: &JenisDokumen,
    kiriman: &Kiriman,
    cetak: Opsi,
) -> Response {
    let Some(saya) = sesi::saya() else {
        return galat(
            k,
            StatusCode::UNAUTHORIZED,
            "Perlu masuk",
            "Menerbitkan dokumen bernomor memerlukan akun operator desa atau admin DPMD.",
        );
    };
    let opsi_teks = |n: &str| {
        kiriman
            .opsi
            .get(n)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (Some(kode_desa), Some(draf_id)) = (opsi_teks("desa"), opsi_teks("draf")) else {
        return galat(
            k,
            StatusCode::BAD_REQUEST,
            "Belum tersimpan",
            "Simpan draf lebih dulu.",
        );
    };
    // Every signing village: the rows of a Peraturan Bersama, or the draft's village.
    let berbaris = j
        .penomoran
        .as_ref()
        .is_some_and(|p| p.kolom.contains("[]."));
    let desa_: Vec<String> = if berbaris {
        kiriman
            .data
            .get("desa")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|b| b.get("kode").and_then(Value::as_str))
                    .map(|s| s.trim().to_string())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        vec![kode_desa.clone()]
    };
    let baris = kiriman
        .data
        .get("desa")
        .and_then(Value::as_array)
        .map(Vec::len)
        .unwrap_or(0);
    if berbaris && (desa_.len() != baris || desa_.iter().any(String::is_empty)) {
        let g = vec![crate::dokumen::GalatIsian {
            jalur: "desa".into(),
            pesan: "Isi kode desa (Kemendagri) setiap desa penanda tangan: nomornya diambil dari register desa itu.".into(),
        }];
        return tampilkan_form_dengan(
            k,
            j,
            kiriman,
            &g,
            StatusCode::UNPROCESSABLE_ENTITY,
            &Konteks::default(),
        );
    }
    if !izin::boleh_semua(saya.pengguna(), &desa_) {
        return tidak_boleh(k);
    }
    let menggantikan = opsi_teks("menggantikan");
    if let Some(lama) = &menggantikan {
        match terbit::baca(&k.gudang, lama).await {
            Ok(Some(t)) if izin::boleh_desa(saya.pengguna(), &t.kode_desa) => {}
            Ok(Some(_)) => return tidak_boleh(k),
            _ => return tidak_ditemukan(k, &format!("Dokumen terbit `{lama}`")),
        }
    }
    let versi = crate::draf::baca(&k.gudang, &draf_id)
        .await
        .ok()
        .flatten()
        .map(|d| d.versi_terakhir);
    let hari_ini = {
        let t = k.zona.hari_ini();
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    };
    let asal = sesi::asal();
    let m = k.muatan();
    let jenis = j.id.clone();
    let hasil = terbit::terbitkan(
        &k.gudang,
        Penerbitan {
            jenis: &j.id,
            judul_jenis: &j.judul,
            formulir: &j.formulir,
            penomoran: j.penomoran.as_ref(),
            data: &kiriman.data,
            desa: &desa_,
            draf: versi.map(|v| (draf_id.as_str(), v)),
            menggantikan: menggantikan.as_deref(),
            oleh: &saya.pengguna().nama,
            hari_ini: &hari_ini,
        },
        |kode| format!("{asal}/verifikasi/{kode}"),
        |data, verifikasi| async move {
            // Issuing waits for a compile slot rather than answering "busy".
            let _izin = k.izin_dokumen.acquire().await;
            k.di_kolam_dokumen(move || {
                m.mesin
                    .render_terbit(&jenis, &data, &cetak, Some(&verifikasi))
            })
            .await
            .unwrap_or_else(|| Err(DokumenError::Typst(vec!["penyusunan terhenti".into()])))
        },
    )
    .await;
    match hasil {
        Ok(t) => Redirect::to(&format!("/terbitan/{}", t.kode)).into_response(),
        Err(GalatTerbit::Isian(g)) => tampilkan_form_dengan(
            k,
            j,
            kiriman,
            &g,
            StatusCode::UNPROCESSABLE_ENTITY,
            &Konteks {
                pesan: "Dokumen belum diterbitkan: perbaiki isian yang ditandai.",
                ..Default::default()
            },
        ),
        Err(GalatTerbit::Tidak(p)) => galat(
            k,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Belum dapat diterbitkan",
            &p,
        ),
        Err(e) => {
            tracing::error!("terbitkan {}: {e}", j.id);
            galat(
                k,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Dokumen belum diterbitkan",
                "Terjadi kesalahan; draf Anda tetap tersimpan. Coba lagi.",
            )
        }
    }
}

fn tampil(k: &Keadaan, t: &Terbitan) -> Value {
    let m = k.muatan();
    json!({
        "t": t,
        "jenis": m.mesin.jenis(&t.jenis).map(|j| j.judul.clone()).unwrap_or_else(|| t.jenis.clone()),
        "desa": t.nomor.iter().map(|n| n.nama_desa.clone()).collect::<Vec<_>>(),
        "desa_pemilik": wilayah::desa(&t.kode_desa),
        "tanggal": crate::format::tanggal_panjang(&t.tanggal),
        "diterbitkan": crate::format::waktu(t.diterbitkan, k.zona),
        "dicabut": t.dicabut.map(|w| crate::format::waktu(w, k.zona)),
    })
}

/// `/verifikasi/{kode}`: what the QR code on a printed copy leads to; public.
pub async fn verifikasi(State(k): S, Path(kode): Path<String>) -> Response {
    match terbit::baca(&k.gudang, &kode).await {
        Ok(Some(t)) => {
            let mut ctx = tampil(&k, &t);
            ctx["unduhan"] = json!(k.unduhan_publik);
            render(&k, StatusCode::OK, "verifikasi.html", ctx)
        }
        Ok(None) => galat(
            &k,
            StatusCode::NOT_FOUND,
            "Dokumen tidak terdaftar",
            "Kode ini tidak sesuai dengan dokumen mana pun yang diterbitkan lewat Sinergi. Salinan yang memuatnya tidak dapat dipastikan keasliannya.",
        ),
        Err(e) => gagal(
            &k,
            "Verifikasi gagal",
            format_args!("verifikasi {kode}: {e}"),
        ),
    }
}

/// `/verifikasi/{kode}/pdf`: the issued file — public, unless the server hides downloads; then
/// only for the accounts of its village.
pub async fn unduh(State(k): S, Path(kode): Path<String>) -> Response {
    let t = match terbit::baca(&k.gudang, &kode).await {
        Ok(Some(t)) => t,
        Ok(None) => return tidak_ditemukan(&k, &format!("Dokumen `{kode}`")),
        Err(e) => {
            return gagal(&k, "Unduhan gagal", format_args!("unduh {kode}: {e}"));
        }
    };
    let izinkan = k.unduhan_publik
        || sesi::saya().is_some_and(|m| izin::boleh_desa(m.pengguna(), &t.kode_desa));
    if !izinkan {
        return tidak_ditemukan(&k, "Unduhan dokumen ini");
    }
    match terbit::pdf(&k.gudang, &kode).await {
        Ok(Some(b)) => super::dokumen::pdf(&format!("dokumen-{kode}"), b),
        Ok(None) => tidak_ditemukan(&k, &format!("Dokumen `{kode}`")),
        Err(e) => gagal(&k, "Unduhan gagal", format_args!("unduh {kode}: {e}")),
    }
}

/// `GET /verifikasi`: the form to check a file; `POST` with the file: the answer.
pub async fn periksa_form(State(k): S) -> Response {
    render(&k, StatusCode::OK, "verifikasi-unggah.html", json!({}))
}

pub async fn periksa_unggahan(State(k): S, req: axum::extract::Request) -> Response {
    use axum::extract::FromRequest;
    let mut mp = match axum::extract::Multipart::from_request(req, &k).await {
        Ok(m) => m,
        Err(e) => return galat(&k, e.status(), "Berkas tidak terbaca", &e.body_text()),
    };
    let mut isi = None;
    while let Ok(Some(f)) = mp.next_field().await {
        if f.name() == Some("berkas") {
            match f.bytes().await {
                Ok(b) => isi = Some(b),
                Err(e) => return galat(&k, e.status(), "Berkas tidak terbaca", &e.body_text()),
            }
        }
    }
    let Some(b) = isi.filter(|b| !b.is_empty()) else {
        return render(
            &k,
            StatusCode::UNPROCESSABLE_ENTITY,
            "verifikasi-unggah.html",
            json!({"pesan": "Pilih berkas PDF yang hendak diperiksa."}),
        );
    };
    match terbit::cocokkan(&k.gudang, &b).await {
        Ok(Some(t)) => {
            let mut ctx = tampil(&k, &t);
            ctx["cocok"] = json!(true);
            ctx["sha256"] = json!(terbit::sidik(&b));
            render(&k, StatusCode::OK, "verifikasi-unggah.html", ctx)
        }
        Ok(None) => render(
            &k,
            StatusCode::OK,
            "verifikasi-unggah.html",
            json!({"cocok": false, "sha256": terbit::sidik(&b)}),
        ),
        Err(e) => gagal(
            &k,
            "Pemeriksaan gagal",
            format_args!("periksa unggahan: {e}"),
        ),
    }
}

/// `/terbitan[?desa=KODE]`: a village's issued documents.
pub async fn daftar(State(k): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(saya) = sesi::saya() else {
        return perlu_masuk("/terbitan");
    };
    let p = saya.pengguna();
    let kode = match p.peran {
        Peran::Operator => p.kode_wilayah.clone(),
        Peran::Admin => match q.get("desa").filter(|d| !d.is_empty()) {
            Some(d) => d.clone(),
            None => return Redirect::to("/desa").into_response(),
        },
    };
    if !izin::boleh_desa(p, &kode) {
        return tidak_boleh(&k);
    }
    match terbit::daftar(&k.gudang, &kode).await {
        Ok(t) => {
            let baris: Vec<Value> = t.iter().map(|t| tampil(&k, t)).collect();
            render(
                &k,
                StatusCode::OK,
                "terbitan-daftar.html",
                json!({"terbitan": baris, "desa": wilayah::desa(&kode)}),
            )
        }
        Err(e) => gagal(
            &k,
            "Daftar tidak terbaca",
            format_args!("terbitan {kode}: {e}"),
        ),
    }
}

/// `/terbitan/{kode}`: an issued document for its village: verification details, revoke,
/// issue a correction.
pub async fn detail(State(k): S, Path(kode): Path<String>) -> Response {
    let Some(saya) = sesi::saya() else {
        return perlu_masuk(&format!("/terbitan/{kode}"));
    };
    match terbit::baca(&k.gudang, &kode).await {
        Ok(Some(t)) if izin::boleh_desa(saya.pengguna(), &t.kode_desa) => {
            let mut ctx = tampil(&k, &t);
            ctx["milik"] = json!(true);
            ctx["unduhan"] = json!(true);
            render(&k, StatusCode::OK, "verifikasi.html", ctx)
        }
        Ok(Some(_)) => tidak_boleh(&k),
        Ok(None) => tidak_ditemukan(&k, &format!("Dokumen terbit `{kode}`")),
        Err(e) => gagal(
            &k,
            "Dokumen tidak terbaca",
            format_args!("terbitan {kode}: {e}"),
        ),
    }
}

/// `POST /terbitan/{kode}/cabut` (alasan).
pub async fn cabut(State(k): S, Path(kode): Path<String>, Isian(f): Isian) -> Response {
    let saya = match periksa_csrf(&k, &f) {
        Ok(m) => m,
        Err(r) => return r,
    };
    match terbit::baca(&k.gudang, &kode).await {
        Ok(Some(t)) if izin::boleh_desa(saya.pengguna(), &t.kode_desa) => {}
        Ok(Some(_)) => return tidak_boleh(&k),
        _ => return tidak_ditemukan(&k, &format!("Dokumen terbit `{kode}`")),
    }
    let alasan = f.get("alasan").map(String::as_str).unwrap_or("");
    match terbit::cabut(&k.gudang, &kode, &saya.pengguna().nama, alasan).await {
        Ok(()) => {
            let mut r = Redirect::to(&format!("/terbitan/{kode}")).into_response();
            r.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            r
        }
        Err(GalatTerbit::Tidak(p)) => {
            galat(&k, StatusCode::UNPROCESSABLE_ENTITY, "Belum dicabut", &p)
        }
        Err(e) => gagal(&k, "Belum dicabut", format_args!("cabut {kode}: {e}")),
    }
}

/// At most this many offers are listed.
const PENAWARAN_MAKS: i64 = 200;

/// `/penawaran`: the cooperation offers villages have issued and that still stand, for anyone
/// (third parties looking for a village to work with); each leads to its verification page and,
/// unless downloads are hidden, its PDF.
pub async fn penawaran(State(k): S) -> Response {
    let m = k.muatan();
    let jenis: Vec<String> = m
        .mesin
        .daftar()
        .filter(|j| j.tahap == "penawaran")
        .map(|j| j.id.clone())
        .collect();
    let mut semua = Vec::new();
    for j in &jenis {
        match terbit::berlaku_menurut_jenis(&k.gudang, j, PENAWARAN_MAKS).await {
            Ok(t) => semua.extend(t),
            Err(e) => {
                return gagal(
                    &k,
                    "Daftar tidak terbaca",
                    format_args!("penawaran {j}: {e}"),
                );
            }
        }
    }
    semua.sort_by_key(|t| std::cmp::Reverse(t.diterbitkan));
    let baris: Vec<Value> = semua.iter().map(|t| tampil(&k, t)).collect();
    render(
        &k,
        StatusCode::OK,
        "penawaran.html",
        json!({"penawaran": baris, "unduhan": k.unduhan_publik}),
    )
}
