use super::*;
use crate::konten::Kolom;
use serde_json::json;

fn formulir() -> Vec<Kolom> {
    serde_yaml::from_str(
        r#"
- {nama: jenis, label: Jenis, jenis: pilihan, pilihan: [satu, banyak], bawaan: satu}
- {nama: mulai, label: Mulai, jenis: tanggal}
- {nama: akhir, label: Akhir, jenis: tanggal}
- {nama: tahun, label: Tahun, jenis: angka}
- {nama: jam_mulai, label: Jam mulai, jenis: teks}
- {nama: jam_selesai, label: Jam selesai, jenis: teks}
- {nama: wakil, label: Wakil per desa, jenis: angka}
- {nama: aktif, label: Aktif, jenis: ya-tidak}
- {nama: catatan, label: Catatan, jenis: teks}
- nama: perdes
  label: Perdes
  jenis: grup
  kolom:
    - {nama: nomor, label: Nomor, jenis: teks}
    - {nama: tahun, label: Tahun, jenis: angka}
- nama: desa
  label: Desa
  jenis: grup
  ulang: true
  kolom:
    - {nama: nama, label: Nama, jenis: teks}
    - {nama: catatan, label: Catatan, jenis: teks}
- nama: pengurus
  label: Pengurus
  jenis: grup
  ulang: true
  kolom:
    - {nama: jabatan, label: Jabatan, jenis: teks}
    - {nama: asal, label: Asal, jenis: teks}
"#,
    )
    .expect("schema")
}

fn aturan(yaml: &str) -> Result<Aturan, String> {
    let m: AturanMentah = serde_yaml::from_str(yaml).map_err(|e| e.to_string())?;
    urai(&m, &formulir())
}

fn jalur(yaml: &str, data: Value) -> Vec<(String, String)> {
    let a = aturan(yaml).expect("a valid rule");
    periksa(&[a], &data)
        .into_iter()
        .map(|g| (g.jalur, g.pesan))
        .collect()
}

#[test]
fn dates_in_order() {
    let r =
        "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: Akhir sebelum mulai.}";
    assert_eq!(
        jalur(r, json!({"mulai": "2025-07-02", "akhir": "2025-07-01"})),
        [("akhir".into(), "Akhir sebelum mulai.".into())]
    );
    assert!(jalur(r, json!({"mulai": "2025-07-01", "akhir": "2025-07-01"})).is_empty());
    assert!(jalur(r, json!({"mulai": "2025-07-01", "akhir": null})).is_empty());
    let ketat = r.replace("boleh_sama: true", "boleh_sama: false, pada: mulai");
    assert_eq!(
        jalur(
            &ketat,
            json!({"mulai": "2025-07-01", "akhir": "2025-07-01"})
        )[0]
        .0,
        "mulai"
    );
}

#[test]
fn times_of_day_in_order() {
    let r = "{jenis: urutan, awal: jam_mulai, akhir: jam_selesai, boleh_sama: false, pesan: x}";
    assert_eq!(
        jalur(r, json!({"jam_mulai": "13.00", "jam_selesai": "12.30"})).len(),
        1
    );
    assert!(jalur(r, json!({"jam_mulai": "9.00", "jam_selesai": "12:30"})).is_empty());
    let g = jalur(r, json!({"jam_mulai": "pagi", "jam_selesai": "12.30"}));
    assert_eq!(g[0].0, "jam_mulai");
    assert!(g[0].1.contains("JJ.MM"), "{g:?}");
}

