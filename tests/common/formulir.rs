//! The document form as a browser fills and sends it, and what the page shows beside a field.

use serde_json::{Value, json};

/// Sets the value at a form path (`desa[2].nama`), making groups and rows on the way.
pub fn pasang(akar: &mut Value, jalur: &str, nilai: Value) {
    let mut v = akar;
    for seg in jalur.split('.') {
        let (nama, baris) = match seg.split_once('[') {
            Some((n, i)) => (n, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        if !v.is_object() {
            *v = json!({});
        }
        v = v
            .as_object_mut()
            .expect("an object")
            .entry(nama)
            .or_insert(Value::Null);
        if let Some(i) = baris {
            if !v.is_array() {
                *v = json!([]);
            }
            let a = v.as_array_mut().expect("an array");
            while a.len() <= i {
                a.push(json!({}));
            }
            v = &mut a[i];
        }
    }
    *v = nilai;
}

/// The data as a browser sends the form: one pair per field path; lists of text one item per
/// line; yes/no as "ya" when set.
pub fn ratakan(v: &Value, jalur: &str, keluar: &mut Vec<(String, String)>) {
    let anak = |k: &str| {
        if jalur.is_empty() {
            k.to_string()
        } else {
            format!("{jalur}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                ratakan(x, &anak(k), keluar);
            }
        }
        Value::Array(a) if a.is_empty() => {}
        Value::Array(a) if a.iter().all(|x| !x.is_object()) => keluar.push((
            jalur.to_string(),
            a.iter()
                .map(|x| x.as_str().map(str::to_string).unwrap_or(x.to_string()))
                .collect::<Vec<_>>()
                .join("\n"),
        )),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                ratakan(x, &format!("{jalur}[{i}]"), keluar);
            }
        }
        Value::String(s) => keluar.push((jalur.to_string(), s.clone())),
        Value::Number(n) => keluar.push((jalur.to_string(), n.to_string())),
        Value::Bool(true) => keluar.push((jalur.to_string(), "ya".into())),
        Value::Bool(false) | Value::Null => {}
    }
}

/// The messages shown beside the field at `jalur` in a form page, unescaped.
pub fn pesan_di_samping(html: &str, jalur: &str) -> Vec<String> {
    let id: String = jalur
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let penanda = format!("<div class=\"galat-isian\" id=\"pesan-{id}\">");
    html.match_indices(&penanda)
        .filter_map(|(i, _)| {
            let isi = &html[i + penanda.len()..];
            isi.find("</div>").map(|akhir| &isi[..akhir])
        })
        .map(|s| {
            s.replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&#x2F;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}
