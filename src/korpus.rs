//! Full texts of national regulations (the shape of `shared/corpus/peraturan/`): one plain-text
//! Markdown file per regulation, `uu/2014/6.md`, whose first line is the title block. Each file is
//! split into its opening, its articles (with BAB and Bagian as context) and its explanation.
//! OCR noise is expected: a file that cannot be read as a regulation is reported, never fatal.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// One regulation from the corpus.
#[derive(Debug, Clone)]
pub struct Peraturan {
    /// `uu-6-2014`
    pub id: String,
    /// `Undang-Undang`
    pub bentuk: String,
    /// `UU`
    pub singkatan: String,
    pub nomor: String,
    pub tahun: u16,
    pub tentang: String,
    /// Title block, Menimbang, Mengingat: everything before the first Pasal.
    pub pembukaan: String,
    pub pasal: Vec<Pasal>,
    /// Closing formula and the Penjelasan, when present.
    pub penjelasan: Option<String>,
}

impl Peraturan {
    /// "Undang-Undang Nomor 6 Tahun 2014 tentang Desa"
    pub fn judul(&self) -> String {
        format!(
            "{} Nomor {} Tahun {} tentang {}",
            self.bentuk, self.nomor, self.tahun, self.tentang
        )
    }

    /// "UU 6/2014"
    pub fn singkat(&self) -> String {
        format!("{} {}/{}", self.singkatan, self.nomor, self.tahun)
    }
}

#[derive(Debug, Clone)]
pub struct Pasal {
    /// `92`, `18A`
    pub nomor: String,
    /// Unique within the regulation: `pasal-92`, or `pasal-92-2` when the number repeats (as in
    /// laws that amend others and quote their articles).
    pub anchor: String,
    /// `BAB XI Kerja Sama Desa › Bagian Kesatu Kerja Sama antar-Desa`
    pub konteks: String,
    pub teks: String,
}

/// A corpus file that was skipped, and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: {pesan}", path.display())]
pub struct GagalBaca {
    pub path: PathBuf,
    pub pesan: String,
}

/// Regulation files under `dir`, sorted, so imports are reproducible.
pub fn daftar_berkas(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn jalan(d: &Path, keluar: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for e in std::fs::read_dir(d)? {
            let p = e?.path();
            if p.is_dir() {
                jalan(&p, keluar)?;
            } else if p.extension().is_some_and(|x| x == "md") {
                keluar.push(p);
            }
        }
        Ok(())
    }
    let mut v = Vec::new();
    jalan(dir, &mut v)?;
    v.sort();
    Ok(v)
}

const BENTUK: &[(&str, &str, &str, &str)] = &[
    // (as written in the title, name, abbreviation, id prefix / folder)
    (
        "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "Perppu",
        "perppu",
    ),
    ("UNDANG-UNDANG", "Undang-Undang", "UU", "uu"),
    ("PERATURAN PEMERINTAH", "Peraturan Pemerintah", "PP", "pp"),
    (
        "PERATURAN MENTERI KEUANGAN",
        "Peraturan Menteri Keuangan",
        "PMK",
        "permenkeu",
    ),
    (
        "PERATURAN PRESIDEN",
        "Peraturan Presiden",
        "Perpres",
        "perpres",
    ),
];

static RE_NOMOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"NOMOR\s*:?\s*([0-9OoIl]{1,4}[A-Z]?)\b").expect("valid regex"));
static RE_TAHUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"TAHUN\s+([12][0-9Oo]{3})\b").expect("valid regex"));
/// An article's heading on a line of its own: "Pasal 92", "Pasal 72A", and the Roman "Pasal I"
/// and "Pasal II" with which an amending regulation sets out its changes and its entry into
/// force. The Penjelasan's articles are found by it too.
pub(crate) static RE_PASAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Pasal\s+(\d{1,4}[A-Z]?|[IVX]{1,4})\.?\s*$").expect("valid regex")
});
/// Old texts run articles on: "… KETENTARAAN. Pasal 1. Ketua …".
static RE_PASAL_SEBARIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bPasal\s+(\d{1,4}[A-Z]?)\.\s").expect("valid regex"));
/// Where the articles end: the closing formula, or the heading of the Penjelasan
/// ("PENJELASAN ATAS UNDANG-UNDANG …", "… ATAS PERATURAN PEMERINTAH …").
static RE_PENJELASAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Agar setiap orang mengetahuinya|PENJELASAN\s+ATAS\s+(UNDANG|PERATURAN)")
        .expect("valid regex")
});
static RE_BAB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^BAB\s+[IVXLCDM]+\b").expect("valid regex"));
static RE_BAGIAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(Bagian|Paragraf)\s+(Ke\w+|\d+)\b").expect("valid regex"));

