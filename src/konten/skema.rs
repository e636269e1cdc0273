//! The front-matter schema of each collection: what may be written, and the checks that make an
//! entry trustworthy (fixed vocabularies, dates, sources, quiz answers).

use serde::{Deserialize, Deserializer, Serialize};

/// The fixed `bidang` vocabulary: (slug for URLs and facets, label as written in content).
const BIDANG: [(&str, &str); 8] = [
    ("ekonomi-dan-usaha-bersama", "ekonomi dan usaha bersama"),
    ("sosial-kemasyarakatan", "sosial kemasyarakatan"),
    ("budaya", "budaya"),
    ("lingkungan-hidup", "lingkungan hidup"),
    ("pelayanan-publik", "pelayanan publik"),
    ("infrastruktur", "infrastruktur"),
    ("keamanan-dan-ketertiban", "keamanan dan ketertiban"),
    ("pemberdayaan-masyarakat", "pemberdayaan masyarakat"),
];

/// One value of the fixed `bidang` vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bidang(usize);

impl Bidang {
    pub fn semua() -> impl Iterator<Item = Bidang> {
        (0..BIDANG.len()).map(Bidang)
    }
    pub fn slug(self) -> &'static str {
        BIDANG[self.0].0
    }
    pub fn label(self) -> &'static str {
        BIDANG[self.0].1
    }
    pub fn dari_label(label: &str) -> Option<Bidang> {
        let label = label.trim().to_lowercase();
        BIDANG.iter().position(|(_, l)| *l == label).map(Bidang)
    }
    pub fn dari_slug(slug: &str) -> Option<Bidang> {
        BIDANG.iter().position(|(s, _)| *s == slug).map(Bidang)
    }
    pub fn daftar_label() -> String {
        BIDANG.map(|(_, l)| l).join(", ")
    }
}

impl Serialize for Bidang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("slug", self.slug())?;
        m.serialize_entry("label", self.label())?;
        m.end()
    }
}

/// The four stages of kerja sama desa, in order.
pub const TAHAP: [(&str, &str); 4] = [
    ("persiapan", "Persiapan"),
    ("penawaran", "Penawaran"),
    ("perjanjian", "Penyusunan perjanjian"),
    ("pelaksanaan", "Pelaksanaan dan pelaporan"),
];

/// What happens in each stage, in the order of [`TAHAP`] (the DPMD mechanism).
pub const URAIAN_TAHAP: [&str; 4] = [
    "Inventarisasi potensi desa, penyusunan skala prioritas, dan analisis manfaat serta biaya kerja sama.",
    "Pemerintah desa menyusun dan mempublikasikan penawaran kerja sama kepada pihak ketiga.",
    "Menyusun dokumen kerja sama formal: ruang lingkup, tata pelaksanaan, hak dan kewajiban, pendanaan, penyelesaian perselisihan; Perdes sebagai dasar.",
    "Melaksanakan kegiatan sesuai perjanjian dan melapor berkala kepada BPD dan pemerintah daerah, disertai pemantauan dan evaluasi.",
];

/// The label of a stage slug (`perjanjian` → "Penyusunan perjanjian"); empty if unknown.
pub fn label_tahap(slug: &str) -> &'static str {
    TAHAP
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, l)| *l)
        .unwrap_or("")
}

pub const STATUS: [&str; 2] = ["berlaku", "tidak berlaku"];
pub const JENIS_KERJA_SAMA: [&str; 2] = ["antar-desa", "pihak-ketiga"];

/// Accepts `sumber: https://…` as well as a list of URLs.
fn satu_atau_banyak<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum SatuAtauBanyak {
        Satu(String),
        Banyak(Vec<String>),
    }
    Ok(match SatuAtauBanyak::deserialize(d)? {
        SatuAtauBanyak::Satu(s) => vec![s],
        SatuAtauBanyak::Banyak(v) => v,
    })
}

/// Accepts `nomor: 6` as well as `nomor: "6"`, since numbers such as "01" or "2/PMK.07" exist.
fn teks_atau_angka<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum TeksAtauAngka {
        Teks(String),
        Angka(u64),
    }
    Ok(match TeksAtauAngka::deserialize(d)? {
        TeksAtauAngka::Teks(s) => s,
        TeksAtauAngka::Angka(n) => n.to_string(),
    })
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PasalKunci {
    #[serde(deserialize_with = "teks_atau_angka")]
    pub pasal: String,
    #[serde(default)]
    pub ayat: Option<String>,
    pub ringkasan: String,
}

