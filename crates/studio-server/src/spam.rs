//! Spam control of the public forms, without outside services and in memory: a count of sends per
//! client address and per phone number in a fixed window ([`RateLimits`]), an arithmetic question
//! from the `challenge_after`-th send of an address on, and the honeypot field (a text box hidden
//! from people that a form-filling robot fills in). The core keeps its own bound besides (one
//! message per phone per minute).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::config::RateLimits;
use crate::csrf::CsrfKey;
use crate::error::PageError;

/// The honeypot field's name: people never see it, so anything in it is a robot's.
pub const HONEYPOT: &str = "website";
pub const TOO_MANY_FROM_IP: &str = "您提交得太频繁了，请稍后再试";
pub const TOO_MANY_FOR_PHONE: &str = "该手机号提交次数过多，请稍后再试";
pub const WRONG_ANSWER: &str = "算术题答案不正确，请重新计算";
/// A question older than this is refused (the form was left open too long).
const QUESTION_TTL_SECS: u64 = 30 * 60;
/// Beyond this many tracked keys, expired windows are dropped at the next count.
const PRUNE_AT: usize = 10_000;

struct Counter<K> {
    windows: Mutex<HashMap<K, (Instant, u32)>>,
}

impl<K: Hash + Eq + Clone> Counter<K> {
    fn new() -> Self {
        Counter {
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Count one more for `key` and return the count in its current window (the first is 1).
    fn bump(&self, key: &K, window: Duration) -> u32 {
        let now = Instant::now();
        let mut m = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if m.len() > PRUNE_AT {
            m.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let e = m.entry(key.clone()).or_insert((now, 0));
        if now.duration_since(e.0) >= window {
            *e = (now, 0);
        }
        e.1 = e.1.saturating_add(1);
        e.1
    }

    /// The count in `key`'s current window, without counting.
    fn peek(&self, key: &K, window: Duration) -> u32 {
        let m = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        m.get(key)
            .filter(|(start, _)| start.elapsed() < window)
            .map_or(0, |(_, n)| *n)
    }
}

/// The per-process spam guard (one per server).
pub struct SpamGuard {
    limits: RateLimits,
    ips: Counter<IpAddr>,
    phones: Counter<String>,
}

/// An arithmetic question for the form: `a + b = ?`, with its signed token.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Question {
    pub a: u32,
    pub b: u32,
    /// The hidden field `q`: `a.b.time.signature`.
    pub token: String,
}

impl SpamGuard {
    pub fn new(limits: RateLimits) -> Self {
        SpamGuard {
            limits,
            ips: Counter::new(),
            phones: Counter::new(),
        }
    }

    fn window(&self) -> Duration {
        Duration::from_secs(self.limits.window_secs)
    }

    /// Whether the next send from `ip` must answer the question.
    pub fn needs_question(&self, ip: IpAddr) -> bool {
        self.ips.peek(&ip, self.window()) >= self.limits.challenge_after
    }

    /// Count a send from `ip`: refused (429) over the limit. Returns whether this send had to
    /// carry an answered question.
    pub fn count_ip(&self, ip: IpAddr) -> Result<bool, PageError> {
        let n = self.ips.bump(&ip, self.window());
        if n > self.limits.per_ip {
            return Err(PageError::TooMany(TOO_MANY_FROM_IP.into()));
        }
        Ok(n > self.limits.challenge_after)
    }

    /// Count a message or request for `phone` (digits only are compared): refused over the limit.
    pub fn count_phone(&self, phone: &str) -> Result<(), PageError> {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return Ok(());
        }
        if self.phones.bump(&digits, self.window()) > self.limits.per_phone {
            return Err(PageError::TooMany(TOO_MANY_FOR_PHONE.into()));
        }
        Ok(())
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A new question signed with the server's key.
pub fn question(key: &CsrfKey) -> Question {
    let mut r = [0u8; 2];
    getrandom::getrandom(&mut r).expect("the OS random source");
    let (a, b) = (u32::from(r[0] % 9) + 1, u32::from(r[1] % 9) + 1);
    let body = format!("{a}.{b}.{}", unix_now());
    let token = format!("{body}.{}", key.token(&format!("q:{body}")));
    Question { a, b, token }
}

/// Whether `answer` answers the question `token` (signed by this server, not too old).
pub fn answer_ok(key: &CsrfKey, token: &str, answer: &str) -> bool {
    let mut parts = token.splitn(4, '.');
    let (Some(a), Some(b), Some(t), Some(sig)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if !key.verify(&format!("q:{a}.{b}.{t}"), sig) {
        return false;
    }
    let fresh = t
        .parse::<u64>()
        .is_ok_and(|t| unix_now().saturating_sub(t) <= QUESTION_TTL_SECS);
    let sum = a
        .parse::<u32>()
        .ok()
        .zip(b.parse::<u32>().ok())
        .map(|(a, b)| a + b);
    fresh && sum.is_some() && answer.trim().parse::<u32>().ok() == sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> RateLimits {
        RateLimits {
            per_ip: 4,
            per_phone: 2,
            window_secs: 600,
            challenge_after: 2,
        }
    }

    #[test]
    fn an_address_is_asked_then_refused() {
        let g = SpamGuard::new(limits());
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(!g.needs_question(ip));
        assert!(!g.count_ip(ip).unwrap());
        assert!(!g.count_ip(ip).unwrap());
        assert!(g.needs_question(ip));
        assert!(g.count_ip(ip).unwrap());
        assert!(g.count_ip(ip).unwrap());
        assert!(matches!(g.count_ip(ip), Err(PageError::TooMany(_))));
        // Another address is not affected.
        assert!(!g.count_ip("10.0.0.2".parse().unwrap()).unwrap());
    }

    #[test]
    fn a_phone_is_counted_by_its_digits() {
        let g = SpamGuard::new(limits());
        g.count_phone("138 0013 8000").unwrap();
        g.count_phone("13800138000").unwrap();
        assert!(g.count_phone("138-0013-8000").is_err());
    }

    #[test]
    fn questions_are_signed() {
        let k = CsrfKey::new(None);
        let q = question(&k);
        assert!(answer_ok(&k, &q.token, &(q.a + q.b).to_string()));
        assert!(!answer_ok(&k, &q.token, &(q.a + q.b + 1).to_string()));
        let forged = format!("1.1.{}", &q.token[q.token.find('.').unwrap() + 3..]);
        assert!(!answer_ok(&k, &forged, "2") || (q.a == 1 && q.b == 1));
        assert!(!answer_ok(
            &CsrfKey::new(None),
            &q.token,
            &(q.a + q.b).to_string()
        ));
    }
}