/// Digits as OCR sometimes reads them: `2O2O` for 2020.
fn angka_ocr(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'I' | 'l' => '1',
            c => c,
        })
        .collect()
}

const KATA_KECIL: &[&str] = &[
    "dan", "atau", "tentang", "di", "ke", "dari", "yang", "untuk", "dengan", "atas", "serta",
    "dalam", "pada", "terhadap", "bagi", "oleh", "sebagai", "antara", "melalui",
];

/// "PERATURAN PELAKSANAAN UNDANG-UNDANG NOMOR 6 TAHUN 2014 TENTANG DESA" in title case.
fn huruf_judul(s: &str) -> String {
    s.split_whitespace()
        .enumerate()
        .map(|(i, kata)| {
            let kecil = kata.to_lowercase();
            if i > 0 && KATA_KECIL.contains(&kecil.as_str()) {
                return kecil;
            }
            kecil
                .split('-')
                .map(|b| {
                    let mut c = b.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What follows TENTANG in the title block (the first lines), or else where the text names
/// itself with its number ("… NOMOR 43 TAHUN 2019 TENTANG …", as the Penjelasan heading does).
fn cari_tentang(teks: &str, nomor: &str, tahun: u16) -> Option<String> {
    let kepala: String = teks.lines().take(12).collect::<Vec<_>>().join(" ");
    let kepala: String = kepala.chars().take(3000).collect();
    if let Some(t) = tentang(&kepala) {
        return Some(t);
    }
    let pola = format!(
        r"NOMOR\s+{}\s+TAHUN\s+{tahun}\s+TENTANG\s",
        regex::escape(nomor)
    );
    let re = Regex::new(&pola).ok()?;
    let m = re.find(teks)?;
    let mulai = m.start() + m.as_str().find("TENTANG")?;
    let ujung = teks[mulai..]
        .char_indices()
        .nth(400)
        .map(|(i, _)| mulai + i)
        .unwrap_or(teks.len());
    tentang(&teks[mulai..ujung].replace('\n', " "))
}

/// What follows the first TENTANG, up to where the title block ends.
fn tentang(judul: &str) -> Option<String> {
    let mulai = judul.find("TENTANG")? + "TENTANG".len();
    let mut sisa = &judul[mulai..];
    for batas in [
        "DENGAN RAHMAT",
        "Dengan Rahmat",
        "Presiden Republik",
        "PRESIDEN REPUBLIK",
        "Menimbang",
        "MENIMBANG",
        " UNDANG-UNDANG REPUBLIK",
        " PERATURAN PEMERINTAH REPUBLIK",
        " I. UMUM",
        " UMUM ",
        "MENTERI ",
        " Menetapkan",
    ] {
        if let Some(i) = sisa.find(batas) {
            sisa = &sisa[..i];
        }
    }
    let mut t: String = sisa.trim().trim_end_matches([',', '.', ';']).to_string();
    if t.chars().count() > 250 {
        let potong: String = t.chars().take(250).collect();
        t = match potong.rfind(' ') {
            Some(i) => format!("{}…", &potong[..i]),
            None => potong,
        };
    }
    (!t.is_empty()).then(|| huruf_judul(&t))
}

/// Identity from the path: `uu/2014/6.md` → ("uu", "6", 2014).
fn identitas_path(rel: &Path) -> Option<(String, String, u16)> {
    let bagian: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let [.., jenis, tahun, berkas] = bagian.as_slice() else {
        return None;
    };
    let nomor = berkas.strip_suffix(".md")?;
    let tahun = tahun.parse().ok()?;
    nomor
        .bytes()
        .all(|b| b.is_ascii_alphanumeric())
        .then(|| (jenis.clone(), nomor.to_lowercase(), tahun))
}

/// The largest regulation file read. The largest in the national corpus (UU 11/2020) is 1.3 MB;
/// a mistaken file in the folder (a video, a disk image) is refused before it is read.
const BATAS_BERKAS: u64 = 32 * 1024 * 1024;

/// Reads one regulation; `rel` is its path relative to the corpus root.
pub fn baca(path: &Path, rel: &Path) -> Result<Peraturan, GagalBaca> {
    let gagal = |pesan: String| GagalBaca {
        path: path.to_path_buf(),
        pesan,
    };
    let teks = crate::berkas::baca_teks(path, BATAS_BERKAS).map_err(|e| match e {
        crate::berkas::GalatBaca::Io(_) => gagal(format!("tidak dapat dibaca: {e}")),
        e => gagal(e.to_string()),
    })?;
    urai(&teks, rel).map_err(gagal)
}

/// Parses the text of one regulation.
pub fn urai(teks: &str, rel: &Path) -> Result<Peraturan, String> {
    let judul = teks
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .ok_or("berkas kosong")?;
    let judul_besar = judul.to_uppercase();
    let dari_path = identitas_path(rel);
    let bentuk = BENTUK
        .iter()
        .filter_map(|b| judul_besar.find(b.0).map(|i| (i, b)))
        .min_by_key(|(i, b)| (*i, usize::MAX - b.0.len()))
        .map(|(_, b)| b)
        .or_else(|| {
            let jenis = &dari_path.as_ref()?.0;
            BENTUK.iter().find(|b| b.3 == jenis)
        })
        .ok_or(
            "baris judul tidak menyebut bentuk peraturan (UNDANG-UNDANG, PERATURAN PEMERINTAH, …)",
        )?;
    let nomor_judul = RE_NOMOR
        .captures(judul)
        .map(|c| angka_ocr(&c[1]).trim_start_matches('0').to_string())
        .filter(|n| !n.is_empty());
    let tahun_judul: Option<u16> = RE_TAHUN
        .captures(judul)
        .and_then(|c| angka_ocr(&c[1]).parse().ok());
    // The folder layout is the data set's own index and survives OCR; the title is the fallback.
    let (nomor, tahun) = match (&dari_path, nomor_judul, tahun_judul) {
        (Some((_, n, t)), _, _) => (n.clone(), *t),
        (None, Some(n), Some(t)) => (n, t),
        _ => return Err("nomor dan tahun tidak terbaca dari baris judul".into()),
    };
    let tentang =
        cari_tentang(teks, &nomor, tahun).unwrap_or_else(|| "(judul tidak terbaca)".into());
    let dipecah;
    // Numbered articles on lines of their own; otherwise they are cut out of running text.
    // (A Roman "Pasal II" alone does not count: old texts run their numbered articles on.)
    let berbaris = teks.lines().any(|l| {
        RE_PASAL
            .captures(l.trim())
            .is_some_and(|c| c[1].starts_with(|a: char| a.is_ascii_digit()))
    });
    let teks = if berbaris {
        dipecah = pisah_lanjutan(teks);
        &dipecah
    } else {
        dipecah = RE_PASAL_SEBARIS.replace_all(teks, "\nPasal $1\n");
        &dipecah
    };

    let mut pembukaan = String::new();
    let mut pasal: Vec<Pasal> = Vec::new();
    let mut penjelasan: Option<String> = None;
    let mut bab = String::new();
    let mut bagian = String::new();
    for baris in teks.lines() {
        let b = baris.trim();
        if let Some(p) = penjelasan.as_mut() {
            p.push_str(b);
            p.push('\n');
            continue;
        }
        // The closing formula or the Penjelasan heading ends the articles, also where OCR ran
        // it on after the last article's text: the Penjelasan's own "Pasal 1 Cukup jelas."
        // is not an article.
        let (b, awal_penjelasan) = match RE_PENJELASAN.find(b) {
            Some(m) => (b[..m.start()].trim_end(), Some(&b[m.start()..])),
            None => (b, None),
        };
        if let Some(sisa) = awal_penjelasan {
            tambah_baris(&mut pasal, &mut pembukaan, b);
            penjelasan = Some(format!("{sisa}\n"));
            continue;
        }
        if let Some(c) = RE_PASAL.captures(b) {
            let nomor = c[1].to_string();
            let mut anchor = format!("pasal-{}", nomor.to_lowercase());
            let kali = pasal.iter().filter(|p| p.nomor == nomor).count();
            if kali > 0 {
                anchor = format!("{anchor}-{}", kali + 1);
            }
            let konteks = match (bab.is_empty(), bagian.is_empty()) {
                (false, false) => format!("{bab} › {bagian}"),
                (false, true) => bab.clone(),
                (true, false) => bagian.clone(),
                (true, true) => String::new(),
            };
            pasal.push(Pasal {
                nomor,
                anchor,
                konteks,
                teks: String::new(),
            });
            continue;
        }
        if RE_BAB.is_match(b) {
            bab = potong(b, 120);
            bagian.clear();
            continue;
        }
        if RE_BAGIAN.is_match(b) {
            bagian = potong(b, 120);
            continue;
        }
        tambah_baris(&mut pasal, &mut pembukaan, b);
    }
    if pasal.is_empty() && pembukaan.trim().is_empty() {
        return Err("tidak ada isi yang dapat dibaca".into());
    }
    Ok(Peraturan {
        id: format!("{}-{}-{}", bentuk.3, nomor.to_lowercase(), tahun),
        bentuk: bentuk.1.to_string(),
        singkatan: bentuk.2.to_string(),
        nomor,
        tahun,
        tentang,
        pembukaan,
        pasal,
        penjelasan,
    })
}

/// In a text whose articles stand on lines of their own, OCR may still have run some on
/// ("… pasal ini. Pasal 2. Hak …"). Such a heading is cut out onto its own line when it
/// continues the numbering: one to three past the last article (OCR drops a heading now and
/// then), or the same number with a letter ("Pasal 5A."). A reference that ends a sentence
/// ("… dalam Pasal 12. ") seldom does. The Penjelasan, which numbers again from 1, is left as it is:
/// nothing is cut out after its heading, nor after a heading numbered lower than the one before
/// (a Penjelasan whose heading OCR lost).
fn pisah_lanjutan(teks: &str) -> Cow<'_, str> {
    let akhir = RE_PENJELASAN.find(teks).map_or(teks.len(), |m| m.start());
    let (badan, sisa) = teks.split_at(akhir);
    let angka = |n: &str| {
        n.trim_end_matches(|c: char| c.is_ascii_uppercase())
            .parse::<u32>()
            .ok()
    };
    let mut terakhir: u32 = 0;
    let mut keluar = String::new();
    let mut diubah = false;
    let mut awal_baris = 0;
    for baris in badan.split_inclusive('\n') {
        let dari_baris = awal_baris;
        awal_baris += baris.len();
        if let Some(n) = RE_PASAL.captures(baris.trim()).and_then(|c| angka(&c[1])) {
            if n < terakhir {
                keluar.push_str(&badan[dari_baris..]);
                break;
            }
            terakhir = n;
            keluar.push_str(baris);
            continue;
        }
        let mut dari = 0;
        for c in RE_PASAL_SEBARIS.captures_iter(baris) {
            let Some(n) = angka(&c[1]) else { continue };
            let berhuruf = c[1].ends_with(|c: char| c.is_ascii_uppercase());
            let lanjut = (n > terakhir && n <= terakhir + 3) || (berhuruf && n == terakhir);
            let (Some(m), true) = (c.get(0), lanjut) else {
                continue;
            };
            keluar.push_str(&baris[dari..m.start()]);
            keluar.push_str("\nPasal ");
            keluar.push_str(&c[1]);
            keluar.push('\n');
            dari = m.end();
            terakhir = n;
            diubah = true;
        }
        keluar.push_str(&baris[dari..]);
    }
    if !diubah {
        return Cow::Borrowed(teks);
    }
    keluar.push_str(sisa);
    Cow::Owned(keluar)
}

/// A line of text goes to the article it follows, or to the opening before the first one.
fn tambah_baris(pasal: &mut [Pasal], pembukaan: &mut String, b: &str) {
    if b.is_empty() {
        return;
    }
    let sasaran = match pasal.last_mut() {
        Some(p) => &mut p.teks,
        None => pembukaan,
    };
    sasaran.push_str(b);
    sasaran.push('\n');
}

fn potong(s: &str, maks: usize) -> String {
    if s.chars().count() <= maks {
        return s.to_string();
    }
    let mut t: String = s.chars().take(maks).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const UU_DESA: &str = " UNDANG-UNDANG REPUBLIK INDONESIA UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 6 TAHUN 2014 TENTANG DESA
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang :
a. bahwa Desa memiliki hak asal usul;
BAB I KETENTUAN UMUM
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan:
BAB XI KERJA SAMA DESA
Pasal 91
Desa dapat mengadakan kerja sama dengan Desa lain.
Bagian Kesatu Kerja Sama antar-Desa
Pasal 92
(1) Kerja sama antar-Desa meliputi:
Agar setiap orang mengetahuinya, memerintahkan pengundangan. PENJELASAN ATAS UNDANG-UNDANG
Pasal 92
Cukup jelas.
";

    #[test]
    fn reads_identity_and_articles() {
        let p = urai(UU_DESA, Path::new("uu/2014/6.md")).expect("parses");
        assert_eq!(p.id, "uu-6-2014");
        assert_eq!(p.judul(), "Undang-Undang Nomor 6 Tahun 2014 tentang Desa");
        assert_eq!(
            p.pasal.len(),
            3,
            "the Penjelasan's Pasal 92 is not an article"
        );
        let p92 = &p.pasal[2];
        assert_eq!(p92.anchor, "pasal-92");
        assert_eq!(
            p92.konteks,
            "BAB XI KERJA SAMA DESA › Bagian Kesatu Kerja Sama antar-Desa"
        );
        assert!(p92.teks.starts_with("(1) Kerja sama antar-Desa"));
        assert!(p.pembukaan.contains("Menimbang"));
        assert!(
            p.penjelasan
                .as_deref()
                .is_some_and(|t| t.contains("Cukup jelas"))
        );
    }

    #[test]
    fn title_runs_on_and_ocr_digits() {
        let t = "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 1960 TENTANG PENDIDIKAN \
                 KEJURUAN BAGI PARA VETERAN Presiden Republik Indonesia, Menimbang : x";
        let p = urai(t, Path::new("x.md")).expect("parses");
        assert_eq!(p.id, "pp-5-1960");
        assert_eq!(p.tentang, "Pendidikan Kejuruan bagi Para Veteran");
        let cipta =
            "Menimbang UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 11 TAHUN 2O2O TENTANG CIPTA KERJA";
        assert_eq!(urai(cipta, Path::new("y.md")).expect("parses").tahun, 2020);
    }

    #[test]
    fn title_on_later_lines_and_run_on_articles() {
        let t = "PERATURAN MENTERI KEUANGAN REPUBLIK INDONESIA\nNOMOR 2 /PMK.07/2022\nTENTANG\n\
                 RINCIAN DANA CUKAI\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nPasal 1\nIsi.\n";
        let p = urai(t, Path::new("permenkeu/2022/2.md")).expect("parses");
        assert_eq!(p.tentang, "Rincian Dana Cukai");
        let lama = "PERATURAN PEMERINTAH NOMOR 9 TAHUN 1950 TENTANG PANGKAT\nMEMUTUSKAN: Menetapkan : \
                    PERATURAN PEMERINTAH TENTANG PANGKAT. Pasal 1. Ketua diberi pangkat. Pasal 2. Berlaku.\n";
        let p = urai(lama, Path::new("pp/1950/9.md")).expect("parses");
        assert_eq!(p.pasal.len(), 2);
        assert_eq!(p.pasal[1].teks.trim(), "Berlaku.");
    }

    /// UU 5/1960 has one article on a line of its own and 57 run on in the text: the run-on
    /// ones that continue the numbering are articles too; a reference that ends a sentence out
    /// of sequence is not, and after a heading numbered lower (a Penjelasan whose heading OCR
    /// lost) nothing more is cut out.
    #[test]
    fn run_on_articles_that_continue_the_numbering_are_cut_out_beside_articles_on_lines() {
        let t = "UNDANG-UNDANG NOMOR 5 TAHUN 1960 TENTANG PERATURAN DASAR POKOK-POKOK AGRARIA
                 BAB I DASAR. Pasal 1.
                 (1) Seluruh wilayah. Pasal 2. Hak menguasai dari Negara.
                 Lihat ketentuan dalam Pasal 9. Pasal 3. Hak ulayat.
                 Pasal 4
                 Macam-macam hak. Pasal 5. Hukum adat. Pasal 5A. Sisipan.
                 Pasal 1
                 Cukup jelas. Pasal 2. Cukup jelas.
";
        let p = urai(t, Path::new("uu/1960/5.md")).expect("parses");
        let nomor: Vec<&str> = p.pasal.iter().map(|x| x.nomor.as_str()).collect();
        assert_eq!(nomor, ["1", "2", "3", "4", "5", "5A", "1"]);
        assert_eq!(
            p.pasal[1].teks.trim(),
            "Hak menguasai dari Negara.\nLihat ketentuan dalam Pasal 9."
        );
        assert_eq!(p.pasal[6].teks.trim(), "Cukup jelas. Pasal 2. Cukup jelas.");
    }

    /// OCR ran the signatures and the Penjelasan heading on after the last article: the
    /// Penjelasan's "Pasal 1 Cukup jelas." must not become the regulation's Pasal 1.
    #[test]
    fn a_penjelasan_run_on_after_the_last_article_ends_the_articles() {
        let t = "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 11 TAHUN 2021 TENTANG BADAN USAHA \
                 MILIK DESA\nPasal 77\nPeraturan Pemerintah ini mulai berlaku pada tanggal \
                 diundangkan. Ditetapkan di Jakarta PENJELASAN ATAS PERATURAN PEMERINTAH \
                 REPUBLIK INDONESIA NOMOR 11 TAHUN 2021 I. UMUM Badan usaha.\nPasal 1\n\
                 Cukup jelas.\nPasal 2\nCukup jelas.\n";
        let p = urai(t, Path::new("pp/2021/11.md")).expect("parses");
        assert_eq!(p.pasal.len(), 1, "only Pasal 77 is an article");
        assert_eq!(p.pasal[0].nomor, "77");
        assert!(p.pasal[0].teks.contains("mulai berlaku"));
        assert!(!p.pasal[0].teks.contains("PENJELASAN"));
        let pj = p.penjelasan.as_deref().unwrap_or_default();
        assert!(pj.starts_with("PENJELASAN ATAS PERATURAN PEMERINTAH"));
        assert!(pj.contains("Cukup jelas"));
    }

    /// An amending regulation sets out its changes in Pasal I and its entry into force in
    /// Pasal II: both are articles with their own anchors, beside the amended articles quoted
    /// inside Pasal I. A lone "Pasal II" line does not stop numbered articles run on in the
    /// text from being cut out.
    #[test]
    fn an_amendment_has_its_roman_articles() {
        let t = "PERATURAN PEMERINTAH NOMOR 11 TAHUN 2019 TENTANG PERUBAHAN KEDUA\nPasal I\n\
                 Ketentuan Pasal 6 diubah sehingga berbunyi:\nPasal 6\nDesa dibentuk.\n\
                 Pasal II\nPeraturan Pemerintah ini mulai berlaku.\n";
        let p = urai(t, Path::new("pp/2019/11.md")).expect("parses");
        let anchor: Vec<&str> = p.pasal.iter().map(|x| x.anchor.as_str()).collect();
        assert_eq!(anchor, ["pasal-i", "pasal-6", "pasal-ii"]);
        assert_eq!(
            p.pasal[2].teks.trim(),
            "Peraturan Pemerintah ini mulai berlaku."
        );
        let lama = "UNDANG-UNDANG NOMOR 21 TAHUN 1959 TENTANG X\nMEMUTUSKAN: Pasal 1. Satu. \
                    Pasal 2. Dua.\nPasal II\nBerlaku.\n";
        let p = urai(lama, Path::new("uu/1959/21.md")).expect("parses");
        let nomor: Vec<&str> = p.pasal.iter().map(|x| x.nomor.as_str()).collect();
        assert_eq!(nomor, ["1", "2", "II"]);
    }

    #[test]
    fn repeated_article_numbers_get_unique_anchors() {
        let t = "UNDANG-UNDANG NOMOR 1 TAHUN 2020 TENTANG X\nPasal 5\na\nPasal 5\nb\n";
        let p = urai(t, Path::new("uu/2020/1.md")).expect("parses");
        assert_eq!(p.pasal[1].anchor, "pasal-5-2");
    }

    #[test]
    fn unreadable_files_are_errors_not_panics() {
        assert!(urai("", Path::new("a.md")).is_err());
        assert!(urai("\n\n  \n", Path::new("a.md")).is_err());
        assert!(urai("SURAT BIASA tanpa nomor", Path::new("a.md")).is_err());
        assert!(urai("UNDANG-UNDANG tanpa nomor", Path::new("a.md")).is_err());
    }
}
