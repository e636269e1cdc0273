//! The event a training's material is made for: read from options or an `acara.yaml`, checked
//! whole before anything is printed, its emblem read once.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::jadwal::Istirahat;
use crate::berkas::GalatBaca;
use crate::dokumen::gambar::{self, GalatGambar, Gambar};
use crate::format;

/// The event: from options or an `acara.yaml`. Without a date it describes no event: a generic
/// handout or deck (the kit needs one).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acara {
    pub nama_acara: String,
    pub penyelenggara: String,
    #[serde(default)]
    pub tempat: String,
    /// YYYY-MM-DD, or empty for no particular event.
    #[serde(default)]
    pub tanggal: String,
    #[serde(default)]
    pub waktu: Option<String>,
    /// Minutes of teaching the event has: the slides and tests take the modules, in teaching
    /// order, that fit. Without it, the span of `waktu` less the breaks
    /// ([`Acara::menit_materi`]).
    #[serde(default)]
    pub durasi: Option<u32>,
    /// Who signs the invitations.
    #[serde(default)]
    pub penanda_tangan: Option<PenandaTangan>,
    #[serde(default)]
    pub nomor_surat: Option<String>,
    /// The date of the invitation letter (YYYY-MM-DD); blank on the letter when absent.
    #[serde(default)]
    pub tanggal_surat: Option<String>,
    /// "Biasa" when absent.
    #[serde(default)]
    pub sifat: Option<String>,
    /// "-" when absent.
    #[serde(default)]
    pub lampiran: Option<String>,
    /// "Garut", or "Kota Banjar" for a kota.
    #[serde(default)]
    pub kabupaten: Option<String>,
    /// The organiser's address and telephone, for the letterhead.
    #[serde(default)]
    pub alamat: Option<String>,
    #[serde(default)]
    pub telepon: Option<String>,
    /// The emblem on the letterhead and the handout cover: a PNG or JPEG file (a relative path
    /// is read from the folder of the event file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambang: Option<PathBuf>,
    /// Invited villages, one invitation each.
    #[serde(default)]
    pub desa_undangan: Vec<DesaUndangan>,
    /// Who each village sends (Kepala Desa, Ketua BPD, …).
    #[serde(default)]
    pub peserta_per_desa: Vec<String>,
    #[serde(default)]
    pub narahubung: Option<String>,
    /// Breaks in the schedule attached to the invitation, each after a module: none unless
    /// written here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub istirahat: Vec<Istirahat>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenandaTangan {
    pub nama: String,
    pub jabatan: String,
    #[serde(default)]
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesaUndangan {
    pub nama: String,
    #[serde(default)]
    pub kecamatan: Option<String>,
}

impl Acara {
    /// A complete, valid example (fictitious names).
    pub fn contoh() -> Acara {
        Acara {
            nama_acara: "Sosialisasi Kerja Sama Antar-Desa dan Kerja Sama Desa dengan Pihak Ketiga"
                .into(),
            penyelenggara: "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Garut".into(),
            tempat: "Aula Kantor Kecamatan Tarogong Kidul".into(),
            tanggal: "2025-07-11".into(),
            waktu: Some("08.00–15.00 WIB".into()),
            durasi: Some(420),
            penanda_tangan: Some(PenandaTangan {
                nama: "Nama Kepala Dinas".into(),
                jabatan: "Kepala Dinas Pemberdayaan Masyarakat dan Desa".into(),
                nip: Some("19700101 199503 1 001".into()),
            }),
            nomor_surat: Some("005/123/DPMD/2025".into()),
            tanggal_surat: Some("2025-07-01".into()),
            sifat: Some("Penting".into()),
            lampiran: Some("1 (satu) lembar jadwal acara".into()),
            kabupaten: Some("Garut".into()),
            alamat: Some("Jl. Contoh Nomor 1, Garut 44100".into()),
            telepon: Some("(0262) 000000".into()),
            lambang: None,
            desa_undangan: ["Sukamaju", "Mekarsari", "Cibunar", "Sindangsari"]
                .into_iter()
                .map(|n| DesaUndangan {
                    nama: n.into(),
                    kecamatan: Some("Tarogong Kidul".into()),
                })
                .collect(),
            peserta_per_desa: vec![
                "Kepala Desa".into(),
                "Ketua BPD".into(),
                "Sekretaris Desa".into(),
            ],
            narahubung: Some("Bidang Kerja Sama DPMD, telepon (0262) 000000".into()),
            istirahat: Vec::new(),
        }
    }

