//! Query parameters of the search page and API, checked with messages that say what is wrong.

use std::collections::HashMap;

use crate::konten::{Bidang, Koleksi};
use crate::search::index::PERATURAN;
use crate::search::query::Permintaan;

pub const BATAS_BAWAAN: usize = 10;
pub const BATAS_MAKS: usize = 100;
const PANJANG_Q_MAKS: usize = 500;

/// A search request read from query parameters, or the first thing wrong with them.
pub fn permintaan(p: &HashMap<String, String>) -> Result<(Permintaan, usize), String> {
    let ambil = |k: &str| p.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    let q = ambil("q").unwrap_or("").to_string();
    if q.chars().count() > PANJANG_Q_MAKS {
        return Err(format!(
            "parameter `q` terlalu panjang ({} karakter; paling banyak {PANJANG_Q_MAKS})",
            q.chars().count()
        ));
    }
    let jenis = match ambil("jenis") {
        None => None,
        Some(j) if j == PERATURAN || Koleksi::dari_slug(j).is_some() => Some(j.to_string()),
        Some(j) => {
            return Err(format!(
                "parameter `jenis` bernilai `{j}`; pilih regulasi, studi-kasus, templat, materi atau peraturan"
            ));
        }
    };
    let bidang = match ambil("bidang") {
        None => None,
        Some(b) => Some(
            Bidang::dari_slug(b)
                .or_else(|| Bidang::dari_label(b))
                .ok_or_else(|| {
                    format!(
                        "parameter `bidang` bernilai `{b}`; pilih salah satu: {}",
                        Bidang::semua()
                            .map(|b| b.slug())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?
                .slug()
                .to_string(),
        ),
    };
    let tahun = match ambil("tahun") {
        None => None,
        Some(t) => Some(
            t.parse::<u16>()
                .ok()
                .filter(|t| (1900..=2100).contains(t))
                .ok_or_else(|| format!("parameter `tahun` harus tahun empat angka, bukan `{t}`"))?,
        ),
    };
    let limit = match ambil("limit") {
        None => BATAS_BAWAAN,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=BATAS_MAKS).contains(l))
            .ok_or_else(|| {
                format!("parameter `limit` harus bilangan 1–{BATAS_MAKS}, bukan `{l}`")
            })?,
    };
    let halaman = match ambil("halaman") {
        None => 1,
        Some(h) => h
            .parse::<usize>()
            .ok()
            .filter(|h| (1..=1000).contains(h))
            .ok_or_else(|| format!("parameter `halaman` harus bilangan 1–1000, bukan `{h}`"))?,
    };
    let offset = match ambil("offset") {
        None => (halaman - 1) * limit,
        Some(o) => o
            .parse::<usize>()
            .ok()
            .filter(|o| *o <= 10_000)
            .ok_or_else(|| format!("parameter `offset` harus bilangan 0–10000, bukan `{o}`"))?,
    };
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
        assert_eq!(r.bidang.as_deref(), Some("lingkungan-hidup"));
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
