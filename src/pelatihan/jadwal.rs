//! The schedule attached to the invitation (JADWAL ACARA): the modules taught, in teaching
//! order, with their minutes, and the breaks the event file describes (none otherwise); times
//! counted from the start in `waktu` when it has one.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Acara;

/// What the invitation's Lampiran line says when the event file does not.
pub(super) const LAMPIRAN_JADWAL: &str = "1 (satu) lembar jadwal acara";

/// The longest break: a day.
const MENIT_SEHARI: u32 = 24 * 60;

/// A break the event file describes: after a module, for some minutes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Istirahat {
    /// The module it follows, by its number (`urutan`).
    pub setelah_modul: u16,
    pub menit: u32,
    /// "Istirahat" when absent ("Istirahat, salat dan makan siang").
    #[serde(default)]
    pub keterangan: Option<String>,
}

/// A module of the schedule: its number, title and minutes.
pub(super) struct ModulJadwal<'a> {
    pub urutan: u16,
    pub judul: &'a str,
    pub menit: u32,
}

/// A run of digits and the separators between them: "08.00", "11.07.2025", "1.500.000".
static RE_ANGKA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]+(?:[.:][0-9]+)*").expect("valid regex"));

/// The times in `waktu` ("08.00–15.00 WIB", "pukul 08:00 s.d. selesai"), as minutes after
/// midnight, in order. A time is hours and minutes alone: "11.07.2025" is a date.
fn jam_dalam(waktu: &str) -> Vec<u32> {
    RE_ANGKA
        .find_iter(waktu)
        .filter_map(|m| {
            let (jam, menit) = m.as_str().split_once(['.', ':'])?;
            if jam.len() > 2 || menit.len() != 2 {
                return None;
            }
            let (h, m): (u32, u32) = (jam.parse().ok()?, menit.parse().ok()?);
            (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
        })
        .collect()
}

/// "08.00": minutes after midnight as the clock shows them.
fn jam(menit: u32) -> String {
    format!("{:02}.{:02}", menit / 60 % 24, menit % 60)
}

/// The time zone `waktu` names (WIB, WITA or WIT), if any.
fn zona(waktu: &str) -> Option<&'static str> {
    waktu
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|t| ["WIB", "WITA", "WIT"].into_iter().find(|z| *z == t))
}

impl Acara {
    /// Minutes of material the event holds: `durasi` when given, otherwise the span of `waktu`
    /// ("08.00–15.00 WIB": 420) less the breaks; none when neither says.
    pub fn menit_materi(&self) -> Option<u32> {
        if self.durasi.is_some() {
            return self.durasi;
        }
        let jam = jam_dalam(self.waktu.as_deref().unwrap_or(""));
        let istirahat = self
            .istirahat
            .iter()
            .fold(0u32, |n, s| n.saturating_add(s.menit));
        match jam.as_slice() {
            [mulai, selesai, ..] if selesai > mulai => {
                Some((selesai - mulai).saturating_sub(istirahat)).filter(|m| *m > 0)
            }
            _ => None,
        }
    }

    /// The Lampiran line of the invitation, and whether the schedule is attached: unless the
    /// event file says "-", the schedule goes with the letter ("1 (satu) lembar jadwal acara"
    /// when the file says nothing; its own words when it says something).
    pub(super) fn lampiran_surat(&self) -> (String, bool) {
        match self.lampiran.as_deref().map(str::trim) {
            None | Some("") => (LAMPIRAN_JADWAL.to_string(), true),
            Some("-") => ("-".to_string(), false),
            Some(l) => (l.to_string(), true),
        }
    }

