//! The committed TypeScript (types and rules) must equal what the core generates.

use std::path::PathBuf;

fn check(file: &str, fresh: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/api")
        .join(file);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/{file} is stale: run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings` and commit it"
    );
}

#[test]
fn ui_types_are_current() {
    check("types.ts", studio_core::bindings::typescript());
}

#[test]
fn ui_rules_are_current() {
    check("rules.ts", studio_core::bindings::rules_typescript());
}