/// A legal basis; keys after the JDIHN metadata standard (Permenkumham 8/2019).
/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Regulasi {
    pub judul: String,
    pub bentuk: String,
    pub singkatan_bentuk: String,
    #[serde(deserialize_with = "teks_atau_angka")]
    pub nomor: String,
    pub tahun: u16,
    pub tentang: String,
    pub teu_badan: String,
    #[serde(default)]
    pub tanggal_penetapan: Option<String>,
    #[serde(default)]
    pub tanggal_pengundangan: Option<String>,
    pub status: String,
    #[serde(default)]
    pub mengubah: Vec<String>,
    #[serde(default)]
    pub diubah_dengan: Vec<String>,
    #[serde(default)]
    pub mencabut: Vec<String>,
    #[serde(default)]
    pub dicabut_dengan: Vec<String>,
    #[serde(default)]
    pub subjek: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub pasal_kunci: Vec<PasalKunci>,
    #[serde(deserialize_with = "satu_atau_banyak")]
    pub sumber: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl Regulasi {
    pub const KUNCI: &[&str] = &[
        "judul",
        "bentuk",
        "singkatan_bentuk",
        "nomor",
        "tahun",
        "tentang",
        "teu_badan",
        "tanggal_penetapan",
        "tanggal_pengundangan",
        "status",
        "mengubah",
        "diubah_dengan",
        "mencabut",
        "dicabut_dengan",
        "subjek",
        "bidang",
        "pasal_kunci",
        "sumber",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &[
        "judul",
        "bentuk",
        "singkatan_bentuk",
        "nomor",
        "tahun",
        "tentang",
        "teu_badan",
        "status",
        "sumber",
    ];

    /// The id of this regulation in the full-text corpus (`uu-6-2014`), when it is a kind the
    /// corpus holds.
    pub fn id_korpus(&self) -> Option<String> {
        let bentuk = match self.singkatan_bentuk.trim().to_lowercase().as_str() {
            "uu" => "uu",
            "pp" => "pp",
            "perppu" => "perppu",
            _ => return None,
        };
        Some(format!("{bentuk}-{}-{}", self.nomor.trim(), self.tahun))
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lokasi {
    #[serde(default)]
    pub desa: Vec<String>,
    #[serde(default)]
    pub kecamatan: Option<String>,
    #[serde(default)]
    pub kabupaten: Option<String>,
    #[serde(default)]
    pub provinsi: Option<String>,
}

impl Lokasi {
    /// "Desa A, Desa B, Kecamatan X, Kabupaten Y, Provinsi" as one line.
    pub fn ringkas(&self) -> String {
        let mut bagian: Vec<String> = Vec::new();
        if !self.desa.is_empty() {
            bagian.push(self.desa.join(", "));
        }
        for b in [&self.kecamatan, &self.kabupaten, &self.provinsi]
            .into_iter()
            .flatten()
        {
            bagian.push(b.clone());
        }
        bagian.join(" — ")
    }
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct StudiKasus {
    pub judul: String,
    pub lokasi: Lokasi,
    pub jenis_kerja_sama: String,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub tahun: Option<u16>,
    #[serde(default)]
    pub mitra: Vec<String>,
    pub hasil: String,
    #[serde(default)]
    pub pelajaran: Option<String>,
    #[serde(default)]
    pub regulasi: Vec<String>,
    #[serde(deserialize_with = "satu_atau_banyak")]
    pub sumber: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl StudiKasus {
    pub const KUNCI: &[&str] = &[
        "judul",
        "lokasi",
        "jenis_kerja_sama",
        "bidang",
        "tahun",
        "mitra",
        "hasil",
        "pelajaran",
        "regulasi",
        "sumber",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &[
        "judul",
        "lokasi",
        "jenis_kerja_sama",
        "bidang",
        "hasil",
        "sumber",
    ];
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Templat {
    pub judul: String,
    pub tahap: String,
    #[serde(default)]
    pub dasar_hukum: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    pub panduan: String,
    #[serde(default)]
    pub catatan: Option<String>,
    /// The form that fills the document; a templat without one is guidance only.
    #[serde(default)]
    pub formulir: Vec<Kolom>,
    /// The typst layout in `templates/dokumen/` (file name without `.typ`); the id by default.
    #[serde(default)]
    pub tata_letak: Option<String>,
    /// Version of the wording, printed in the PDF's metadata.
    #[serde(default)]
    pub versi: Option<String>,
}

/// One field of a document form.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kolom {
    /// Key in the data: lowercase letters, digits and `_`.
    pub nama: String,
    pub label: String,
    #[serde(default)]
    pub bantuan: Option<String>,
    pub jenis: JenisKolom,
    #[serde(default)]
    pub wajib: bool,
    /// Length (teks, paragraf), value (angka, rupiah) or count (daftar, repeated grup) limits.
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub maks: Option<f64>,
    /// The choices of a `pilihan` field.
    #[serde(default)]
    pub pilihan: Vec<String>,
    #[serde(default)]
    pub bawaan: Option<serde_json::Value>,
    /// The value used in the complete example (`sinergi dokumen JENIS --contoh`).
    #[serde(default)]
    pub contoh: Option<serde_json::Value>,
    /// A `grup` that repeats (a list of villages, of witnesses).
    #[serde(default)]
    pub ulang: bool,
    /// The fields of a `grup`.
    #[serde(default)]
    pub kolom: Vec<Kolom>,
}

/// The type of a form field, parsed when the templat is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JenisKolom {
    /// One line of text.
    Teks,
    /// Several lines of text.
    Paragraf,
    /// `YYYY-MM-DD`.
    Tanggal,
    Angka,
    /// A whole, non-negative amount of rupiah.
    Rupiah,
    /// One of the field's `pilihan`.
    Pilihan,
    YaTidak,
    /// A PNG or JPEG image as a data URL (the emblem).
    Gambar,
    /// A list of text.
    Daftar,
    /// Nested fields; repeated when `ulang`.
    Grup,
}

impl JenisKolom {
    pub fn nama(self) -> &'static str {
        match self {
            JenisKolom::Teks => "teks",
            JenisKolom::Paragraf => "paragraf",
            JenisKolom::Tanggal => "tanggal",
            JenisKolom::Angka => "angka",
            JenisKolom::Rupiah => "rupiah",
            JenisKolom::Pilihan => "pilihan",
            JenisKolom::YaTidak => "ya-tidak",
            JenisKolom::Gambar => "gambar",
            JenisKolom::Daftar => "daftar",
            JenisKolom::Grup => "grup",
        }
    }
}

impl std::fmt::Display for JenisKolom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.nama())
    }
}

impl Templat {
    pub const KUNCI: &[&str] = &[
        "judul",
        "tahap",
        "dasar_hukum",
        "bidang",
        "panduan",
        "catatan",
        "formulir",
        "tata_letak",
        "versi",
    ];
    pub const WAJIB: &[&str] = &["judul", "tahap", "panduan"];
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Soal {
    pub pertanyaan: String,
    #[serde(default)]
    pub pilihan: Vec<String>,
    pub jawaban: String,
}

/// Missing and unknown keys are reported by the loader, which knows their lines; serde only
/// checks the types here.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Materi {
    pub judul: String,
    pub urutan: u16,
    /// Minutes.
    pub durasi: u16,
    pub tujuan: Vec<String>,
    #[serde(default)]
    pub pertanyaan_diskusi: Vec<String>,
    pub kuis: Vec<Soal>,
    #[serde(default)]
    pub regulasi: Vec<String>,
    #[serde(default)]
    pub studi_kasus: Vec<String>,
    #[serde(default)]
    pub bidang: Vec<String>,
    #[serde(default)]
    pub catatan: Option<String>,
}

impl Materi {
    pub const KUNCI: &[&str] = &[
        "judul",
        "urutan",
        "durasi",
        "tujuan",
        "pertanyaan_diskusi",
        "kuis",
        "regulasi",
        "studi_kasus",
        "bidang",
        "catatan",
    ];
    pub const WAJIB: &[&str] = &["judul", "urutan", "durasi", "tujuan", "kuis"];
}

/// One glossary term (`content/istilah.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Istilah {
    pub istilah: String,
    #[serde(default)]
    pub kepanjangan: Option<String>,
    pub definisi: String,
    #[serde(default, deserialize_with = "satu_atau_banyak_opsional")]
    pub sumber: Vec<String>,
}

impl Istilah {
    /// The anchor of this term on the glossary page: `/istilah#bum-desa`.
    pub fn anchor(&self) -> String {
        self.istilah
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect()
    }
}

fn satu_atau_banyak_opsional<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    satu_atau_banyak(d)
}

