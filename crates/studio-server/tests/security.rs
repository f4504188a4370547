//! The online studio's defences: escaping, CSRF, rate limits and the arithmetic question, the
//! honeypot, the body limit, paths outside the static folder, the security headers.

mod common;

use common::{fields, message, solve, Server, PAGES};
use reqwest::StatusCode;
use studio_core::items;

const XSS: &str = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

fn assert_escaped(path: &str, body: &str) {
    assert!(!body.contains("<script>alert(1)"), "{path}: {body}");
    assert!(!body.contains("<img src=x"), "{path}");
}

#[tokio::test(flavor = "multi_thread")]
async fn html_and_script_in_every_field_come_back_escaped() {
    let s = Server::start(|c| c.limits.challenge_after = 100).await;
    let (b, _) = s.open_form("/message").await;
    // Every field of 有事找代表 at once; the phone is refused, so the form comes back with them.
    let a = s
        .post(
            "/message",
            &b,
            &[
                ("name", XSS),
                ("phone", XSS),
                ("category", XSS),
                ("text", XSS),
                ("delegate_id", XSS),
                ("consent", XSS),
                ("publish_ok", XSS),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_escaped("/message", &a.body);
    assert!(a
        .body
        .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    let (b, _) = s.open_form("/appointment").await;
    let a = s
        .post(
            "/appointment",
            &b,
            &[
                ("name", XSS),
                ("phone", XSS),
                ("delegate_id", XSS),
                ("date", XSS),
                ("period", XSS),
                ("topic", XSS),
                ("consent", XSS),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_escaped("/appointment", &a.body);
    let (b, _) = s.open_form("/progress").await;
    let a = s
        .post("/progress", &b, &[("code", XSS), ("last4", XSS)])
        .await;
    assert_escaped("/progress", &a.body);
    // A stored message with markup in it: the receipt and every page stay clean.
    let (b, _) = s.open_form("/message").await;
    let m = message("张三<b>", "13912340000", XSS);
    let a = s.post("/message", &b, &fields(&m)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    for path in PAGES {
        assert_escaped(path, &s.get(path).await.body);
    }
    // Paths and queries are not echoed raw either.
    assert_escaped(
        "404",
        &s.get("/news/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            .await
            .body,
    );
    assert_escaped("page", &s.get("/news?page=%3Cscript%3Ealert(1)").await.body);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_post_without_its_csrf_token_is_refused() {
    let s = Server::start(|_| {}).await;
    let store = s.store();
    let admin = Server::admin();
    let before = items::item_count(&store, &admin).unwrap();
    let (b, _) = s.open_form("/message").await;
    let m = message("孙七", "13911112222", "没有令牌的留言");
    // No token.
    let a = s
        .http
        .post(s.url("/message"))
        .header("cookie", &b.cookie)
        .form(&fields(&m))
        .send()
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::FORBIDDEN);
    assert!(a.text().await.unwrap().contains("页面已过期"));
    // A token of another browser (another cookie).
    let (other, _) = s.open_form("/message").await;
    let mut f = fields(&m);
    f.push(("csrf", &other.token));
    assert_eq!(
        s.post("/message", &b, &f).await.status,
        StatusCode::FORBIDDEN
    );
    // A forged token, and no cookie at all.
    let mut f = fields(&m);
    f.push(("csrf", "00ff"));
    assert_eq!(
        s.post("/message", &b, &f).await.status,
        StatusCode::FORBIDDEN
    );
    let a = s
        .http
        .post(s.url("/progress"))
        .form(&[("code", "ABCD-EFGH"), ("last4", "1234"), ("csrf", &b.token)])
        .send()
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        items::item_count(&store, &admin).unwrap(),
        before,
        "nothing stored"
    );
    // With its token it goes through.
    assert_eq!(
        s.post("/message", &b, &fields(&m)).await.status,
        StatusCode::OK
    );
    assert_eq!(items::item_count(&store, &admin).unwrap(), before + 1);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rate_limits_hold_per_address_and_per_phone() {
    let s = Server::start(|c| {
        c.trust_forwarded_for = true;
        c.limits.per_ip = 3;
        c.limits.per_phone = 2;
        c.limits.challenge_after = 100;
    })
    .await;
    let (b, _) = s.open_form("/progress").await;
    let q = [("code", "ABCD-EFGH"), ("last4", "1234")];
    for _ in 0..3 {
        let a = s.post_from("/progress", &b, &q, Some("10.0.0.1")).await;
        assert_eq!(
            a.status,
            StatusCode::BAD_REQUEST,
            "a wrong code, but not limited"
        );
    }
    let a = s.post_from("/progress", &b, &q, Some("10.0.0.1")).await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(a.body.contains("太频繁"), "{}", a.body);
    // Another address is not limited.
    let a = s.post_from("/progress", &b, &q, Some("10.0.0.2")).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);

    // Per phone, whatever the address: the third message from one phone is refused.
    let (b, _) = s.open_form("/message").await;
    for (i, ip) in ["10.0.1.1", "10.0.1.2", "10.0.1.3"].iter().enumerate() {
        let m = message("周八", "13966667777", "同一个手机号的留言");
        let a = s.post_from("/message", &b, &fields(&m), Some(ip)).await;
        if i < 2 {
            assert_ne!(a.status, StatusCode::TOO_MANY_REQUESTS, "{ip}");
        } else {
            assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
            assert!(a.body.contains("该手机号"), "{}", a.body);
        }
    }
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_sends_must_answer_the_arithmetic_question() {
    let s = Server::start(|c| c.limits.challenge_after = 1).await;
    let store = s.store();
    let admin = Server::admin();
    let (b, form) = s.open_form("/message").await;
    assert!(!form.body.contains("请计算"), "not asked at first");
    let m = message("吴九", "13900000001", "第一条留言");
    assert_eq!(
        s.post("/message", &b, &fields(&m)).await.status,
        StatusCode::OK
    );
    // The next form asks; a send without the answer is shown again with the question.
    let form = s.get_as("/message", &b).await;
    assert!(form.body.contains("请计算"));
    let m = message("吴九", "13900000002", "第二条留言");
    let before = items::item_count(&store, &admin).unwrap();
    let a = s.post("/message", &b, &fields(&m)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("请回答算术题"));
    assert_eq!(items::item_count(&store, &admin).unwrap(), before);
    // A wrong answer is refused, the right one accepted.
    let (q, right) = solve(&a.body).unwrap();
    let mut f = fields(&m);
    f.push(("q", &q));
    f.push(("answer", "999"));
    let a = s.post("/message", &b, &f).await;
    assert!(a.body.contains("算术题答案不正确"), "{}", a.body);
    let (q, right2) = solve(&a.body).unwrap_or((q, right));
    let mut f = fields(&m);
    f.push(("q", &q));
    f.push(("answer", &right2));
    let a = s.post("/message", &b, &f).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(items::item_count(&store, &admin).unwrap(), before + 1);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filled_honeypot_stores_nothing() {
    let s = Server::start(|_| {}).await;
    let store = s.store();
    let admin = Server::admin();
    let before = items::item_count(&store, &admin).unwrap();
    let (b, _) = s.open_form("/message").await;
    let mut m = message("机器人", "13900009999", "广告");
    m.push(("website", "http://spam.example".into()));
    let a = s.post("/message", &b, &fields(&m)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(!a.body.contains("已收到"));
    assert_eq!(items::item_count(&store, &admin).unwrap(), before);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_over_the_limit_gets_413_in_chinese() {
    let s = Server::start(|c| c.body_limit = 4096).await;
    let (b, _) = s.open_form("/message").await;
    let long = "长".repeat(3000);
    let m = message("郑十", "13900001234", &long);
    let a = s.post("/message", &b, &fields(&m)).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.body.contains("提交的内容过长"), "{}", a.body);
    // Without a Content-Length the body is cut off while it streams: 413 as well.
    let body = format!("csrf={}&text={}", b.token, "x".repeat(10_000));
    let stream = futures_once(body);
    let a = s
        .http
        .post(s.url("/message"))
        .header("cookie", &b.cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::PAYLOAD_TOO_LARGE);
    s.stop().await;
}

/// A one-chunk body stream (sent chunked, without Content-Length).
fn futures_once(
    body: String,
) -> impl futures_core::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    Once(Some(body.into_bytes()))
}

struct Once(Option<Vec<u8>>);

impl futures_core::Stream for Once {
    type Item = Result<Vec<u8>, std::io::Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::task::Poll::Ready(self.0.take().map(Ok))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn paths_outside_the_static_folder_get_404() {
    let s = Server::start(|_| {}).await;
    for line in [
        "GET /static/../Cargo.toml HTTP/1.1",
        "GET /static/..%2F..%2FCargo.toml HTTP/1.1",
        "GET /static/%2e%2e/%2e%2e/demo.db HTTP/1.1",
        "GET /../demo.db HTTP/1.1",
        "GET /photos/..%2Fdemo.db HTTP/1.1",
        "GET /photos/../../demo.db HTTP/1.1",
        "GET /news/x/images/..%2F..%2Fdemo.db HTTP/1.1",
        "GET /news/x/images/.. HTTP/1.1",
    ] {
        let out = s.raw(line);
        assert!(
            out.starts_with("HTTP/1.1 404"),
            "{line}: {}",
            &out[..out.len().min(200)]
        );
        assert!(out.contains("您访问的页面不存在"), "{line}");
        assert!(!out.contains("SQLite format"), "{line}");
    }
    s.stop().await;
}

/// A page answered from the kept copy at the front door carries the same headers as a rendered
/// one, and each answer its own request id (or the one the university's proxy gave).
#[tokio::test(flavor = "multi_thread")]
async fn a_kept_page_has_the_rendered_pages_headers_and_its_own_request_id() {
    let s = Server::start(|c| c.page_cache_secs = 60).await;
    let first = s.get("/delegates").await;
    let kept = s.get("/delegates").await;
    assert_eq!(kept.body, first.body);
    for name in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "permissions-policy",
        "cache-control",
        "content-type",
        "vary",
    ] {
        assert_eq!(kept.headers.get(name), first.headers.get(name), "{name}");
    }
    assert_ne!(kept.headers["x-request-id"], first.headers["x-request-id"]);
    let res = s
        .http
        .get(s.url("/delegates"))
        .header("x-request-id", "proxy-7f3a")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "proxy-7f3a");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn security_headers_on_pages_errors_and_files() {
    let s = Server::start(|_| {}).await;
    for path in [
        "/",
        "/message",
        "/nowhere",
        "/static/studio.css",
        "/healthz",
    ] {
        let a = s.get(path).await;
        let h = |k: &str| {
            a.headers
                .get(k)
                .unwrap_or_else(|| panic!("{path}: {k}"))
                .to_str()
                .unwrap()
                .to_string()
        };
        let csp = h("content-security-policy");
        assert!(csp.contains("default-src 'none'"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("script-src"),
            "{path}"
        );
        assert_eq!(h("x-content-type-options"), "nosniff");
        assert_eq!(h("referrer-policy"), "same-origin");
        assert!(!h("x-request-id").is_empty());
    }
    let a = s.get("/message").await;
    let cookie = a.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let a = s.get("/nowhere").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("页面不存在"));
    assert!(a.body.contains("<html lang=\"zh-CN\">"));
    let a = s.get("/healthz").await;
    assert_eq!((a.status, a.body.as_str()), (StatusCode::OK, "ok"));
    // Compression for those who ask.
    let a = s
        .http
        .get(s.url("/rules"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(a.headers()["content-encoding"], "gzip");
    s.stop().await;
}
