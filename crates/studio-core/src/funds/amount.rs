//! Money as integer fen (分), never floating point: what a user types ("1,234.5", "¥80",
//! "12.30元") becomes fen exactly, and fen print as yuan with two decimals.

/// The largest single amount accepted: ¥100,000,000.00, far above a studio's budget and far
/// below where sums of many entries could overflow `i64`.
pub const AMOUNT_MAX_FEN: i64 = 10_000_000_000;

/// `"1,234.56"` → `123456`; `"80"` → `8000`; `"0.5"` → `50`. A sign, more than two decimals,
/// letters or an amount over [`AMOUNT_MAX_FEN`] are refused with a Chinese reason.
pub fn parse_yuan(text: &str) -> Result<i64, String> {
    let t: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return Err("请填写金额".into());
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, f),
        None => (t.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return Err("金额应为数字，最多两位小数，例如 1280.50".into());
    }
    if frac.len() > 2 {
        return Err("金额最多两位小数（精确到分）".into());
    }
    if int.len() > 12 {
        return Err(too_large());
    }
    let yuan: i64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| too_large())?
    };
    let fen: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    let total = yuan
        .checked_mul(100)
        .and_then(|y| y.checked_add(fen))
        .ok_or_else(too_large)?;
    if total > AMOUNT_MAX_FEN {
        return Err(too_large());
    }
    Ok(total)
}

fn too_large() -> String {
    format!("金额不能超过 {} 元", format_yuan(AMOUNT_MAX_FEN))
}

/// `123456` → `"1234.56"`; `-50` → `"-0.50"`. No thousands separators (a file's number).
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_become_exact_fen() {
        assert_eq!(parse_yuan("1,234.56"), Ok(123_456));
        assert_eq!(parse_yuan("¥80"), Ok(8_000));
        assert_eq!(parse_yuan("12.3元"), Ok(1_230));
        assert_eq!(parse_yuan(".05"), Ok(5));
        assert_eq!(parse_yuan("0.1"), Ok(10));
        // 0.1 + 0.2 is exactly 0.3 in fen, never 0.30000000000000004.
        assert_eq!(parse_yuan("0.1").unwrap() + parse_yuan("0.2").unwrap(), 30);
    }

    #[test]
    fn bad_amounts_are_refused() {
        for bad in ["", "abc", "1.234", "-5", "1e3", "1.2.3", "9999999999999"] {
            assert!(parse_yuan(bad).is_err(), "{bad}");
        }
        assert!(parse_yuan("100000000.01").is_err());
        assert_eq!(parse_yuan("100000000"), Ok(AMOUNT_MAX_FEN));
    }

    #[test]
    fn fen_print_as_yuan_with_two_decimals() {
        assert_eq!(format_yuan(123_456), "1234.56");
        assert_eq!(format_yuan(5), "0.05");
        assert_eq!(format_yuan(0), "0.00");
        assert_eq!(format_yuan(-50), "-0.50");
    }
}
