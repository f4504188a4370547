//! The committed TypeScript types must equal what the Rust types generate.

use std::path::PathBuf;

#[test]
fn ui_types_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/types.ts");
    let fresh = studio_core::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/types.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings` and commit it"
    );
}
