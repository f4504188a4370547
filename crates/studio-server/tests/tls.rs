//! HTTPS with a given certificate (rustls), and `Secure` cookies behind a trusted TLS proxy.
//! Uses the system's `openssl` (to make a certificate) and `curl` (an HTTPS client).

mod common;

use std::process::Command;

use common::Server;

#[tokio::test(flavor = "multi_thread")]
async fn https_with_the_configured_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl is required (apt-get install openssl)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let (c, k) = (cert.clone(), key.clone());
    let s = Server::start(move |cfg| {
        cfg.tls_cert = Some(c);
        cfg.tls_key = Some(k);
    })
    .await;
    // A page with a form: it sets the CSRF cookie.
    let url = format!("https://{}/message", s.addr);
    let out = tokio::task::spawn_blocking(move || {
        Command::new("curl")
            .args(["-s", "-i", "--cacert"])
            .arg(&cert)
            .arg(&url)
            .output()
            .expect("curl is required (apt-get install curl)")
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.starts_with("HTTP/2 200") || text.starts_with("HTTP/1.1 200"),
        "{text}"
    );
    assert!(
        text.contains("strict-transport-security: max-age=31536000"),
        "{text}"
    );
    assert!(
        text.contains("; Secure"),
        "the CSRF cookie is Secure under TLS: {text}"
    );
    assert!(text.contains("网上工作室"));
    // Plain HTTP on the TLS port gets no page.
    let plain = format!("http://{}/", s.addr);
    let out = tokio::task::spawn_blocking(move || {
        Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "5",
            ])
            .arg(&plain)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert_ne!(String::from_utf8_lossy(&out.stdout), "200");
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn behind_a_trusted_tls_proxy_cookies_are_secure() {
    let s = Server::start(|c| c.trust_forwarded_for = true).await;
    let a = s
        .http
        .get(s.url("/message"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(a.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
    s.stop().await;
    // Not trusted: the header is anyone's to send, and changes nothing.
    let s = Server::start(|_| {}).await;
    let a = s
        .http
        .get(s.url("/message"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    assert!(!a.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Secure"));
    s.stop().await;
}
