//! The crash harness: kill a writer with SIGKILL at random moments and check what it leaves.
//!
//! - **database**: a child process commits delegations one by one through the core and prints each
//!   acknowledged id; the parent kills it after a random 5–300 ms, reopens the database as the app
//!   would, and checks that every id acknowledged so far (in this trial and all before: the trials
//!   share one database) is there, with its change record, that at most one write per kill was
//!   committed without being acknowledged, that `PRAGMA integrity_check` is `ok`, and that the
//!   folder holds nothing but the database and its WAL files.
//! - **file**: a child saves files of 100 KB–3 MB over one target with `files::write_atomic`; after
//!   each kill the target is whole (its header's length and checksum match) and is the last
//!   acknowledged version or the one after it; the only other thing ever present is one temporary
//!   file, which `files::clean_temporaries` removes.
//! - **full disk**: a 1.5 MB file written over a whole 1 MB file on a 2 MB tmpfs fails with
//!   磁盘空间不足, the old file is unchanged and no temporary is left. Without root (or where mount
//!   fails) the same is checked with `RLIMIT_FSIZE` in a child process (the write fails with EFBIG).
//!
//! No extra binary: the test binary runs itself again (`--exact crash_child`) with
//! `STUDIO_CRASH_CHILD=<mode>`; `crash_child` does nothing without that variable.
//! `STUDIO_CRASH_TRIALS` (default 20) sets the kills per mode, `STUDIO_CRASH_SEED` repeats the
//! delays and sizes of a run (where a kill lands still depends on the machine's timing), and
//! `STUDIO_CRASH_FULL_DISK=fsize` forces the `RLIMIT_FSIZE` path. `scripts/bench/crash-trials.sh`
//! runs 200 kills per mode. A kill tests the process dying, not the machine losing power: data the
//! kernel already holds survives it either way (the fsyncs are for power cuts, see `files.rs`).
#![cfg(unix)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use studio_core::files::{self, TEMP_PREFIX};
use studio_core::roster::{self, DelegationInput};
use studio_core::{maintenance, Actor, Ctx, Entity, Role, Store};

const CHILD_ENV: &str = "STUDIO_CRASH_CHILD";
const CHILD_TEST: &str = "crash_child";
/// A child left running on its own (its parent gone without killing it) stops after this long.
const CHILD_MAX: Duration = Duration::from_secs(120);

