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
    let img = image::load_from_memory(bytes)
        .map_err(|_| Error::Invalid("无法识别该照片，请选择 JPG、PNG 或 WebP 格式的图片".into()))?;
    std::fs::create_dir_all(dir)?;
    // A new name per upload, so a cached old thumbnail is never shown for a new photo.
    let name = format!("{id}-{}.jpg", crate::ids::new_id());
    let photo = if img.width().max(img.height()) > PHOTO_MAX_SIDE {
        img.resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, FilterType::Lanczos3)
    } else {
        img.clone()
    };
    let thumb = img.resize(THUMB_SIZE, THUMB_SIZE, FilterType::Triangle);
    let save = |im: &image::DynamicImage, path: PathBuf| -> Result<()> {
        im.to_rgb8()
            .save_with_format(&path, image::ImageFormat::Jpeg)
            .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
    };
    save(&photo, dir.join(&name))?;
    save(&thumb, dir.join(thumb_name(&name)))?;
    Ok(name)
}