    /// The schedule of the event for these modules, or every problem with it: a break after a
    /// module the event does not teach, a break of no minutes, or modules and breaks that end
    /// after the end time in `waktu`.
    pub(super) fn jadwal(&self, modul: &[ModulJadwal]) -> Result<Value, Vec<String>> {
        let mut masalah = Vec::new();
        for (i, s) in self.istirahat.iter().enumerate() {
            if s.menit == 0 {
                masalah.push(format!(
                    "istirahat[{i}].menit: jumlah menit harus lebih dari 0"
                ));
            } else if s.menit > MENIT_SEHARI {
                masalah.push(format!(
                    "istirahat[{i}].menit: paling lama {MENIT_SEHARI} menit (satu hari), \
                     tertulis {}",
                    s.menit
                ));
            }
            if !modul.iter().any(|m| m.urutan == s.setelah_modul) {
                masalah.push(format!(
                    "istirahat[{i}].setelah_modul: Modul {} tidak termasuk materi acara ini",
                    s.setelah_modul
                ));
            }
        }
        let waktu = self.waktu.as_deref().unwrap_or("");
        let batas = jam_dalam(waktu);
        let mut kini = batas.first().copied();
        let mut baris = Vec::new();
        let mut tambah = |acara: String, menit: u32, nomor: Option<u16>| {
            let rentang = kini.map(|t| format!("{}–{}", jam(t), jam(t.saturating_add(menit))));
            kini = kini.map(|t| t.saturating_add(menit));
            baris.push(json!({"modul": nomor, "acara": acara, "menit": menit, "waktu": rentang}));
        };
        for m in modul {
            tambah(
                format!("Modul {} – {}", m.urutan, m.judul),
                m.menit,
                Some(m.urutan),
            );
            for s in self
                .istirahat
                .iter()
                .filter(|s| s.setelah_modul == m.urutan)
            {
                let nama = s
                    .keterangan
                    .as_deref()
                    .map(str::trim)
                    .filter(|k| !k.is_empty());
                tambah(nama.unwrap_or("Istirahat").to_string(), s.menit, None);
            }
        }
        let menit = modul
            .iter()
            .map(|m| m.menit)
            .chain(self.istirahat.iter().map(|s| s.menit))
            .fold(0u32, u32::saturating_add);
        if let ([mulai, selesai, ..], Some(akhir)) = (batas.as_slice(), kini)
            && selesai > mulai
            && akhir > *selesai
        {
            masalah.push(format!(
                "waktu: materi dan istirahat ({menit} menit) berakhir pukul {}, sesudah pukul {} \
                 dalam waktu acara; kurangi lama materi (durasi) atau ubah waktunya",
                jam(akhir),
                jam(*selesai)
            ));
        }
        if !masalah.is_empty() {
            return Err(masalah);
        }
        Ok(json!({"baris": baris, "menit": menit, "zona": zona(waktu)}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_from_what_the_organiser_writes() {
        assert_eq!(jam_dalam("08.00–15.00 WIB"), vec![480, 900]);
        assert_eq!(jam_dalam("Pukul 8:30 WITA s.d. selesai"), vec![510]);
        assert_eq!(jam_dalam("Kamis, 11.07.2025"), Vec::<u32>::new());
        assert_eq!(jam_dalam("11.07.2025 pukul 09:15–12.00"), vec![555, 720]);
        assert_eq!(jam_dalam("25.00, 08.75, 123.00"), Vec::<u32>::new());
        assert_eq!(zona("08.00–15.00 WIB"), Some("WIB"));
        assert_eq!(zona("pukul 08.00"), None);
    }

    #[test]
    fn an_event_without_durasi_holds_the_minutes_of_its_waktu_less_breaks() {
        let mut a = Acara::contoh();
        assert_eq!(a.menit_materi(), Some(420), "durasi as written");
        a.durasi = None;
        assert_eq!(a.menit_materi(), Some(420), "08.00–15.00");
        a.istirahat.push(Istirahat {
            setelah_modul: 2,
            menit: 60,
            keterangan: None,
        });
        assert_eq!(a.menit_materi(), Some(360), "less an hour's break");
        a.waktu = Some("pukul 08.00 s.d. selesai".into());
        assert_eq!(a.menit_materi(), None, "no end: every module");
    }

    #[test]
    fn a_break_longer_than_a_day_is_a_field_error_not_an_overflow() {
        let mut a = Acara::contoh();
        a.durasi = None;
        for _ in 0..2 {
            a.istirahat.push(Istirahat {
                setelah_modul: 1,
                menit: u32::MAX,
                keterangan: None,
            });
        }
        assert_eq!(a.menit_materi(), None, "the breaks fill the day");
        let modul = [ModulJadwal {
            urutan: 1,
            judul: "Pengantar",
            menit: 60,
        }];
        let masalah = a.jadwal(&modul).expect_err("refused");
        assert!(
            masalah
                .iter()
                .any(|m| m.starts_with("istirahat[1].menit: paling lama 1440 menit")),
            "{masalah:?}"
        );
    }
}
