//! Progress of an index build on stderr.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use sinergi::search::generasi::Kemajuan;

/// Progress of an index build on stderr: a bar on a terminal, a line every 500 files otherwise.
pub struct Laporan {
    terminal: bool,
    bar: Option<ProgressBar>,
    selesai: u64,
    total: u64,
}

impl Laporan {
    pub fn baru() -> Laporan {
        Laporan {
            terminal: std::io::stderr().is_terminal(),
            bar: None,
            selesai: 0,
            total: 0,
        }
    }

    pub fn lapor(&mut self, k: Kemajuan) {
        match k {
            Kemajuan::Membangun(alasan) => eprintln!("{alasan}"),
            Kemajuan::Mulai(n) => {
                self.total = n;
                eprintln!("Mengindeks korpus: {n} berkas…");
                if self.terminal {
                    let b = ProgressBar::new(n);
                    b.set_style(
                        ProgressStyle::with_template("{bar:40} {pos}/{len} berkas ({eta} lagi)")
                            .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    );
                    self.bar = Some(b);
                }
            }
            Kemajuan::Maju => {
                self.selesai += 1;
                match &self.bar {
                    Some(b) => b.inc(1),
                    None if self.selesai.is_multiple_of(500) || self.selesai == self.total => {
                        eprintln!("  {}/{} berkas", self.selesai, self.total)
                    }
                    None => {}
                }
            }
            Kemajuan::Dilewati(g) => {
                let pesan = format!("dilewati: {g}");
                match &self.bar {
                    Some(b) => b.println(pesan),
                    None => eprintln!("{pesan}"),
                }
            }
        }
    }

    pub fn selesai(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}
