//! Documents: a filled form becomes a print-ready PDF. The wording comes from the templat's
//! Markdown body, the layout from `templates/dokumen/*.typ`, and the form values reach typst
//! only as data (`/data.json`), never as markup.

pub(crate) mod aturan;
mod baku;
mod cache;
mod docx;
mod dunia;
pub(crate) mod formulir;
pub(crate) mod gambar;
pub(crate) mod jalur;
pub(crate) mod naskah;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use typst::WorldExt;
use typst::diag::Severity;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::FileId;
use typst_layout::PagedDocument;

use crate::format;
use crate::konten::{Data, JenisKolom, Koleksi, Kolom, Konten};
pub use crate::opsi::{Format, Huruf, Kertas, Margin, Zona};
use cache::CachePdf;
pub use formulir::GalatIsian;

/// How to print: paper, font, and margins (the layout's own when none are given).
#[derive(Debug, Clone, Copy, Default)]
pub struct Opsi {
    pub kertas: Kertas,
    pub huruf: Huruf,
    pub margin: Option<Margin>,
}

#[derive(Debug, thiserror::Error)]
pub enum DokumenError {
    #[error("jenis dokumen `{0}` tidak dikenal; lihat `sinergi dokumen`")]
    TidakDikenal(String),
    #[error("isian tidak valid ({} masalah)", .0.len())]
    Isian(Vec<GalatIsian>),
    /// The request itself could not be read (not UTF-8, not JSON or YAML).
    #[error("{0}")]
    Permintaan(String),
    #[error("naskah {}: {pesan}", .berkas.display())]
    Naskah { berkas: PathBuf, pesan: String },
    #[error("tata letak `{tata_letak}` untuk dokumen `{jenis}` tidak ada di {}", .dir.display())]
    TataLetak {
        jenis: String,
        tata_letak: String,
        dir: PathBuf,
    },
    #[error("penyusunan PDF gagal:\n{}", .0.join("\n"))]
    Typst(Vec<String>),
    #[error(transparent)]
    Muat(#[from] dunia::GagalMuat),
    #[error(transparent)]
    Docx(#[from] docx::GalatDocx),
}

/// A document type: a templat entry with a form.
pub struct JenisDokumen {
    pub id: String,
    pub judul: String,
    pub tahap: String,
    pub dasar_hukum: Vec<String>,
    pub formulir: Vec<Kolom>,
    /// The form's cross-field rules, checked after its fields.
    pub aturan: Vec<aturan::Aturan>,
    pub versi: String,
    /// The templat entry's file, for messages.
    pub berkas: PathBuf,
    /// How an issued document of this type is numbered.
    pub penomoran: Option<crate::terbit::Penomoran>,
    naskah: tera::Tera,
    tata_letak: FileId,
}

impl JenisDokumen {
    /// A complete, valid example of this document's data.
    pub fn contoh(&self) -> Value {
        formulir::contoh(&self.formulir)
    }

    /// The data the form takes, as JSON Schema ([`formulir::skema_json`]).
    pub fn skema_json(&self) -> Value {
        formulir::skema_json(&self.formulir)
    }
}

/// A document checked and worded, ready to typeset.
pub struct Siap<'m> {
    pub jenis: &'m JenisDokumen,
    /// The normalized data, with the printed forms of dates and amounts beside them.
    pub isian: Value,
    /// The filled wording (Markdown).
    pub naskah: String,
    pub gambar: Option<gambar::Gambar>,
}

impl Siap<'_> {
    /// What the layout reads beside `meta`: the checked values, the wording as blocks and, for
    /// an issued document, its verification.
    fn isi(&self, verifikasi: Option<&crate::terbit::Verifikasi>) -> Value {
        let mut isi = json!({"isian": self.isian, "naskah": naskah::ke_blok(&self.naskah)});
        if let Some(v) = verifikasi {
            isi["verifikasi"] = json!(v);
        }
        isi
    }
}

/// Renders documents; loads fonts, layouts and wording once.
pub struct Mesin {
    bersama: dunia::Bersama,
    jenis: BTreeMap<String, JenisDokumen>,
    /// Document types that could not be loaded, and why; the others still work.
    pub masalah: Vec<DokumenError>,
    /// Whose "today" documents are dated with.
    zona: Zona,
    /// PDFs recently made, for identical requests.
    cache: CachePdf,
}

