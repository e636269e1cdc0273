//! A written rule checked against its form and turned into an [`Aturan`].

use super::jalur::{JalurAturan, kolom_di, urai_jalur};
use super::{Aturan, AturanMentah, Bentuk, JenisAturan, Syarat, SyaratMentah, Uji};
use crate::konten::{JenisKolom, Kolom};

/// The `{placeholders}` of a message, or why it cannot be read.
fn isian_dalam(pesan: &str) -> Result<Vec<&str>, String> {
    let mut nama = Vec::new();
    let mut sisa = pesan;
    while let Some(buka) = sisa.find(['{', '}']) {
        if sisa[buka..].starts_with('}') {
            return Err("`}` tanpa `{` di pesan".into());
        }
        let setelah = &sisa[buka + 1..];
        let tutup = setelah
            .find('}')
            .ok_or_else(|| "`{` tanpa `}` di pesan".to_string())?;
        nama.push(&setelah[..tutup]);
        sisa = &setelah[tutup + 1..];
    }
    Ok(nama)
}

/// `pesan` with each `{nama}` replaced.
pub(super) fn isi_pesan(pesan: &str, isian: &[(&str, String)]) -> String {
    let mut keluar = pesan.to_string();
    for (nama, nilai) in isian {
        keluar = keluar.replace(&format!("{{{nama}}}"), nilai);
    }
    keluar
}

