//! Images in forms (the regency or village emblem): a PNG or JPEG data URL, checked before
//! anything large is allocated and shrunk to what print needs before typst sees it.
//!
//! The order of the checks is the point: the byte size is known from the base64 length, the
//! pixel size from the image header, and only an image that passes both is decoded — under the
//! `image` crate's allocation limits — so a 389 KB PNG declaring 20,000 × 20,000 pixels is
//! refused without costing memory, and a truncated file is a field error instead of a failed
//! compile.
//!
//! A file uploaded through a web form may be larger (an ordinary phone photo is 2–8 MB): it is
//! shrunk on the server to print size ([`unggahan`]) and then travels as a small data URL.

use std::io::Cursor;

use base64::Engine;
use image::{DynamicImage, ImageDecoder, ImageFormat};

/// Largest image in the data (a data URL from the API or a kept form value), in bytes.
pub const BATAS_BYTE: usize = 1_000_000;
/// Largest file uploaded through a web form, in bytes: a phone photo fits; it is shrunk
/// ([`unggahan`]) to print size before it goes anywhere.
pub const BATAS_UNGGAH: usize = 15 * 1024 * 1024;
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
        "berkas {0} MB melebihi batas {batas} MB; perkecil fotonya dahulu",
        batas = BATAS_UNGGAH / (1024 * 1024)
    )]
    UnggahanTerlaluBesar(usize),
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

/// Checks the bytes of a PNG or JPEG file, as [`baca_data_url`] does.
pub fn baca(bytes: Vec<u8>) -> Result<Gambar, GalatGambar> {
    if bytes.len() > BATAS_BYTE {
        return Err(GalatGambar::TerlaluBesar(bytes.len() / 1000));
    }
    let format = format_dari(&bytes)?;
    let (citra, lebar, tinggi, _) = urai(&bytes, format)?;
    if lebar.max(tinggi) <= SISI_CETAK {
        return Ok(Gambar {
            bytes,
            lebar,
            tinggi,
        });
    }
    let kecil = perkecil(&citra);
    let keluar = tulis(&kecil, ImageFormat::Png)?;
    Ok(Gambar {
        bytes: keluar,
        lebar: kecil.width(),
        tinggi: kecil.height(),
    })
}

/// A file uploaded through a web form, as the data URL the form keeps: a PNG or JPEG of at most
/// [`BATAS_UNGGAH`] bytes and [`BATAS_PIKSEL`] pixels, scaled to print size (photos stay JPEG)
/// and turned upright as the camera recorded it. A small image passes unchanged.
pub fn unggahan(bytes: &[u8]) -> Result<String, GalatGambar> {
    if bytes.len() > BATAS_UNGGAH {
        return Err(GalatGambar::UnggahanTerlaluBesar(
            bytes.len().div_ceil(1024 * 1024),
        ));
    }
    let format = format_dari(bytes)?;
    let (citra, lebar, tinggi, tegak) = urai(bytes, format)?;
    let keluar = if bytes.len() <= BATAS_BYTE && lebar.max(tinggi) <= SISI_CETAK && tegak {
        bytes.to_vec()
    } else {
        let kecil = perkecil(&citra);
        let mut keluar = tulis(&kecil, format)?;
        // A 1,000-pixel PNG of a photograph can still be a few megabytes: as JPEG it is not.
        if keluar.len() > BATAS_BYTE && !kecil.color().has_alpha() {
            keluar = tulis(&kecil, ImageFormat::Jpeg)?;
        }
        if keluar.len() > BATAS_BYTE {
            return Err(GalatGambar::TerlaluBesar(keluar.len() / 1000));
        }
        keluar
    };
    let jenis = if keluar.starts_with(&[0xff, 0xd8, 0xff]) {
        "image/jpeg"
    } else {
        "image/png"
    };
    Ok(format!(
        "data:{jenis};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&keluar)
    ))
}

fn format_dari(bytes: &[u8]) -> Result<ImageFormat, GalatGambar> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
        Ok(ImageFormat::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Ok(ImageFormat::Jpeg)
    } else {
        Err(GalatGambar::BukanGambar)
    }
}

