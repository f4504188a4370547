//! Passwords: the policy (at least 8 characters, letters and digits) and argon2id hashing.
//!
//! The parameters make one hash take a few hundred milliseconds on a modest office PC
//! (`cargo bench -p studio-core --bench login`): slow enough that guessing from a copied database
//! is expensive, fast enough that a login does not feel slow. They are stored in each PHC string, so
//! changing them later keeps old hashes verifiable.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{Error, Result};

pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

/// Memory in KiB, passes, lanes.
const M_COST: u32 = 64 * 1024;
const T_COST: u32 = 2;
const P_COST: u32 = 1;

fn hasher() -> Argon2<'static> {
    let params = Params::new(M_COST, T_COST, P_COST, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The policy, checked before anything is hashed or written. `field` is the form field to mark.
pub fn check_strength(field: &str, password: &str) -> Result<()> {
    let n = password.chars().count();
    let message = if n < MIN_LEN {
        Some(format!("密码至少 {MIN_LEN} 位"))
    } else if n > MAX_LEN {
        Some(format!("密码不能超过 {MAX_LEN} 位"))
    } else if !password.chars().any(|c| c.is_ascii_alphabetic())
        || !password.chars().any(|c| c.is_ascii_digit())
    {
        Some("密码须同时包含字母和数字".to_string())
    } else if password.chars().any(char::is_control) {
        Some("密码不能包含控制字符".to_string())
    } else {
        None
    };
    match message {
        Some(m) => Err(Error::field(field, m)),
        None => Ok(()),
    }
}

/// A PHC string (`$argon2id$v=19$m=…`) with a fresh random salt.
pub fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Invalid(format!("无法生成密码摘要：{e}")))
}

/// Whether `password` matches the stored PHC string (a malformed hash never matches).
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_needs_length_letters_and_digits() {
        assert!(check_strength("p", "abc12").is_err());
        assert!(check_strength("p", "abcdefgh").is_err());
        assert!(check_strength("p", "12345678").is_err());
        assert!(check_strength("p", "abcd1234").is_ok());
        let e = check_strength("p", "12345678").unwrap_err().to_string();
        assert!(e.contains("字母和数字"), "{e}");
    }

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash("Studio2026").unwrap();
        let b = hash("Studio2026").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b);
        assert!(verify("Studio2026", &a));
        assert!(!verify("studio2026", &a));
        assert!(!verify("Studio2026", "not a hash"));
    }
}
