//! Writing the read document as Word XML: the page and margins of the PDF, the office font
//! ("Bookman Old Style" for the embedded TeX Gyre Bonum), headings with Word's heading styles,
//! tables ruled as printed, "Halaman x dari y" in the footer when the PDF numbers its pages.
//! `docx-rs` escapes the text; values are never written as markup.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, HeightRule, LineSpacing, NumPages,
    PageMargin, PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, Pic, Run, RunFonts,
    SpecialIndentType, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::{Blok, GalatDocx, Gaya, Model, Paragraf, Potong, Rata, Tabel};
use crate::opsi::Huruf;

/// Twentieths of a point, Word's unit of length.
fn twip(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// English Metric Units (images): 12,700 to the point.
fn emu(pt: f64) -> u32 {
    (pt * 12_700.0).round().max(0.0) as u32
}

/// Half-points (font sizes).
fn setengah_poin(pt: f64) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}

pub(super) fn tulis(model: &Model, huruf: Huruf, judul: &str) -> Result<Vec<u8>, GalatDocx> {
    let nama_huruf = huruf.nama_kantor();
    let fonta = RunFonts::new()
        .ascii(nama_huruf)
        .hi_ansi(nama_huruf)
        .cs(nama_huruf)
        .east_asia(nama_huruf);
    let h = &model.halaman;
    let mut docx = Docx::new()
        .page_size(twip(h.lebar).max(0) as u32, twip(h.tinggi).max(0) as u32)
        .page_margin(
            PageMargin::new()
                .top(twip(h.atas))
                .bottom(twip(h.bawah))
                .left(twip(h.kiri))
                .right(twip(h.kanan))
                .header(twip(h.atas / 2.0))
                .footer(twip(h.bawah / 2.0)),
        )
        .default_fonts(fonta)
        .default_size(24)
        .default_line_spacing(LineSpacing::new().line(264).after(0))
        .custom_property("judul", judul);
    for tingkat in 1..=6usize {
        docx = docx.add_style(
            Style::new(format!("Heading{tingkat}"), StyleType::Paragraph)
                .name(format!("heading {tingkat}"))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .color("000000")
                .outline_lvl(tingkat - 1),
        );
    }
    if h.bernomor {
        let kecil = |s: &str| Run::new().add_text(s).size(18);
        docx = docx.footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(kecil("Halaman "))
                    .add_page_num(PageNum::new())
                    .add_run(kecil(" dari "))
                    .add_num_pages(NumPages::new()),
            ),
        );
    }
    let lebar_isi = h.lebar - h.kiri - h.kanan;
    for b in &model.blok {
        docx = match b {
            Blok::Paragraf(p) => docx.add_paragraph(paragraf(p)),
            Blok::Tabel(t) => docx.add_table(tabel(t, lebar_isi)),
        };
    }
    let mut keluar = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut keluar)
        .map_err(|e| GalatDocx::Tulis(e.to_string()))?;
    Ok(keluar.into_inner())
}

fn run(gaya: &Gaya, teks: &str) -> Run {
    let mut r = Run::new().add_text(teks);
    if gaya.tebal {
        r = r.bold();
    }
    if gaya.miring {
        r = r.italic();
    }
    if gaya.garis_bawah {
        r = r.underline("single");
    }
    if (gaya.ukuran - 12.0).abs() > 0.2 {
        r = r.size(setengah_poin(gaya.ukuran));
    }
    r
}

