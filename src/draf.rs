//! Drafts that are never lost: every submission of a document form by a signed-in user becomes
//! a new version of a draft, stored before the data is checked or rendered. Versions are never
//! changed; restoring an old one makes it the newest again.

use serde::Serialize;
use serde_json::Value;
use sqlx::Row;

use crate::simpan::{self, GalatSimpan, Gudang};

/// A draft as its list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Draf {
    pub id: String,
    pub kode_desa: String,
    /// The document type.
    pub jenis: String,
    pub judul: String,
    pub versi_terakhir: i64,
    pub dibuat: i64,
    pub diubah: i64,
    /// The account name of who saved the last version.
    pub diubah_oleh: String,
}

/// One saved version: the form as submitted.
#[derive(Debug, Clone, Serialize)]
pub struct Versi {
    pub versi: i64,
    pub data: Value,
    /// Print options (`kertas`, `huruf`, `margin`).
    pub opsi: Value,
    pub dibuat: i64,
    pub dibuat_oleh: String,
}

/// A title for a draft from its data: the cooperation's title where the form has one.
pub fn judul_dari(data: &Value, cadangan: &str) -> String {
    for kunci in [
        "judul_kerja_sama",
        "judul",
        "tentang",
        "perihal",
        "nama_kegiatan",
    ] {
        if let Some(s) = data.get(kunci).and_then(Value::as_str)
            && !s.trim().is_empty()
        {
            return s.trim().chars().take(160).collect();
        }
    }
    cadangan.to_string()
}

fn dari_baris(r: &sqlx::any::AnyRow) -> Result<Draf, sqlx::Error> {
    Ok(Draf {
        id: r.try_get("id")?,
        kode_desa: r.try_get("kode_desa")?,
        jenis: r.try_get("jenis")?,
        judul: r.try_get("judul")?,
        versi_terakhir: r.try_get("versi_terakhir")?,
        dibuat: r.try_get("dibuat")?,
        diubah: r.try_get("diubah")?,
        diubah_oleh: r.try_get("diubah_oleh")?,
    })
}

/// What is being saved.
pub struct Simpanan<'a> {
    /// None: a new draft.
    pub id: Option<&'a str>,
    pub kode_desa: &'a str,
    pub jenis: &'a str,
    pub judul: &'a str,
    pub data: &'a Value,
    pub opsi: &'a Value,
    /// The account name.
    pub oleh: &'a str,
}

/// Stores a new version (and the draft, when new) in one transaction; returns the draft's id
/// and the version's number. An existing draft must belong to `kode_desa` and `jenis`.
pub async fn simpan(g: &Gudang, s: Simpanan<'_>) -> Result<(String, i64), GalatSimpan> {
    let data = serde_json::to_string(s.data).map_err(|e| GalatSimpan::Lain(e.to_string()))?;
    let opsi = serde_json::to_string(s.opsi).map_err(|e| GalatSimpan::Lain(e.to_string()))?;
    let kini = simpan::sekarang();
    let mut tx = g.pool().begin().await?;
    let (id, versi) = match s.id {
        Some(id) => {
            let versi: Option<i64> = sqlx::query_scalar(
                "UPDATE draf SET versi_terakhir = versi_terakhir + 1, judul = $1, diubah = $2, diubah_oleh = $3 \
                 WHERE id = $4 AND kode_desa = $5 AND jenis = $6 RETURNING versi_terakhir",
            )
            .bind(s.judul)
            .bind(kini)
            .bind(s.oleh)
            .bind(id)
            .bind(s.kode_desa)
            .bind(s.jenis)
            .fetch_optional(&mut *tx)
            .await?;
            let versi = versi.ok_or_else(|| {
                GalatSimpan::Lain(format!("draf `{id}` tidak ada untuk desa dan jenis ini"))
            })?;
            (id.to_string(), versi)
        }
        None => {
            let id = simpan::acak(12)?;
            sqlx::query(
                "INSERT INTO draf (id, kode_desa, jenis, judul, versi_terakhir, dibuat, diubah, diubah_oleh) \
                 VALUES ($1, $2, $3, $4, 1, $5, $5, $6)",
            )
            .bind(&id)
            .bind(s.kode_desa)
            .bind(s.jenis)
            .bind(s.judul)
            .bind(kini)
            .bind(s.oleh)
            .execute(&mut *tx)
            .await?;
            (id, 1)
        }
    };
    sqlx::query(
        "INSERT INTO versi_draf (draf_id, versi, data, opsi, dibuat, dibuat_oleh) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(versi)
    .bind(data)
    .bind(opsi)
    .bind(kini)
    .bind(s.oleh)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, versi))
}

/// The drafts of a village, last changed first.
pub async fn daftar(g: &Gudang, kode_desa: &str) -> Result<Vec<Draf>, GalatSimpan> {
    let baris = sqlx::query(
        "SELECT id, kode_desa, jenis, judul, versi_terakhir, dibuat, diubah, diubah_oleh \
         FROM draf WHERE kode_desa = $1 ORDER BY diubah DESC, id",
    )
    .bind(kode_desa)
    .fetch_all(g.pool())
    .await?;
    Ok(baris.iter().map(dari_baris).collect::<Result<_, _>>()?)
}

