//! Delegate photos: decoded to prove they are images, stored as a bounded JPEG plus a thumbnail in
//! the database's files folder. Decoding also strips whatever else the file carried (EXIF, GPS).

use std::path::{Path, PathBuf};

use image::imageops::FilterType;

use crate::error::{Error, Result};

pub const PHOTO_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Longest side of the stored photo, in pixels: enough for a profile page and a printed roster.
const PHOTO_MAX_SIDE: u32 = 1200;
/// Longest side of the list thumbnail.
pub const THUMB_SIZE: u32 = 160;
/// Largest picture accepted, read from the header before anything is decoded: a 16,000 × 16,000
/// PNG is a few kilobytes on disk and a gigabyte in memory.
pub const PHOTO_MAX_PIXELS: u64 = 40_000_000;
pub const PHOTO_MAX_DIMENSION: u32 = 8_000;

pub(crate) fn photos_dir(files_dir: &Path) -> PathBuf {
    files_dir.join("photos")
}

pub(crate) fn thumb_name(photo: &str) -> String {
    format!("thumb-{photo}")
}

/// Decode `bytes`, write `<name>` and `thumb-<name>` into `dir`. Returns the file name.
pub(crate) fn store_photo(dir: &Path, id: &str, bytes: &[u8]) -> Result<String> {
    if bytes.len() > PHOTO_MAX_BYTES {
        return Err(Error::Invalid(format!(
            "照片不能超过 {} MB",
            PHOTO_MAX_BYTES / 1024 / 1024
        )));
    }
    let unreadable = || Error::Invalid("无法识别该照片，请选择 JPG、PNG 或 WebP 格式的图片".into());
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| unreadable())?;
    let (w, h) = reader.into_dimensions().map_err(|_| unreadable())?;
    if w > PHOTO_MAX_DIMENSION
        || h > PHOTO_MAX_DIMENSION
        || u64::from(w) * u64::from(h) > PHOTO_MAX_PIXELS
    {
        return Err(Error::Invalid(format!(
            "照片尺寸过大（{w} × {h} 像素），请选择不超过 {PHOTO_MAX_DIMENSION} × {PHOTO_MAX_DIMENSION} 像素的图片"
        )));
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| unreadable())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(PHOTO_MAX_DIMENSION);
    limits.max_image_height = Some(PHOTO_MAX_DIMENSION);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|_| unreadable())?;
    crate::files::create_private_dir(dir)?;
    // A new name per upload, so a cached old thumbnail is never shown for a new photo.
    let name = format!("{id}-{}.jpg", crate::ids::new_id());
    let photo = if img.width().max(img.height()) > PHOTO_MAX_SIDE {
        img.resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, FilterType::Lanczos3)
    } else {
        img.clone()
    };
    let thumb = img.resize(THUMB_SIZE, THUMB_SIZE, FilterType::Triangle);
    let save = |im: &image::DynamicImage, path: PathBuf| -> Result<()> {
        let mut jpeg = std::io::Cursor::new(Vec::new());
        im.to_rgb8()
            .write_to(&mut jpeg, image::ImageFormat::Jpeg)
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
        crate::files::write_atomic(&path, jpeg.get_ref())
    };
    save(&photo, dir.join(&name))?;
    save(&thumb, dir.join(thumb_name(&name)))?;
    Ok(name)
}