/// A `YYYY-MM-DD` date that exists in the calendar.
pub fn tanggal_sah(s: &str) -> bool {
    crate::format::urai_tanggal(s).is_some()
}

pub fn url_sah(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() > 10
        && !s.contains(char::is_whitespace)
}

/// serde's English messages, said in Indonesian.
pub fn terjemahkan_serde(pesan: &str) -> String {
    let pesan = pesan.split(" at line ").next().unwrap_or(pesan);
    // serde_yaml prefixes nested errors with their path: `kuis[0]: missing field ...`.
    if let Some((jalur, sisa)) = pesan.split_once(": ")
        && !jalur.is_empty()
        && !jalur.contains(' ')
    {
        return format!("{jalur}: {}", terjemahkan_serde(sisa));
    }
    let ganti = |s: &str| -> String {
        s.replace("a sequence", "daftar")
            .replace("a string", "teks")
            .replace("a map", "pemetaan (kunci: nilai)")
            .replace("struct ", "")
            .replace("u16", "bilangan bulat")
            .replace("u32", "bilangan bulat")
            .replace("u64", "bilangan bulat")
            .replace("integer", "bilangan")
            .replace("floating point", "pecahan")
            .replace("boolean", "ya/tidak")
            .replace("unit value", "kosong")
            .replace("sequence", "daftar")
            .replace("map", "pemetaan")
            .replace("string", "teks")
            .replace(
                "data did not match any variant of untagged enum SatuAtauBanyak",
                "harus teks atau daftar teks",
            )
            .replace(
                "data did not match any variant of untagged enum TeksAtauAngka",
                "harus teks atau bilangan",
            )
    };
    if let Some(sisa) = pesan.strip_prefix("missing field ") {
        return format!("kolom wajib {} belum diisi", sisa.trim());
    }
    if let Some(sisa) = pesan.strip_prefix("unknown field ") {
        let (nama, _) = sisa.split_once(',').unwrap_or((sisa, ""));
        return format!("kolom {nama} tidak dikenal");
    }
    if let Some(sisa) = pesan.strip_prefix("unknown variant ") {
        let (nama, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        let harus = harus
            .trim_start_matches("one of ")
            .replace('`', "")
            .replace(" or ", ", ");
        return format!("nilai {nama} tidak dikenal; pilih salah satu dari: {harus}");
    }
    if let Some(sisa) = pesan.strip_prefix("invalid type: ") {
        let (ada, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        return format!(
            "jenis nilai salah: {}, seharusnya {}",
            ganti(ada),
            ganti(harus)
        );
    }
    if let Some(sisa) = pesan.strip_prefix("invalid value: ") {
        let (ada, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        return format!(
            "nilai tidak sah: {}, seharusnya {}",
            ganti(ada),
            ganti(harus)
        );
    }
    format!("YAML tidak dapat dibaca: {}", ganti(pesan))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidang_vocabulary_round_trips() {
        for b in Bidang::semua() {
            assert_eq!(Bidang::dari_label(b.label()), Some(b));
            assert_eq!(Bidang::dari_slug(b.slug()), Some(b));
        }
        assert_eq!(Bidang::dari_label("Pariwisata"), None);
    }

    #[test]
    fn dates_must_exist() {
        assert!(tanggal_sah("2014-01-15"));
        assert!(tanggal_sah("2024-02-29"));
        assert!(!tanggal_sah("2023-02-29"));
        assert!(!tanggal_sah("15-01-2014"));
        assert!(!tanggal_sah("2014-13-01"));
    }

    #[test]
    fn serde_messages_are_indonesian() {
        assert_eq!(
            terjemahkan_serde("missing field `judul`"),
            "kolom wajib `judul` belum diisi"
        );
        assert_eq!(
            terjemahkan_serde("invalid type: string \"x\", expected u16"),
            "jenis nilai salah: teks \"x\", seharusnya bilangan bulat"
        );
    }

    #[test]
    fn unknown_field_type_names_the_choices() {
        let e = serde_yaml::from_str::<Kolom>("{nama: a, label: A, jenis: warna}")
            .expect_err("unknown type");
        let pesan = terjemahkan_serde(&e.to_string());
        assert!(pesan.contains("`warna` tidak dikenal"), "{pesan}");
        assert!(pesan.contains("ya-tidak"), "{pesan}");
    }

    #[test]
    fn corpus_id_only_for_kinds_in_the_corpus() {
        let r: Regulasi = serde_yaml::from_str(
            "judul: x\nbentuk: Undang-Undang\nsingkatan_bentuk: UU\nnomor: 6\ntahun: 2014\n\
             tentang: Desa\nteu_badan: x\nstatus: berlaku\nsumber: https://example.org/a\n",
        )
        .expect("valid");
        assert_eq!(r.id_korpus().as_deref(), Some("uu-6-2014"));
    }
}