fn trials() -> usize {
    std::env::var("STUDIO_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

fn seed(mode: &str) -> u64 {
    let seed = std::env::var("STUDIO_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("crash {mode}: seed {seed} (STUDIO_CRASH_SEED={seed} repeats the delays and sizes)");
    seed
}

fn ctx() -> Ctx {
    Ctx::now(Actor::new("测试", Role::Admin))
}

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set")))
}

// ---- the child: runs only when the parent re-executes this binary ---------------------------------

#[test]
fn crash_child() {
    let Ok(mode) = std::env::var(CHILD_ENV) else {
        return;
    };
    // libtest has printed "test crash_child ... " without a newline: end that line first, or the
    // child's first line would be glued to it.
    println!();
    match mode.as_str() {
        "db" => child_db(),
        "file" => child_file(),
        "fsize" => child_fsize(),
        other => panic!("unknown {CHILD_ENV}={other}"),
    }
}

/// Print one line and flush it; false once the parent is gone (the pipe is closed).
fn say(out: &mut impl Write, line: &str) -> bool {
    writeln!(out, "{line}").and_then(|()| out.flush()).is_ok()
}

fn child_db() {
    let path = env_path("STUDIO_CRASH_DB");
    let trial = std::env::var("STUDIO_CRASH_TRIAL").unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let store = Store::open(&path).expect("open the database");
    let ctx = ctx();
    if !say(&mut out, "OPEN") {
        return;
    }
    let start = Instant::now();
    for n in 0u64.. {
        if start.elapsed() > CHILD_MAX {
            return;
        }
        let input = DelegationInput {
            name: format!("崩溃{trial}-{n}"),
            ..Default::default()
        };
        let d = roster::create_delegation(&store, &ctx, &input).expect("commit a delegation");
        // Acknowledged only now, once the commit has returned.
        if !say(&mut out, &format!("ACK {}", d.id)) {
            return;
        }
    }
}

fn child_file() {
    let target = env_path("STUDIO_CRASH_TARGET");
    let mut seq: u64 = std::env::var("STUDIO_CRASH_SEQ")
        .expect("STUDIO_CRASH_SEQ")
        .parse()
        .expect("a number");
    let mut rng = fastrand::Rng::with_seed(seq);
    let mut out = std::io::stdout().lock();
    let start = Instant::now();
    while start.elapsed() < CHILD_MAX {
        let bytes = make_file(seq, rng.usize(100_000..=3_000_000));
        files::write_atomic(&target, &bytes).expect("save the file");
        if !say(&mut out, &format!("SAVED {seq}")) {
            return;
        }
        seq += 1;
    }
}

/// Write a 1.5 MB file over `STUDIO_CRASH_TARGET` with files limited to `STUDIO_CRASH_FSIZE`
/// bytes, and print the outcome.
fn child_fsize() {
    let target = env_path("STUDIO_CRASH_TARGET");
    let limit: libc::rlim_t = std::env::var("STUDIO_CRASH_FSIZE")
        .expect("STUDIO_CRASH_FSIZE")
        .parse()
        .expect("a number");
    // SAFETY: plain system calls on this process; SIG_IGN makes a write past the limit return EFBIG
    // instead of killing the process with SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let lim = libc::rlimit {
            rlim_cur: limit,
            rlim_max: limit,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &lim), 0, "setrlimit");
    }
    let bytes = make_file(2, 1_500_000);
    match files::write_atomic(&target, &bytes) {
        Ok(()) => println!("RESULT ok"),
        Err(e) => println!("RESULT err {e}"),
    }
}

// ---- the files the file modes write: a header with the length and a checksum ------------------------

const MAGIC: &[u8; 8] = b"STCRASH1";
const HEADER: usize = 32;

/// The body of version `seq`: a random 4 KB block of this version, repeated, each copy starting with
/// its number; and the checksum of that block. Copying is quick even unoptimised, so the child
/// spends its time writing (where the kills should land) rather than computing: a checksum of the
/// whole 3 MB took as long as writing it in the debug build.
fn make_body(seq: u64, body_len: usize) -> (Vec<u8>, u64) {
    let mut block = [0u8; 4096];
    fastrand::Rng::with_seed(seq ^ 0x5eed_f11e).fill(&mut block);
    let sum = fnv(&block);
    let mut body = Vec::with_capacity(body_len);
    for i in 0..body_len.div_ceil(block.len()) {
        block[..8].copy_from_slice(&(i as u64 ^ seq).to_le_bytes());
        body.extend_from_slice(&block[..block.len().min(body_len - body.len())]);
    }
    (body, sum)
}

/// A file of `len` bytes in all: MAGIC, body length, sequence number, checksum, then the body.
fn make_file(seq: u64, len: usize) -> Vec<u8> {
    let (body, sum) = make_body(seq, len.saturating_sub(HEADER));
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&seq.to_le_bytes());
    out.extend_from_slice(&sum.to_le_bytes());
    out.extend_from_slice(&body);
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The sequence number of a whole, valid file; why not otherwise. Valid: the length in the header
/// is the body's, the checksum is that version's, and the body is, byte for byte, what that version
/// wrote (a comparison, quick where a checksum of 3 MB is not).
fn parse_file(bytes: &[u8]) -> Result<u64, String> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(format!("no header ({} bytes)", bytes.len()));
    }
    let field = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
    let (len, seq, sum) = (field(8), field(16), field(24));
    let body = &bytes[HEADER..];
    if body.len() as u64 != len {
        return Err(format!(
            "version {seq} is partial: {} of {len} body bytes",
            body.len()
        ));
    }
    let (expected, expected_sum) = make_body(seq, body.len());
    if sum != expected_sum || body != expected.as_slice() {
        return Err(format!(
            "version {seq}: the content does not match its checksum"
        ));
    }
    Ok(seq)
}

