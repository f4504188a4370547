//! The server's settings: built-in defaults, then a TOML file (`--config FILE`), then `STUDIO_*`
//! environment variables, then the command line (`--addr`). Unknown keys in the file are refused
//! (a mistyped key must not silently leave a limit at its default).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Everything `studio serve` can be told. See README, 运维指南, for an example file.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on (`127.0.0.1:8080`; port 0 picks a free port).
    pub addr: SocketAddr,
    /// The database (the desktop's schema). Default: `<data_dir>/studio.db`.
    pub db: Option<PathBuf>,
    /// The server's data folder: the default place of the database; photos and news images are in
    /// the database's files folder beside it (`studio.files/`, decided by the core).
    pub data_dir: Option<PathBuf>,
    /// TLS certificate chain and private key (PEM). Both or neither; without them plain HTTP
    /// (behind the university's reverse proxy).
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// Take the client's address from the last `X-Forwarded-For` entry (only behind a proxy that
    /// sets it; otherwise anyone could choose their address and escape the rate limits).
    pub trust_forwarded_for: bool,
    /// Largest request body in bytes; larger gets 413.
    pub body_limit: usize,
    /// A request taking longer than this many seconds is answered 408/503 and dropped.
    pub request_timeout_secs: u64,
    /// Secret for the CSRF tokens (at least 32 characters). Without one a random secret is made
    /// at each start (forms opened before a restart are then refused once and shown again).
    pub csrf_secret: Option<String>,
    /// Logs as JSON lines (for a log collector) instead of text.
    pub log_json: bool,
    /// How long a rendered public page (首页, 代表风采, …) is served again from memory. The
    /// server's own writes renew it at once; a change made outside it (the `studio` command on
    /// the same database) shows after at most this many seconds. 0: render every request.
    pub page_cache_secs: u64,
    pub limits: RateLimits,
}

/// Spam control of the public forms (in memory, per server process).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimits {
    /// Form sends (有事找代表, 约见党代表, 查询进度) per client address per window.
    pub per_ip: u32,
    /// Messages and requests per phone number per window.
    pub per_phone: u32,
    /// The window in seconds.
    pub window_secs: u64,
    /// From this many sends per address in the window on, the form asks an arithmetic question.
    pub challenge_after: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_ip: 20,
            per_phone: 5,
            window_secs: 600,
            challenge_after: 3,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: None,
            data_dir: None,
            tls_cert: None,
            tls_key: None,
            trust_forwarded_for: false,
            body_limit: 64 * 1024,
            request_timeout_secs: 30,
            csrf_secret: None,
            log_json: false,
            page_cache_secs: 2,
            limits: RateLimits::default(),
        }
    }
}

