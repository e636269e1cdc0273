//! Indonesian formatting, read back by independent parsers.

use super::*;

/// Reads a number written in Indonesian words, as `terbilang` should write it: `seratus`,
/// `seribu`, `sepuluh`, `sebelas` for one hundred, thousand, ten, eleven; `satu` never before
/// `ratus`, `puluh`, `belas` or `ribu`; parts in descending order. `None` for anything else.
fn baca_terbilang(s: &str) -> Option<u64> {
    if s == "nol" {
        return Some(0);
    }
    let mut total: u64 = 0;
    // The part below a thousand being read, and a unit word waiting for what follows it.
    let mut kelompok: u64 = 0;
    let mut satuan: Option<u64> = None;
    let mut skala_lalu = u64::MAX;
    // A waiting unit stands alone: only after nothing, hundreds, or twenty and up.
    fn lepas(kelompok: &mut u64, satuan: &mut Option<u64>) -> Option<()> {
        if let Some(d) = satuan.take() {
            let puluhan = *kelompok % 100;
            if puluhan != 0 && (puluhan < 20 || !puluhan.is_multiple_of(10)) {
                return None;
            }
            *kelompok += d;
        }
        Some(())
    }
    for w in s.split(' ') {
        let digit = [
            "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        ]
        .iter()
        .position(|x| *x == w);
        if let Some(d) = digit {
            lepas(&mut kelompok, &mut satuan)?;
            satuan = Some(d as u64 + 1);
            continue;
        }
        let pengali = |satuan: &mut Option<u64>| satuan.take().filter(|d| (2..=9).contains(d));
        match w {
            "seratus" | "ratus" => {
                let d = if w == "seratus" {
                    lepas(&mut kelompok, &mut satuan)?;
                    1
                } else {
                    pengali(&mut satuan)?
                };
                if kelompok != 0 {
                    return None;
                }
                kelompok = d * 100;
            }
            "sepuluh" | "sebelas" | "puluh" | "belas" => {
                let n = match w {
                    "sepuluh" => {
                        lepas(&mut kelompok, &mut satuan)?;
                        10
                    }
                    "sebelas" => {
                        lepas(&mut kelompok, &mut satuan)?;
                        11
                    }
                    "puluh" => pengali(&mut satuan)? * 10,
                    _ => pengali(&mut satuan)? + 10,
                };
                if !kelompok.is_multiple_of(100) {
                    return None;
                }
                kelompok += n;
            }
            "seribu" | "ribu" | "juta" | "miliar" | "triliun" => {
                lepas(&mut kelompok, &mut satuan)?;
                let skala = match w {
                    "seribu" | "ribu" => 1_000,
                    "juta" => 1_000_000,
                    "miliar" => 1_000_000_000,
                    _ => 1_000_000_000_000,
                };
                if w == "seribu" {
                    if kelompok != 0 {
                        return None;
                    }
                    kelompok = 1;
                } else if kelompok == 0 || (skala == 1_000 && kelompok == 1) {
                    return None;
                }
                if skala >= skala_lalu {
                    return None;
                }
                skala_lalu = skala;
                total += kelompok * skala;
                kelompok = 0;
            }
            _ => return None,
        }
    }
    lepas(&mut kelompok, &mut satuan)?;
    if total == 0 && kelompok == 0 {
        return None;
    }
    Some(total + kelompok)
}

/// Reads a Roman numeral written the standard way (subtractive pairs, at most three of a
/// kind), 1–3999.
fn baca_romawi(s: &str) -> Option<u32> {
    const TEMPAT: [(u32, [&str; 10]); 4] = [
        (1000, ["", "M", "MM", "MMM", "", "", "", "", "", ""]),
        (
            100,
            ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"],
        ),
        (
            10,
            ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ),
        (
            1,
            ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
        ),
    ];
    let mut sisa = s;
    let mut n = 0;
    for (nilai, angka) in TEMPAT {
        // The longest way this place can be written at the front.
        let (d, tulisan) = angka
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.is_empty() && sisa.starts_with(*a))
            .max_by_key(|(_, a)| a.len())
            .unwrap_or((0, &""));
        n += nilai * d as u32;
        sisa = &sisa[tulisan.len()..];
    }
    (sisa.is_empty() && n > 0).then_some(n)
}