fn paragraf(p: &Paragraf) -> Paragraph {
    let mut par = Paragraph::new().align(match p.rata {
        Rata::Kiri => AlignmentType::Left,
        Rata::Tengah => AlignmentType::Center,
        Rata::Kanan => AlignmentType::Right,
        Rata::Penuh => AlignmentType::Both,
    });
    if let Some(t) = p.judul {
        par = par.style(&format!("Heading{t}")).keep_next(true);
    }
    let khusus = if p.pertama < -0.5 {
        Some(SpecialIndentType::Hanging(twip(-p.pertama)))
    } else if p.pertama > 0.5 {
        Some(SpecialIndentType::FirstLine(twip(p.pertama)))
    } else {
        None
    };
    if p.kiri > 0.5 || khusus.is_some() {
        par = par.indent(Some(twip(p.kiri)), khusus, None, None);
    }
    if p.atas > 0.5 {
        par = par.line_spacing(
            LineSpacing::new()
                .before(twip(p.atas).max(0) as u32)
                .line(264),
        );
    }
    if let Some(tebal) = p.garis_bawah {
        // Eighths of a point; a letterhead's thick rule.
        let ukuran = (tebal * 8.0).round().clamp(2.0, 96.0) as usize;
        par.property = par.property.set_border(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(if tebal >= 1.0 {
                    BorderType::ThickThinSmallGap
                } else {
                    BorderType::Single
                })
                .size(ukuran)
                .space(1)
                .color("000000"),
        );
    }
    for potong in &p.isi {
        par = match potong {
            Potong::Teks(g, s) => par.add_run(run(g, s)),
            Potong::Tab => par.add_run(Run::new().add_tab()),
            Potong::Baris => par.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Potong::Gambar { png, px, pt } => par.add_run(Run::new().add_image(
                Pic::new_with_dimensions(png.clone(), px.0, px.1).size(emu(pt.0), emu(pt.1)),
            )),
        };
    }
    par
}

fn tabel(t: &Tabel, lebar_isi: f64) -> Table {
    let kolom: Vec<usize> = t.kolom.iter().map(|w| twip(*w).max(1) as usize).collect();
    let n_kolom = kolom.len();
    let baris: Vec<TableRow> = t
        .baris
        .iter()
        .map(|b| {
            let mut sel_sel = Vec::new();
            let mut x = 0;
            for s in &b.sel {
                // Empty positions before a cell (a grid with holes) get empty cells.
                while x < s.kolom && x < n_kolom {
                    sel_sel.push(sel_kosong(kolom[x]));
                    x += 1;
                }
                let rentang = s.rentang.min(n_kolom.saturating_sub(s.kolom)).max(1);
                let lebar: usize = kolom[s.kolom.min(n_kolom - 1)..].iter().take(rentang).sum();
                let mut c = TableCell::new().width(lebar, WidthType::Dxa);
                if rentang > 1 {
                    c = c.grid_span(rentang);
                }
                let mut ada_paragraf = false;
                for blok in &s.blok {
                    c = match blok {
                        Blok::Paragraf(p) => {
                            ada_paragraf = true;
                            c.add_paragraph(paragraf(p))
                        }
                        Blok::Tabel(dalam) => c.add_table(tabel(dalam, lebar_isi)),
                    };
                }
                // Word wants every cell to end with a paragraph.
                if !ada_paragraf || matches!(s.blok.last(), Some(Blok::Tabel(_))) {
                    c = c.add_paragraph(Paragraph::new());
                }
                sel_sel.push(c);
                x = s.kolom + rentang;
            }
            while x < n_kolom {
                sel_sel.push(sel_kosong(kolom[x]));
                x += 1;
            }
            let mut r = TableRow::new(sel_sel).cant_split();
            if let Some(tinggi) = b.tinggi {
                r = r
                    .row_height(twip(tinggi) as f32)
                    .height_rule(HeightRule::AtLeast);
            }
            r
        })
        .collect();
    let total: usize = kolom.iter().sum();
    let mut tabel = if t.bergaris {
        Table::new(baris)
    } else {
        Table::without_borders(baris)
    };
    tabel = tabel.set_grid(kolom).layout(TableLayoutType::Fixed).width(
        total.min(twip(lebar_isi).max(1) as usize * 2),
        WidthType::Dxa,
    );
    if !t.bergaris {
        // A layout grid sits where the text is: no cell padding pushing it out.
        tabel = tabel.margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0));
    }
    tabel
}

fn sel_kosong(lebar: usize) -> TableCell {
    TableCell::new()
        .width(lebar, WidthType::Dxa)
        .add_paragraph(Paragraph::new())
}
