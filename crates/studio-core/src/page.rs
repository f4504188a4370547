//! Pagination shared by every list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MAX_PAGE_SIZE: u32 = 200;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
pub struct PageRequest {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            page: 1,
            page_size: 20,
        }
    }
}

impl PageRequest {
    /// Clamp to sane bounds so a caller can never ask for an unbounded page.
    pub fn clamped(self) -> Self {
        PageRequest {
            page: self.page.max(1),
            page_size: self.page_size.clamp(1, MAX_PAGE_SIZE),
        }
    }
    pub fn offset(self) -> i64 {
        let p = self.clamped();
        (p.page as i64 - 1) * p.page_size as i64
    }
    pub fn limit(self) -> i64 {
        self.clamped().page_size as i64
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}
