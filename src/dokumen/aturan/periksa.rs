//! Rules run against the data the field checks normalized.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::jalur::JalurAturan;
use super::urai::isi_pesan;
use super::{Aturan, Bentuk, Syarat, Uji};
use crate::dokumen::formulir::GalatIsian;
use crate::format;

/// Whether a normalized value says something: not null, not blank, not an empty list, not
/// "tidak".
fn terisi(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => o.values().any(terisi),
        Value::Number(_) => true,
    }
}

/// Text compared as people mean it: case and spacing ignored.
fn baku(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!s.is_empty()).then_some(s)
}

/// `09.00` (or `09:00`, `9.00`) as minutes after midnight.
fn pukul(v: &Value) -> Option<u32> {
    let s = v.as_str()?.trim();
    let (j, m) = s.split_once(['.', ':'])?;
    if j.is_empty() || j.len() > 2 || m.len() != 2 {
        return None;
    }
    let (j, m): (u32, u32) = (j.parse().ok()?, m.parse().ok()?);
    (j < 24 && m < 60).then_some(j * 60 + m)
}

/// The same day `n` years later (29 February becomes 28 February in a common year).
fn tambah_tahun(t: time::Date, n: i64) -> Option<time::Date> {
    let tahun = i32::try_from(i64::from(t.year()) + n).ok()?;
    time::Date::from_calendar_date(tahun, t.month(), t.day())
        .or_else(|_| time::Date::from_calendar_date(tahun, t.month(), t.day() - 1))
        .ok()
}

impl Syarat {
    fn berlaku(&self, data: &Value) -> bool {
        let v = self.kolom.satu(data);
        let hasil = match &self.uji {
            Uji::Sama(x) => v == x,
            Uji::Bukan(x) => v != x,
            Uji::Terisi(t) => terisi(v) == *t,
        };
        hasil != self.balik
    }
}

/// Every rule broken by `data` (normalized by the field checks), in the rules' order.
pub fn periksa(aturan: &[Aturan], data: &Value) -> Vec<GalatIsian> {
    let mut galat = Vec::new();
    for a in aturan {
        if a.bila.as_ref().is_some_and(|s| !s.berlaku(data)) {
            continue;
        }
        a.periksa(data, &mut galat);
    }
    galat
}

