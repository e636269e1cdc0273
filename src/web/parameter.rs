//! Query parameters of the search page and API, checked with messages that say what is wrong.

use std::collections::HashMap;

use std::str::FromStr;

use crate::konten::Bidang;
use crate::opsi::{Jenis, NilaiTidakSah, Tahun};
use crate::search::query::Permintaan;

pub const BATAS_BAWAAN: usize = 10;
pub const BATAS_MAKS: usize = 100;
pub const PANJANG_Q_MAKS: usize = 500;

/// A search request read from query parameters, or the first thing wrong with them.
pub fn permintaan(p: &HashMap<String, String>) -> Result<(Permintaan, usize), String> {
    let ambil = |k: &str| p.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    /// A typed option, with the parameter named in its message.
    fn urai<T: FromStr<Err = NilaiTidakSah>>(
        k: &str,
        v: Option<&str>,
    ) -> Result<Option<T>, String> {
        v.map(|v| v.parse().map_err(|e| format!("parameter `{k}`: {e}")))
            .transpose()
    }
    let q = ambil("q").unwrap_or("").to_string();
    if q.chars().count() > PANJANG_Q_MAKS {
        return Err(format!(
            "parameter `q` terlalu panjang ({} karakter; paling banyak {PANJANG_Q_MAKS})",
            q.chars().count()
        ));
    }
    let jenis = urai::<Jenis>("jenis", ambil("jenis"))?;
    let bidang = urai::<Bidang>("bidang", ambil("bidang"))?;
    let tahun = urai::<Tahun>("tahun", ambil("tahun"))?.map(|t| t.0);
    let bilangan = |k: &str, bawaan: usize, batas: std::ops::RangeInclusive<usize>| match ambil(k) {
        None => Ok(bawaan),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| batas.contains(n))
            .ok_or_else(|| {
                format!(
                    "parameter `{k}` harus bilangan {}–{}, bukan `{v}`",
                    batas.start(),
                    batas.end()
                )
            }),
    };
    let limit = bilangan("limit", BATAS_BAWAAN, 1..=BATAS_MAKS)?;
    let halaman = bilangan("halaman", 1, 1..=1000)?;
    let offset = bilangan("offset", (halaman - 1) * limit, 0..=10_000)?;
    Ok((
        Permintaan {
            q,
            jenis,
            bidang,
            tahun,
            limit,
            offset,
        },
        halaman,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pasangan: &[(&str, &str)]) -> HashMap<String, String> {
        pasangan
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn defaults_and_pages() {
        let (r, h) = permintaan(&p(&[("q", "bkad"), ("halaman", "3")])).expect("valid");
        assert_eq!((r.limit, r.offset, h), (10, 20, 3));
    }

    #[test]
    fn bidang_by_label_or_slug() {
        let (r, _) = permintaan(&p(&[("bidang", "lingkungan hidup")])).expect("valid");
        assert_eq!(r.bidang.map(Bidang::slug), Some("lingkungan-hidup"));
    }

    #[test]
    fn bad_values_name_the_parameter() {
        for (k, v) in [
            ("limit", "abc"),
            ("limit", "0"),
            ("jenis", "buku"),
            ("tahun", "20x"),
            ("bidang", "x"),
        ] {
            let e = permintaan(&p(&[(k, v)])).unwrap_err();
            assert!(e.contains(&format!("`{k}`")), "{e}");
        }
    }
}
