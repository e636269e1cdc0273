//! Indonesian formatting shared by pages and documents: dates, day names, Rupiah, amounts in
//! words (terbilang), Roman numerals, document numbers.

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const HARI: [&str; 7] = [
    "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
];

/// `2025-07-11` as a date, when it is written so and exists in the calendar.
pub fn urai_tanggal(iso: &str) -> Option<time::Date> {
    let b: Vec<&str> = iso.trim().split('-').collect();
    let [y, m, d] = b.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let bulan = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, bulan, d.parse().ok()?).ok()
}

/// A date as offices write it: `11 Juli 2025`.
pub fn tanggal_panjang_dari(t: time::Date) -> String {
    format!(
        "{} {} {}",
        t.day(),
        BULAN[usize::from(u8::from(t.month())) - 1],
        t.year()
    )
}

/// `2025-07-11` → `11 Juli 2025`; anything that is not such a date comes back unchanged.
pub fn tanggal_panjang(iso: &str) -> String {
    match urai_tanggal(iso) {
        Some(t) => tanggal_panjang_dari(t),
        None => iso.to_string(),
    }
}

/// The day of the week of a `YYYY-MM-DD` date: `2025-07-11` → `Jumat`.
pub fn hari(iso: &str) -> Option<&'static str> {
    let t = urai_tanggal(iso)?;
    Some(HARI[usize::from(t.weekday().number_days_from_sunday())])
}

/// Groups of three digits with dots: `1500000` → `1.500.000`.
pub fn ribuan(n: u64) -> String {
    let s = n.to_string();
    let mut keluar = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            keluar.push('.');
        }
        keluar.push(c);
    }
    keluar
}

/// `1500000` → `Rp1.500.000,00`.
pub fn rupiah(n: u64) -> String {
    format!("Rp{},00", ribuan(n))
}

const SATUAN: [&str; 12] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
];

fn ratusan(n: u64) -> String {
    match n {
        0..=11 => SATUAN[n as usize].to_string(),
        12..=19 => format!("{} belas", SATUAN[(n - 10) as usize]),
        20..=99 => {
            let sisa = n % 10;
            let puluh = format!("{} puluh", SATUAN[(n / 10) as usize]);
            if sisa == 0 {
                puluh
            } else {
                format!("{puluh} {}", SATUAN[sisa as usize])
            }
        }
        _ => {
            let depan = if n / 100 == 1 {
                "seratus".to_string()
            } else {
                format!("{} ratus", SATUAN[(n / 100) as usize])
            };
            if n.is_multiple_of(100) {
                depan
            } else {
                format!("{depan} {}", ratusan(n % 100))
            }
        }
    }
}

/// A whole number in words: `1500000` → `satu juta lima ratus ribu`, `11` → `sebelas`.
pub fn terbilang(n: u64) -> String {
    if n == 0 {
        return "nol".into();
    }
    const SKALA: [(u64, &str); 5] = [
        (1_000_000_000_000_000, "kuadriliun"),
        (1_000_000_000_000, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];
    let mut bagian = Vec::new();
    let mut sisa = n;
    for (nilai, nama) in SKALA {
        let k = sisa / nilai;
        if k > 0 {
            if nilai == 1_000 && k == 1 {
                bagian.push("seribu".to_string());
            } else {
                bagian.push(format!("{} {nama}", terbilang(k)));
            }
            sisa %= nilai;
        }
    }
    if sisa > 0 {
        bagian.push(ratusan(sisa));
    }
    bagian.join(" ")
}

/// An amount of money in words: `1500000` → `satu juta lima ratus ribu rupiah`.
/// Any number in words, as a number field prints it: `-2.5` → "minus dua koma lima". Digits after
/// the comma are read one by one, as Indonesian does ("tiga koma satu empat").
pub fn terbilang_bilangan(n: f64) -> String {
    let tanda = if n < 0.0 { "minus " } else { "" };
    let n = n.abs();
    let bulat = n.trunc();
    let mut kata = format!("{tanda}{}", terbilang(bulat as u64));
    // At most six decimals, without trailing zeros.
    let pecahan = format!("{:.6}", n - bulat);
    let digit = pecahan
        .split_once('.')
        .map(|(_, d)| d.trim_end_matches('0'))
        .unwrap_or("");
    if !digit.is_empty() {
        kata.push_str(" koma");
        for c in digit.chars() {
            let d = c.to_digit(10).unwrap_or(0) as usize;
            kata.push(' ');
            kata.push_str(SATUAN[d]);
        }
    }
    kata
}

pub fn terbilang_rupiah(n: u64) -> String {
    format!("{} rupiah", terbilang(n))
}

/// Roman numerals for BAB: `4` → `IV`. Zero has none and gives an empty string.
pub fn romawi(mut n: u32) -> String {
    const TABEL: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut keluar = String::new();
    for (nilai, huruf) in TABEL {
        while n >= nilai {
            keluar.push_str(huruf);
            n -= nilai;
        }
    }
    keluar
}

/// Text for HTML: `<`, `>`, `&`, quotes escaped.
pub fn escape_html(s: &str) -> String {
    let mut keluar = String::with_capacity(s.len());
    tulis_html(&mut keluar, s);
    keluar
}

/// Appends `s` to `keluar`, escaped for HTML like [`escape_html`].
pub fn tulis_html(keluar: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => keluar.push_str("&lt;"),
            '>' => keluar.push_str("&gt;"),
            '&' => keluar.push_str("&amp;"),
            '"' => keluar.push_str("&quot;"),
            '\'' => keluar.push_str("&#39;"),
            c => keluar.push(c),
        }
    }
}