impl Mesin {
    /// Every templat of `konten` that has a form becomes a document type; `dir` holds the layouts.
    pub fn muat(konten: &Konten, dir: &Path) -> Result<Mesin, DokumenError> {
        let bersama = dunia::Bersama::muat(dir)?;
        let mut jenis = BTreeMap::new();
        let mut masalah = Vec::new();
        for e in konten.koleksi(Koleksi::Templat) {
            let Data::Templat(t) = &e.data else { continue };
            if t.formulir.is_empty() {
                continue;
            }
            let nama_tata = t.tata_letak.clone().unwrap_or_else(|| e.id.clone());
            let Some(&tata_letak) = bersama.tata_letak.get(&nama_tata) else {
                masalah.push(DokumenError::TataLetak {
                    jenis: e.id.clone(),
                    tata_letak: nama_tata,
                    dir: dir.to_path_buf(),
                });
                continue;
            };
            let naskah = match naskah::tera(&e.id, &e.body) {
                Ok(n) => n,
                Err(err) => {
                    masalah.push(DokumenError::Naskah {
                        berkas: e.path.clone(),
                        pesan: pesan_tera(&err),
                    });
                    continue;
                }
            };
            jenis.insert(
                e.id.clone(),
                JenisDokumen {
                    id: e.id.clone(),
                    judul: e.judul.clone(),
                    tahap: t.tahap.clone(),
                    dasar_hukum: t.dasar_hukum.clone(),
                    formulir: t.formulir.clone(),
                    aturan: t.aturan_terurai.clone(),
                    versi: t.versi.clone().unwrap_or_else(|| "1".into()),
                    berkas: e.path.clone(),
                    penomoran: t.penomoran.as_ref().and_then(|p| {
                        Some(crate::terbit::Penomoran {
                            register: crate::terbit::nomor::Register::dari_slug(&p.register)?,
                            kolom: p.kolom.clone(),
                        })
                    }),
                    naskah,
                    tata_letak,
                },
            );
        }
        Ok(Mesin {
            bersama,
            jenis,
            masalah,
            zona: Zona::default(),
            cache: CachePdf::default(),
        })
    }

    /// Dates documents in time zone `zona` (WIB unless set).
    pub fn dengan_zona(mut self, zona: Zona) -> Mesin {
        self.zona = zona;
        self
    }

    pub fn daftar(&self) -> impl Iterator<Item = &JenisDokumen> {
        self.jenis.values()
    }

    pub fn jenis(&self, id: &str) -> Option<&JenisDokumen> {
        self.jenis.get(id)
    }

