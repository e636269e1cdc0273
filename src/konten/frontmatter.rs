//! Splitting a Markdown file into YAML front-matter and body, and finding where a key or value
//! stands in the front-matter so errors can point at `file:line:col`.

/// A Markdown file split at its `---` fences.
#[derive(Debug)]
pub struct Terbelah<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Line number (1-based) of the first YAML line in the file.
    pub baris_awal: usize,
}

/// Why a file could not be split; the line is where the problem is.
#[derive(Debug, PartialEq, Eq)]
pub struct GagalBelah {
    pub baris: usize,
    pub pesan: &'static str,
}

pub fn belah(teks: &str) -> Result<Terbelah<'_>, GagalBelah> {
    let teks = teks.strip_prefix('\u{feff}').unwrap_or(teks);
    let mut baris_baris = teks.split_inclusive('\n');
    let pertama = baris_baris.next().unwrap_or("");
    if pertama.trim_end() != "---" {
        return Err(GagalBelah {
            baris: 1,
            pesan: "berkas harus diawali baris `---` yang membuka front-matter YAML",
        });
    }
    let awal_yaml = pertama.len();
    let mut posisi = awal_yaml;
    for baris in baris_baris {
        if baris.trim_end() == "---" {
            return Ok(Terbelah {
                yaml: &teks[awal_yaml..posisi],
                body: &teks[posisi + baris.len()..],
                baris_awal: 2,
            });
        }
        posisi += baris.len();
    }
    Err(GagalBelah {
        baris: 1,
        pesan: "front-matter tidak ditutup: tambahkan baris `---` setelah kolom terakhir",
    })
}

/// Finds keys and values in front-matter text by their written form. Used only to point at the
/// right place in an error message, so a miss falls back to the key's line.
pub struct Peta<'a> {
    baris: Vec<&'a str>,
    offset: usize,
}

impl<'a> Peta<'a> {
    pub fn new(yaml: &'a str, baris_awal: usize) -> Self {
        Peta {
            baris: yaml.lines().collect(),
            offset: baris_awal,
        }
    }

    /// Line and column of a top-level key, or of the opening fence when it is absent.
    pub fn kunci(&self, kunci: &str) -> (usize, usize) {
        self.indeks_kunci(kunci)
            .map(|i| (i + self.offset, 1))
            .unwrap_or((1, 1))
    }

    fn indeks_kunci(&self, kunci: &str) -> Option<usize> {
        self.baris.iter().position(|b| {
            b.strip_prefix(kunci)
                .is_some_and(|sisa| sisa.trim_start().starts_with(':'))
        })
    }

    /// Line and column of the `i`-th item (from 0) of the list under top-level `kunci`: the
    /// `- ` markers least indented below the key. The key's line if there are fewer items.
    pub fn butir(&self, kunci: &str, i: usize) -> (usize, usize) {
        match self.rentang_butir(kunci, i) {
            Some((n, x, _)) => (n + self.offset, x + 1),
            None => self.kunci(kunci),
        }
    }

    /// Line and column of key `sub` inside the `i`-th item of the list under `kunci`; the item's
    /// line when it is not written there on a line of its own.
    pub fn kunci_butir(&self, kunci: &str, i: usize, sub: &str) -> (usize, usize) {
        let Some((awal, _, akhir)) = self.rentang_butir(kunci, i) else {
            return self.kunci(kunci);
        };
        for n in awal..akhir {
            let b = self.baris[n];
            let isi = b.trim_start().trim_start_matches("- ");
            if isi
                .strip_prefix(sub)
                .is_some_and(|sisa| sisa.trim_start().starts_with(':'))
            {
                return (n + self.offset, b.len() - isi.len() + 1);
            }
        }
        self.butir(kunci, i)
    }