#[test]
fn all_or_none_required_when_and_only_when() {
    let r = "{jenis: lengkap-bersama, kolom: [perdes.nomor, perdes.tahun], pesan: Isi bersama.}";
    assert_eq!(
        jalur(r, json!({"perdes": {"nomor": "3", "tahun": null}})),
        [("perdes.tahun".into(), "Isi bersama.".into())]
    );
    assert!(jalur(r, json!({"perdes": null})).is_empty());

    let r = "{jenis: wajib-bila, kolom: [catatan, 'desa[].catatan', desa], bila: {kolom: jenis, sama: banyak}, pesan: Wajib.}";
    let g = jalur(
        r,
        json!({"jenis": "banyak", "desa": [{"nama": "A", "catatan": "x"}, {"nama": "B"}]}),
    );
    let p: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(p, ["catatan", "desa[1].catatan"]);
    assert_eq!(
        jalur(r, json!({"jenis": "banyak", "desa": []}))[1].0,
        "desa"
    );
    assert!(jalur(r, json!({"jenis": "satu"})).is_empty());

    let r = "{jenis: hanya-bila, kolom: [catatan, 'desa[].catatan'], bila: {kolom: aktif, sama: true}, pesan: Hanya bila aktif.}";
    let data = json!({"aktif": false, "catatan": "x", "desa": [{"catatan": ""}, {"catatan": "y"}]});
    let p: Vec<String> = jalur(r, data.clone()).into_iter().map(|x| x.0).collect();
    assert_eq!(p, ["catatan", "desa[1].catatan"]);
    let mut aktif = data;
    aktif["aktif"] = json!(true);
    assert!(jalur(r, aktif).is_empty());
}

#[test]
fn unique_membership_counts_and_contents() {
    let desa = json!([{"nama": "Sukamaju"}, {"nama": " sukamaju "}, {"nama": "Mekarwangi"}]);
    let r = "{jenis: unik, kolom: 'desa[].nama', pesan: 'Desa {nilai} sudah ada.'}";
    assert_eq!(
        jalur(r, json!({"desa": desa})),
        [("desa[1].nama".into(), "Desa sukamaju sudah ada.".into())]
    );

    let r = "{jenis: termasuk, kolom: 'pengurus[].asal', dari: 'desa[].nama', pesan: '{nilai} bukan desa pembentuk.'}";
    let data = json!({"desa": desa, "pengurus": [{"asal": "Mekarwangi"}, {"asal": "Cibeureum"}]});
    assert_eq!(
        jalur(r, data.clone()),
        [(
            "pengurus[1].asal".into(),
            "Cibeureum bukan desa pembentuk.".into()
        )]
    );
    let r = "{jenis: berbeda, kolom: catatan, dari: 'desa[].nama', pesan: 'Sama dengan {nilai}.'}";
    assert_eq!(
        jalur(r, json!({"desa": desa, "catatan": "MEKARWANGI"})).len(),
        1
    );

    let r = "{jenis: jumlah-per-nilai, kolom: 'pengurus[].asal', untuk: 'desa[].nama', sama_dengan: wakil, pesan: 'Desa {nilai}: {jumlah} wakil, harus {harus}.'}";
    let g = jalur(
        r,
        json!({"wakil": 1, "desa": desa, "pengurus": [{"asal": "Mekarwangi"}, {"asal": "Mekarwangi"}]}),
    );
    assert_eq!(
        g,
        [
            ("pengurus".into(), "Desa Sukamaju: 0 wakil, harus 1.".into()),
            (
                "pengurus".into(),
                "Desa Mekarwangi: 2 wakil, harus 1.".into()
            ),
        ]
    );

    let r = "{jenis: memuat, kolom: 'pengurus[].jabatan', nilai: [Ketua, Bendahara], pesan: 'Tidak ada {nilai}.'}";
    assert_eq!(
        jalur(
            r,
            json!({"pengurus": [{"jabatan": "ketua"}, {"jabatan": "Anggota"}]})
        ),
        [("pengurus".into(), "Tidak ada Bendahara.".into())]
    );
}

#[test]
fn term_matches_the_dates() {
    let r = "{jenis: jangka-waktu, mulai: mulai, berakhir: akhir, tahun: tahun, pesan: '{tahun} ({tahun_terbilang}) tahun sejak {mulai} berakhir {seharusnya}, bukan {berakhir}.'}";
    for akhir in ["2028-07-31", "2028-08-01"] {
        assert!(
            jalur(
                r,
                json!({"mulai": "2025-08-01", "akhir": akhir, "tahun": 3})
            )
            .is_empty(),
            "{akhir}"
        );
    }
    assert_eq!(
        jalur(
            r,
            json!({"mulai": "2025-08-01", "akhir": "2027-07-31", "tahun": 3})
        ),
        [(
            "akhir".into(),
            "3 (tiga) tahun sejak 1 Agustus 2025 berakhir 31 Juli 2028, bukan 31 Juli 2027.".into()
        )]
    );
    // 29 February: the anniversary in a common year is 28 February.
    assert!(
        jalur(
            r,
            json!({"mulai": "2024-02-29", "akhir": "2025-02-27", "tahun": 1})
        )
        .is_empty()
    );
}

