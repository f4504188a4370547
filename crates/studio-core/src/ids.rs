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
    // Read by position, not through chrono's format parser: the summary parses two dates of every
    // closed item of the period, and the format parser was 4 % of its time (`perf`).
    let b = s.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn parse_date_takes_only_real_zero_padded_dates() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(parse_date("2026-10-01"), d(2026, 10, 1));
        assert_eq!(parse_date(" 2024-02-29 "), d(2024, 2, 29));
        for bad in [
            "2026-02-29", // not a leap year
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "2026/10/01",
            "2026-10-1x",
            "+202-10-01",
            "2026-10-011",
            "",
            "二〇二六-十-一",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
