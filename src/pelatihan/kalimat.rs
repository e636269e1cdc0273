//! Where the sentences of a text end, so that a slide's point is a whole sentence: not at an
//! ellipsis, an abbreviation or an initial, nor inside quotes or brackets.

/// Abbreviations written with a final full stop that ends no sentence (lower case, without the
/// stop). Ones with a stop inside ("a.n.", "S.Pd.") and single capital initials are known by
/// their shape.
const SINGKATAN: &[&str] = &[
    "bpk", "dkk", "dll", "dr", "dra", "drs", "dsb", "dst", "hj", "hlm", "ir", "jl", "kab", "kec",
    "kel", "kp", "mis", "no", "prof", "prov", "sdr", "tgl", "tsb", "yth",
];

/// Whether the word that ends at `titik` (a full stop) is an abbreviation or an initial.
fn singkatan(s: &str, titik: usize) -> bool {
    let awal = s[..titik]
        .rfind(|c: char| c.is_whitespace() || "(\"“'".contains(c))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let kata = &s[awal..titik];
    let mut huruf = kata.chars();
    if let (Some(c), None) = (huruf.next(), huruf.next()) {
        return c.is_uppercase();
    }
    // "a.n", "S.Pd", "u.p": a stop inside, letters after the last one ("1.000" is a number).
    if let Some((_, akhir)) = kata.rsplit_once('.') {
        return akhir.chars().any(char::is_alphabetic);
    }
    SINGKATAN.contains(&kata.to_lowercase().as_str())
}

/// The byte offsets just past each sentence end in `s` (after the stop and any quote or bracket
/// it closes), but for the end of the text. A '.', '!' or '?' ends a sentence when a space and
/// a word that is not in lower case follow, outside quotes and brackets, unless it belongs to
/// an ellipsis ("...") or ends an abbreviation ("dll.", "No.", "a.n.", "S.Pd.", "H.").
pub(super) fn akhir_kalimat(s: &str) -> Vec<usize> {
    let c: Vec<(usize, char)> = s.char_indices().collect();
    let mut kutip = false;
    let mut kurung = 0usize;
    let mut akhir = Vec::new();
    for (i, &(pos, ch)) in c.iter().enumerate() {
        match ch {
            '"' => kutip = !kutip,
            '“' => kutip = true,
            '”' => kutip = false,
            '(' => kurung += 1,
            ')' => kurung = kurung.saturating_sub(1),
            '.' | '!' | '?' => {
                // The quotes and brackets it closes: `."` and `.)` end a sentence after them.
                let (mut k, mut r, mut j) = (kutip, kurung, i + 1);
                while let Some(&(_, t)) = c.get(j) {
                    match t {
                        '"' | '”' if k => k = false,
                        ')' if r > 0 => r -= 1,
                        _ => break,
                    }
                    j += 1;
                }
                let Some(&(ujung, spasi)) = c.get(j) else {
                    continue;
                };
                let berikut = c[j..].iter().map(|x| x.1).find(|x| !x.is_whitespace());
                let titik_lagi = ch == '.' && i > 0 && c[i - 1].1 == '.';
                if spasi.is_whitespace()
                    && !k
                    && r == 0
                    && !titik_lagi
                    && berikut.is_some_and(|b| !b.is_lowercase())
                    && !(ch == '.' && singkatan(s, pos))
                {
                    akhir.push(ujung);
                }
            }
            _ => {}
        }
    }
    akhir
}

/// The first sentence of a text, whole: a point on a slide is never cut mid-sentence (a long
/// one makes the slide's points continue on the next). A first sentence shorter than `min`
/// characters takes the next one with it.
pub(super) fn kalimat_pertama(s: &str, min: usize) -> String {
    let s = s.trim();
    match akhir_kalimat(s).into_iter().find(|&i| i >= min) {
        Some(i) => s[..i].trim_end().to_string(),
        None => s.to_string(),
    }
}

