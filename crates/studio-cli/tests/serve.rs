//! `studio --db X serve --addr 127.0.0.1:0`: starts on the demo database, prints the address it
//! listens on, answers /healthz and a public page, stops cleanly on SIGTERM; refuses a missing
//! database and a second server on the same database.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_answers_healthz_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let demo = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(&db)
        .arg("demo")
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.path().join("serve.log")).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("已启动：http://")
        .unwrap_or_else(|| panic!("the address on stdout: {line:?}"))
        .to_string();
    assert!(!addr.ends_with(":0"), "the real port: {addr}");
    let health = get(&addr, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.ends_with("ok"), "{health}");
    let home = get(&addr, "/delegates");
    assert!(home.starts_with("HTTP/1.1 200") && home.contains("代表风采"));

    // A second server on the same database is refused (the database lock).
    let second = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));

    // SIGTERM: a graceful stop, exit code 0.
    #[cfg(unix)]
    {
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        let status = child.wait().unwrap();
        assert!(status.success(), "{status:?}");
        // The log (written by its own thread, in batches) has every line once stopped: the
        // request's, with its status, and the stop.
        let log = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
        assert!(
            log.lines()
                .any(|l| l.contains("path=/delegates") && l.contains("status=200")),
            "{log}"
        );
        assert!(log.contains("正在停止"), "{log}");
    }
    #[cfg(not(unix))]
    {
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

#[test]
fn serve_refuses_a_missing_database_and_a_bad_config() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(dir.path().join("none.db"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("数据库不存在"));
    let cfg = dir.path().join("server.toml");
    std::fs::write(&cfg, "adr = \"127.0.0.1:0\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--db")
        .arg(dir.path().join("none.db"))
        .arg("serve")
        .arg("--config")
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("配置文件有误"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