/// The letter of a list item: `0` → `a`, `25` → `z`, `26` → `aa`.
pub fn huruf(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_and_days() {
        assert_eq!(tanggal_panjang("2025-07-11"), "11 Juli 2025");
        assert_eq!(tanggal_panjang("2014-01-15"), "15 Januari 2014");
        assert_eq!(tanggal_panjang("kemarin"), "kemarin");
        assert_eq!(hari("2025-07-11"), Some("Jumat"));
        assert_eq!(hari("2014-01-15"), Some("Rabu"));
        assert_eq!(hari("2024-02-29"), Some("Kamis"));
        assert_eq!(hari("2023-02-29"), None);
    }

    #[test]
    fn numbers_with_decimals_and_signs_in_words() {
        assert_eq!(terbilang_bilangan(2.5), "dua koma lima");
        assert_eq!(terbilang_bilangan(-3.0), "minus tiga");
        assert_eq!(terbilang_bilangan(12.05), "dua belas koma nol lima");
    }

    #[test]
    fn rupiah_with_dots_and_cents() {
        assert_eq!(rupiah(1_500_000), "Rp1.500.000,00");
        assert_eq!(rupiah(0), "Rp0,00");
        assert_eq!(rupiah(999), "Rp999,00");
        assert_eq!(rupiah(1_000), "Rp1.000,00");
    }

    #[test]
    fn numbers_in_words() {
        for (n, kata) in [
            (0, "nol"),
            (1, "satu"),
            (10, "sepuluh"),
            (11, "sebelas"),
            (12, "dua belas"),
            (19, "sembilan belas"),
            (20, "dua puluh"),
            (21, "dua puluh satu"),
            (100, "seratus"),
            (111, "seratus sebelas"),
            (250, "dua ratus lima puluh"),
            (1_000, "seribu"),
            (1_001, "seribu satu"),
            (2_000, "dua ribu"),
            (11_000, "sebelas ribu"),
            (100_000, "seratus ribu"),
            (1_000_000, "satu juta"),
            (1_500_000, "satu juta lima ratus ribu"),
            (2_025, "dua ribu dua puluh lima"),
            (1_000_000_000, "satu miliar"),
            (3_000_000_000_000, "tiga triliun"),
            (
                1_234_567_890,
                "satu miliar dua ratus tiga puluh empat juta lima ratus enam puluh tujuh ribu delapan ratus sembilan puluh",
            ),
        ] {
            assert_eq!(terbilang(n), kata, "{n}");
        }
        assert_eq!(
            terbilang_rupiah(1_500_000),
            "satu juta lima ratus ribu rupiah"
        );
    }

    #[test]
    fn roman_numerals_and_numbers() {
        assert_eq!(romawi(1), "I");
        assert_eq!(romawi(4), "IV");
        assert_eq!(romawi(9), "IX");
        assert_eq!(romawi(11), "XI");
        assert_eq!(romawi(14), "XIV");
        assert_eq!(romawi(40), "XL");
        assert_eq!(huruf(0), "a");
        assert_eq!(huruf(25), "z");
        assert_eq!(huruf(26), "aa");
    }
}