    /// Line index and indentation of the `i`-th item's marker, and the line index where the item
    /// ends (exclusive).
    fn rentang_butir(&self, kunci: &str, i: usize) -> Option<(usize, usize, usize)> {
        let mulai = self.indeks_kunci(kunci)?;
        let mut penanda: Vec<(usize, usize)> = Vec::new();
        let mut akhir_blok = self.baris.len();
        for (n, b) in self.baris.iter().enumerate().skip(mulai + 1) {
            if !b.starts_with([' ', '\t', '-', '#']) && !b.trim().is_empty() {
                akhir_blok = n;
                break;
            }
            let isi = b.trim_start();
            if isi == "-" || isi.starts_with("- ") {
                penanda.push((n, b.len() - isi.len()));
            }
        }
        let indentasi = penanda.iter().map(|(_, x)| *x).min()?;
        let atas: Vec<usize> = penanda
            .into_iter()
            .filter(|(_, x)| *x == indentasi)
            .map(|(n, _)| n)
            .collect();
        let awal = *atas.get(i)?;
        Some((
            awal,
            indentasi,
            atas.get(i + 1).copied().unwrap_or(akhir_blok),
        ))
    }

    /// Line and column of `nilai` written under top-level `kunci`; the key's line if not found.
    pub fn nilai(&self, kunci: &str, nilai: &str) -> (usize, usize) {
        let Some(mulai) = self.indeks_kunci(kunci) else {
            return (1, 1);
        };
        for (i, b) in self.baris.iter().enumerate().skip(mulai) {
            if i > mulai && !b.starts_with([' ', '\t', '-', '#']) && !b.trim().is_empty() {
                break;
            }
            let isi = if i == mulai { &b[kunci.len()..] } else { b };
            if let Some(kolom) = isi.find(nilai) {
                let kolom = kolom + (b.len() - isi.len());
                return (i + self.offset, b[..kolom].chars().count() + 1);
            }
        }
        (mulai + self.offset, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let t = belah("---\njudul: A\n---\nIsi\n").expect("valid");
        assert_eq!(t.yaml, "judul: A\n");
        assert_eq!(t.body, "Isi\n");
    }

    #[test]
    fn accepts_crlf_and_bom() {
        let t = belah("\u{feff}---\r\njudul: A\r\n---\r\nIsi").expect("valid");
        assert_eq!(t.yaml, "judul: A\r\n");
        assert_eq!(t.body, "Isi");
    }

    #[test]
    fn body_may_be_empty_and_contain_fences() {
        assert_eq!(belah("---\na: 1\n---").expect("valid").body, "");
        let t = belah("---\na: 1\n---\nx\n---\ny\n").expect("valid");
        assert_eq!(t.body, "x\n---\ny\n");
    }

    #[test]
    fn errors_on_missing_opening_fence() {
        assert_eq!(belah("judul: A\n").unwrap_err().baris, 1);
    }

    #[test]
    fn errors_on_missing_closing_fence() {
        let e = belah("---\njudul: A\nIsi\n").unwrap_err();
        assert!(e.pesan.contains("tidak ditutup"));
    }

    #[test]
    fn locates_keys_and_values() {
        let yaml = "judul: A\nbidang:\n  - budaya\n  - salah\nstatus: x\n";
        let p = Peta::new(yaml, 2);
        assert_eq!(p.kunci("bidang"), (3, 1));
        assert_eq!(p.nilai("bidang", "salah"), (5, 5));
        assert_eq!(p.nilai("status", "x"), (6, 9));
        assert_eq!(p.kunci("tidak-ada"), (1, 1));
    }

    #[test]
    fn locates_list_items() {
        let yaml = "aturan:\n  - {jenis: a}\n  - jenis: b\n    kolom:\n      - x\n  - jenis: c\nversi: 1\n";
        let p = Peta::new(yaml, 2);
        assert_eq!(p.butir("aturan", 0), (3, 3));
        assert_eq!(p.butir("aturan", 1), (4, 3));
        assert_eq!(p.butir("aturan", 2), (7, 3));
        assert_eq!(p.butir("aturan", 3), (2, 1));
        assert_eq!(p.kunci_butir("aturan", 1, "kolom"), (5, 5));
        assert_eq!(p.kunci_butir("aturan", 2, "jenis"), (7, 5));
        assert_eq!(
            p.kunci_butir("aturan", 0, "jenis"),
            (3, 3),
            "a flow item: its line"
        );
    }
}
