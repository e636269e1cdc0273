//! Document numbers: registers (per village, per kind of document, per year), their formats with
//! tokens, and taking the next number inside the transaction that issues the document — so a
//! failed issue leaves no gap and concurrent issuers never get the same number.

use serde::Serialize;

use crate::format;

/// A numbering register of a village.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Register {
    /// Peraturan Desa.
    Perdes,
    /// Peraturan Bersama Kepala Desa (each signing village numbers it in its own register).
    PeraturanBersama,
    PeraturanKepalaDesa,
    KeputusanKepalaDesa,
    /// Agreements with third parties.
    Perjanjian,
    /// Letters (offers, reports).
    Surat,
    /// Minutes of a musyawarah.
    BeritaAcara,
}

impl Register {
    pub const SEMUA: [Register; 7] = [
        Register::Perdes,
        Register::PeraturanBersama,
        Register::PeraturanKepalaDesa,
        Register::KeputusanKepalaDesa,
        Register::Perjanjian,
        Register::Surat,
        Register::BeritaAcara,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Register::Perdes => "perdes",
            Register::PeraturanBersama => "peraturan-bersama",
            Register::PeraturanKepalaDesa => "peraturan-kepala-desa",
            Register::KeputusanKepalaDesa => "keputusan-kepala-desa",
            Register::Perjanjian => "perjanjian",
            Register::Surat => "surat",
            Register::BeritaAcara => "berita-acara",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Register::Perdes => "Peraturan Desa",
            Register::PeraturanBersama => "Peraturan Bersama Kepala Desa",
            Register::PeraturanKepalaDesa => "Peraturan Kepala Desa",
            Register::KeputusanKepalaDesa => "Keputusan Kepala Desa",
            Register::Perjanjian => "Perjanjian kerja sama",
            Register::Surat => "Surat",
            Register::BeritaAcara => "Berita acara",
        }
    }

    pub fn dari_slug(s: &str) -> Option<Register> {
        Register::SEMUA.into_iter().find(|r| r.slug() == s.trim())
    }

    /// The format offices use when the village has set none. Regulations are numbered plainly
    /// ("NOMOR 5 TAHUN 2025" is the layout's wording around `{nomor}`); letters carry the
    /// classification code of the records (Permendagri 83/2022), which each office sets.
    pub fn format_bawaan(self) -> &'static str {
        match self {
            Register::Perdes
            | Register::PeraturanBersama
            | Register::PeraturanKepalaDesa
            | Register::KeputusanKepalaDesa => "{nomor}",
            Register::Perjanjian | Register::Surat => {
                "{kode_klasifikasi}/{nomor:03}/Pem/{bulan_romawi}/{tahun}"
            }
            Register::BeritaAcara => "{nomor:03}/BA-Musdes/{bulan_romawi}/{tahun}",
        }
    }

    /// Whether documents of this register are village legal products (Permendagri 111/2014)
    /// and so go into the register of legal products.
    pub fn produk_hukum(self) -> bool {
        matches!(
            self,
            Register::Perdes
                | Register::PeraturanBersama
                | Register::PeraturanKepalaDesa
                | Register::KeputusanKepalaDesa
        )
    }
}

/// One piece of a number format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Bagian {
    Teks(String),
    Nomor { lebar: usize },
    KodeKlasifikasi,
    KodeDesa,
    BulanRomawi,
    Tahun,
}

fn urai(format: &str) -> Result<Vec<Bagian>, String> {
    let mut hasil = Vec::new();
    let mut sisa = format;
    let mut ada_nomor = false;
    while let Some(buka) = sisa.find('{') {
        if buka > 0 {
            hasil.push(Bagian::Teks(sisa[..buka].to_string()));
        }
        let tutup = sisa[buka..]
            .find('}')
            .ok_or_else(|| "kurung kurawal `{` tanpa `}`".to_string())?;
        let token = &sisa[buka + 1..buka + tutup];
        hasil.push(match token {
            "nomor" => {
                ada_nomor = true;
                Bagian::Nomor { lebar: 0 }
            }
            "kode_klasifikasi" => Bagian::KodeKlasifikasi,
            "kode_desa" => Bagian::KodeDesa,
            "bulan_romawi" => Bagian::BulanRomawi,
            "tahun" => Bagian::Tahun,
            t => match t.strip_prefix("nomor:") {
                Some(l) if l.len() <= 2 && l.bytes().all(|b| b.is_ascii_digit()) => {
                    ada_nomor = true;
                    Bagian::Nomor {
                        lebar: l.parse().unwrap_or(0),
                    }
                }
                _ => {
                    return Err(format!(
                        "penanda `{{{t}}}` tidak dikenal; pakai {{nomor}}, {{nomor:03}}, \
                         {{kode_klasifikasi}}, {{kode_desa}}, {{bulan_romawi}} atau {{tahun}}"
                    ));
                }
            },
        });
        sisa = &sisa[buka + tutup + 1..];
    }
    if sisa.contains('}') {
        return Err("kurung kurawal `}` tanpa `{`".into());
    }
    if !sisa.is_empty() {
        hasil.push(Bagian::Teks(sisa.to_string()));
    }
    if !ada_nomor {
        return Err("format harus memuat {nomor}".into());
    }
    Ok(hasil)
}

