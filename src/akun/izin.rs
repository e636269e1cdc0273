//! Who may read or write a village's data: the one place that decides it. An operator works on
//! their own village; an admin on every village of their kabupaten. The public (no account)
//! reads only what is published.

use super::{Pengguna, Peran};

/// Whether `p` may read and write the data of village `kode_desa`.
pub fn boleh_desa(p: &Pengguna, kode_desa: &str) -> bool {
    if !p.aktif {
        return false;
    }
    match p.peran {
        Peran::Operator => p.kode_wilayah == kode_desa,
        Peran::Admin => kode_desa
            .strip_prefix(p.kode_wilayah.as_str())
            .is_some_and(|sisa| sisa.starts_with('.')),
    }
}

/// Whether `p` may act for every one of `kode_desa` (a Peraturan Bersama names several).
pub fn boleh_semua(p: &Pengguna, kode_desa: &[String]) -> bool {
    !kode_desa.is_empty() && kode_desa.iter().all(|k| boleh_desa(p, k))
}

/// Whether `p` may see the DPMD's records of kabupaten `kode_kabupaten`.
pub fn boleh_kabupaten(p: &Pengguna, kode_kabupaten: &str) -> bool {
    p.aktif && p.peran == Peran::Admin && p.kode_wilayah == kode_kabupaten
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(peran: Peran, kode: &str) -> Pengguna {
        Pengguna {
            id: "x".into(),
            nama: "x".into(),
            peran,
            kode_wilayah: kode.into(),
            aktif: true,
        }
    }

    #[test]
    fn operators_their_village_admins_their_kabupaten() {
        let op = p(Peran::Operator, "32.05.03.2001");
        let admin = p(Peran::Admin, "32.05");
        for (siapa, desa, boleh) in [
            (&op, "32.05.03.2001", true),
            (&op, "32.05.03.2002", false),
            (&admin, "32.05.03.2001", true),
            (&admin, "32.05.04.2001", true),
            (&admin, "32.06.01.2001", false),
            // Not fooled by a code that merely starts with the same digits.
            (&admin, "32.050.03.2001", false),
        ] {
            assert_eq!(
                boleh_desa(siapa, desa),
                boleh,
                "{} {desa}",
                siapa.kode_wilayah
            );
        }
        let mut nonaktif = op.clone();
        nonaktif.aktif = false;
        assert!(!boleh_desa(&nonaktif, "32.05.03.2001"));
        assert!(boleh_kabupaten(&admin, "32.05") && !boleh_kabupaten(&op, "32.05"));
        assert!(!boleh_semua(
            &op,
            &["32.05.03.2001".into(), "32.05.03.2002".into()]
        ));
        assert!(boleh_semua(
            &admin,
            &["32.05.03.2001".into(), "32.05.03.2002".into()]
        ));
    }
}
