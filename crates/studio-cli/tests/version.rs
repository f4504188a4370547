//! `studio --version`: the program's version, the same the app's 关于 and the installer carry.

use std::process::Command;

#[test]
fn version_prints_the_programs_version_without_a_database() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_studio"))
        .arg("--version")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("STUDIO_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.trim(), format!("studio {}", env!("CARGO_PKG_VERSION")));
    // The package and the installers take their version from tauri.conf.json: one version.
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tauri.conf.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(conf["version"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    // Asking the version touches no data folder.
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

/// Each command's help says each thing once (a merge once left the export list's first line twice,
/// so `studio export --help` read "导出内容：…、 导出内容：…").
#[test]
fn help_texts_say_each_thing_once() {
    let commands: &[&[&str]] = &[
        &[],
        &["export"],
        &["import"],
        &["card"],
        &["backup"],
        &["restore"],
        &["serve"],
    ];
    for args in commands {
        let out = Command::new(env!("CARGO_BIN_EXE_studio"))
            .args(*args)
            .arg("--help")
            .env_remove("STUDIO_DB")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        // Every phrase up to a Chinese colon (a field's "导出内容：", "格式：") appears once per line.
        for line in text.lines() {
            for (i, _) in line.match_indices('：') {
                let start = line[..i].rfind([' ', '（', '，']).map_or(0, |s| s + 1);
                let label = &line[start..=i + '：'.len_utf8() - 1];
                if label.chars().count() > 2 {
                    assert_eq!(
                        line.matches(label).count(),
                        1,
                        "`studio {} --help` repeats {label}: {line}",
                        args.join(" ")
                    );
                }
            }
        }
    }
}
