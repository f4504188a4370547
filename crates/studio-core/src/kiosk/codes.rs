//! Query codes (查询码): short, unguessable, never reused.
//!
//! A code is [`CODE_LEN`] characters of [`CODE_ALPHABET`] (digits and capital letters without the
//! look-alikes 0/O, 1/I/L: 31 characters, so 31^8 ≈ 8.5 × 10^11 codes, about 39.6 bits), drawn
//! from the operating system's random source (`getrandom`) with rejection sampling so every
//! character is equally likely. It is stored without its dash and shown grouped, `K7QM-3XPA`; a
//! visitor may type it in either case, with or without the dash. A code already taken is drawn
//! again; the table refuses deletes, so a code is never given twice.

use super::QueryKind;
use crate::audit::Entity;
use crate::error::{Error, Result};
use crate::ids::now_utc;
use crate::storage::kiosk::{self as db, QueryCodeRow};
use crate::storage::Write;

/// Digits 2–9 and the capital letters without I, L and O.
pub const CODE_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a code (without its dash).
pub const CODE_LEN: usize = 8;
/// Draws before giving up: one collision in 10^11 codes is already rare; eight in a row mean the
/// random source is broken.
const MAX_DRAWS: usize = 8;

/// A fresh random code (not yet checked against the table), without its dash.
pub fn generate_code() -> Result<String> {
    // Bytes at or above 248 (= 31 × 8) are dropped, so `b % 31` is uniform.
    let limit = (256 / CODE_ALPHABET.len() * CODE_ALPHABET.len()) as u8;
    let mut out = String::with_capacity(CODE_LEN);
    let mut buf = [0u8; 16];
    while out.len() < CODE_LEN {
        getrandom::fill(&mut buf)
            .map_err(|e| Error::Invalid(format!("无法取得系统随机数，请重试：{e}")))?;
        for &b in &buf {
            if b < limit && out.len() < CODE_LEN {
                out.push(CODE_ALPHABET[b as usize % CODE_ALPHABET.len()] as char);
            }
        }
    }
    Ok(out)
}

/// `K7QM3XPA` → `K7QM-3XPA`.
pub fn format_code(code: &str) -> String {
    let half = code.len() / 2;
    match (code.get(..half), code.get(half..)) {
        (Some(a), Some(b)) if !a.is_empty() => format!("{a}-{b}"),
        _ => code.to_string(),
    }
}

/// A code as a visitor typed it (any case, with or without the dash, spaces around or inside),
/// as stored; `None` when it cannot be a code.
pub fn normalize_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '－' | '—'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// The last four digits of a phone as the validators store it (`13812345678`,
/// `0536-8785123`, `0536-8785123-801`): of the number itself, not its extension.
pub fn phone_last4(phone: &str) -> Option<String> {
    let number = match phone.split('-').collect::<Vec<_>>().as_slice() {
        [_area, local, ..] => local.to_string(),
        _ => phone.to_string(),
    };
    let digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 4).then(|| digits[digits.len() - 4..].iter().collect())
}

/// Give `target_id` (an item or an appointment) a new query code inside the caller's write, tied
/// to the last four digits of `phone` (as the validators store it). A code already taken is drawn
/// again. Recorded in the change log (entity `query_code`, the row id is the code). Returns the
/// code grouped for showing (`K7QM-3XPA`).
pub fn issue(tx: &mut Write<'_>, kind: QueryKind, target_id: &str, phone: &str) -> Result<String> {
    let last4 = phone_last4(phone).ok_or_else(|| {
        Error::field(
            "phone",
            "联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123",
        )
    })?;
    for _ in 0..MAX_DRAWS {
        let row = QueryCodeRow {
            code: generate_code()?,
            kind,
            target_id: target_id.to_string(),
            phone_last4: last4.clone(),
            created_at: now_utc(),
        };
        if db::insert_code(tx, &row)? {
            let value = serde_json::json!({
                "code": row.code,
                "kind": kind,
                "target_id": row.target_id,
                "phone_last4": row.phone_last4,
                "created_at": row.created_at,
            });
            tx.record(
                Entity::QueryCode,
                &row.code,
                "create",
                None::<&()>,
                Some(&value),
            )?;
            return Ok(format_code(&row.code));
        }
    }
    Err(Error::Invalid("无法生成查询码，请重试".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_look_alikes() {
        assert_eq!(CODE_ALPHABET.len(), 31);
        for c in b"01OIL" {
            assert!(!CODE_ALPHABET.contains(c), "{}", *c as char);
        }
        let mut sorted = CODE_ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), 31);
    }

    #[test]
    fn codes_are_typed_any_way() {
        assert_eq!(format_code("K7QM3XPA"), "K7QM-3XPA");
        for typed in ["K7QM-3XPA", "k7qm3xpa", " k7qm - 3xpa ", "K7QM－3XPA"] {
            assert_eq!(
                normalize_code(typed).as_deref(),
                Some("K7QM3XPA"),
                "{typed}"
            );
        }
        for wrong in [
            "",
            "K7QM-3XP",
            "K7QM-3XPAA",
            "K0QM-3XPA",
            "K7QM-3XPI",
            "查询码查询码查询",
        ] {
            assert_eq!(normalize_code(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn the_last_four_digits_are_the_numbers_own() {
        assert_eq!(phone_last4("13812345678").as_deref(), Some("5678"));
        assert_eq!(phone_last4("0536-8785123").as_deref(), Some("5123"));
        assert_eq!(phone_last4("0536-8785123-801").as_deref(), Some("5123"));
        assert_eq!(phone_last4("123"), None);
    }

    #[test]
    fn generated_codes_have_the_shape() {
        let code = generate_code().unwrap();
        assert_eq!(code.len(), CODE_LEN);
        assert_eq!(normalize_code(&code).as_deref(), Some(code.as_str()));
    }
}