impl Aturan {
    fn periksa(&self, data: &Value, galat: &mut Vec<GalatIsian>) {
        let mut catat = |jalur: &str, pesan: String| {
            galat.push(GalatIsian {
                jalur: jalur.to_string(),
                pesan,
            })
        };
        let pesan = |isian: &[(&str, String)]| isi_pesan(&self.pesan, isian);
        match &self.bentuk {
            Bentuk::Urutan {
                awal,
                akhir,
                boleh_sama,
                pada_awal,
                pukul: jam,
            } => {
                let (va, vb) = (awal.satu(data), akhir.satu(data));
                if !terisi(va) || !terisi(vb) {
                    return;
                }
                let urut = if *jam {
                    let (a, b) = (pukul(va), pukul(vb));
                    for (x, j) in [(a, awal), (b, akhir)] {
                        if x.is_none() {
                            catat(&j.teks, "Tulis pukul sebagai JJ.MM, mis. 09.00.".into());
                        }
                    }
                    match (a, b) {
                        (Some(a), Some(b)) => a.cmp(&b),
                        _ => return,
                    }
                } else {
                    match (
                        va.as_str().and_then(format::urai_tanggal),
                        vb.as_str().and_then(format::urai_tanggal),
                    ) {
                        (Some(a), Some(b)) => a.cmp(&b),
                        _ => return,
                    }
                };
                let salah = match urut {
                    std::cmp::Ordering::Greater => true,
                    std::cmp::Ordering::Equal => !boleh_sama,
                    std::cmp::Ordering::Less => false,
                };
                if salah {
                    catat(
                        if *pada_awal { &awal.teks } else { &akhir.teks },
                        pesan(&[]),
                    );
                }
            }
            Bentuk::LengkapBersama(kolom) => {
                let nilai: Vec<(&JalurAturan, bool)> =
                    kolom.iter().map(|j| (j, terisi(j.satu(data)))).collect();
                if nilai.iter().any(|(_, t)| *t) {
                    for (j, t) in nilai {
                        if !t {
                            catat(&j.teks, pesan(&[]));
                        }
                    }
                }
            }
            Bentuk::Wajib(kolom) => {
                for j in kolom {
                    if j.per_baris() {
                        for (p, v) in j.nilai(data) {
                            if !terisi(v) {
                                catat(&p, pesan(&[]));
                            }
                        }
                    } else if !terisi(j.satu(data)) {
                        catat(&j.teks, pesan(&[]));
                    }
                }
            }
            Bentuk::Kosong(kolom) => {
                for j in kolom {
                    for (p, v) in j.nilai(data) {
                        if terisi(v) {
                            catat(&p, pesan(&[]));
                        }
                    }
                }
            }
            Bentuk::Unik(kolom) => {
                let mut terlihat: HashSet<String> = HashSet::new();
                for (p, v) in kolom.nilai(data) {
                    if let Some(b) = baku(v)
                        && !terlihat.insert(b)
                    {
                        catat(&p, pesan(&[("nilai", tampil(v))]));
                    }
                }
            }
            Bentuk::Termasuk {
                kolom,
                dari,
                berbeda,
            } => {
                let himpunan: Vec<String> = dari
                    .nilai(data)
                    .into_iter()
                    .filter_map(|(_, v)| baku(v))
                    .collect();
                for (p, v) in kolom.nilai(data) {
                    let Some(b) = baku(v) else { continue };
                    if himpunan.contains(&b) == *berbeda {
                        catat(&p, pesan(&[("nilai", tampil(v))]));
                    }
                }
            }
            Bentuk::JumlahPerNilai {
                kolom,
                untuk,
                sama_dengan,
            } => {
                let Some(harus) = sama_dengan.satu(data).as_i64() else {
                    return;
                };
                let mut hitung: HashMap<String, i64> = HashMap::new();
                for (_, v) in kolom.nilai(data) {
                    if let Some(b) = baku(v) {
                        *hitung.entry(b).or_default() += 1;
                    }
                }
                let mut sudah: Vec<String> = Vec::new();
                for (_, v) in untuk.nilai(data) {
                    let Some(b) = baku(v) else { continue };
                    if sudah.contains(&b) {
                        continue;
                    }
                    let n = hitung.get(&b).copied().unwrap_or(0);
                    if n != harus {
                        catat(
                            &kolom.grup(),
                            pesan(&[
                                ("nilai", tampil(v)),
                                ("jumlah", n.to_string()),
                                ("harus", harus.to_string()),
                            ]),
                        );
                    }
                    sudah.push(b);
                }
            }
            Bentuk::JangkaWaktu {
                mulai,
                berakhir,
                tahun,
            } => {
                let (Some(awal), Some(akhir), Some(n)) = (
                    mulai.satu(data).as_str().and_then(format::urai_tanggal),
                    berakhir.satu(data).as_str().and_then(format::urai_tanggal),
                    tahun.satu(data).as_i64(),
                ) else {
                    return;
                };
                let Some(genap) = tambah_tahun(awal, n) else {
                    return;
                };
                // "Sejak … sampai dengan …": the term ends the day before the anniversary;
                // the anniversary itself is accepted too.
                let sehari_sebelum = genap.previous_day().unwrap_or(genap);
                if akhir != genap && akhir != sehari_sebelum {
                    catat(
                        &berakhir.teks,
                        pesan(&[
                            ("tahun", n.to_string()),
                            ("tahun_terbilang", format::terbilang_bilangan(n as f64)),
                            ("mulai", format::tanggal_panjang_dari(awal)),
                            ("berakhir", format::tanggal_panjang_dari(akhir)),
                            ("seharusnya", format::tanggal_panjang_dari(sehari_sebelum)),
                        ]),
                    );
                }
            }
            Bentuk::JumlahBaris { kolom, min, maks } => {
                let n = match kolom.satu(data) {
                    Value::Array(a) => a.len(),
                    _ => 0,
                };
                let kurang = min.is_some_and(|m| n < m as usize);
                let lebih = maks.is_some_and(|m| n > m as usize);
                if kurang || lebih {
                    catat(
                        &kolom.teks,
                        pesan(&[
                            ("jumlah", n.to_string()),
                            ("min", min.map(|m| m.to_string()).unwrap_or_default()),
                            ("maks", maks.map(|m| m.to_string()).unwrap_or_default()),
                        ]),
                    );
                }
            }
            Bentuk::Memuat { kolom, nilai } => {
                let ada: Vec<String> = kolom
                    .nilai(data)
                    .into_iter()
                    .filter_map(|(_, v)| baku(v))
                    .collect();
                for n in nilai {
                    let b = baku(&Value::String(n.clone())).unwrap_or_default();
                    if !ada.contains(&b) {
                        catat(&kolom.grup(), pesan(&[("nilai", n.clone())]));
                    }
                }
            }
        }
    }
}

/// A value as the message shows it: the text as typed, trimmed.
fn tampil(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        x => x.to_string(),
    }
}
