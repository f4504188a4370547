//! What every CLI test file runs: the built `studio` on a database, its output as text. Each test
//! file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `studio --db DB ARGS…` with `env` set, and nothing from the caller's STUDIO_DB / STUDIO_PASSWORD.
pub fn studio_env(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_studio"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STUDIO_DB")
        .env_remove("STUDIO_PASSWORD");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run studio")
}

/// `studio --db DB ARGS…`.
pub fn studio(db: &Path, args: &[&str]) -> Output {
    studio_env(db, args, &[])
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
