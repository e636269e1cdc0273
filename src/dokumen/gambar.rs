//! Images in forms (the regency or village emblem): a PNG or JPEG data URL, checked before
//! anything large is allocated and shrunk to what print needs before typst sees it.
//!
//! The order of the checks is the point: the byte size is known from the base64 length, the
//! pixel size from the image header, and only an image that passes both is decoded — under the
//! `image` crate's allocation limits — so a 389 KB PNG declaring 20,000 × 20,000 pixels is
//! refused without costing memory, and a truncated file is a field error instead of a failed
//! compile.

use std::io::Cursor;

use base64::Engine;

/// Largest upload, in bytes of the image file.
pub const BATAS_BYTE: usize = 1_000_000;
/// Largest image, in pixels (width × height).
pub const BATAS_PIKSEL: u64 = 16_000_000;
/// An emblem is printed at most about 2.5 cm tall: 1,000 pixels on the longest side is more
/// than 300 dpi. Larger images are scaled down to this before layout.
const SISI_CETAK: u32 = 1_000;

/// Why an image was refused; the text is shown beside the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatGambar {
    #[error("harus gambar PNG atau JPEG")]
    BukanGambar,
    #[error("ukuran berkas {0} KB melebihi batas {batas} KB", batas = BATAS_BYTE / 1000)]
    TerlaluBesar(usize),
    #[error(
        "gambar {0} × {1} piksel terlalu besar (paling banyak {batas} juta piksel)",
        batas = BATAS_PIKSEL / 1_000_000
    )]
    TerlaluBanyakPiksel(u32, u32),
    #[error("berkas gambar rusak atau tidak lengkap; simpan ulang sebagai PNG atau JPEG")]
    Rusak,
}

/// A checked image: bytes typst can decode, at most [`SISI_CETAK`] pixels on a side.
#[derive(Debug, Clone)]
pub struct Gambar {
    pub bytes: Vec<u8>,
    pub lebar: u32,
    pub tinggi: u32,
}

/// Whether `s` looks like an image data URL at all (for messages and form re-display).
pub fn data_url(s: &str) -> bool {
    s.trim_start().starts_with("data:image/")
}

