//! The print crate is pure: plain data in, PDF bytes out, and it depends on no other crate of
//! ours (DESIGN.md, crates/studio-print; the core maps its records onto this crate's model).

use std::process::Command;

#[test]
fn depends_on_no_crate_of_ours() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "studio-print",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        // The folder as cargo gives it when the test runs: the one compiled in may be another
        // checkout's when two share a target folder (it failed with NotFound that way).
        .current_dir(
            std::env::var("CARGO_MANIFEST_DIR")
                .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
        )
        .output()
        .expect("run cargo tree");
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        tree.lines().any(|l| l.starts_with("studio-print ")),
        "the tree names the crate itself first: {tree}"
    );
    let ours: Vec<&str> = tree
        .lines()
        .filter(|l| l.starts_with("studio-") && !l.starts_with("studio-print "))
        .collect();
    assert!(
        ours.is_empty(),
        "studio-print must not depend on our other crates: {ours:?}"
    );
}
