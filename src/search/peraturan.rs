//! The index documents of the full-text regulations of the corpus: one per readable part (an
//! article, the Penjelasan of an article, the opening and closing), with what the curated
//! content says about them (key articles, status).

use std::collections::HashMap;

use tantivy::TantivyDocument;
use tantivy::schema::Facet;

use super::index::{BOBOT_PASAL_KUNCI, Fields, PERATURAN, potong_bagian, teks_cari};
use crate::konten::{Data, Konten};
use crate::korpus::{Peraturan, RE_PASAL};

/// What the curated content says about regulations of the corpus: the summaries of their key
/// articles (which also mark those articles for the prior) and their status.
pub(crate) struct Kurasi {
    /// `uu-6-2014#pasal-92` → the curated summaries of that article.
    pasal_kunci: HashMap<String, Vec<String>>,
    /// `uu-6-2014` → `berlaku` or `tidak berlaku`, as the curated entry records it.
    status: HashMap<String, String>,
}

impl Kurasi {
    pub(crate) fn dari(konten: &Konten) -> Kurasi {
        let mut k = Kurasi {
            pasal_kunci: HashMap::new(),
            status: HashMap::new(),
        };
        for e in konten.semua() {
            let Data::Regulasi(r) = &e.data else { continue };
            let Some(id) = r.id_korpus() else { continue };
            k.status.insert(id.clone(), r.status.clone());
            for p in &r.pasal_kunci {
                k.pasal_kunci
                    .entry(format!("{id}#pasal-{}", p.pasal.trim().to_lowercase()))
                    .or_default()
                    .push(p.ringkasan.clone());
            }
        }
        k
    }
}

/// The Penjelasan cut into its general part and one part per article (`Pasal 92` on a line of
/// its own after the general part), each article's with its anchor `penjelasan-pasal-92`
/// (`-2`, `-3` when a number repeats, as the articles' own anchors do).
fn potong_penjelasan(teks: &str) -> (String, Vec<(String, String, String)>) {
    let mut umum = String::new();
    let mut pasal: Vec<(String, String, String)> = Vec::new();
    let mut kali: HashMap<String, usize> = HashMap::new();
    for baris in teks.lines() {
        if let Some(c) = RE_PASAL.captures(baris.trim()) {
            let nomor = c[1].to_string();
            let n = kali.entry(nomor.clone()).or_default();
            *n += 1;
            let mut anchor = format!("penjelasan-pasal-{}", nomor.to_lowercase());
            if *n > 1 {
                anchor = format!("{anchor}-{n}");
            }
            pasal.push((anchor, nomor, String::new()));
            continue;
        }
        let sasaran = match pasal.last_mut() {
            Some(p) => &mut p.2,
            None => &mut umum,
        };
        sasaran.push_str(baris);
        sasaran.push('\n');
    }
    (umum, pasal)
}

/// One readable part of a regulation before it is cut into index documents.
struct Bagian<'a> {
    anchor: String,
    label: String,
    konteks: &'a str,
    teks: std::borrow::Cow<'a, str>,
    /// The anchor of this article's explanation, if it has one.
    penjelasan: Option<String>,
}