/// Checks a written rule against `formulir` and turns it into an [`Aturan`]; the message says
/// what is wrong, naming the key.
pub fn urai(m: &AturanMentah, formulir: &[Kolom]) -> Result<Aturan, String> {
    let jenis = m.jenis;
    let nama_jenis = jenis.nama();
    // Keys the kind does not use are mistakes, not silence.
    let dipakai: &[&str] = match jenis {
        JenisAturan::Urutan => &["awal", "akhir", "boleh_sama", "pada"],
        JenisAturan::LengkapBersama | JenisAturan::WajibBila | JenisAturan::HanyaBila => &["kolom"],
        JenisAturan::Unik => &["kolom"],
        JenisAturan::Termasuk | JenisAturan::Berbeda => &["kolom", "dari"],
        JenisAturan::JumlahPerNilai => &["kolom", "untuk", "sama_dengan"],
        JenisAturan::JangkaWaktu => &["mulai", "berakhir", "tahun"],
        JenisAturan::JumlahBaris => &["kolom", "min", "maks"],
        JenisAturan::Memuat => &["kolom", "nilai"],
    };
    let ditulis = [
        ("kolom", !m.kolom.is_empty()),
        ("awal", m.awal.is_some()),
        ("akhir", m.akhir.is_some()),
        ("boleh_sama", m.boleh_sama.is_some()),
        ("pada", m.pada.is_some()),
        ("dari", m.dari.is_some()),
        ("untuk", m.untuk.is_some()),
        ("sama_dengan", m.sama_dengan.is_some()),
        ("mulai", m.mulai.is_some()),
        ("berakhir", m.berakhir.is_some()),
        ("tahun", m.tahun.is_some()),
        ("min", m.min.is_some()),
        ("maks", m.maks.is_some()),
        ("nilai", !m.nilai.is_empty()),
    ];
    for (kunci, ada) in ditulis {
        if ada && !dipakai.contains(&kunci) {
            return Err(format!(
                "`{kunci}` tidak dipakai aturan `{nama_jenis}` (yang dipakai: {})",
                dipakai.join(", ")
            ));
        }
    }
    if m.pesan.trim().is_empty() {
        return Err("`pesan` tidak boleh kosong".into());
    }
    let boleh = jenis.isian_pesan();
    for n in isian_dalam(&m.pesan)? {
        if !boleh.contains(&n) {
            return Err(if boleh.is_empty() {
                format!("pesan aturan `{nama_jenis}` tidak memakai isian, tetapi ada `{{{n}}}`")
            } else {
                format!(
                    "isian `{{{n}}}` tidak dikenal untuk aturan `{nama_jenis}`; yang ada: {}",
                    boleh
                        .iter()
                        .map(|b| format!("{{{b}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            });
        }
    }

    let wajib_kunci = |kunci: &str, v: &Option<String>| -> Result<JalurAturan, String> {
        let teks = v
            .as_deref()
            .ok_or_else(|| format!("aturan `{nama_jenis}` memerlukan `{kunci}`"))?;
        urai_jalur(formulir, teks).map_err(|e| format!("{kunci}: {e}"))
    };
    let satu_kolom = || -> Result<JalurAturan, String> {
        match m.kolom.as_slice() {
            [k] => urai_jalur(formulir, k).map_err(|e| format!("kolom: {e}")),
            [] => Err(format!("aturan `{nama_jenis}` memerlukan `kolom`")),
            _ => Err(format!("aturan `{nama_jenis}` memakai satu `kolom` saja")),
        }
    };
    let banyak_kolom = |min: usize| -> Result<Vec<JalurAturan>, String> {
        if m.kolom.len() < min {
            return Err(format!(
                "aturan `{nama_jenis}` memerlukan sedikitnya {min} kolom di `kolom`"
            ));
        }
        m.kolom
            .iter()
            .map(|k| urai_jalur(formulir, k).map_err(|e| format!("kolom: {e}")))
            .collect()
    };
    let jenis_kolom = |j: &JalurAturan, kunci: &str, sah: &[JenisKolom]| -> Result<(), String> {
        if j.ujung_ulang || !sah.contains(&j.jenis) {
            let nama: Vec<&str> = sah.iter().map(|x| x.nama()).collect();
            return Err(format!(
                "{kunci}: `{}` berjenis {}, padahal aturan `{nama_jenis}` memerlukan {}",
                j.teks,
                if j.ujung_ulang {
                    "grup berulang"
                } else {
                    j.jenis.nama()
                },
                nama.join(" atau ")
            ));
        }
        Ok(())
    };
    let tanpa_baris = |j: &JalurAturan, kunci: &str| -> Result<(), String> {
        if j.per_baris() {
            return Err(format!(
                "{kunci}: `{}` ada di dalam grup berulang; aturan `{nama_jenis}` hanya untuk kolom di luar grup berulang",
                j.teks
            ));
        }
        Ok(())
    };
    let dengan_baris = |j: &JalurAturan, kunci: &str| -> Result<(), String> {
        if !j.per_baris() {
            return Err(format!(
                "{kunci}: aturan `{nama_jenis}` memerlukan kolom di setiap baris grup berulang, mis. `desa[].nama`; `{}` bukan",
                j.teks
            ));
        }
        Ok(())
    };
    let teks_atau_pilihan = [JenisKolom::Teks, JenisKolom::Pilihan];

    let bentuk = match jenis {
        JenisAturan::Urutan => {
            let awal = wajib_kunci("awal", &m.awal)?;
            let akhir = wajib_kunci("akhir", &m.akhir)?;
            tanpa_baris(&awal, "awal")?;
            tanpa_baris(&akhir, "akhir")?;
            let pukul = match (awal.jenis, akhir.jenis) {
                (JenisKolom::Tanggal, JenisKolom::Tanggal) => false,
                (JenisKolom::Teks, JenisKolom::Teks) => true,
                _ => {
                    return Err(format!(
                        "`awal` dan `akhir` harus keduanya tanggal, atau keduanya teks berisi pukul (JJ.MM); `{}` berjenis {} dan `{}` berjenis {}",
                        awal.teks, awal.jenis, akhir.teks, akhir.jenis
                    ));
                }
            };
            let boleh_sama = m.boleh_sama.ok_or_else(|| {
                "aturan `urutan` memerlukan `boleh_sama` (true: boleh pada saat yang sama; false: harus sesudahnya)".to_string()
            })?;
            let pada_awal = match m.pada.as_deref() {
                None => false,
                Some(p) if p == awal.teks => true,
                Some(p) if p == akhir.teks => false,
                Some(p) => {
                    return Err(format!(
                        "pada: `{p}` harus salah satu dari `{}` dan `{}`",
                        awal.teks, akhir.teks
                    ));
                }
            };
            Bentuk::Urutan {
                awal,
                akhir,
                boleh_sama,
                pada_awal,
                pukul,
            }
        }
        JenisAturan::LengkapBersama => {
            let k = banyak_kolom(2)?;
            for j in &k {
                tanpa_baris(j, "kolom")?;
                if j.jenis == JenisKolom::Grup {
                    return Err(format!(
                        "kolom: `{}` adalah grup, bukan kolom isian",
                        j.teks
                    ));
                }
            }
            Bentuk::LengkapBersama(k)
        }
        JenisAturan::WajibBila | JenisAturan::HanyaBila => {
            let k = banyak_kolom(1)?;
            for j in &k {
                if j.jenis == JenisKolom::Grup && !j.ujung_ulang {
                    return Err(format!(
                        "kolom: `{}` adalah grup; sebut kolom di dalamnya",
                        j.teks
                    ));
                }
            }
            if m.bila.is_none() {
                return Err(format!("aturan `{nama_jenis}` memerlukan `bila`"));
            }
            if jenis == JenisAturan::WajibBila {
                Bentuk::Wajib(k)
            } else {
                Bentuk::Kosong(k)
            }
        }
        JenisAturan::Unik => {
            let k = satu_kolom()?;
            dengan_baris(&k, "kolom")?;
            jenis_kolom(
                &k,
                "kolom",
                &[JenisKolom::Teks, JenisKolom::Pilihan, JenisKolom::Angka],
            )?;
            Bentuk::Unik(k)
        }
        JenisAturan::Termasuk | JenisAturan::Berbeda => {
            let kolom = satu_kolom()?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            let dari = wajib_kunci("dari", &m.dari)?;
            jenis_kolom(&dari, "dari", &teks_atau_pilihan)?;
            Bentuk::Termasuk {
                kolom,
                dari,
                berbeda: jenis == JenisAturan::Berbeda,
            }
        }
        JenisAturan::JumlahPerNilai => {
            let kolom = satu_kolom()?;
            dengan_baris(&kolom, "kolom")?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            let untuk = wajib_kunci("untuk", &m.untuk)?;
            jenis_kolom(&untuk, "untuk", &teks_atau_pilihan)?;
            let sama_dengan = wajib_kunci("sama_dengan", &m.sama_dengan)?;
            tanpa_baris(&sama_dengan, "sama_dengan")?;
            jenis_kolom(&sama_dengan, "sama_dengan", &[JenisKolom::Angka])?;
            Bentuk::JumlahPerNilai {
                kolom,
                untuk,
                sama_dengan,
            }
        }
        JenisAturan::JangkaWaktu => {
            let mulai = wajib_kunci("mulai", &m.mulai)?;
            let berakhir = wajib_kunci("berakhir", &m.berakhir)?;
            let tahun = wajib_kunci("tahun", &m.tahun)?;
            for (j, kunci, sah) in [
                (&mulai, "mulai", JenisKolom::Tanggal),
                (&berakhir, "berakhir", JenisKolom::Tanggal),
                (&tahun, "tahun", JenisKolom::Angka),
            ] {
                tanpa_baris(j, kunci)?;
                jenis_kolom(j, kunci, &[sah])?;
            }
            Bentuk::JangkaWaktu {
                mulai,
                berakhir,
                tahun,
            }
        }
        JenisAturan::JumlahBaris => {
            let kolom = satu_kolom()?;
            tanpa_baris(&kolom, "kolom")?;
            if !(kolom.ujung_ulang || kolom.jenis == JenisKolom::Daftar) {
                return Err(format!(
                    "kolom: `{}` harus grup berulang atau daftar",
                    kolom.teks
                ));
            }
            if m.min.is_none() && m.maks.is_none() {
                return Err("aturan `jumlah-baris` memerlukan `min`, `maks`, atau keduanya".into());
            }
            if let (Some(a), Some(b)) = (m.min, m.maks)
                && a > b
            {
                return Err(format!("`min` ({a}) lebih besar dari `maks` ({b})"));
            }
            Bentuk::JumlahBaris {
                kolom,
                min: m.min,
                maks: m.maks,
            }
        }
        JenisAturan::Memuat => {
            let kolom = satu_kolom()?;
            dengan_baris(&kolom, "kolom")?;
            jenis_kolom(&kolom, "kolom", &teks_atau_pilihan)?;
            if m.nilai.is_empty() || m.nilai.iter().any(|n| n.trim().is_empty()) {
                return Err(
                    "aturan `memuat` memerlukan `nilai`: daftar nilai yang tidak kosong".into(),
                );
            }
            if let Some(k) = kolom_di(formulir, &kolom)
                && k.jenis == JenisKolom::Pilihan
                && let Some(n) = m.nilai.iter().find(|n| !k.pilihan.contains(n))
            {
                return Err(format!(
                    "nilai: `{n}` bukan pilihan `{}` ({})",
                    kolom.teks,
                    k.pilihan.join(", ")
                ));
            }
            Bentuk::Memuat {
                kolom,
                nilai: m.nilai.clone(),
            }
        }
    };
    let bila = match &m.bila {
        None => None,
        Some(s) => Some(urai_syarat(s, formulir, jenis == JenisAturan::HanyaBila)?),
    };
    Ok(Aturan {
        bentuk,
        bila,
        pesan: m.pesan.trim().to_string(),
    })
}

fn urai_syarat(s: &SyaratMentah, formulir: &[Kolom], balik: bool) -> Result<Syarat, String> {
    let kolom = urai_jalur(formulir, &s.kolom).map_err(|e| format!("bila: {e}"))?;
    if kolom.per_baris() || kolom.jenis == JenisKolom::Grup {
        return Err(format!(
            "bila: `{}` harus satu kolom isian di luar grup berulang",
            kolom.teks
        ));
    }
    let uji = match (&s.sama, &s.bukan, s.terisi) {
        (Some(v), None, None) => Uji::Sama(v.clone()),
        (None, Some(v), None) => Uji::Bukan(v.clone()),
        (None, None, Some(t)) => Uji::Terisi(t),
        _ => return Err("bila: tulis tepat satu dari `sama`, `bukan` atau `terisi`".into()),
    };
    if let Uji::Sama(v) | Uji::Bukan(v) = &uji {
        let k = kolom_di(formulir, &kolom)
            .ok_or_else(|| format!("bila: `{}` tidak ada", kolom.teks))?;
        match k.jenis {
            JenisKolom::Pilihan => {
                if !v.as_str().is_some_and(|x| k.pilihan.iter().any(|p| p == x)) {
                    return Err(format!(
                        "bila: `{v}` bukan pilihan `{}` ({})",
                        kolom.teks,
                        k.pilihan.join(", ")
                    ));
                }
            }
            JenisKolom::YaTidak => {
                if !v.is_boolean() {
                    return Err(format!(
                        "bila: `{}` berjenis ya-tidak; bandingkan dengan true atau false",
                        kolom.teks
                    ));
                }
            }
            j => {
                return Err(format!(
                    "bila: `{}` berjenis {j}; `sama` dan `bukan` hanya untuk pilihan dan ya-tidak (pakai `terisi` untuk yang lain)",
                    kolom.teks
                ));
            }
        }
    }
    Ok(Syarat { kolom, uji, balik })
}
