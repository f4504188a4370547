//! Field checks shared by every form. A [`Checker`] collects every problem so the user sees all of
//! them at once, each beside its field, and nothing is saved.

use crate::error::{Error, FieldError, Result};

/// The largest 排序号 (it becomes part of a sortable key).
pub const ORDER_MAX: i64 = 99_999;
/// The longest e-mail address accepted (RFC 5321's limit).
pub const EMAIL_MAX: usize = 254;

#[derive(Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `field` already has a message.
    pub fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        // One message per field: the first problem is the one to fix first.
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError {
                field: field.to_string(),
                message: message.into(),
            });
        }
    }

    /// Non-empty after trimming, and at most `max` characters.
    pub fn required(&mut self, field: &str, label: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.add(field, format!("请填写{label}"));
        } else {
            self.max_len(field, label, value, max);
        }
    }

    pub fn max_len(&mut self, field: &str, label: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.add(field, format!("{label}不能超过 {max} 个字"));
        }
    }

    /// 排序号: a small non-negative number (it becomes part of a sortable key).
    pub fn order(&mut self, field: &str, value: i64) {
        if !(0..=ORDER_MAX).contains(&value) {
            self.add(field, format!("排序号应为 0 到 {ORDER_MAX} 之间的整数"));
        }
    }

    /// Empty is allowed; otherwise a mainland mobile number.
    pub fn mobile(&mut self, field: &str, value: &str) {
        if !value.is_empty() && !is_mobile(value) {
            self.add(
                field,
                "手机号码应为 11 位数字，以 13–19 开头，例如 13812345678",
            );
        }
    }

    /// Empty is allowed; otherwise a fixed-line number with its area code.
    pub fn office_phone(&mut self, field: &str, value: &str) {
        if !value.is_empty() && normalize_office_phone(value).is_none() {
            self.add(
                field,
                "办公电话应带区号，例如 0536-8785123（分机可写作 0536-8785123-801）",
            );
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        if !value.is_empty() && !is_email(value) {
            self.add(field, "电子邮箱格式不正确，例如 name@example.edu.cn");
        }
    }

    /// A one-line field: at most `max` characters and no line breaks.
    pub fn line(&mut self, field: &str, label: &str, value: &str, max: usize) {
        self.max_len(field, label, value, max);
        if value.chars().any(char::is_control) {
            self.add(field, format!("{label}请写成一行"));
        }
    }

    /// A private person's phone (cards, items): empty, a mainland mobile number, or a fixed line
    /// with its area code. Returns the canonical form; empty (and a field error) when invalid.
    pub fn person_phone(&mut self, field: &str, value: &str) -> String {
        let compacted = compact(value);
        if compacted.is_empty() || is_mobile(&compacted) {
            return compacted;
        }
        normalize_office_phone(value).unwrap_or_else(|| {
            self.add(
                field,
                "联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123",
            );
            String::new()
        })
    }

    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(self.errors))
        }
    }
}

/// 11 digits, `1[3-9]…`. Spaces and dashes a user types are removed first by [`compact`].
pub fn is_mobile(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// Remove the spaces and dashes people type inside phone numbers.
pub fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Accepts `0536-8785123`, `05368785123`, `(0536)8785123`, `010-12345678-801`; returns the
/// canonical `0536-8785123[-801]`. Area codes are 3 digits (010, 02x) or 4 digits (0xxx).
pub fn normalize_office_phone(s: &str) -> Option<String> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' | '(' | '）' | ')' => '-',
            '－' | '—' => '-',
            c => c,
        })
        .collect();
    let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (area, local, ext) = match parts.as_slice() {
        [joined] => split_area(joined)?,
        [area, local] => (area.to_string(), local.to_string(), None),
        [area, local, ext] => (area.to_string(), local.to_string(), Some(ext.to_string())),
        _ => return None,
    };
    let area_ok = area.starts_with('0')
        && (area.len() == 4
            || (area.len() == 3 && (area.starts_with("01") || area.starts_with("02"))));
    let local_ok = (7..=8).contains(&local.len()) && !local.starts_with('0');
    let ext_ok = ext.as_ref().is_none_or(|e| (1..=6).contains(&e.len()));
    (area_ok && local_ok && ext_ok).then(|| match ext {
        Some(e) => format!("{area}-{local}-{e}"),
        None => format!("{area}-{local}"),
    })
}

