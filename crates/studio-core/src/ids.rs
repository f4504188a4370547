//! Identifiers and timestamps: UUIDv7 strings, times in UTC RFC 3339, dates as `YYYY-MM-DD`
//! (DESIGN.md, invariant 9).

use chrono::{NaiveDate, SecondsFormat, Utc};

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Now, UTC, to the millisecond: sortable as text.
pub fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Today's date where the studio is (Asia/Shanghai, UTC+8 all year).
pub fn today_shanghai() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(8)).date_naive()
}

/// A strict `YYYY-MM-DD` (zero-padded, a real calendar date), the one date format the product
/// stores and accepts.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
