//! YAML written by people we do not control (API bodies, `--data` files, `acara.yaml`, content
//! front-matter). Anchors and aliases are refused before `serde_yaml` sees the text: it bounds
//! how often an alias may be repeated, not how many bytes the repetitions expand to, so a
//! 230 KB body could ask for gigabytes. Nobody needs them to fill a form or write an entry.

use serde::de::DeserializeOwned;

/// Why a YAML text was not read. Lines are 1-based, within the text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatYaml {
    #[error(
        "baris {baris}: anchor (&) dan alias (*) YAML tidak diizinkan; tulis nilainya langsung"
    )]
    Alias { baris: usize, kolom: usize },
    #[error("baris {baris}: YAML tidak dapat dibaca: {pesan}")]
    Sintaks {
        baris: usize,
        kolom: usize,
        pesan: String,
    },
}

impl GalatYaml {
    /// (line, column), both 1-based.
    pub fn letak(&self) -> (usize, usize) {
        match self {
            GalatYaml::Alias { baris, kolom } | GalatYaml::Sintaks { baris, kolom, .. } => {
                (*baris, *kolom)
            }
        }
    }
}

/// Refuses the first anchor or alias in `teks`. Reads events only; nothing is expanded.
pub fn tanpa_alias(teks: &str) -> Result<(), GalatYaml> {
    use saphyr_parser::{Event, Parser};
    for hasil in Parser::new_from_str(teks) {
        let (event, span) = hasil.map_err(|e| GalatYaml::Sintaks {
            baris: e.marker().line(),
            kolom: e.marker().col() + 1,
            pesan: e.info().to_string(),
        })?;
        let berjangkar = match event {
            Event::Alias(_) => true,
            Event::Scalar(_, _, jangkar, _)
            | Event::SequenceStart(jangkar, _)
            | Event::MappingStart(jangkar, _) => jangkar != 0,
            _ => false,
        };
        if berjangkar {
            return Err(GalatYaml::Alias {
                baris: span.start.line(),
                kolom: span.start.col() + 1,
            });
        }
    }
    Ok(())
}

/// Parses `teks` as `T` after refusing anchors and aliases.
pub fn baca<T: DeserializeOwned>(teks: &str) -> Result<T, GalatYaml> {
    tanpa_alias(teks)?;
    serde_yaml::from_str(teks).map_err(|e| {
        let (baris, kolom) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        GalatYaml::Sintaks {
            baris,
            kolom,
            pesan: crate::konten::skema::terjemahkan_serde(&e.to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_yaml_is_read() {
        let v: serde_json::Value =
            baca("nama: Toko A&B *baru*\ndaftar: [a, b]\nteks: \"&x *y\"\n").expect("valid");
        assert_eq!(v["nama"], "Toko A&B *baru*");
        assert_eq!(v["teks"], "&x *y");
    }

    #[test]
    fn anchors_and_aliases_are_refused_with_their_line() {
        let teks = "a: 1\nb: &x \"panjang\"\nc: [*x, *x]\n";
        assert_eq!(
            tanpa_alias(teks),
            Err(GalatYaml::Alias { baris: 2, kolom: 4 })
        );
        let e = baca::<serde_json::Value>("- &a [1, 2]\n- *a\n").unwrap_err();
        assert!(e.to_string().contains("alias"), "{e}");
    }

    #[test]
    fn alias_expansion_attack_costs_nothing() {
        let mut teks = format!("a: &a \"{}\"\nb: [", "x".repeat(200_000));
        for _ in 0..10_000 {
            teks.push_str("*a, ");
        }
        teks.push_str("]\n");
        assert!(matches!(
            baca::<serde_json::Value>(&teks),
            Err(GalatYaml::Alias { baris: 1, .. })
        ));
    }

    #[test]
    fn syntax_errors_say_where() {
        let e = baca::<serde_json::Value>("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(matches!(e, GalatYaml::Sintaks { .. }), "{e:?}");
    }
}
