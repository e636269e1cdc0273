//! The standard wording of a document type for reading on its guide page: the wording as the
//! form's example would print it, with every value a person types replaced by a plain-language
//! blank named after its field («nama desa»). Numbers stay (the wording counts and compares
//! them) but are shown as blanks too; the engine's code never reaches the reader.

use serde_json::{Map, Value, json};

use super::{DokumenError, Mesin, formulir, pesan_tera, tambah_bentuk_tampil};
use crate::konten::{JenisKolom, Kolom};

impl Mesin {
    /// The wording of document `id` as Markdown, with plain-language blanks («nama desa») where
    /// the form's values go: for reading before filling the form.
    pub fn naskah_baku(&self, id: &str) -> Result<String, DokumenError> {
        let j = self
            .jenis
            .get(id)
            .ok_or_else(|| DokumenError::TidakDikenal(id.into()))?;
        let formulir::Terperiksa { mut isian, .. } =
            formulir::periksa(&j.formulir, &j.aturan, &j.contoh()).map_err(DokumenError::Isian)?;
        tambah_bentuk_tampil(&j.formulir, &mut isian);
        kosongkan(&j.formulir, &mut isian);
        let salah = |e: tera::Error| DokumenError::Naskah {
            berkas: j.berkas.clone(),
            pesan: pesan_tera(&e),
        };
        let ctx = tera::Context::from_serialize(&isian).map_err(salah)?;
        let md = j.naskah.render(&format!("{id}.md"), &ctx).map_err(salah)?;
        Ok(ganti_angka(&md))
    }
}

/// A field's label as a blank: «nama desa». The first letter is lowered unless the first word
/// is an abbreviation ("NIK", "BPD").
pub(crate) fn kosong(label: &str) -> String {
    let mut huruf = label.trim().chars();
    let awal = match (huruf.next(), huruf.next()) {
        (Some(a), Some(b)) if !b.is_uppercase() => {
            let mut s: String = a.to_lowercase().collect();
            s.push(b);
            s.push_str(huruf.as_str());
            s
        }
        _ => label.trim().to_string(),
    };
    format!("«{awal}»")
}

/// Replaces, in checked data `v` of form `kolom` (derived forms already added), each typed
/// value by its blank. Numbers used in the wording's arithmetic stay numbers; their printed
/// forms (`_terbilang`, `_rupiah`) become blanks.
pub(crate) fn kosongkan(kolom: &[Kolom], v: &mut Value) {
    let Value::Object(m) = v else { return };
    let mut tambahan = Map::new();
    for k in kolom {
        let Some(nilai) = m.get_mut(&k.nama) else {
            continue;
        };
        let blank = kosong(&k.label);
        match k.jenis {
            JenisKolom::Teks | JenisKolom::Paragraf | JenisKolom::Pilihan if nilai.is_string() => {
                *nilai = json!(blank);
            }
            JenisKolom::Tanggal => {
                *nilai = json!(blank);
                tambahan.insert(format!("{}_panjang", k.nama), json!(blank));
                tambahan.insert(format!("{}_hari", k.nama), json!("«hari»"));
            }
            JenisKolom::Rupiah => {
                tambahan.insert(format!("{}_rupiah", k.nama), json!(blank));
                tambahan.insert(
                    format!("{}_terbilang", k.nama),
                    json!(format!("{} dalam huruf»", blank.trim_end_matches('»'))),
                );
            }
            JenisKolom::Angka => {
                tambahan.insert(
                    format!("{}_terbilang", k.nama),
                    json!(format!("{} dalam huruf»", blank.trim_end_matches('»'))),
                );
            }
            JenisKolom::Daftar => {
                if let Value::Array(a) = nilai {
                    a.truncate(1);
                    for x in a.iter_mut() {
                        *x = json!(blank);
                    }
                }
            }
            JenisKolom::Grup if k.ulang => {
                if let Value::Array(a) = nilai {
                    a.truncate(1);
                    for x in a.iter_mut() {
                        kosongkan(&k.kolom, x);
                    }
                }
            }
            JenisKolom::Grup => kosongkan(&k.kolom, nilai),
            _ => {}
        }
    }
    m.extend(tambahan);
}

/// Puts the blanks of numbers into the wording: a number printed on its own (`2 («jumlah
/// rangkap dalam huruf»)`) is the example's, so it is shown as the number's blank.
pub(crate) fn ganti_angka(naskah: &str) -> String {
    let mut keluar = String::with_capacity(naskah.len());
    let mut sisa = naskah;
    while let Some(i) = sisa.find(" dalam huruf»)") {
        let (depan, belakang) = sisa.split_at(i);
        // depan ends with `N («label`; find the opening of the blank and the number before it.
        match depan.rfind(" («") {
            Some(j)
                if depan[..j]
                    .rsplit(|c: char| !c.is_ascii_digit())
                    .next()
                    .is_some_and(|n| !n.is_empty()) =>
            {
                let n = depan[..j]
                    .rsplit(|c: char| !c.is_ascii_digit())
                    .next()
                    .map_or(0, str::len);
                let label = &depan[j + " («".len()..];
                keluar.push_str(&depan[..j - n]);
                keluar.push_str(&format!("«{label}» («{label} dalam huruf»)"));
                sisa = &belakang[" dalam huruf»)".len()..];
            }
            _ => {
                keluar.push_str(depan);
                keluar.push_str(" dalam huruf»)");
                sisa = &belakang[" dalam huruf»)".len()..];
            }
        }
    }
    keluar.push_str(sisa);
    keluar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_blanks_in_lower_case_but_abbreviations_stay() {
        assert_eq!(kosong("Nama desa"), "«nama desa»");
        assert_eq!(kosong("NIK ketua"), "«NIK ketua»");
        assert_eq!(kosong("Kepala Desa"), "«kepala Desa»");
    }

    #[test]
    fn a_number_before_its_words_becomes_a_blank() {
        assert_eq!(
            ganti_angka("dalam 2 («jumlah rangkap dalam huruf») rangkap"),
            "dalam «jumlah rangkap» («jumlah rangkap dalam huruf») rangkap"
        );
        assert_eq!(ganti_angka("Pasal 2 (1) biasa"), "Pasal 2 (1) biasa");
    }
}
