//! The print options of a request (paper, font, margins), from the API's query or the form's
//! `_kertas`, `_huruf`, `_margin`: parsed once, an error naming the option.

use serde_json::Value;

use super::formulir::Kiriman;
use crate::dokumen::{Huruf, Kertas, Margin, Opsi};

/// A print option a request got wrong: its name (`kertas`, `huruf`, `margin`) and why.
pub(super) struct OpsiSalah {
    pub nama: &'static str,
    pub pesan: String,
}

impl std::fmt::Display for OpsiSalah {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.nama, self.pesan)
    }
}

/// Paper, font and margins from a request; an error names the option.
pub(super) fn opsi_dari(
    kertas: Option<&str>,
    huruf: Option<&str>,
    margin: Option<&str>,
) -> Result<Opsi, OpsiSalah> {
    let salah = |nama: &'static str| {
        move |e: crate::opsi::NilaiTidakSah| OpsiSalah {
            nama,
            pesan: e.to_string(),
        }
    };
    fn isi(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|s| !s.is_empty())
    }
    let mut o = Opsi::default();
    if let Some(k) = isi(kertas) {
        o.kertas = k.parse::<Kertas>().map_err(salah("kertas"))?;
    }
    if let Some(h) = isi(huruf) {
        o.huruf = h.parse::<Huruf>().map_err(salah("huruf"))?;
    }
    if let Some(m) = isi(margin) {
        o.margin = Some(m.parse::<Margin>().map_err(salah("margin"))?);
    }
    Ok(o)
}

/// The print options of a submitted form.
pub(super) fn opsi_kiriman(kiriman: &Kiriman) -> Result<Opsi, OpsiSalah> {
    let teks = |n: &str| kiriman.opsi.get(n).and_then(Value::as_str);
    opsi_dari(teks("kertas"), teks("huruf"), teks("margin"))
}