/// The last sentence of a text (the whole text when it has one).
pub(super) fn kalimat_terakhir(s: &str) -> &str {
    let s = s.trim();
    match akhir_kalimat(s).last() {
        Some(&i) => s[i..].trim(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ellipsis_in_quotes_ends_no_sentence() {
        let pelajaran = "Naskah ini memperlihatkan cara menulis nomor dalam Peraturan Bersama: satu baris \"KEPALA DESA ... NOMOR 01 TAHUN 2021\" untuk setiap desa. Dasar hukumnya mengutip UU 6/2014.";
        assert_eq!(
            kalimat_pertama(pelajaran, 40),
            "Naskah ini memperlihatkan cara menulis nomor dalam Peraturan Bersama: satu baris \"KEPALA DESA ... NOMOR 01 TAHUN 2021\" untuk setiap desa."
        );
        // Outside quotes too, and with the ellipsis character.
        assert_eq!(
            kalimat_pertama(
                "Tulis KEPALA DESA ... NOMOR ... untuk setiap desa. Lalu tanda tangan.",
                10
            ),
            "Tulis KEPALA DESA ... NOMOR ... untuk setiap desa."
        );
        assert_eq!(
            kalimat_pertama("Musyawarah membahas bidang… Lalu kesepakatan dicatat.", 10),
            "Musyawarah membahas bidang… Lalu kesepakatan dicatat."
        );
    }

    #[test]
    fn abbreviations_and_initials_end_no_sentence() {
        for (teks, pertama) in [
            (
                "Surat No. 5 dikirim kepada desa. Lalu dibahas.",
                "Surat No. 5 dikirim kepada desa.",
            ),
            (
                "Ditandatangani a.n. Bupati oleh camat setempat. Lalu dikirim.",
                "Ditandatangani a.n. Bupati oleh camat setempat.",
            ),
            (
                "Disusun oleh Budi, S.Pd. Ketua BPD ikut memeriksa. Lalu dikirim.",
                "Disusun oleh Budi, S.Pd. Ketua BPD ikut memeriksa.",
            ),
            (
                "Camat H. Ahmad memfasilitasi penandatanganan. Lalu dikirim.",
                "Camat H. Ahmad memfasilitasi penandatanganan.",
            ),
            (
                "Bidangnya air, jalan, pasar, dll. dan semuanya dibahas. Lalu dikirim.",
                "Bidangnya air, jalan, pasar, dll. dan semuanya dibahas.",
            ),
            (
                "Bidangnya air, jalan, dsb. Musyawarah memilih satu. Lalu dikirim.",
                "Bidangnya air, jalan, dsb. Musyawarah memilih satu.",
            ),
            (
                "Ada manfaatnya, mis. Desa Benteng berbagi air. Lalu dikirim.",
                "Ada manfaatnya, mis. Desa Benteng berbagi air.",
            ),
            // A number with stops inside ends a sentence.
            (
                "Dana bergulirnya Rp1.000.000. Tunggakannya besar.",
                "Dana bergulirnya Rp1.000.000.",
            ),
            // Quotes and brackets: the sentence ends after what its stop closes.
            (
                "Pertimbangannya menyebut \"Musyawarah Desa Bersama. Semua hadir.\" Lalu ditandatangani.",
                "Pertimbangannya menyebut \"Musyawarah Desa Bersama. Semua hadir.\"",
            ),
            (
                "Lihat contohnya (Pasal 5. Ayat 2.) di lampiran. Lalu dikirim.",
                "Lihat contohnya (Pasal 5. Ayat 2.) di lampiran.",
            ),
        ] {
            assert_eq!(kalimat_pertama(teks, 10), pertama, "{teks}");
        }
    }

    #[test]
    fn the_last_sentence_introduces_a_list() {
        assert_eq!(
            kalimat_terakhir(
                "Dokumennya berbeda. Keduanya memuat delapan hal (PP 43/2014 Pasal 143 ayat (4)):"
            ),
            "Keduanya memuat delapan hal (PP 43/2014 Pasal 143 ayat (4)):"
        );
        assert_eq!(kalimat_terakhir("Satu kalimat saja:"), "Satu kalimat saja:");
    }
}
