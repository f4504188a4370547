//! 设置 → 关于: the figures are this build's and this database's, and the licences shown are the
//! ones the packages themselves declare.

use std::path::{Path, PathBuf};

use studio_core::about::{self, Package, COMPONENTS, FONT};
use studio_core::{Actor, Ctx, Role, Store};

fn ctx(role: Role) -> Ctx {
    Ctx::now(Actor::new("测试", role))
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn about_shows_this_build_and_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let store = Store::open(&path).unwrap();
    let a = about::about(&store, &ctx(Role::Admin)).unwrap();
    assert_eq!(a.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(a.db_path, path.display().to_string());
    assert_eq!(
        a.schema_version as usize,
        studio_core::storage::schema_version()
    );
    assert_eq!(a.calendar_first_year, 2004);
    // The calendar data's last year is the last year in the shipped file.
    let data = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/china-calendar.txt"),
    )
    .unwrap();
    let last_in_file = data
        .lines()
        .filter_map(|l| l.get(..4)?.parse::<i32>().ok())
        .max()
        .unwrap();
    assert_eq!(a.calendar_last_year, last_in_file);
    assert!(
        a.calendar_source.contains("chinese-days"),
        "{}",
        a.calendar_source
    );
    assert_eq!(a.font.licence, "OFL-1.1");
    let names: Vec<&str> = a.components.iter().map(|c| c.name.as_str()).collect();
    for want in [
        "Tauri",
        "Vue",
        "Element Plus",
        "SQLite",
        "rusqlite",
        "printpdf",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(a
        .components
        .iter()
        .all(|c| !c.licence.is_empty() && !c.purpose.is_empty()));
}

#[test]
fn about_is_for_those_who_may_open_settings() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studio.db")).unwrap();
    for role in [Role::Visitor, Role::Auditor, Role::Delegate] {
        let e = about::about(&store, &ctx(role)).unwrap_err();
        assert_eq!(e.code(), "forbidden", "{role:?}");
    }
}

/// The version Cargo.lock pins for a crate (the one the build uses; the first if several).
fn locked_version(lock: &str, name: &str) -> String {
    let key = format!("name = \"{name}\"\n");
    let at = lock
        .find(&key)
        .unwrap_or_else(|| panic!("{name} not in Cargo.lock"));
    let rest = &lock[at + key.len()..];
    rest.lines()
        .next()
        .and_then(|l| l.strip_prefix("version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no version after {name} in Cargo.lock"))
        .to_string()
}

/// The `license` a crate's manifest declares, read from Cargo's registry sources (the build
/// compiled it from there, so it is present).
fn crate_licence(name: &str, version: &str) -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
    let src = home.join("registry/src");
    let manifest = std::fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("{}: {e}", src.display()))
        .filter_map(|d| d.ok())
        .map(|d| d.path().join(format!("{name}-{version}/Cargo.toml")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{name} {version} not in {}", src.display()));
    let text = std::fs::read_to_string(&manifest).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("license = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or_else(|| panic!("no license in {}", manifest.display()))
        .to_string()
}

#[test]
fn licences_shown_are_the_ones_the_packages_declare() {
    let lock = std::fs::read_to_string(workspace().join("Cargo.lock")).unwrap();
    let ui_manifest = std::fs::read_to_string(workspace().join("ui/package.json")).unwrap();
    let node_modules = workspace().join("ui/node_modules");
    let mut npm_checked = 0;
    for (name, _, licence, package) in COMPONENTS.iter().copied().chain([FONT]) {
        match package {
            Package::Crate(c) => {
                let declared = crate_licence(c, &locked_version(&lock, c));
                assert_eq!(
                    licence, declared,
                    "{name}: the crate {c} declares {declared}"
                );
            }
            Package::Npm(p) => {
                assert!(
                    ui_manifest.contains(&format!("\"{p}\":")),
                    "{name}: {p} is not a dependency in ui/package.json"
                );
                let pkg = node_modules.join(p).join("package.json");
                if let Ok(text) = std::fs::read_to_string(&pkg) {
                    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(
                        json["license"].as_str(),
                        Some(licence),
                        "{name}: {p} declares {}",
                        json["license"]
                    );
                    npm_checked += 1;
                }
            }
            Package::None => {}
        }
    }
    if npm_checked == 0 {
        eprintln!("ui/node_modules 不存在（未运行 npm ci）：未核对界面依赖的许可证名称");
    }
    // The font's licence travels with it.
    let ofl =
        std::fs::read_to_string(workspace().join("crates/studio-print/fonts/OFL.txt")).unwrap();
    assert!(ofl.contains("SIL Open Font License") && ofl.contains("Version 1.1"));
    // The calendar data's licence is the one its source line names.
    assert!(studio_core::calendar::official_source().ends_with("MIT"));
}
