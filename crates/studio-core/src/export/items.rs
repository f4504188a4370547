//! Ledger items as JSON, CSV and Excel.

use super::{ExportFormat, Sheet};
use crate::error::Result;
use crate::items::Item;

pub fn items_json(items: &[Item]) -> Result<Vec<u8>> {
    let _ = items;
    todo!()
}

pub fn items_sheet(items: &[Item]) -> Sheet {
    let _ = items;
    todo!()
}

pub fn export_items(items: &[Item], format: ExportFormat) -> Result<Vec<u8>> {
    let _ = (items, format);
    todo!()
}
