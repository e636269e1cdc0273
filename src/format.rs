//! Indonesian formatting: long dates and the like, shared by pages and documents.

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

/// `2025-07-11` → `11 Juli 2025`; anything that is not such a date comes back unchanged.
pub fn tanggal_panjang(iso: &str) -> String {
    let b: Vec<&str> = iso.trim().split('-').collect();
    if let [y, m, d] = b.as_slice()
        && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        return format!("{d} {} {y}", BULAN[m - 1]);
    }
    iso.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates() {
        assert_eq!(tanggal_panjang("2025-07-11"), "11 Juli 2025");
        assert_eq!(tanggal_panjang("2014-01-15"), "15 Januari 2014");
        assert_eq!(tanggal_panjang("kemarin"), "kemarin");
    }
}