/// Decodes after checking the header's dimensions, under allocation limits; also says whether
/// the image is upright as stored (no EXIF rotation asked for). The image returned is upright.
fn urai(bytes: &[u8], format: ImageFormat) -> Result<(DynamicImage, u32, u32, bool), GalatGambar> {
    // Dimensions from the header only.
    let ukuran = imagesize::blob_size(bytes).map_err(|_| GalatGambar::Rusak)?;
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
    let mut pembaca = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut batas = image::Limits::default();
    batas.max_image_width = Some(lebar);
    batas.max_image_height = Some(tinggi);
    // 16 megapixels of 16-bit RGBA, with room for the decoder's own buffers.
    batas.max_alloc = Some(BATAS_PIKSEL * 8 + 16 * 1024 * 1024);
    pembaca.limits(batas);
    let mut dekoder = pembaca.into_decoder().map_err(|_| GalatGambar::Rusak)?;
    let arah = dekoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut citra = DynamicImage::from_decoder(dekoder).map_err(|_| GalatGambar::Rusak)?;
    if citra.width() != lebar || citra.height() != tinggi {
        return Err(GalatGambar::Rusak);
    }
    let tegak = arah == image::metadata::Orientation::NoTransforms;
    citra.apply_orientation(arah);
    let (lebar, tinggi) = (citra.width(), citra.height());
    Ok((citra, lebar, tinggi, tegak))
}

fn perkecil(citra: &DynamicImage) -> DynamicImage {
    if citra.width().max(citra.height()) <= SISI_CETAK {
        return citra.clone();
    }
    citra.resize(
        SISI_CETAK,
        SISI_CETAK,
        image::imageops::FilterType::Triangle,
    )
}

fn tulis(citra: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, GalatGambar> {
    let mut keluar = Vec::new();
    if format == ImageFormat::Jpeg {
        // JPEG has no alpha channel; 88 keeps an emblem's edges clean.
        let rgb = DynamicImage::ImageRgb8(citra.to_rgb8());
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut keluar, 88);
        rgb.write_with_encoder(enc)
            .map_err(|_| GalatGambar::Rusak)?;
    } else {
        citra
            .write_to(&mut Cursor::new(&mut keluar), ImageFormat::Png)
            .map_err(|_| GalatGambar::Rusak)?;
    }
    Ok(keluar)
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

    /// A JPEG photograph-like image (noise compresses badly, as photos do).
    fn jpeg_foto(w: u32, h: u32) -> Vec<u8> {
        let mut x: u32 = 12345;
        let citra = image::RgbImage::from_fn(w, h, |_, _| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let b = x.to_le_bytes();
            image::Rgb([b[1], b[2], b[3]])
        });
        let mut b = Vec::new();
        DynamicImage::ImageRgb8(citra)
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut b, 95,
            ))
            .expect("encode jpeg");
        b
    }

    #[test]
    fn a_phone_photo_is_shrunk_to_print_size_and_stays_jpeg() {
        let foto = jpeg_foto(2000, 1500);
        assert!(foto.len() > 2 * 1024 * 1024, "{} bytes", foto.len());
        let url = unggahan(&foto).expect("accepted");
        assert!(url.starts_with("data:image/jpeg;base64,"), "{}", &url[..40]);
        let g = baca_data_url(&url).expect("the kept value passes the data check");
        assert_eq!((g.lebar, g.tinggi), (1000, 750));
    }

    #[test]
    fn a_small_upload_passes_unchanged() {
        let b = png(40, 30);
        assert_eq!(unggahan(&b).expect("accepted"), url(&b));
    }

    #[test]
    fn uploads_past_the_limits_are_refused_with_their_reason() {
        let besar = vec![0xff; BATAS_UNGGAH + 1];
        assert_eq!(
            unggahan(&besar).unwrap_err(),
            GalatGambar::UnggahanTerlaluBesar(16)
        );
        assert_eq!(
            unggahan(&png_palsu(20_000, 20_000)).unwrap_err(),
            GalatGambar::TerlaluBanyakPiksel(20_000, 20_000)
        );
        assert_eq!(
            unggahan(b"%PDF-1.7 bukan gambar").unwrap_err(),
            GalatGambar::BukanGambar
        );
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