/// The drafts of every village of a kabupaten, last changed first.
pub async fn daftar_kabupaten(g: &Gudang, kode_kabupaten: &str) -> Result<Vec<Draf>, GalatSimpan> {
    let baris = sqlx::query(
        "SELECT id, kode_desa, jenis, judul, versi_terakhir, dibuat, diubah, diubah_oleh \
         FROM draf WHERE kode_desa LIKE $1 ORDER BY diubah DESC, id",
    )
    .bind(format!("{kode_kabupaten}.%"))
    .fetch_all(g.pool())
    .await?;
    Ok(baris.iter().map(dari_baris).collect::<Result<_, _>>()?)
}

pub async fn baca(g: &Gudang, id: &str) -> Result<Option<Draf>, GalatSimpan> {
    let r = sqlx::query(
        "SELECT id, kode_desa, jenis, judul, versi_terakhir, dibuat, diubah, diubah_oleh FROM draf WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(g.pool())
    .await?;
    Ok(r.as_ref().map(dari_baris).transpose()?)
}

fn versi_dari(r: &sqlx::any::AnyRow) -> Result<Versi, GalatSimpan> {
    let teks = |k: &str| -> Result<Value, GalatSimpan> {
        let s: String = r.try_get(k)?;
        serde_json::from_str(&s).map_err(|e| GalatSimpan::Lain(format!("versi draf rusak: {e}")))
    };
    Ok(Versi {
        versi: r.try_get("versi")?,
        data: teks("data")?,
        opsi: teks("opsi")?,
        dibuat: r.try_get("dibuat")?,
        dibuat_oleh: r.try_get("dibuat_oleh")?,
    })
}

/// Version `versi` of draft `id` (the newest when None).
pub async fn versi(g: &Gudang, id: &str, versi: Option<i64>) -> Result<Option<Versi>, GalatSimpan> {
    let r = match versi {
        Some(v) => {
            sqlx::query(
                "SELECT versi, data, opsi, dibuat, dibuat_oleh FROM versi_draf WHERE draf_id = $1 AND versi = $2",
            )
            .bind(id)
            .bind(v)
            .fetch_optional(g.pool())
            .await?
        }
        None => {
            sqlx::query(
                "SELECT versi, data, opsi, dibuat, dibuat_oleh FROM versi_draf WHERE draf_id = $1 \
                 ORDER BY versi DESC LIMIT 1",
            )
            .bind(id)
            .fetch_optional(g.pool())
            .await?
        }
    };
    r.as_ref().map(versi_dari).transpose()
}

/// Every version of draft `id`, newest first (without the data).
pub async fn riwayat(g: &Gudang, id: &str) -> Result<Vec<(i64, i64, String)>, GalatSimpan> {
    let baris = sqlx::query(
        "SELECT versi, dibuat, dibuat_oleh FROM versi_draf WHERE draf_id = $1 ORDER BY versi DESC",
    )
    .bind(id)
    .fetch_all(g.pool())
    .await?;
    baris
        .iter()
        .map(|r| {
            Ok((
                r.try_get("versi")?,
                r.try_get("dibuat")?,
                r.try_get("dibuat_oleh")?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simpan::Sumber;

    #[tokio::test]
    async fn every_save_is_a_new_version_and_old_ones_stay() {
        let dir = tempfile::tempdir().expect("tempdir");
        let g = Gudang::buka(&Sumber::Folder(dir.path().to_path_buf()))
            .await
            .expect("db");
        let opsi = serde_json::json!({});
        let (id, v1) = simpan(
            &g,
            Simpanan {
                id: None,
                kode_desa: "32.05.03.2001",
                jenis: "perdes-kerja-sama-desa",
                judul: "Air bersih",
                data: &serde_json::json!({"a": 1}),
                opsi: &opsi,
                oleh: "ops",
            },
        )
        .await
        .expect("saved");
        let (id2, v2) = simpan(
            &g,
            Simpanan {
                id: Some(&id),
                kode_desa: "32.05.03.2001",
                jenis: "perdes-kerja-sama-desa",
                judul: "Air bersih",
                data: &serde_json::json!({"a": 2}),
                opsi: &opsi,
                oleh: "ops",
            },
        )
        .await
        .expect("saved");
        assert_eq!((id2.as_str(), v1, v2), (id.as_str(), 1, 2));
        assert_eq!(
            versi(&g, &id, None).await.expect("v").expect("some").data["a"],
            2
        );
        assert_eq!(
            versi(&g, &id, Some(1))
                .await
                .expect("v")
                .expect("some")
                .data["a"],
            1
        );
        // Another village cannot append to this draft.
        assert!(
            simpan(
                &g,
                Simpanan {
                    id: Some(&id),
                    kode_desa: "32.05.03.2002",
                    jenis: "perdes-kerja-sama-desa",
                    judul: "x",
                    data: &opsi,
                    opsi: &opsi,
                    oleh: "lain",
                },
            )
            .await
            .is_err()
        );
        assert_eq!(riwayat(&g, &id).await.expect("history").len(), 2);
        assert_eq!(daftar(&g, "32.05.03.2001").await.expect("list").len(), 1);
    }
}
