use super::*;

fn skema() -> Vec<Kolom> {
    serde_yaml::from_str(
        r#"
- {nama: judul, label: Judul, jenis: teks, wajib: true, maks: 20}
- {nama: tanggal, label: Tanggal, jenis: tanggal, wajib: true}
- {nama: nilai, label: Nilai, jenis: rupiah}
- {nama: setuju, label: Setuju, jenis: ya-tidak}
- {nama: kertas, label: Kertas, jenis: pilihan, pilihan: [a4, f4], bawaan: a4}
- nama: desa
  label: Desa
  jenis: grup
  ulang: true
  min: 2
  kolom:
    - {nama: nama, label: Nama desa, jenis: teks, wajib: true}
    - {nama: kepala_desa, label: Kepala desa, jenis: teks, wajib: true}
"#,
    )
    .expect("schema")
}

#[test]
fn reports_every_problem_with_its_path() {
    let data = serde_json::json!({
        "judul": "x".repeat(30),
        "tanggal": "2025-02-30",
        "nilai": "-5",
        "kertas": "legal",
        "warna": "merah",
        "desa": [{"nama": "A", "kepala_desa": "B"}, {"nama": "C"}],
    });
    let g = periksa(&skema(), &[], &data).unwrap_err();
    let jalur: Vec<&str> = g.iter().map(|g| g.jalur.as_str()).collect();
    for j in [
        "judul",
        "tanggal",
        "nilai",
        "kertas",
        "warna",
        "desa[1].kepala_desa",
    ] {
        assert!(jalur.contains(&j), "{j} in {jalur:?}");
    }
}

#[test]
fn normalizes_valid_data() {
    let data = serde_json::json!({
        "judul": "  Kerja   sama ",
        "tanggal": "2025-07-11",
        "nilai": "Rp1.500.000,00",
        "setuju": "ya",
        "desa": [{"nama": "A", "kepala_desa": "B"}, {"nama": "C", "kepala_desa": "D"}, {}],
    });
    let v = periksa(&skema(), &[], &data).expect("valid").isian;
    assert_eq!(v["judul"], "Kerja sama");
    assert_eq!(v["nilai"], 1_500_000);
    assert_eq!(v["setuju"], true);
    assert_eq!(v["kertas"], "a4", "default applied");
    assert_eq!(
        v["desa"].as_array().map(Vec::len),
        Some(2),
        "empty rows dropped"
    );
}

#[test]
fn numbers_are_whole_and_bounded() {
    let kolom: Vec<Kolom> = serde_yaml::from_str(
        "- {nama: n, label: Tahun, jenis: angka, min: 1, maks: 30}\n- {nama: r, label: Nilai, jenis: rupiah}",
    )
    .expect("schema");
    for (data, jalur) in [
        (serde_json::json!({"n": 2.5}), "n"),
        (serde_json::json!({"n": 0}), "n"),
        (serde_json::json!({"n": 31}), "n"),
        (serde_json::json!({"r": 1e16}), "r"),
        (serde_json::json!({"r": "Rp1.000.000.000.000.000,00"}), "r"),
    ] {
        let g = periksa(&kolom, &[], &data).expect_err("refused");
        assert_eq!(g[0].jalur, jalur, "{data}");
    }
    let v = periksa(
        &kolom,
        &[],
        &serde_json::json!({"n": "30", "r": 999_999_999_999_999u64}),
    )
    .expect("valid")
    .isian;
    assert_eq!(v["n"], 30);
}

#[test]
fn too_few_repeated_items() {
    let data = serde_json::json!({"judul": "x", "tanggal": "2025-07-11",
                                  "desa": [{"nama": "A", "kepala_desa": "B"}]});
    let g = periksa(&skema(), &[], &data).unwrap_err();
    assert_eq!(g[0].jalur, "desa");
}