// ---- the parent: run a child, kill it, read what it acknowledged -------------------------------------

/// Kills and reaps the child if the parent panics first.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Run {
    /// Complete lines the child printed (a line cut short by the kill is not an acknowledgement).
    lines: Vec<String>,
    stderr: String,
    status: ExitStatus,
}

impl Run {
    fn killed(&self) -> bool {
        self.status.signal() == Some(libc::SIGKILL)
    }

    fn values<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.lines
            .iter()
            .filter_map(move |l| l.strip_prefix(prefix))
    }

    fn explain(&self) -> String {
        format!(
            "child ended with {:?} (not killed); stderr:\n{}",
            self.status, self.stderr
        )
    }
}

/// Run the child in `mode`; SIGKILL it after `kill_after`, or let it finish when `None`.
fn run_child(mode: &str, envs: &[(&str, &str)], kill_after: Option<Duration>) -> Run {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, mode)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = ChildGuard(cmd.spawn().expect("start the child"));
    let stdout = child.0.stdout.take().unwrap();
    let stderr = child.0.stderr.take().unwrap();
    // Read while the child runs, so a full pipe never stalls it.
    let lines = std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        let mut lines = Vec::new();
        let mut line = String::new();
        while r.read_line(&mut line).unwrap_or(0) > 0 {
            if let Some(l) = line.strip_suffix('\n') {
                lines.push(l.to_string());
            }
            line.clear();
        }
        lines
    });
    let errs = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = BufReader::new(stderr).read_to_string(&mut s);
        s
    });
    if let Some(d) = kill_after {
        std::thread::sleep(d);
        // `Child::kill` sends SIGKILL on unix.
        child.0.kill().expect("SIGKILL the child");
    }
    let status = child.0.wait().expect("wait for the child");
    Run {
        lines: lines.join().expect("stdout reader"),
        stderr: errs.join().expect("stderr reader"),
        status,
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

// ---- database ----------------------------------------------------------------------------------------

#[test]
fn database_keeps_every_acknowledged_write_through_sigkill() {
    let trials = trials();
    let seed = seed("db");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("studio.db");
    let db_arg = db.to_str().unwrap().to_string();
    let ctx = ctx();
    let started = Instant::now();

    let mut acked: Vec<String> = Vec::new();
    let mut rows_before = 0usize;
    let (mut checks, mut unacked_commits, mut before_open) = (0usize, 0usize, 0usize);
    let mut failures: Vec<String> = Vec::new();
    for trial in 0..trials {
        let delay = Duration::from_millis(rng.u64(5..=300));
        let trial_arg = trial.to_string();
        let run = run_child(
            "db",
            &[
                ("STUDIO_CRASH_DB", &db_arg),
                ("STUDIO_CRASH_TRIAL", &trial_arg),
            ],
            Some(delay),
        );
        let at = format!("trial {trial} (killed after {delay:?})");
        if !run.killed() {
            failures.push(format!("{at}: {}", run.explain()));
        }
        if !run.lines.iter().any(|l| l == "OPEN") {
            before_open += 1;
        }
        let new: Vec<String> = run.values("ACK ").map(str::to_string).collect();
        acked.extend(new.iter().cloned());
        match verify_db(&db, &ctx, &acked) {
            Ok(rows) => {
                checks += acked.len();
                // A kill can land between a commit and its acknowledgement: one such write at most.
                match (rows - rows_before).checked_sub(new.len()) {
                    Some(0) => {}
                    Some(1) => unacked_commits += 1,
                    _ => failures.push(format!(
                        "{at}: {} rows appeared for {} acknowledged writes",
                        rows - rows_before,
                        new.len()
                    )),
                }
                rows_before = rows;
            }
            Err(e) => failures.push(format!("{at}: {e}")),
        }
    }
    println!(
        "CRASH-SUMMARY mode=db trials={trials} acknowledged={} checks={checks} \
         unacknowledged_commits={unacked_commits} killed_before_open={before_open} \
         failures={} seconds={:.1} seed={seed}",
        acked.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "seed {seed}: {failures:#?}");
}

/// Reopen as the app does and check the database; the number of delegations.
fn verify_db(db: &Path, ctx: &Ctx, acked: &[String]) -> Result<usize, String> {
    let store = Store::open(db).map_err(|e| format!("reopen: {e}"))?;
    let report = maintenance::check(&store).map_err(|e| format!("check: {e}"))?;
    if !report.ok || report.integrity != ["ok"] {
        return Err(format!(
            "integrity {:?}, foreign keys {:?}",
            report.integrity, report.foreign_key_problems
        ));
    }
    let present: HashSet<String> = roster::list_delegations(&store, ctx)
        .map_err(|e| format!("list: {e}"))?
        .into_iter()
        .map(|d| d.id)
        .collect();
    let missing: Vec<&String> = acked.iter().filter(|id| !present.contains(*id)).collect();
    if !missing.is_empty() {
        return Err(format!(
            "{} of {} acknowledged writes are missing, e.g. {:?}",
            missing.len(),
            acked.len(),
            &missing[..missing.len().min(5)]
        ));
    }
    // Each row was committed with its change record, in the same transaction.
    let conn = store.reader().map_err(|e| e.to_string())?;
    let entity = Entity::Delegation.as_str();
    let without_record: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM delegations d WHERE NOT EXISTS (SELECT 1 FROM change_log c \
             WHERE c.entity = ?1 AND c.row_id = d.id AND c.action = 'create')",
            [entity],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    let records: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM change_log WHERE entity = ?1",
            [entity],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    if without_record != 0 || records as usize != present.len() {
        return Err(format!(
            "{} rows, {records} change records, {without_record} rows without one",
            present.len()
        ));
    }
    drop(conn);
    drop(store);
    // Nothing half-written beside the database: only the file, its WAL and shared memory.
    let allowed = [
        "studio.db",
        "studio.db-wal",
        "studio.db-shm",
        "studio.files",
    ];
    let odd: Vec<String> = names_in(db.parent().unwrap())
        .into_iter()
        .filter(|n| !allowed.contains(&n.as_str()))
        .collect();
    if !odd.is_empty() {
        return Err(format!("unexpected files beside the database: {odd:?}"));
    }
    Ok(present.len())
}

// ---- a file being saved ------------------------------------------------------------------------------

#[test]
fn saved_file_is_old_or_new_never_partial_through_sigkill() {
    let trials = trials();
    let seed = seed("file");
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("导出.pdf");
    let target_name = "导出.pdf".to_string();
    let target_arg = target.to_str().unwrap().to_string();
    files::write_atomic(&target, &make_file(0, 200_000)).unwrap();
    let started = Instant::now();

    let mut last_seq = 0u64;
    let (mut run_trials, mut saves, mut with_temp, mut unacked_saves) = (0, 0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    for trial in 0..trials {
        let delay = Duration::from_millis(rng.u64(5..=300));
        // Each trial starts after the version on disk, so every version number is new.
        let seq_arg = (last_seq + 1).to_string();
        let run = run_child(
            "file",
            &[
                ("STUDIO_CRASH_TARGET", &target_arg),
                ("STUDIO_CRASH_SEQ", &seq_arg),
            ],
            Some(delay),
        );
        run_trials += 1;
        let at = format!("trial {trial} (killed after {delay:?})");
        if !run.killed() {
            failures.push(format!("{at}: {}", run.explain()));
        }
        let acked: Vec<u64> = run.values("SAVED ").map(|s| s.parse().unwrap()).collect();
        saves += acked.len();
        let expected = acked.last().copied().unwrap_or(last_seq);

        // Before cleaning: the target is whole, and any other file is one temporary.
        match std::fs::read(&target)
            .map_err(|e| format!("target unreadable: {e}"))
            .and_then(|b| parse_file(&b))
        {
            Ok(seq) if seq == expected => last_seq = seq,
            // Killed after the rename, before the acknowledgement: the newer version, whole.
            Ok(seq) if seq == expected + 1 => {
                unacked_saves += 1;
                last_seq = seq;
            }
            Ok(seq) => {
                failures.push(format!(
                    "{at}: target is version {seq}, expected {expected}"
                ));
                last_seq = last_seq.max(seq);
            }
            Err(e) => {
                failures.push(format!("{at}: target is not whole: {e}"));
                break;
            }
        }
        let others: Vec<String> = names_in(dir.path())
            .into_iter()
            .filter(|n| *n != target_name)
            .collect();
        if others.iter().any(|n| !n.starts_with(TEMP_PREFIX)) || others.len() > 1 {
            failures.push(format!("{at}: unexpected files: {others:?}"));
        }
        with_temp += others.len().min(1);
        let removed = files::clean_temporaries(dir.path());
        let left = names_in(dir.path());
        if removed != others.len() || left != [target_name.clone()] {
            failures.push(format!(
                "{at}: clean_temporaries removed {removed} of {others:?}, left {left:?}"
            ));
        }
    }
    println!(
        "CRASH-SUMMARY mode=file trials={run_trials} acknowledged={saves} checks={run_trials} \
         killed_mid_save={with_temp} unacknowledged_saves={unacked_saves} failures={} \
         seconds={:.1} seed={seed}",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "seed {seed}: {failures:#?}");
}

// ---- a file written onto a full disk -----------------------------------------------------------------

/// Unmounts the small tmpfs, also when an assertion fails.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

fn mount_small_tmpfs(at: &Path) -> Result<Mount, String> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Err("not root".into());
    }
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(at)
        .output()
        .map_err(|e| format!("mount: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "mount failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(Mount(at.to_path_buf()))
}

#[test]
fn full_disk_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mount = match std::env::var("STUDIO_CRASH_FULL_DISK").as_deref() {
        Ok("fsize") => Err("forced by STUDIO_CRASH_FULL_DISK=fsize".to_string()),
        _ => mount_small_tmpfs(&small),
    };
    let target = small.join("名册.pdf");
    let old = make_file(1, 1_000_000);
    files::write_atomic(&target, &old).unwrap();

    match mount {
        Ok(_mount) => {
            let err = files::write_atomic(&target, &make_file(2, 1_500_000)).unwrap_err();
            let msg = err.to_string();
            assert!(
                msg.contains("无法写入") && msg.contains("磁盘空间不足"),
                "{msg}"
            );
            assert!(
                std::fs::read(&target).unwrap() == old,
                "the old file changed"
            );
            assert_eq!(names_in(&small), ["名册.pdf"], "a partial file was left");
            // The failed temporary's space was given back: a file that fits beside the old one saves.
            files::write_atomic(&target, &make_file(3, 900_000)).unwrap();
            assert_eq!(parse_file(&std::fs::read(&target).unwrap()), Ok(3));
            assert_eq!(names_in(&small), ["名册.pdf"]);
            println!("full disk: path=tmpfs (2 MB tmpfs, 1.5 MB over 1 MB) error=「{msg}」");
        }
        Err(why) => {
            let run = run_child(
                "fsize",
                &[
                    ("STUDIO_CRASH_TARGET", target.to_str().unwrap()),
                    ("STUDIO_CRASH_FSIZE", "1200000"),
                ],
                None,
            );
            assert!(run.status.success(), "{}", run.explain());
            let result = run
                .values("RESULT ")
                .next()
                .unwrap_or_else(|| panic!("no result: {:?} {}", run.lines, run.stderr))
                .to_string();
            let msg = result
                .strip_prefix("err ")
                .unwrap_or_else(|| panic!("the write past RLIMIT_FSIZE succeeded: {result}"));
            assert!(
                msg.contains("无法写入") && msg.contains("os error 27"),
                "{msg}"
            );
            assert!(
                std::fs::read(&target).unwrap() == old,
                "the old file changed"
            );
            assert_eq!(names_in(&small), ["名册.pdf"], "a partial file was left");
            println!(
                "full disk: path=fsize (RLIMIT_FSIZE 1.2 MB, EFBIG; tmpfs: {why}) error=「{msg}」"
            );
        }
    }
}