    /// Checks dates, the emblem and required text; every problem at once. An empty date is
    /// allowed here (a generic handout); the kit asks for one.
    pub fn periksa(&self) -> Vec<String> {
        let mut m = self.periksa_isian();
        if let Err(e) = self.baca_lambang() {
            m.push(e);
        }
        m
    }

    /// The checks of [`Acara::periksa`] but the emblem's (which reads the file).
    pub(super) fn periksa_isian(&self) -> Vec<String> {
        let mut m = Vec::new();
        for (k, v) in [
            ("nama_acara", &self.nama_acara),
            ("penyelenggara", &self.penyelenggara),
        ] {
            if v.trim().is_empty() {
                m.push(format!("{k}: wajib diisi"));
            }
        }
        for (k, v) in [
            ("tanggal", Some(&self.tanggal)),
            ("tanggal_surat", self.tanggal_surat.as_ref()),
        ] {
            if let Some(t) = v.filter(|t| !t.trim().is_empty())
                && format::urai_tanggal(t).is_none()
            {
                m.push(format!("{k}: `{t}` harus tanggal TTTT-BB-HH yang ada"));
            }
        }
        if let (Some(surat), Some(acara)) = (
            self.tanggal_surat.as_deref().and_then(format::urai_tanggal),
            format::urai_tanggal(&self.tanggal),
        ) && surat > acara
        {
            m.push("tanggal_surat: surat undangan bertanggal sesudah acaranya".into());
        }
        if self.durasi == Some(0) {
            m.push("durasi: jumlah menit harus lebih dari 0".into());
        }
        for (i, d) in self.desa_undangan.iter().enumerate() {
            if d.nama.trim().is_empty() {
                m.push(format!("desa_undangan[{i}].nama: wajib diisi"));
            }
        }
        m
    }

    /// The emblem, checked as a form's image is ([`gambar::baca`]: PNG or JPEG of at most 1 MB
    /// and 16 megapixels, decoded under limits, scaled to print size).
    pub(super) fn baca_lambang(&self) -> Result<Option<Gambar>, String> {
        let Some(p) = &self.lambang else {
            return Ok(None);
        };
        let berkas = p.display();
        let b = crate::berkas::baca(p, gambar::BATAS_BYTE as u64).map_err(|e| match e {
            GalatBaca::TerlaluBesar { .. } => {
                format!("lambang: berkas `{berkas}` {e}; perkecil gambarnya")
            }
            e => format!("lambang: berkas `{berkas}` tidak dapat dibaca: {e}"),
        })?;
        gambar::baca(b).map(Some).map_err(|e| match e {
            GalatGambar::BukanGambar => {
                format!("lambang: berkas `{berkas}` bukan gambar PNG atau JPEG")
            }
            e => format!("lambang: berkas `{berkas}`: {e}"),
        })
    }

    pub(super) fn data(&self) -> Value {
        let mut v = json!(self);
        let ada = |t: &str| !t.trim().is_empty();
        v["tanggal_panjang"] =
            json!(ada(&self.tanggal).then(|| format::tanggal_panjang(&self.tanggal)));
        v["hari"] = json!(format::hari(&self.tanggal));
        v["tanggal_surat_panjang"] = json!(
            self.tanggal_surat
                .as_deref()
                .filter(|t| ada(t))
                .map(format::tanggal_panjang)
        );
        let (lampiran, lampirkan) = self.lampiran_surat();
        v["lampiran"] = json!(lampiran);
        v["lampirkan_jadwal"] = json!(lampirkan);
        // The year on the handout cover: of the event, or none (the layout takes today's).
        v["tahun"] = json!(format::urai_tanggal(&self.tanggal).map(|t| t.year()));
        // The emblem reaches typst as the image `/lambang.img` (see `Mesin::susun`); the path is
        // of no use there.
        v["lambang"] = Value::Null;
        v
    }
}
