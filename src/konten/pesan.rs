//! Parsers' English error messages, said in Indonesian for the people who write content and
//! fill forms.

/// A parser's syntax message said in Indonesian: the first `(English part, Indonesian)` pair of
/// `tabel` whose English part `info` contains; otherwise the parser's own words after an
/// Indonesian lead.
pub fn terjemahkan_sintaks(info: &str, tabel: &[(&str, &str)]) -> String {
    tabel
        .iter()
        .find(|(inggris, _)| info.contains(inggris))
        .map(|(_, indonesia)| indonesia.to_string())
        .unwrap_or_else(|| format!("sintaks salah ({info})"))
}

/// serde's English messages, said in Indonesian.
pub fn terjemahkan_serde(pesan: &str) -> String {
    let pesan = pesan.split(" at line ").next().unwrap_or(pesan);
    // serde_yaml prefixes nested errors with their path: `kuis[0]: missing field ...`.
    if let Some((jalur, sisa)) = pesan.split_once(": ")
        && !jalur.is_empty()
        && !jalur.contains(' ')
    {
        return format!("{jalur}: {}", terjemahkan_serde(sisa));
    }
    let ganti = |s: &str| -> String {
        s.replace("a sequence", "daftar")
            .replace("a string", "teks")
            .replace("a map", "pemetaan (kunci: nilai)")
            .replace("struct ", "")
            .replace("u16", "bilangan bulat")
            .replace("u32", "bilangan bulat")
            .replace("u64", "bilangan bulat")
            .replace("integer", "bilangan")
            .replace("floating point", "pecahan")
            .replace("boolean", "ya/tidak")
            .replace("unit value", "kosong")
            .replace("sequence", "daftar")
            .replace("map", "pemetaan")
            .replace("string", "teks")
            .replace(
                "data did not match any variant of untagged enum SatuAtauBanyak",
                "harus teks atau daftar teks",
            )
            .replace(
                "data did not match any variant of untagged enum TeksAtauAngka",
                "harus teks atau bilangan",
            )
    };
    if let Some(sisa) = pesan.strip_prefix("missing field ") {
        return format!("kolom wajib {} belum diisi", sisa.trim());
    }
    if let Some(sisa) = pesan.strip_prefix("unknown field ") {
        let (nama, _) = sisa.split_once(',').unwrap_or((sisa, ""));
        return format!("kolom {nama} tidak dikenal");
    }
    if let Some(sisa) = pesan.strip_prefix("unknown variant ") {
        let (nama, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        let harus = harus
            .trim_start_matches("one of ")
            .replace('`', "")
            .replace(" or ", ", ");
        return format!("nilai {nama} tidak dikenal; pilih salah satu dari: {harus}");
    }
    if let Some(sisa) = pesan.strip_prefix("invalid type: ") {
        let (ada, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        return format!(
            "jenis nilai salah: {}, seharusnya {}",
            ganti(ada),
            ganti(harus)
        );
    }
    if let Some(sisa) = pesan.strip_prefix("invalid value: ") {
        let (ada, harus) = sisa.split_once(", expected ").unwrap_or((sisa, "?"));
        return format!(
            "nilai tidak sah: {}, seharusnya {}",
            ganti(ada),
            ganti(harus)
        );
    }
    format!("YAML tidak dapat dibaca: {}", ganti(pesan))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_are_indonesian() {
        assert_eq!(
            terjemahkan_serde("missing field `judul`"),
            "kolom wajib `judul` belum diisi"
        );
        assert_eq!(
            terjemahkan_serde("invalid type: string \"x\", expected u16"),
            "jenis nilai salah: teks \"x\", seharusnya bilangan bulat"
        );
    }
}