/// Split a run of digits into area code and local number: 3-digit codes are 010 and 02x.
fn split_area(joined: &str) -> Option<(String, String, Option<String>)> {
    if !joined.starts_with('0') {
        return None;
    }
    let n = if joined.starts_with("01") || joined.starts_with("02") {
        3
    } else {
        4
    };
    (joined.len() > n).then(|| (joined[..n].to_string(), joined[n..].to_string(), None))
}

pub fn is_email(s: &str) -> bool {
    if s.len() > EMAIL_MAX || s.chars().any(|c| c.is_whitespace() || !c.is_ascii()) {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// `13812345678` → `138****5678`, for lists (DOMAIN.md: lists mask phone numbers).
pub fn mask_phone(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let keep_tail = 4;
    let keep_head = 3;
    let mut out: String = chars[..keep_head].iter().collect();
    out.push_str(&"*".repeat(chars.len() - keep_head - keep_tail));
    out.extend(&chars[chars.len() - keep_tail..]);
    out
}

/// The longest search text accepted, in characters, and the most words it may hold: a search is
/// typed by a person; anything longer is a mistake or an attack on the full-text index.
pub const SEARCH_MAX_CHARS: usize = 50;
pub const SEARCH_MAX_WORDS: usize = 8;

/// Refuse a search text over [`SEARCH_MAX_CHARS`] characters or [`SEARCH_MAX_WORDS`] words.
pub fn bound_search(q: &str) -> crate::error::Result<()> {
    let q = q.trim();
    if q.chars().count() > SEARCH_MAX_CHARS {
        return Err(Error::field(
            "q",
            format!("搜索内容不能超过 {SEARCH_MAX_CHARS} 个字"),
        ));
    }
    if q.split_whitespace().count() > SEARCH_MAX_WORDS {
        return Err(Error::field(
            "q",
            format!("搜索词不能超过 {SEARCH_MAX_WORDS} 个"),
        ));
    }
    Ok(())
}

/// An address as a list shows it: the first 6 characters (the district or building), then `****`.
pub fn mask_address(s: &str) -> String {
    let n = s.chars().count();
    if n == 0 {
        return String::new();
    }
    let keep = 6.min(n / 2);
    let mut out: String = s.chars().take(keep).collect();
    out.push_str("****");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert!(is_mobile("13812345678"));
        assert!(is_mobile("19912345678"));
        assert!(!is_mobile("12812345678"), "second digit must be 3-9");
        assert!(!is_mobile("1381234567"), "10 digits");
        assert!(!is_mobile("138123456789"));
        assert!(!is_mobile("1381234567a"));
        assert_eq!(compact("138 1234-5678"), "13812345678");
    }

    #[test]
    fn office_phones_need_an_area_code() {
        assert_eq!(
            normalize_office_phone("0536-8785123").as_deref(),
            Some("0536-8785123")
        );
        assert_eq!(
            normalize_office_phone("05368785123").as_deref(),
            Some("0536-8785123")
        );
        assert_eq!(
            normalize_office_phone("(010)12345678").as_deref(),
            Some("010-12345678")
        );
        assert_eq!(
            normalize_office_phone("010-12345678-801").as_deref(),
            Some("010-12345678-801")
        );
        assert_eq!(normalize_office_phone("8785123"), None, "no area code");
        assert_eq!(normalize_office_phone("536-8785123"), None);
        assert_eq!(normalize_office_phone("0536-878"), None);
        assert_eq!(normalize_office_phone("0536-abc1234"), None);
    }

    #[test]
    fn emails() {
        assert!(is_email("zhang@wfu.edu.cn"));
        assert!(!is_email("zhang@wfu"));
        assert!(!is_email("zhang wfu.edu.cn"));
        assert!(!is_email("@wfu.edu.cn"));
        assert!(!is_email("a@b@c.cn"));
    }

    #[test]
    fn masks_keep_head_and_tail() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0536-8785123"), "053*****5123");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn checker_collects_one_message_per_field() {
        let mut c = Checker::new();
        c.required("name", "姓名", " ", 20);
        c.mobile("mobile", "123");
        c.mobile("mobile", "456");
        match c.finish() {
            Err(Error::Validation(f)) => {
                assert_eq!(f.len(), 2);
                assert_eq!(f[0].message, "请填写姓名");
            }
            other => panic!("{other:?}"),
        }
    }
}