#[test]
fn the_test_parsers_refuse_wrong_forms() {
    for (kata, n) in [
        ("satu juta lima ratus ribu", Some(1_500_000)),
        ("seribu satu", Some(1_001)),
        ("sebelas ribu", Some(11_000)),
        ("seratus sebelas", Some(111)),
        ("dua ratus lima puluh", Some(250)),
        ("satu ribu", None),
        ("satu ratus", None),
        ("satu puluh", None),
        ("satu belas", None),
        ("sepuluh satu", None),
        ("dua belas tiga", None),
        ("dua puluh sebelas", None),
        ("seratus dua ratus", None),
        ("dua ribu tiga juta", None),
        ("dua dua", None),
        ("juta", None),
        ("", None),
        ("nol nol", None),
        ("satu kuadriliun", None),
    ] {
        assert_eq!(baca_terbilang(kata), n, "{kata:?}");
    }
    for (r, n) in [
        ("MCMXCIV", Some(1994)),
        ("IV", Some(4)),
        ("IIII", None),
        ("IIV", None),
        ("VX", None),
        ("MMMM", None),
        ("", None),
        ("IC", None),
    ] {
        assert_eq!(baca_romawi(r), n, "{r:?}");
    }
}

#[test]
fn romawi_round_trips_from_1_to_3999() {
    assert_eq!(format::romawi(0), "");
    for n in 1..=3999 {
        let r = format::romawi(n);
        assert_eq!(baca_romawi(&r), Some(n), "{n} → {r}");
    }
}

fn nama_bulan(b: time::Month) -> &'static str {
    use time::Month::*;
    match b {
        January => "Januari",
        February => "Februari",
        March => "Maret",
        April => "April",
        May => "Mei",
        June => "Juni",
        July => "Juli",
        August => "Agustus",
        September => "September",
        October => "Oktober",
        November => "November",
        December => "Desember",
    }
}

fn nama_hari(h: time::Weekday) -> &'static str {
    use time::Weekday::*;
    match h {
        Monday => "Senin",
        Tuesday => "Selasa",
        Wednesday => "Rabu",
        Thursday => "Kamis",
        Friday => "Jumat",
        Saturday => "Sabtu",
        Sunday => "Minggu",
    }
}

fn tanggal_sah() -> impl Strategy<Value = time::Date> {
    let awal = time::Date::from_calendar_date(1000, time::Month::January, 1).expect("date");
    let akhir = time::Date::from_calendar_date(9999, time::Month::December, 31).expect("date");
    (awal.to_julian_day()..=akhir.to_julian_day())
        .prop_map(|j| time::Date::from_julian_day(j).expect("in range"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// `terbilang` writes exactly the number, in the canonical words.
    #[test]
    fn terbilang_reads_back(n in prop_oneof![0..1_000u64, 0..1_000_000u64, 0..1_000_000_000_000_000u64]) {
        let kata = format::terbilang(n);
        prop_assert_eq!(baca_terbilang(&kata), Some(n), "{} → {:?}", n, kata);
    }

    /// `rupiah` keeps every digit, grouped by three with dots, and the cents.
    #[test]
    fn rupiah_keeps_the_digits(n in any::<u64>()) {
        let r = format::rupiah(n);
        let isi = r.strip_prefix("Rp").and_then(|r| r.strip_suffix(",00"));
        let isi = isi.ok_or_else(|| TestCaseError::fail(format!("{r}: not Rp…,00")))?;
        let kelompok: Vec<&str> = isi.split('.').collect();
        prop_assert!((1..=3).contains(&kelompok[0].len()), "{}", r);
        prop_assert!(kelompok[1..].iter().all(|k| k.len() == 3), "{}", r);
        prop_assert!(kelompok.len() == 1 || !kelompok[0].starts_with('0'), "{}", r);
        prop_assert_eq!(kelompok.concat(), n.to_string());
    }

    /// Long dates and day names agree with the `time` crate's calendar.
    #[test]
    fn dates_agree_with_the_calendar(t in tanggal_sah()) {
        let iso = format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
        prop_assert_eq!(
            format::tanggal_panjang(&iso),
            format!("{} {} {}", t.day(), nama_bulan(t.month()), t.year())
        );
        prop_assert_eq!(format::hari(&iso), Some(nama_hari(t.weekday())));
    }

    /// A day that is not in the calendar has no day name and is printed as written.
    #[test]
    fn only_real_dates_are_dates(y in 1000..=9999i32, m in 0..=13u8, d in 0..=32u8) {
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let ada = time::Month::try_from(m)
            .ok()
            .and_then(|b| time::Date::from_calendar_date(y, b, d).ok())
            .is_some();
        prop_assert_eq!(format::hari(&iso).is_some(), ada, "{}", iso);
        if !ada {
            prop_assert_eq!(format::tanggal_panjang(&iso), iso);
        }
    }
}