pub(super) fn dokumen_peraturan(
    f: &Fields,
    p: &Peraturan,
    kurasi: &Kurasi,
) -> Vec<TantivyDocument> {
    let judul = p.judul();
    let sebutan = format!(
        "{} {} Nomor {} Tahun {} {}",
        p.singkat(),
        p.singkatan,
        p.nomor,
        p.tahun,
        p.tentang
    );
    let mut hasil = Vec::with_capacity(p.pasal.len() + 2);
    let mut urutan = 0u64;
    let (umum, penjelasan_pasal) = match &p.penjelasan {
        Some(pj) => potong_penjelasan(pj),
        None => (String::new(), Vec::new()),
    };
    let ada_penjelasan: std::collections::HashSet<&str> = penjelasan_pasal
        .iter()
        .map(|(a, _, _)| a.as_str())
        .collect();
    let mut bagian: Vec<Bagian> = vec![Bagian {
        anchor: String::new(),
        label: judul.clone(),
        konteks: "",
        teks: p.pembukaan.as_str().into(),
        penjelasan: None,
    }];
    for ps in &p.pasal {
        let pj = format!("penjelasan-{}", ps.anchor);
        bagian.push(Bagian {
            anchor: ps.anchor.clone(),
            label: format!("Pasal {}", ps.nomor),
            konteks: &ps.konteks,
            teks: ps.teks.as_str().into(),
            penjelasan: ada_penjelasan.contains(pj.as_str()).then_some(pj),
        });
    }
    if p.penjelasan.is_some() {
        bagian.push(Bagian {
            anchor: "penjelasan".into(),
            label: "Penutup dan Penjelasan".into(),
            konteks: "",
            teks: umum.into(),
            penjelasan: None,
        });
        for (anchor, nomor, teks) in penjelasan_pasal {
            bagian.push(Bagian {
                anchor,
                label: format!("Penjelasan Pasal {nomor}"),
                konteks: "",
                teks: teks.into(),
                penjelasan: None,
            });
        }
    }
    let status = kurasi.status.get(&p.id).cloned().unwrap_or_default();
    for b in bagian {
        let kunci_pasal = if b.anchor.is_empty() {
            None
        } else {
            kurasi.pasal_kunci.get(&format!("{}#{}", p.id, b.anchor))
        };
        let ringkasan_kunci = kunci_pasal.map(|r| r.join("\n")).unwrap_or_default();
        for (k, potongan) in potong_bagian(&b.teks).into_iter().enumerate() {
            let mut d = TantivyDocument::default();
            let anchor = &b.anchor;
            let mut id = if anchor.is_empty() {
                p.id.clone()
            } else {
                format!("{}#{anchor}", p.id)
            };
            if k > 0 {
                id = format!("{id}@{}", k + 1);
            }
            let url = if anchor.is_empty() {
                format!("/{PERATURAN}/{}", p.id)
            } else {
                format!("/{PERATURAN}/{}#{anchor}", p.id)
            };
            d.add_text(f.kunci, format!("{PERATURAN}/{id}"));
            d.add_text(f.id, id);
            d.add_text(f.jenis, PERATURAN);
            d.add_facet(f.f_jenis, Facet::from_path([PERATURAN]));
            d.add_u64(f.tahun, p.tahun.into());
            d.add_text(f.url, url);
            d.add_text(f.induk, &p.id);
            d.add_text(f.induk_judul, &judul);
            d.add_u64(f.urutan, urutan);
            d.add_u64(
                f.bobot,
                if kunci_pasal.is_some() {
                    BOBOT_PASAL_KUNCI
                } else {
                    0
                },
            );
            if anchor.is_empty() && k == 0 {
                d.add_text(f.bentuk, bentuk_slug(&p.id));
                d.add_text(f.nomor, &p.nomor);
                d.add_text(f.tentang, &p.tentang);
                d.add_text(f.status, &status);
            }
            if let Some(pj) = &b.penjelasan {
                d.add_text(f.penjelasan, pj);
            }
            urutan += 1;
            d.add_text(f.judul, &b.label);
            d.add_text(f.judul_persis, &b.label);
            // The curated summary of a key article says in our words what it is about: it
            // counts like its context.
            let konteks = if ringkasan_kunci.is_empty() {
                b.konteks.to_string()
            } else if b.konteks.is_empty() {
                ringkasan_kunci.clone()
            } else {
                format!("{}\n{ringkasan_kunci}", b.konteks)
            };
            if !konteks.is_empty() {
                d.add_text(f.kunci_teks, &konteks);
            }
            if !b.konteks.is_empty() {
                d.add_text(f.konteks, b.konteks);
            }
            // On every part, not only the opening: with it only there, "pasal 92 uu desa" found
            // the curated summary before the article itself.
            d.add_text(f.sebutan, &sebutan);
            let ringkas = if anchor.is_empty() {
                p.singkat()
            } else {
                format!("{} · {}", p.singkat(), b.label)
            };
            d.add_text(f.ringkas, ringkas);
            d.add_text(f.isi_persis, potongan);
            teks_cari(&mut d, f, [&b.label, &sebutan, &konteks, potongan]);
            d.add_text(f.isi, potongan);
            hasil.push(d);
        }
    }
    hasil
}

/// The kind of a corpus regulation from its id: `uu-6-2014` → `uu`.
pub(crate) fn bentuk_slug(id: &str) -> &str {
    id.split('-').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_explanation_is_cut_per_article() {
        let (umum, pasal) = potong_penjelasan(
            "PENJELASAN ATAS UU\nI. UMUM\nDesa.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\n\
             Pasal 92\nAyat (1)\nKerja sama.\nPasal 92\nUlang.\n",
        );
        assert!(umum.contains("I. UMUM") && umum.contains("PASAL DEMI PASAL"));
        let anchor: Vec<&str> = pasal.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(
            anchor,
            [
                "penjelasan-pasal-1",
                "penjelasan-pasal-92",
                "penjelasan-pasal-92-2"
            ]
        );
        assert_eq!(pasal[1].2, "Ayat (1)\nKerja sama.\n");
    }
}