#[test]
fn rows_counted_when_a_choice_holds() {
    let r = "{jenis: jumlah-baris, kolom: desa, min: 2, bila: {kolom: jenis, sama: banyak}, pesan: 'Paling sedikit {min}, ada {jumlah}.'}";
    assert_eq!(
        jalur(r, json!({"jenis": "banyak", "desa": [{"nama": "A"}]})),
        [("desa".into(), "Paling sedikit 2, ada 1.".into())]
    );
    assert!(jalur(r, json!({"jenis": "satu", "desa": [{"nama": "A"}]})).is_empty());
    let r = "{jenis: jumlah-baris, kolom: desa, maks: 1, bila: {kolom: catatan, terisi: false}, pesan: Satu saja.}";
    assert_eq!(jalur(r, json!({"desa": [{}, {}]})).len(), 1);
    assert!(jalur(r, json!({"catatan": "x", "desa": [{}, {}]})).is_empty());
}

#[test]
fn wrong_rules_say_what_is_wrong() {
    for (yaml, harap) in [
        (
            "{jenis: urutan, awal: mulai, akhir: selesai, boleh_sama: true, pesan: x}",
            "`selesai` bukan kolom",
        ),
        (
            "{jenis: urutan, awal: mulai, akhir: tahun, boleh_sama: true, pesan: x}",
            "keduanya tanggal",
        ),
        (
            "{jenis: urutan, awal: mulai, akhir: akhir, pesan: x}",
            "boleh_sama",
        ),
        (
            "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: x, kolom: [a]}",
            "`kolom` tidak dipakai",
        ),
        ("{jenis: unik, kolom: desa.nama, pesan: x}", "grup berulang"),
        (
            "{jenis: unik, kolom: 'perdes[].nomor', pesan: x}",
            "bukan grup berulang",
        ),
        ("{jenis: unik, kolom: catatan, pesan: x}", "setiap baris"),
        (
            "{jenis: unik, kolom: 'desa[].nama', pesan: 'Ada {jumlah}.'}",
            "`{jumlah}` tidak dikenal",
        ),
        (
            "{jenis: urutan, awal: mulai, akhir: akhir, boleh_sama: true, pesan: 'Ada {nilai}.'}",
            "tidak memakai isian",
        ),
        (
            "{jenis: wajib-bila, kolom: [catatan], pesan: x}",
            "memerlukan `bila`",
        ),
        (
            "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: jenis, sama: tiga}, pesan: x}",
            "bukan pilihan",
        ),
        (
            "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: aktif, sama: ya}, pesan: x}",
            "true atau false",
        ),
        (
            "{jenis: wajib-bila, kolom: [catatan], bila: {kolom: jenis}, pesan: x}",
            "tepat satu",
        ),
        (
            "{jenis: jangka-waktu, mulai: mulai, berakhir: akhir, tahun: catatan, pesan: x}",
            "memerlukan angka",
        ),
        (
            "{jenis: jumlah-baris, kolom: catatan, min: 1, pesan: x}",
            "grup berulang atau daftar",
        ),
        (
            "{jenis: jumlah-baris, kolom: desa, min: 3, maks: 2, pesan: x}",
            "lebih besar",
        ),
        (
            "{jenis: lengkap-bersama, kolom: [catatan], pesan: x}",
            "sedikitnya 2",
        ),
        (
            "{jenis: memuat, kolom: 'pengurus[].jabatan', pesan: x}",
            "memerlukan `nilai`",
        ),
        (
            "{jenis: termasuk, kolom: catatan, dari: 'desa[].nama', pesan: '  '}",
            "`pesan` tidak boleh kosong",
        ),
        (
            "{jenis: termasuk, kolom: catatan, dari: 'desa[].nama', pesan: 'a {nilai'}",
            "tanpa `}`",
        ),
    ] {
        let e = aturan(yaml).expect_err(yaml);
        assert!(e.contains(harap), "{harap:?} in {e:?} for {yaml}");
    }
    let e = serde_yaml::from_str::<AturanMentah>("{jenis: lebih-dari, pesan: x}")
        .expect_err("unknown kind")
        .to_string();
    assert!(e.contains("lebih-dari"), "{e}");
}
