//! A real server on 127.0.0.1 port 0 over a fresh demo database, and a plain HTTP client that
//! carries the CSRF cookie and token the way a browser does.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use reqwest::header::{HeaderMap, COOKIE, SET_COOKIE};
use reqwest::StatusCode;
use studio_core::{Actor, Ctx, Role, Store};
use studio_server::{Config, Running};

pub struct Server {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub http: reqwest::Client,
    running: Running,
    _dir: tempfile::TempDir,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Server {
    /// The demo database and the default settings, changed by `tweak`.
    pub async fn start(tweak: impl FnOnce(&mut Config)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let store = Store::open(&db).unwrap();
        studio_core::demo::load(&store, false).unwrap();
        let mut config = Config {
            addr: "127.0.0.1:0".parse().unwrap(),
            ..Config::default()
        };
        tweak(&mut config);
        let running = studio_server::start(config, store).await.unwrap();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Server {
            addr: running.addr,
            db,
            http,
            running,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A second handle on the server's database, for checking what was stored.
    pub fn store(&self) -> Store {
        Store::open_existing(&self.db).unwrap()
    }

    pub fn admin() -> Ctx {
        Ctx::now(Actor::new("测试管理员", Role::Admin))
    }

    pub async fn get(&self, path: &str) -> Answer {
        answer(self.http.get(self.url(path)).send().await.unwrap()).await
    }

    pub async fn get_as(&self, path: &str, browser: &Browser) -> Answer {
        let r = self
            .http
            .get(self.url(path))
            .header(COOKIE, &browser.cookie);
        answer(r.send().await.unwrap()).await
    }

    /// Open a form page as a new browser: its cookie and the form's token.
    pub async fn open_form(&self, path: &str) -> (Browser, Answer) {
        let a = self.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
        let cookie = a
            .headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("studio_csrf="))
            .expect("the CSRF cookie")
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let token = hidden(&a.body, "csrf").expect("the form's csrf field");
        (Browser { cookie, token }, a)
    }

    /// Post `fields` (and the browser's token unless `fields` has one) with its cookie.
    pub async fn post(&self, path: &str, b: &Browser, fields: &[(&str, &str)]) -> Answer {
        self.post_from(path, b, fields, None).await
    }

    /// The same, from the address `forwarded` (for a server that trusts X-Forwarded-For).
    pub async fn post_from(
        &self,
        path: &str,
        b: &Browser,
        fields: &[(&str, &str)],
        forwarded: Option<&str>,
    ) -> Answer {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        if !fields.iter().any(|(k, _)| *k == "csrf") {
            form.push(("csrf", &b.token));
        }
        let mut r = self
            .http
            .post(self.url(path))
            .header(COOKIE, &b.cookie)
            .form(&form);
        if let Some(ip) = forwarded {
            r = r.header("x-forwarded-for", ip);
        }
        answer(r.send().await.unwrap()).await
    }

    /// Send `request_line` as it is (no client normalises `..` away), return status line + body.
    pub fn raw(&self, request_line: &str) -> String {
        let mut s = std::net::TcpStream::connect(self.addr).unwrap();
        write!(
            s,
            "{request_line}\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Ask the server to stop without waiting: no new connections, requests in flight finish.
    pub fn begin_shutdown(&self) {
        self.running.shutdown();
    }

    pub async fn stop(self) {
        self.running.shutdown();
        self.running.wait().await.unwrap();
    }
}

pub struct Browser {
    pub cookie: String,
    pub token: String,
}

async fn answer(r: reqwest::Response) -> Answer {
    let status = r.status();
    let headers = r.headers().clone();
    let body = r.text().await.unwrap();
    Answer {
        status,
        headers,
        body,
    }
}

/// The value of the hidden input `name` in `html`.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &html[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The first `<option value="…">` inside the select `name` that is not empty.
pub fn first_option(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("<select id=\"f-{name}\""))?;
    let rest = &html[at..html[at..].find("</select>")? + at];
    rest.split("<option value=\"")
        .skip(1)
        .map(|o| o[..o.find('"').unwrap()].to_string())
        .find(|v| !v.is_empty())
}

/// The query code on a receipt page.
pub fn receipt_code(html: &str) -> Option<String> {
    let at = html.find("<p class=\"code\">")?;
    let rest = &html[at + 16..];
    Some(rest[..rest.find('<')?].to_string())
}

/// Answer the arithmetic question on a form page, if it has one: `(q token, answer)`.
pub fn solve(html: &str) -> Option<(String, String)> {
    let q = hidden(html, "q")?;
    let at = html.find("请计算：")?;
    let rest = &html[at + "请计算：".len()..];
    let nums: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    Some((q, (nums[0] + nums[1]).to_string()))
}

/// Every public page with demo data (the news post and the forms included).
pub const PAGES: &[&str] = &[
    "/",
    "/intro",
    "/news",
    "/news?page=2",
    "/schedule",
    "/delegates",
    "/rules",
    "/message",
    "/appointment",
    "/progress",
];

/// A valid message from `phone`.
pub fn message(name: &str, phone: &str, text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_string()),
        ("phone", phone.to_string()),
        ("category", "policy_inquiry".to_string()),
        ("text", text.to_string()),
        ("consent", "1".to_string()),
        ("publish_ok", "1".to_string()),
    ]
}

pub fn fields<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
