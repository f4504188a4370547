//! The server's life around slow and stopping requests, over real sockets: a client that sends its
//! headers and part of a body and then stalls gets 408 once `request_timeout_secs` has passed while
//! others are served meanwhile; a stop (SIGTERM's graceful shutdown) lets a request already in
//! flight finish — a message sent just then is stored and gets its receipt — and refuses new
//! connections.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{message, receipt_code, Browser, Server};
use reqwest::StatusCode;
use studio_core::items::{self, ItemQuery};

/// Open a raw connection and send a POST to `path` whose body is `body`, of which only the first
/// `sent` bytes go out now (the request line, the headers and `Content-Length` are complete).
fn partial_post(addr: SocketAddr, path: &str, cookie: &str, body: &str, sent: usize) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(&body.as_bytes()[..sent]).unwrap();
    s.flush().unwrap();
    s
}

/// Whether `out` holds a whole response (by its `Content-Length`, or a chunked body's end).
fn complete(out: &[u8]) -> bool {
    let text = String::from_utf8_lossy(out);
    let Some(end) = text.find("\r\n\r\n") else {
        return false;
    };
    let head = text[..end].to_ascii_lowercase();
    let body = &out[end + 4..];
    if let Some(l) = head.lines().find_map(|l| l.strip_prefix("content-length:")) {
        return body.len() >= l.trim().parse::<usize>().unwrap_or(0);
    }
    head.contains("transfer-encoding: chunked") && body.ends_with(b"0\r\n\r\n")
}

/// The server's response: read until it is whole, the connection closes or `limit` passes.
fn read_answer(s: &mut TcpStream, limit: Duration) -> String {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    while !complete(&out) {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => break,
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => panic!("{e}"),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A message form body with the browser's token, url-encoded.
fn message_body(b: &Browser, name: &str, phone: &str, text: &str) -> String {
    let mut fields = message(name, phone, text);
    fields.push(("csrf", b.token.clone()));
    serde_urlencoded::to_string(&fields).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stalled_body_gets_408_after_the_timeout_while_others_are_served() {
    let s = Server::start(|c| c.request_timeout_secs = 2).await;
    let (b, _) = s.open_form("/message").await;
    let body = message_body(&b, "孙慢慢", "13700001111", "图书馆开放时间问题");
    let started = Instant::now();
    let mut slow = partial_post(s.addr, "/message", &b.cookie, &body, 20);

    // While it stalls, other visitors get their pages at once.
    for path in ["/", "/healthz", "/answers"] {
        let t = Instant::now();
        let a = s.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(t.elapsed() < Duration::from_secs(2), "{path} waited");
    }
    assert!(started.elapsed() < Duration::from_secs(2));

    let answer =
        tokio::task::spawn_blocking(move || read_answer(&mut slow, Duration::from_secs(15)))
            .await
            .unwrap();
    let took = started.elapsed();
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "after {took:?}: {answer}"
    );
    // Not before the configured two seconds, and not long after them.
    assert!(took >= Duration::from_secs(2), "{took:?}");
    assert!(took < Duration::from_secs(8), "{took:?}");
    // The Chinese error page, as every error.
    assert!(
        answer.contains("请求超时") || answer.contains("超时"),
        "{answer}"
    );
    // The message was never stored.
    let found = items::list_items(
        &s.store(),
        &Server::admin(),
        &ItemQuery {
            q: "孙慢慢".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 0);
    // And the server goes on serving.
    assert_eq!(s.get("/message").await.status, StatusCode::OK);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_in_flight_at_shutdown_completes_and_new_connections_are_refused() {
    let s = Server::start(|_| {}).await;
    let (b, _) = s.open_form("/message").await;
    let body = message_body(&b, "周在途", "13700002222", "体育馆晚间开放时间太短");
    let half = body.len() / 2;
    let mut inflight = partial_post(s.addr, "/message", &b.cookie, &body, half);
    // The server has read the headers and waits for the rest of the body.
    tokio::time::sleep(Duration::from_millis(300)).await;

    s.begin_shutdown();
    // New connections are refused once the listener is closed (at once; a moment's grace).
    let addr = s.addr;
    let refused = tokio::task::spawn_blocking(move || {
        let until = Instant::now() + Duration::from_secs(3);
        loop {
            match TcpStream::connect_timeout(&addr, Duration::from_millis(500)) {
                Err(e) => return Some(e.kind()),
                Ok(_) if Instant::now() > until => return None,
                Ok(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    })
    .await
    .unwrap();
    assert_eq!(refused, Some(ErrorKind::ConnectionRefused));

    // The request in flight gets the rest of its body and its whole answer: the receipt.
    let rest = body.as_bytes()[half..].to_vec();
    let answer = tokio::task::spawn_blocking(move || {
        inflight.write_all(&rest).unwrap();
        read_answer(&mut inflight, Duration::from_secs(10))
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let code = receipt_code(&answer).expect("the receipt's query code");
    // The message is stored under that code.
    let store = s.store();
    let found = items::list_items(
        &store,
        &Server::admin(),
        &ItemQuery {
            q: code.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1, "{code}");
    assert_eq!(found.items[0].person_name, "周在途");
    // The server then stops by itself.
    tokio::time::timeout(Duration::from_secs(15), s.stop())
        .await
        .expect("the server stopped after its last request");
}
