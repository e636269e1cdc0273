//! A module's text as slides: a title and a few whole sentences per slide.

use serde_json::{Value, json};

use super::kalimat::kalimat_pertama;

use crate::dokumen::naskah::{Blok, Sebaris};

fn teks_sebaris(isi: &[Sebaris]) -> String {
    let mut t = String::new();
    for s in isi {
        match s {
            Sebaris::Teks { v } | Sebaris::Kode { v } => t.push_str(v),
            Sebaris::Tebal { isi } | Sebaris::Miring { isi } | Sebaris::Coret { isi } => {
                t.push_str(&teks_sebaris(isi))
            }
            Sebaris::Baris => t.push(' '),
        }
    }
    t
}

pub(super) fn teks_blok(b: &[Blok]) -> String {
    b.iter()
        .map(|x| match x {
            Blok::Paragraf { isi } | Blok::Judul { isi, .. } => teks_sebaris(isi),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Points per slide, and characters: what fits 16:9 at the slide text size.
pub(super) const POIN_PER_SLIDE: usize = 5;
const HURUF_PER_SLIDE: usize = 480;

/// A module's text cut at its `##` headings into slides of a title and a few short points; a
/// section with more continues on a second slide, so nothing is cut off.
pub(super) fn slide_modul(blok: &[Blok]) -> Vec<Value> {
    let mut bagian: Vec<(String, Vec<String>)> = Vec::new();
    for b in blok {
        let baru: Vec<String> = match b {
            Blok::Judul { isi, .. } => {
                bagian.push((teks_sebaris(isi), Vec::new()));
                continue;
            }
            Blok::Paragraf { isi } => vec![kalimat_pertama(&teks_sebaris(isi), 40)],
            Blok::Daftar { item, .. } => item
                .iter()
                .map(|i| kalimat_pertama(&teks_blok(i), 40))
                .collect(),
            _ => continue,
        };
        if bagian.is_empty() {
            bagian.push((String::new(), Vec::new()));
        }
        if let Some(s) = bagian.last_mut() {
            s.1.extend(baru);
        }
    }
    let mut slide = Vec::new();
    for (judul, poin) in bagian {
        // Points grouped so each group fits one slide.
        let mut kelompok: Vec<Vec<String>> = vec![Vec::new()];
        let mut huruf = 0;
        for p in poin {
            let penuh = kelompok.last().is_some_and(|k| {
                !k.is_empty() && (k.len() == POIN_PER_SLIDE || huruf + p.len() > HURUF_PER_SLIDE)
            });
            if penuh {
                kelompok.push(Vec::new());
                huruf = 0;
            }
            huruf += p.len();
            if let Some(k) = kelompok.last_mut() {
                k.push(p);
            }
        }
        for (ke, poin) in kelompok.into_iter().filter(|k| !k.is_empty()).enumerate() {
            let j = if ke == 0 {
                judul.clone()
            } else {
                format!("{judul} (lanjutan)")
            };
            slide.push(json!({"judul": j, "poin": poin}));
        }
    }
    slide
}