/// Reads a `data:image/png;base64,…` (or jpeg) URL into a checked, print-sized image.
pub fn baca_data_url(s: &str) -> Result<Gambar, GalatGambar> {
    let (kepala, isi) = s.trim().split_once(',').ok_or(GalatGambar::BukanGambar)?;
    if !matches!(
        kepala,
        "data:image/png;base64" | "data:image/jpeg;base64" | "data:image/jpg;base64"
    ) {
        return Err(GalatGambar::BukanGambar);
    }
    let isi = isi.trim();
    // The decoded size is known before decoding: refuse big uploads without allocating them.
    let perkiraan = isi.len() / 4 * 3;
    if perkiraan > BATAS_BYTE + 3 {
        return Err(GalatGambar::TerlaluBesar(perkiraan / 1000));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(isi)
        .map_err(|_| GalatGambar::BukanGambar)?;
    baca(bytes)
}

/// Checks the bytes of a PNG or JPEG file (an upload), as [`baca_data_url`] does.
pub fn baca(bytes: Vec<u8>) -> Result<Gambar, GalatGambar> {
    if bytes.len() > BATAS_BYTE {
        return Err(GalatGambar::TerlaluBesar(bytes.len() / 1000));
    }
    let format = if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
        image::ImageFormat::Png
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        image::ImageFormat::Jpeg
    } else {
        return Err(GalatGambar::BukanGambar);
    };
    // Dimensions from the header only.
    let ukuran = imagesize::blob_size(&bytes).map_err(|_| GalatGambar::Rusak)?;
    let (lebar, tinggi) = (
        u32::try_from(ukuran.width).map_err(|_| GalatGambar::Rusak)?,
        u32::try_from(ukuran.height).map_err(|_| GalatGambar::Rusak)?,
    );
    if lebar == 0 || tinggi == 0 {
        return Err(GalatGambar::Rusak);
    }
    if u64::from(lebar) * u64::from(tinggi) > BATAS_PIKSEL {
        return Err(GalatGambar::TerlaluBanyakPiksel(lebar, tinggi));
    }
    let mut pembaca = image::ImageReader::with_format(Cursor::new(&bytes), format);
    let mut batas = image::Limits::default();
    batas.max_image_width = Some(lebar);
    batas.max_image_height = Some(tinggi);
    // 16 megapixels of 16-bit RGBA, with room for the decoder's own buffers.
    batas.max_alloc = Some(BATAS_PIKSEL * 8 + 16 * 1024 * 1024);
    pembaca.limits(batas);
    let citra = pembaca.decode().map_err(|_| GalatGambar::Rusak)?;
    if citra.width() != lebar || citra.height() != tinggi {
        return Err(GalatGambar::Rusak);
    }
    if lebar.max(tinggi) <= SISI_CETAK {
        return Ok(Gambar {
            bytes,
            lebar,
            tinggi,
        });
    }
    let kecil = citra.resize(
        SISI_CETAK,
        SISI_CETAK,
        image::imageops::FilterType::Triangle,
    );
    let mut keluar = Vec::new();
    kecil
        .write_to(&mut Cursor::new(&mut keluar), image::ImageFormat::Png)
        .map_err(|_| GalatGambar::Rusak)?;
    Ok(Gambar {
        bytes: keluar,
        lebar: kecil.width(),
        tinggi: kecil.height(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid PNG of `w` × `h` grey pixels.
    pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
        let citra = image::GrayImage::from_pixel(w, h, image::Luma([128]));
        let mut b = Vec::new();
        citra
            .write_to(&mut Cursor::new(&mut b), image::ImageFormat::Png)
            .expect("encode png");
        b
    }

    fn url(b: &[u8]) -> String {
        format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(b)
        )
    }

    /// A PNG whose header declares `w` × `h` but whose data is one empty IDAT: a few hundred
    /// bytes asking for gigabytes.
    fn png_palsu(w: u32, h: u32) -> Vec<u8> {
        let mut kecil = png(1, 1);
        // IHDR data starts at byte 16: width and height, big-endian. The CRC is left wrong
        // on purpose too; either check must refuse it.
        kecil[16..20].copy_from_slice(&w.to_be_bytes());
        kecil[20..24].copy_from_slice(&h.to_be_bytes());
        kecil
    }

    #[test]
    fn small_image_passes_unchanged() {
        let b = png(40, 30);
        let g = baca_data_url(&url(&b)).expect("valid");
        assert_eq!((g.lebar, g.tinggi), (40, 30));
        assert_eq!(g.bytes, b);
    }

    #[test]
    fn large_image_is_scaled_to_print_size() {
        let g = baca(png(3000, 1500)).expect("valid");
        assert_eq!((g.lebar, g.tinggi), (1000, 500));
    }

    #[test]
    fn header_declaring_too_many_pixels_is_refused_before_decoding() {
        assert_eq!(
            baca(png_palsu(100_000, 100_000)).unwrap_err(),
            GalatGambar::TerlaluBanyakPiksel(100_000, 100_000)
        );
        assert_eq!(
            baca(png_palsu(20_000, 20_000)).unwrap_err(),
            GalatGambar::TerlaluBanyakPiksel(20_000, 20_000)
        );
    }

    #[test]
    fn truncated_or_lying_files_are_refused() {
        let mut b = png(200, 200);
        b.truncate(b.len() / 2);
        assert_eq!(baca(b).unwrap_err(), GalatGambar::Rusak);
        assert_eq!(baca(png_palsu(3000, 3000)).unwrap_err(), GalatGambar::Rusak);
        // A JPEG start marker and nothing else.
        assert_eq!(
            baca(vec![0xff, 0xd8, 0xff, 0xe0, 0, 0]).unwrap_err(),
            GalatGambar::Rusak
        );
    }

    #[test]
    fn size_is_checked_before_base64_decoding() {
        let besar = format!("data:image/png;base64,{}", "A".repeat(2_000_000));
        assert!(matches!(
            baca_data_url(&besar).unwrap_err(),
            GalatGambar::TerlaluBesar(_)
        ));
    }

    #[test]
    fn other_things_are_not_images() {
        for s in [
            "",
            "data:text/plain;base64,aGFsbw==",
            "data:image/png;base64,aGFsbw==",
            "https://example.org/a.png",
        ] {
            assert_eq!(
                baca_data_url(s).unwrap_err(),
                GalatGambar::BukanGambar,
                "{s}"
            );
        }
    }
}