/// Checks a village's format (empty = the default, which is valid).
pub fn periksa_format(format: &str) -> Result<(), String> {
    if format.trim().is_empty() {
        return Ok(());
    }
    if format.chars().count() > 80 {
        return Err("paling banyak 80 karakter".into());
    }
    urai(format).map(|_| ())
}

/// What fills a number's tokens.
pub struct Isi<'a> {
    pub urut: i64,
    pub tahun: i32,
    /// 1–12.
    pub bulan: u8,
    pub kode_desa: &'a str,
    pub kode_klasifikasi: &'a str,
}

/// The number as printed: `format` (or the register's default) with its tokens filled.
pub fn susun(register: Register, format: &str, isi: &Isi) -> Result<String, String> {
    let format = if format.trim().is_empty() {
        register.format_bawaan()
    } else {
        format
    };
    let mut keluar = String::new();
    for b in urai(format)? {
        match b {
            Bagian::Teks(t) => keluar.push_str(&t),
            Bagian::Nomor { lebar } => keluar.push_str(&format!("{:0lebar$}", isi.urut)),
            Bagian::KodeKlasifikasi => {
                if isi.kode_klasifikasi.trim().is_empty() {
                    return Err(format!(
                        "format nomor {} memakai {{kode_klasifikasi}}, tetapi kode klasifikasinya \
                         belum diatur di profil desa",
                        register.label().to_lowercase()
                    ));
                }
                keluar.push_str(isi.kode_klasifikasi.trim());
            }
            Bagian::KodeDesa => keluar.push_str(isi.kode_desa),
            Bagian::BulanRomawi => keluar.push_str(&format::romawi(u32::from(isi.bulan))),
            Bagian::Tahun => keluar.push_str(&isi.tahun.to_string()),
        }
    }
    Ok(keluar)
}

/// The key of a register's counter.
pub fn kunci(kode_desa: &str, register: Register, tahun: i32) -> String {
    format!("{kode_desa}|{}|{tahun}", register.slug())
}

/// Takes the next number of a register inside `tx`. The counter row is created when missing
/// and then locked by the update until the transaction ends: concurrent issuers wait, and a
/// rolled-back issue gives its number back.
pub async fn ambil(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kode_desa: &str,
    register: Register,
    tahun: i32,
) -> Result<i64, sqlx::Error> {
    let k = kunci(kode_desa, register, tahun);
    sqlx::query(
        "INSERT INTO penomoran (kunci, terakhir) VALUES ($1, 0) ON CONFLICT (kunci) DO NOTHING",
    )
    .bind(&k)
    .execute(&mut **tx)
    .await?;
    sqlx::query_scalar(
        "UPDATE penomoran SET terakhir = terakhir + 1 WHERE kunci = $1 RETURNING terakhir",
    )
    .bind(&k)
    .fetch_one(&mut **tx)
    .await
}

/// Records that number `urut` was given outside Sinergi, so the register goes on after it.
pub async fn catat_luar(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kode_desa: &str,
    register: Register,
    tahun: i32,
    urut: i64,
) -> Result<(), sqlx::Error> {
    let k = kunci(kode_desa, register, tahun);
    sqlx::query(
        "INSERT INTO penomoran (kunci, terakhir) VALUES ($1, 0) ON CONFLICT (kunci) DO NOTHING",
    )
    .bind(&k)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE penomoran SET terakhir = CASE WHEN terakhir < $2 THEN $2 ELSE terakhir END WHERE kunci = $1",
    )
    .bind(&k)
    .bind(urut)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isi(urut: i64) -> Isi<'static> {
        Isi {
            urut,
            tahun: 2025,
            bulan: 11,
            kode_desa: "32.05.03.2001",
            kode_klasifikasi: "100.3.5",
        }
    }

    #[test]
    fn formats_fill_their_tokens() {
        assert_eq!(susun(Register::Perdes, "", &isi(5)).as_deref(), Ok("5"));
        assert_eq!(
            susun(Register::Surat, "", &isi(12)).as_deref(),
            Ok("100.3.5/012/Pem/XI/2025")
        );
        assert_eq!(
            susun(Register::BeritaAcara, "", &isi(5)).as_deref(),
            Ok("005/BA-Musdes/XI/2025")
        );
        assert_eq!(
            susun(Register::Surat, "{nomor}/{kode_desa}/{tahun}", &isi(7)).as_deref(),
            Ok("7/32.05.03.2001/2025")
        );
    }

    #[test]
    fn wrong_formats_say_what_is_wrong() {
        for (f, kata) in [
            ("{tahun}", "{nomor}"),
            ("{nomor}/{bulan}", "tidak dikenal"),
            ("{nomor", "tanpa `}`"),
            ("nomor}", "tanpa `{`"),
            ("{nomor:123}", "tidak dikenal"),
        ] {
            let e = periksa_format(f).expect_err(f);
            assert!(e.contains(kata), "{f}: {e}");
        }
        let tanpa_kode = Isi {
            kode_klasifikasi: "",
            ..isi(1)
        };
        assert!(
            susun(Register::Surat, "", &tanpa_kode)
                .expect_err("needs the code")
                .contains("kode klasifikasi")
        );
    }
}
