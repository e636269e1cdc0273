//! Checks on entry values that the types cannot express: fixed vocabularies, dates, sources,
//! the form schema of a document type, quiz answers. Every failure is recorded with the line of
//! the key or value it concerns.

use std::path::Path;

use super::Masalah;
use super::frontmatter::Peta;
use super::muat::masalah;
use super::skema::{self, Bidang, JenisKolom, Kolom, Materi, Regulasi, StudiKasus};

/// Checks on values that the type system cannot express; every failure is recorded.
pub(super) struct Pemeriksa<'a> {
    pub(super) path: &'a Path,
    pub(super) peta: &'a Peta<'a>,
    pub(super) masalah: &'a mut Vec<Masalah>,
    /// Whether a key is written at all; an absent required key is already reported.
    pub(super) ada: &'a dyn Fn(&str) -> bool,
}

impl Pemeriksa<'_> {
    pub(super) fn catat(&mut self, pos: (usize, usize), pesan: String) {
        self.masalah.push(masalah(self.path, pos, pesan));
    }

    pub(super) fn tidak_kosong(&mut self, kunci: &str, nilai: &str) {
        if (self.ada)(kunci) && nilai.trim().is_empty() {
            self.catat(
                self.peta.kunci(kunci),
                format!("kolom `{kunci}` tidak boleh kosong"),
            );
        }
    }

    pub(super) fn pilihan(&mut self, kunci: &str, nilai: &str, sah: &[&str]) {
        if (self.ada)(kunci) && !sah.contains(&nilai) {
            self.catat(
                self.peta.nilai(kunci, nilai),
                format!(
                    "`{kunci}` bernilai `{nilai}`, padahal harus salah satu dari: {}",
                    sah.join(", ")
                ),
            );
        }
    }

    pub(super) fn bidang(&mut self, label: &[String]) -> Vec<Bidang> {
        let mut hasil = Vec::new();
        for l in label {
            match Bidang::dari_label(l) {
                Some(b) => hasil.push(b),
                None => self.catat(
                    self.peta.nilai("bidang", l),
                    format!(
                        "bidang `{l}` tidak ada dalam daftar baku; pilih dari: {}",
                        Bidang::daftar_label()
                    ),
                ),
            }
        }
        hasil
    }

    pub(super) fn tahun(&mut self, tahun: u16) {
        if (self.ada)("tahun") && !(1945..=2100).contains(&tahun) {
            self.catat(
                self.peta.kunci("tahun"),
                format!("tahun {tahun} tidak masuk akal (1945–2100)"),
            );
        }
    }

    pub(super) fn sumber(&mut self, sumber: &[String]) {
        if !(self.ada)("sumber") {
            return;
        }
        if sumber.is_empty() {
            self.catat(
                self.peta.kunci("sumber"),
                "kolom `sumber` harus memuat sedikitnya satu URL".into(),
            );
        }
        for s in sumber {
            if !skema::url_sah(s) {
                self.catat(
                    self.peta.nilai("sumber", s),
                    format!("sumber `{s}` bukan URL (harus diawali https:// atau http://)"),
                );
            }
        }
    }

    pub(super) fn regulasi(&mut self, r: &Regulasi) {
        for (k, v) in [
            ("bentuk", &r.bentuk),
            ("singkatan_bentuk", &r.singkatan_bentuk),
            ("nomor", &r.nomor),
            ("tentang", &r.tentang),
            ("teu_badan", &r.teu_badan),
        ] {
            self.tidak_kosong(k, v);
        }
        self.pilihan("status", &r.status, &skema::STATUS);
        for (k, v) in [
            ("tanggal_penetapan", &r.tanggal_penetapan),
            ("tanggal_pengundangan", &r.tanggal_pengundangan),
        ] {
            if let Some(v) = v
                && !skema::tanggal_sah(v)
            {
                self.catat(
                    self.peta.nilai(k, v),
                    format!(
                        "`{k}` bernilai `{v}`: tulis tanggal sebagai TTTT-BB-HH, mis. 2014-01-15"
                    ),
                );
            }
        }
        if !r.dicabut_dengan.is_empty() && r.status == "berlaku" {
            self.catat(
                self.peta.kunci("status"),
                "regulasi yang sudah dicabut (`dicabut_dengan`) tidak boleh berstatus `berlaku`"
                    .into(),
            );
        }
        for (i, p) in r.pasal_kunci.iter().enumerate() {
            if p.pasal.trim().is_empty() || p.ringkasan.trim().is_empty() {
                self.catat(
                    self.peta.kunci("pasal_kunci"),
                    format!("pasal_kunci[{i}]: `pasal` dan `ringkasan` harus diisi"),
                );
            }
        }
        self.sumber(&r.sumber);
    }

    /// The form schema itself: names, types, choices and nesting.
    pub(super) fn formulir(&mut self, kolom: &[Kolom], awalan: &str) {
        let mut nama_terlihat = std::collections::HashSet::new();
        for k in kolom {
            let jalur = format!("{awalan}{}", k.nama);
            let pos = self.peta.nilai("formulir", &format!("nama: {}", k.nama));
            let nama_sah = !k.nama.is_empty()
                && k.nama
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !nama_sah {
                self.catat(
                    pos,
                    format!("formulir: nama kolom `{jalur}` hanya boleh huruf kecil, angka dan _"),
                );
            }
            if !nama_terlihat.insert(k.nama.as_str()) {
                self.catat(pos, format!("formulir: kolom `{jalur}` ditulis dua kali"));
            }
            if k.jenis == JenisKolom::Pilihan && k.pilihan.is_empty() {
                self.catat(
                    pos,
                    format!(
                        "formulir: `{jalur}` berjenis pilihan tetapi tidak punya daftar `pilihan`"
                    ),
                );
            }
            if k.jenis == JenisKolom::Grup {
                if k.kolom.is_empty() {
                    self.catat(pos, format!("formulir: grup `{jalur}` tidak punya `kolom`"));
                }
                self.formulir(&k.kolom, &format!("{jalur}."));
            }
        }
    }

    /// The cross-field rules of a form, each checked against the form; a wrong one is reported
    /// at its line and left out.
    pub(super) fn aturan(
        &mut self,
        aturan: &[skema::AturanMentah],
        formulir: &[Kolom],
    ) -> Vec<skema::Aturan> {
        let mut hasil = Vec::new();
        if !aturan.is_empty() && formulir.is_empty() {
            self.catat(
                self.peta.kunci("aturan"),
                "aturan: templat tanpa `formulir` tidak punya kolom untuk diperiksa".into(),
            );
            return hasil;
        }
        for (i, a) in aturan.iter().enumerate() {
            match crate::dokumen::aturan::urai(a, formulir) {
                Ok(x) => hasil.push(x),
                Err(e) => {
                    // A message that names a key ("akhir: …") points at that key's line.
                    let kunci = e.split_once(": ").map(|(k, _)| k).unwrap_or("");
                    let pos = if !kunci.is_empty()
                        && kunci.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    {
                        self.peta.kunci_butir("aturan", i, kunci)
                    } else {
                        self.peta.butir("aturan", i)
                    };
                    self.catat(pos, format!("aturan[{i}] ({}): {e}", a.jenis.nama()));
                }
            }
        }
        hasil
    }

    /// The numbering of a document type: a known register, and a field of the form (a text
    /// field, or one in each row of a repeated group as `grup[].kolom`).
    pub(super) fn penomoran(&mut self, pn: &skema::PenomoranTemplat, formulir: &[Kolom]) {
        let pos = self.peta.kunci("penomoran");
        if crate::terbit::nomor::Register::dari_slug(&pn.register).is_none() {
            let semua: Vec<&str> = crate::terbit::nomor::Register::SEMUA
                .iter()
                .map(|r| r.slug())
                .collect();
            self.catat(
                pos,
                format!(
                    "penomoran: register `{}` tidak dikenal; pilih dari: {}",
                    pn.register,
                    semua.join(", ")
                ),
            );
        }
        let contoh = pn.kolom.replace("[]", "[0]");
        match crate::dokumen::jalur::urai_jalur(formulir, &contoh, false) {
            Ok(j) if j.kolom.jenis == JenisKolom::Teks => {}
            Ok(_) => self.catat(
                pos,
                format!("penomoran: kolom `{}` harus berjenis teks", pn.kolom),
            ),
            Err(e) => self.catat(pos, format!("penomoran: {e}")),
        }
    }

    pub(super) fn studi_kasus(&mut self, s: &StudiKasus) {
        self.pilihan(
            "jenis_kerja_sama",
            &s.jenis_kerja_sama,
            &skema::JENIS_KERJA_SAMA,
        );
        self.tidak_kosong("hasil", &s.hasil);
        if (self.ada)("bidang") && s.bidang.is_empty() {
            self.catat(
                self.peta.kunci("bidang"),
                "studi kasus harus punya sedikitnya satu bidang".into(),
            );
        }
        self.sumber(&s.sumber);
    }

    pub(super) fn materi(&mut self, x: &Materi) {
        if (self.ada)("urutan") && x.urutan == 0 {
            self.catat(self.peta.kunci("urutan"), "`urutan` dimulai dari 1".into());
        }
        if (self.ada)("durasi") && x.durasi == 0 {
            self.catat(
                self.peta.kunci("durasi"),
                "`durasi` (menit) harus lebih dari 0".into(),
            );
        }
        if (self.ada)("tujuan") && x.tujuan.is_empty() {
            self.catat(
                self.peta.kunci("tujuan"),
                "tuliskan sedikitnya satu tujuan pembelajaran".into(),
            );
        }
        if (self.ada)("kuis") && x.kuis.is_empty() {
            self.catat(
                self.peta.kunci("kuis"),
                "kuis harus memuat sedikitnya satu soal".into(),
            );
        }
        for (i, soal) in x.kuis.iter().enumerate() {
            let pos = self.peta.nilai(
                "kuis",
                soal.pertanyaan
                    .get(..20.min(soal.pertanyaan.len()))
                    .unwrap_or(""),
            );
            if soal.pertanyaan.trim().is_empty() {
                self.catat(pos, format!("kuis[{i}]: pertanyaan kosong"));
            }
            if soal.jawaban.trim().is_empty() {
                self.catat(pos, format!("kuis[{i}]: kunci jawaban kosong"));
            } else if !soal.pilihan.is_empty() {
                let huruf: Vec<String> = (0..soal.pilihan.len())
                    .map(|n| ((b'a' + n as u8) as char).to_string())
                    .collect();
                if soal.pilihan.len() < 2 {
                    self.catat(
                        pos,
                        format!("kuis[{i}]: soal pilihan ganda perlu sedikitnya dua pilihan"),
                    );
                }
                if !huruf.contains(&soal.jawaban.trim().to_lowercase()) {
                    self.catat(
                        pos,
                        format!(
                            "kuis[{i}]: jawaban `{}` harus huruf pilihan ({})",
                            soal.jawaban,
                            huruf.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::Koleksi;
    use super::super::muat::muat_entri;

    /// The problems `check` reports for one entry, as `line: message`.
    fn masalah(koleksi: Koleksi, teks: &str) -> Vec<String> {
        let m = match muat_entri(Path::new("x.md"), koleksi, teks) {
            Ok((_, _, _, m)) => m,
            Err(m) => m,
        };
        m.iter()
            .map(|m| format!("{}: {}", m.baris, m.pesan))
            .collect()
    }

    const REGULASI: &str = "judul: UU Desa\nbentuk: Undang-Undang\nsingkatan_bentuk: UU\n\
        nomor: \"6\"\ntahun: 2014\ntentang: Desa\nteu_badan: Indonesia\nstatus: berlaku\n\
        sumber: https://example.org/uu-6-2014\n";

    /// A form of two dates and one valid rule, on lines 5–9 (line 1 is the `---`).
    const TEMPLAT_ATURAN: &str = "judul: T\ntahap: persiapan\npanduan: x\nformulir:\n  \
        - {nama: a, label: A, jenis: tanggal}\n  - {nama: b, label: B, jenis: tanggal}\naturan:\n  \
        - {jenis: urutan, awal: a, akhir: b, boleh_sama: true, pesan: x}\n";

    #[test]
    fn each_rule_names_its_line() {
        let kasus: &[(Koleksi, String, &str)] = &[
            (Koleksi::Regulasi, REGULASI.into(), ""),
            (
                Koleksi::Regulasi,
                REGULASI.replace("status: berlaku", "status: aktif"),
                "9: `status` bernilai `aktif`",
            ),
            (
                Koleksi::Regulasi,
                REGULASI.replace("tahun: 2014", "tahun: 1800"),
                "6: tahun 1800 tidak masuk akal",
            ),
            (
                Koleksi::Regulasi,
                REGULASI.replace("https://example.org/uu-6-2014", "example.org"),
                "10: sumber `example.org` bukan URL",
            ),
            (
                Koleksi::Regulasi,
                format!("{REGULASI}tanggal_penetapan: 15-01-2014\n"),
                "11: `tanggal_penetapan` bernilai `15-01-2014`",
            ),
            (
                Koleksi::Regulasi,
                format!("{REGULASI}dicabut_dengan: [uu-lain]\n"),
                "tidak boleh berstatus `berlaku`",
            ),
            (
                Koleksi::Regulasi,
                format!("{REGULASI}bidang: [pariwisata]\n"),
                "11: bidang `pariwisata` tidak ada dalam daftar baku",
            ),
            (
                Koleksi::Regulasi,
                format!("{REGULASI}warna: merah\n"),
                "11: kolom `warna` tidak dikenal untuk regulasi",
            ),
            (
                Koleksi::Regulasi,
                REGULASI.replace("teu_badan: Indonesia\n", ""),
                "kolom wajib `teu_badan` belum diisi",
            ),
            (
                Koleksi::Templat,
                "judul: T\ntahap: rapat\npanduan: x\n".into(),
                "3: `tahap` bernilai `rapat`",
            ),
            (
                Koleksi::Templat,
                "judul: T\ntahap: persiapan\npanduan: x\nformulir:\n  - {nama: Nama, label: N, jenis: teks}\n"
                    .into(),
                "nama kolom `Nama` hanya boleh huruf kecil",
            ),
            (
                Koleksi::Templat,
                "judul: T\ntahap: persiapan\npanduan: x\nformulir:\n  - {nama: p, label: P, jenis: pilihan}\n"
                    .into(),
                "berjenis pilihan tetapi tidak punya daftar `pilihan`",
            ),
            (
                Koleksi::Templat,
                "judul: T\ntahap: persiapan\npanduan: x\nformulir:\n  - {nama: p, label: P, jenis: warna}\n"
                    .into(),
                "nilai `warna` tidak dikenal",
            ),
            (
                Koleksi::Templat,
                format!("{TEMPLAT_ATURAN}  - {{jenis: urutan, awal: a, akhir: c, boleh_sama: true, pesan: x}}\n"),
                "10: aturan[1] (urutan): akhir: `c` bukan kolom formulir ini",
            ),
            (
                Koleksi::Templat,
                format!("{TEMPLAT_ATURAN}  - jenis: wajib-bila\n    kolom: [b]\n    pesan: x\n"),
                "10: aturan[1] (wajib-bila): aturan `wajib-bila` memerlukan `bila`",
            ),
            (
                Koleksi::Templat,
                format!("{TEMPLAT_ATURAN}  - {{jenis: lebih-dari, awal: a, pesan: x}}\n"),
                "10: aturan[1].jenis: nilai `lebih-dari` tidak dikenal",
            ),
            (Koleksi::Templat, TEMPLAT_ATURAN.into(), ""),
            (
                Koleksi::Materi,
                "judul: M\nurutan: 0\ndurasi: 60\ntujuan: [a]\nkuis:\n  - {pertanyaan: P?, pilihan: [x, y], jawaban: c}\n"
                    .into(),
                "`urutan` dimulai dari 1",
            ),
            (
                Koleksi::Materi,
                "judul: M\nurutan: 1\ndurasi: 60\ntujuan: [a]\nkuis:\n  - {pertanyaan: P?, pilihan: [x, y], jawaban: c}\n"
                    .into(),
                "jawaban `c` harus huruf pilihan (a, b)",
            ),
            (
                Koleksi::StudiKasus,
                "judul: S\nlokasi: {desa: [A]}\njenis_kerja_sama: lain\nbidang: [budaya]\nhasil: x\nsumber: https://example.org/s\n"
                    .into(),
                "4: `jenis_kerja_sama` bernilai `lain`",
            ),
            (
                Koleksi::Regulasi,
                "judul: &j UU\nbentuk: *j\n".into(),
                "2: anchor (&) dan alias (*) YAML tidak diizinkan",
            ),
        ];
        for (koleksi, yaml, harap) in kasus {
            let teks = format!("---\n{yaml}---\nIsi.\n");
            let m = masalah(*koleksi, &teks);
            if harap.is_empty() {
                assert!(m.is_empty(), "{yaml}: {m:?}");
            } else {
                // Lines count from the file's first line, the `---`.
                assert!(
                    m.iter().any(|x| x.contains(harap)),
                    "{harap:?} not in {m:?} for\n{yaml}"
                );
            }
        }
    }
}