    /// Checks the data and fills the wording, without typesetting: what a form submit needs
    /// before committing to a compile.
    pub fn siapkan(&self, id: &str, data: &Value) -> Result<Siap<'_>, DokumenError> {
        let j = self
            .jenis
            .get(id)
            .ok_or_else(|| DokumenError::TidakDikenal(id.into()))?;
        let formulir::Terperiksa { mut isian, gambar } =
            formulir::periksa(&j.formulir, &j.aturan, data).map_err(DokumenError::Isian)?;
        tambah_bentuk_tampil(&j.formulir, &mut isian);
        let ctx = tera::Context::from_serialize(&isian).map_err(|e| DokumenError::Naskah {
            berkas: j.berkas.clone(),
            pesan: pesan_tera(&e),
        })?;
        let naskah =
            j.naskah
                .render(&format!("{id}.md"), &ctx)
                .map_err(|e| DokumenError::Naskah {
                    berkas: j.berkas.clone(),
                    pesan: pesan_tera(&e),
                })?;
        Ok(Siap {
            jenis: j,
            isian,
            naskah,
            gambar,
        })
    }

    /// The PDF of document `id` filled with `data`.
    pub fn render(&self, id: &str, data: &Value, opsi: &Opsi) -> Result<Vec<u8>, DokumenError> {
        self.render_sebagai(id, data, opsi, Format::Pdf)
    }

    /// Document `id` filled with `data`, as a PDF or as an editable DOCX read from the same
    /// typeset pages (same wording, same structure).
    pub fn render_sebagai(
        &self,
        id: &str,
        data: &Value,
        opsi: &Opsi,
        format: Format,
    ) -> Result<Vec<u8>, DokumenError> {
        self.render_siap(self.siapkan(id, data)?, opsi, format, None)
    }

    /// The PDF of an issued document: as [`Mesin::render`], with the verification address and
    /// its QR code (`verifikasi` in the layout's data) printed on it.
    pub fn render_terbit(
        &self,
        id: &str,
        data: &Value,
        opsi: &Opsi,
        verifikasi: Option<&crate::terbit::Verifikasi>,
    ) -> Result<Vec<u8>, DokumenError> {
        self.render_siap(self.siapkan(id, data)?, opsi, Format::Pdf, verifikasi)
    }

    /// Typesets checked data with its layout; an issued document's verification is printed
    /// on it.
    fn render_siap(
        &self,
        siap: Siap<'_>,
        opsi: &Opsi,
        format: Format,
        verifikasi: Option<&crate::terbit::Verifikasi>,
    ) -> Result<Vec<u8>, DokumenError> {
        let j = siap.jenis;
        self.susun_dengan(
            j.tata_letak,
            &j.id,
            &j.judul,
            &j.versi,
            siap.isi(verifikasi),
            siap.gambar.map(|g| g.bytes),
            opsi,
            format,
        )
    }

    /// Typesets layout `tata_letak` (a `templates/dokumen/*.typ` name) with `isi` as the data
    /// beside `meta`: how training material is made from content rather than forms. An image
    /// (checked by [`gambar`]) is served to the layout as `/lambang.img`, as a form's emblem is,
    /// with `meta.ada_gambar` true.
    pub fn susun(
        &self,
        tata_letak: &str,
        judul: &str,
        isi: Value,
        gambar: Option<gambar::Gambar>,
        opsi: &Opsi,
    ) -> Result<Vec<u8>, DokumenError> {
        let fid =
            *self
                .bersama
                .tata_letak
                .get(tata_letak)
                .ok_or_else(|| DokumenError::TataLetak {
                    jenis: tata_letak.into(),
                    tata_letak: tata_letak.into(),
                    dir: self.bersama.dir.clone(),
                })?;
        self.susun_dengan(
            fid,
            tata_letak,
            judul,
            "1",
            isi,
            gambar.map(|g| g.bytes),
            opsi,
            Format::Pdf,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn susun_dengan(
        &self,
        tata_letak: FileId,
        id: &str,
        judul: &str,
        versi: &str,
        isi: Value,
        gambar: Option<Vec<u8>>,
        opsi: &Opsi,
        format: Format,
    ) -> Result<Vec<u8>, DokumenError> {
        let hari_ini = self.zona.hari_ini();
        let (y, m, d) = (hari_ini.year(), u8::from(hari_ini.month()), hari_ini.day());
        let data = data_json(id, judul, versi, isi, gambar.is_some(), opsi, (y, m, d));
        // The same layout, data and image make the same bytes: answered from the cache.
        let kunci = self
            .cache
            .kunci(tata_letak, format, &data, gambar.as_deref());
        if let Some(pdf) = self.cache.ambil(kunci) {
            return Ok(pdf);
        }
        let dunia = dunia::Dunia {
            bersama: &self.bersama,
            main: tata_letak,
            data: Bytes::new(data),
            gambar: gambar.map(Bytes::new),
            hari_ini: Datetime::from_ymd(y, m, d),
        };
        let hasil = typst::compile::<PagedDocument>(&dunia);
        let pesan_diag = |diag: &typst::diag::SourceDiagnostic| -> String {
            let letak = diag.span.id().and_then(|fid| {
                let r = dunia.range(diag.span)?;
                self.bersama.letak(fid, r)
            });
            match letak {
                Some((berkas, baris)) => format!("{berkas}:{baris}: {}", diag.message),
                None => diag.message.to_string(),
            }
        };
        // A missing font family would silently fall back to another: refuse it instead.
        let huruf_hilang: Vec<String> = hasil
            .warnings
            .iter()
            .filter(|w| w.severity == Severity::Warning && w.message.contains("font"))
            .map(pesan_diag)
            .collect();
        let dok = match hasil.output {
            Ok(d) => d,
            Err(galat) => {
                typst::comemo::evict(4);
                return Err(DokumenError::Typst(galat.iter().map(pesan_diag).collect()));
            }
        };
        if !huruf_hilang.is_empty() {
            typst::comemo::evict(4);
            return Err(DokumenError::Typst(huruf_hilang));
        }
        let berkas = match format {
            Format::Pdf => typst_pdf::pdf(
                &dok,
                &typst_pdf::PdfOptions {
                    ident: Smart::Custom(format!("sinergi-{id}")),
                    ..Default::default()
                },
            )
            .map_err(|galat| DokumenError::Typst(galat.iter().map(pesan_diag).collect())),
            Format::Docx => docx::docx(&dok, opsi.huruf, judul).map_err(DokumenError::from),
        };
        // Keep the memo cache warm but bounded, failed compiles included.
        typst::comemo::evict(4);
        let berkas = berkas?;
        self.cache.simpan(kunci, &berkas);
        Ok(berkas)
    }

    /// The `/data.json` the layout of document `id` reads for `data`, dated `tanggal` (year,
    /// month, day): for benchmarks that compile the same layout with another typst.
    pub fn data_json(
        &self,
        id: &str,
        data: &Value,
        opsi: &Opsi,
        tanggal: (i32, u8, u8),
    ) -> Result<Vec<u8>, DokumenError> {
        let siap = self.siapkan(id, data)?;
        let j = siap.jenis;
        Ok(data_json(
            &j.id,
            &j.judul,
            &j.versi,
            siap.isi(None),
            siap.gambar.is_some(),
            opsi,
            tanggal,
        ))
    }
}

/// The data a layout reads as `/data.json`: `meta` (type, title, version, paper, font, date,
/// whether there is an image, margins) beside `isi`'s keys.
fn data_json(
    id: &str,
    judul: &str,
    versi: &str,
    isi: Value,
    ada_gambar: bool,
    opsi: &Opsi,
    (y, m, d): (i32, u8, u8),
) -> Vec<u8> {
    let mut data_json = json!({
        "meta": {
            "jenis": id, "judul": judul, "versi": versi,
            "kertas": opsi.kertas, "huruf": opsi.huruf.keluarga(),
            "tanggal": [y, m, d], "ada_gambar": ada_gambar,
            "margin": opsi.margin,
        },
    });
    if let (Value::Object(tujuan), Value::Object(sumber)) = (&mut data_json, isi) {
        tujuan.extend(sumber);
    }
    serde_json::to_vec(&data_json).unwrap_or_default()
}

fn pesan_tera(e: &tera::Error) -> String {
    use std::error::Error;
    let mut pesan = e.to_string();
    let mut sumber = e.source();
    while let Some(s) = sumber {
        pesan.push_str(": ");
        pesan.push_str(&s.to_string());
        sumber = s.source();
    }
    pesan
}

/// Adds, beside each date and amount, the forms a document prints: `tanggal_panjang`,
/// `tanggal_hari`, `nilai_rupiah`, `nilai_terbilang`, `jumlah_terbilang`.
fn tambah_bentuk_tampil(kolom: &[Kolom], v: &mut Value) {
    let Value::Object(m) = v else { return };
    let mut tambahan = Map::new();
    for k in kolom {
        let Some(nilai) = m.get_mut(&k.nama) else {
            continue;
        };
        match k.jenis {
            JenisKolom::Tanggal => {
                if let Some(s) = nilai.as_str() {
                    tambahan.insert(
                        format!("{}_panjang", k.nama),
                        json!(format::tanggal_panjang(s)),
                    );
                    tambahan.insert(format!("{}_hari", k.nama), json!(format::hari(s)));
                }
            }
            JenisKolom::Rupiah => {
                if let Some(n) = nilai.as_u64() {
                    tambahan.insert(format!("{}_rupiah", k.nama), json!(format::rupiah(n)));
                    tambahan.insert(
                        format!("{}_terbilang", k.nama),
                        json!(format::terbilang_rupiah(n)),
                    );
                }
            }
            JenisKolom::Angka => {
                // Every valid number gets its words, or the wording would fail on it.
                if let Some(n) = nilai.as_f64() {
                    tambahan.insert(
                        format!("{}_terbilang", k.nama),
                        json!(format::terbilang_bilangan(n)),
                    );
                }
            }
            JenisKolom::Grup if k.ulang => {
                if let Value::Array(a) = nilai {
                    for x in a {
                        tambah_bentuk_tampil(&k.kolom, x);
                    }
                }
            }
            JenisKolom::Grup => tambah_bentuk_tampil(&k.kolom, nilai),
            _ => {}
        }
    }
    m.extend(tambahan);
}