/// A setting that could not be read: the Chinese reason, for the operator.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Config {
    /// Defaults, then `file` (if given), then the environment (`STUDIO_*`).
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut c = match file {
            Some(p) => Self::from_toml(
                &std::fs::read_to_string(p)
                    .map_err(|e| ConfigError(format!("无法读取配置文件 {}：{e}", p.display())))?,
            )?,
            None => Config::default(),
        };
        c.apply_env(|k| std::env::var(k).ok())?;
        c.check()?;
        Ok(c)
    }

    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError(format!("配置文件有误：{}", e.message())))
    }

    /// Override from `STUDIO_ADDR`, `STUDIO_DB`, `STUDIO_DATA_DIR`, `STUDIO_TLS_CERT`,
    /// `STUDIO_TLS_KEY`, `STUDIO_TRUST_FORWARDED_FOR`, `STUDIO_BODY_LIMIT`,
    /// `STUDIO_REQUEST_TIMEOUT_SECS`, `STUDIO_CSRF_SECRET`, `STUDIO_LOG_JSON`,
    /// `STUDIO_PAGE_CACHE_SECS`,
    /// `STUDIO_LIMIT_PER_IP`, `STUDIO_LIMIT_PER_PHONE`, `STUDIO_LIMIT_WINDOW_SECS`,
    /// `STUDIO_LIMIT_CHALLENGE_AFTER`.
    pub fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(key: &str, v: &str) -> Result<T, ConfigError> {
            v.trim()
                .parse()
                .map_err(|_| ConfigError(format!("环境变量 {key} 的值无效：{v}")))
        }
        fn flag(key: &str, v: &str) -> Result<bool, ConfigError> {
            match v.trim() {
                "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" | "" => Ok(false),
                _ => Err(ConfigError(format!(
                    "环境变量 {key} 应为 true 或 false：{v}"
                ))),
            }
        }
        let get = |k: &str| var(k).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("STUDIO_ADDR") {
            self.addr = parse("STUDIO_ADDR", &v)?;
        }
        if let Some(v) = get("STUDIO_DB") {
            self.db = Some(v.into());
        }
        if let Some(v) = get("STUDIO_DATA_DIR") {
            self.data_dir = Some(v.into());
        }
        if let Some(v) = get("STUDIO_TLS_CERT") {
            self.tls_cert = Some(v.into());
        }
        if let Some(v) = get("STUDIO_TLS_KEY") {
            self.tls_key = Some(v.into());
        }
        if let Some(v) = get("STUDIO_TRUST_FORWARDED_FOR") {
            self.trust_forwarded_for = flag("STUDIO_TRUST_FORWARDED_FOR", &v)?;
        }
        if let Some(v) = get("STUDIO_BODY_LIMIT") {
            self.body_limit = parse("STUDIO_BODY_LIMIT", &v)?;
        }
        if let Some(v) = get("STUDIO_REQUEST_TIMEOUT_SECS") {
            self.request_timeout_secs = parse("STUDIO_REQUEST_TIMEOUT_SECS", &v)?;
        }
        if let Some(v) = get("STUDIO_CSRF_SECRET") {
            self.csrf_secret = Some(v);
        }
        if let Some(v) = get("STUDIO_LOG_JSON") {
            self.log_json = flag("STUDIO_LOG_JSON", &v)?;
        }
        if let Some(v) = get("STUDIO_PAGE_CACHE_SECS") {
            self.page_cache_secs = parse("STUDIO_PAGE_CACHE_SECS", &v)?;
        }
        if let Some(v) = get("STUDIO_LIMIT_PER_IP") {
            self.limits.per_ip = parse("STUDIO_LIMIT_PER_IP", &v)?;
        }
        if let Some(v) = get("STUDIO_LIMIT_PER_PHONE") {
            self.limits.per_phone = parse("STUDIO_LIMIT_PER_PHONE", &v)?;
        }
        if let Some(v) = get("STUDIO_LIMIT_WINDOW_SECS") {
            self.limits.window_secs = parse("STUDIO_LIMIT_WINDOW_SECS", &v)?;
        }
        if let Some(v) = get("STUDIO_LIMIT_CHALLENGE_AFTER") {
            self.limits.challenge_after = parse("STUDIO_LIMIT_CHALLENGE_AFTER", &v)?;
        }
        Ok(())
    }

    /// Refuse settings that cannot work.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.tls_cert.is_some() != self.tls_key.is_some() {
            return Err(ConfigError(
                "TLS 证书（tls_cert）和私钥（tls_key）须同时配置".into(),
            ));
        }
        if !(1024..=16 * 1024 * 1024).contains(&self.body_limit) {
            return Err(ConfigError(
                "body_limit 应在 1024 到 16777216 字节之间".into(),
            ));
        }
        if self.request_timeout_secs == 0 || self.limits.window_secs == 0 {
            return Err(ConfigError("超时和限流时间窗口不能为 0".into()));
        }
        if self.page_cache_secs > 3600 {
            return Err(ConfigError("page_cache_secs 不能超过 3600 秒".into()));
        }
        if matches!(&self.csrf_secret, Some(s) if s.len() < 32) {
            return Err(ConfigError("csrf_secret 至少 32 个字符".into()));
        }
        Ok(())
    }

    /// The database to open: `db`, or `studio.db` in `data_dir`, or `None` (the caller's default).
    pub fn db_path(&self) -> Option<PathBuf> {
        self.db
            .clone()
            .or_else(|| self.data_dir.as_ref().map(|d| d.join("studio.db")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment() {
        let mut c = Config::from_toml(
            "addr = \"0.0.0.0:9000\"\ntrust_forwarded_for = true\n[limits]\nper_ip = 7\n",
        )
        .unwrap();
        assert_eq!(c.addr.port(), 9000);
        assert_eq!(c.limits.per_ip, 7);
        assert_eq!(c.limits.per_phone, RateLimits::default().per_phone);
        c.apply_env(|k| (k == "STUDIO_LIMIT_PER_IP").then(|| "9".to_string()))
            .unwrap();
        assert_eq!(c.limits.per_ip, 9);
        assert!(c.trust_forwarded_for);
    }

    #[test]
    fn mistakes_are_refused_in_chinese() {
        let e = Config::from_toml("per_ipp = 3").unwrap_err();
        assert!(e.0.contains("配置文件有误"), "{e}");
        let c = Config {
            tls_cert: Some("a.pem".into()),
            ..Config::default()
        };
        assert!(c.check().unwrap_err().0.contains("同时配置"));
        let mut c = Config::default();
        let e = c
            .apply_env(|k| (k == "STUDIO_BODY_LIMIT").then(|| "lots".to_string()))
            .unwrap_err();
        assert!(e.0.contains("STUDIO_BODY_LIMIT"), "{e}");
    }
}
