//! `studio font set|show|default` and the CLI's printing in the configured font: blank cards (with
//! a database) and filled cards both come out in the chosen TrueType font, then in the shipped one
//! again. Needs WenQuanYi Zen Hei or AR PL UMing (`fonts-wqy-zenhei`, in the test apt list);
//! without either the test says so and checks nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{stderr, stdout, studio};

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    stdout(&o)
}

fn truetype_cjk() -> Option<PathBuf> {
    let found = [
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists());
    if found.is_none() {
        eprintln!("跳过：本机没有 TrueType 中文字体（apt-get install fonts-wqy-zenhei），未检查");
    }
    found
}

fn pdffonts(pdf: &Path) -> String {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts is required (apt-get install poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_cli_prints_in_the_configured_font_and_back_in_the_default() {
    let Some(font) = truetype_cjk() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("studio.db");
    ok(studio(&db, &["demo"]));
    assert!(ok(studio(&db, &["font", "show"])).contains("Noto Serif SC"));

    let said = ok(studio(&db, &["font", "set", font.to_str().unwrap()]));
    assert!(said.contains("打印字体："), "{said}");
    assert!(said.contains("fonts/"), "{said}");

    let blank = dir.path().join("blank.pdf");
    ok(studio(
        &db,
        &["card", "blank", "-o", blank.to_str().unwrap()],
    ));
    let fonts = pdffonts(&blank);
    assert!(fonts.contains("CID TrueType"), "{fonts}");
    assert!(!fonts.contains("NotoSerif"), "{fonts}");

    let filled = dir.path().join("filled.pdf");
    ok(studio(
        &db,
        &[
            "card",
            "pdf",
            "--all",
            "-o",
            filled.to_str().unwrap(),
            "--reason",
            "字体检查",
        ],
    ));
    assert!(pdffonts(&filled).contains("CID TrueType"));

    assert!(ok(studio(&db, &["font", "default"])).contains("Noto Serif SC"));
    ok(studio(
        &db,
        &["card", "blank", "-o", blank.to_str().unwrap()],
    ));
    assert!(pdffonts(&blank).contains("NotoSerifSC"));
}

#[test]
fn a_file_that_is_not_a_font_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("studio.db");
    ok(studio(&db, &["demo"]));
    let fake = dir.path().join("fake.ttf");
    std::fs::write(&fake, b"not a font at all").unwrap();
    let o = studio(&db, &["font", "set", fake.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("TrueType 或 OpenType"),
        "{}",
        stderr(&o)
    );
    assert!(ok(studio(&db, &["font", "show"])).contains("Noto Serif SC"));
}
