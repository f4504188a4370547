//! 设置 → 打印字体: a TrueType CJK font chosen, copied into the files folder, recorded through the
//! write gate, printed with (cards, the CLI's path through `printing::render`), checked for the
//! printed forms' characters, and given back for the shipped default.
//!
//! Needs a TrueType CJK font: WenQuanYi Zen Hei (`fonts-wqy-zenhei`, in the test apt list of
//! scripts/lib/common.sh) or AR PL UMing (`fonts-arphic-uming`). Without either, the tests that
//! print with one say so and pass without checking (the rest still run).

use std::path::PathBuf;
use std::process::Command;

use studio_core::cards::CardSelection;
use studio_core::ids::today_shanghai;
use studio_core::printing::{self, font, PrintJob};
use studio_core::storage::audit as log;
use studio_core::{Actor, Ctx, Entity, Error, Role, Store};

fn ctx(role: Role) -> Ctx {
    Ctx::new(Actor::new("测试", role), today_shanghai())
}

/// A TrueType CJK font on this machine, or `None` with the reason printed.
fn truetype_cjk() -> Option<PathBuf> {
    let found = [
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists());
    if found.is_none() {
        eprintln!(
            "跳过：本机没有 TrueType 中文字体（apt-get install fonts-wqy-zenhei），未检查用它打印"
        );
    }
    found
}

fn store_with_demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studio.db")).unwrap();
    studio_core::demo::load(&store, false).unwrap();
    (dir, store)
}

fn run_tool(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    if tool == "pdftotext" {
        all.push("-");
    }
    let out = Command::new(tool)
        .args(&all)
        .output()
        .unwrap_or_else(|_| panic!("{tool} is required (apt-get install poppler-utils)"));
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).unwrap()
}

fn print_all(store: &Store) -> printing::Rendered {
    let job = PrintJob::Cards {
        selection: CardSelection::All,
    };
    printing::render(store, &ctx(Role::Liaison), &job, &mut |_, _| true).unwrap()
}

#[test]
fn the_shipped_font_is_the_default() {
    let (_dir, store) = store_with_demo();
    let f = font::current(&store).unwrap();
    assert!(f.is_default);
    assert_eq!(f.name, font::DEFAULT_FONT_NAME);
    let fonts = run_tool("pdffonts", &[], &print_all(&store).pdf);
    assert!(fonts.contains("NotoSerifSC"), "{fonts}");
}

#[test]
fn cards_print_in_a_chosen_truetype_font_and_back_in_the_default() {
    let Some(path) = truetype_cjk() else { return };
    let (dir, store) = store_with_demo();
    let admin = ctx(Role::Admin);
    let chosen = font::choose(&store, &admin, "wqy.ttc", std::fs::read(&path).unwrap()).unwrap();
    assert!(!chosen.is_default);
    let file = chosen.file.clone().expect("copied");
    let copied = dir.path().join("studio.files/fonts").join(&file);
    assert_eq!(
        std::fs::read(&copied).unwrap(),
        std::fs::read(&path).unwrap(),
        "the font is copied whole into the files folder"
    );
    assert_eq!(font::current(&store).unwrap(), chosen);

    let rendered = print_all(&store);
    assert!(
        rendered.missing_chars.is_empty(),
        "{:?}",
        rendered.missing_chars
    );
    let fonts = run_tool("pdffonts", &[], &rendered.pdf);
    let line = fonts
        .lines()
        .find(|l| l.contains('+'))
        .unwrap_or_else(|| panic!("no subset font in\n{fonts}"));
    assert!(!line.contains("NotoSerif"), "{fonts}");
    assert!(
        line.contains("CID TrueType"),
        "a TrueType CID font: {fonts}"
    );
    // emb sub uni: embedded, subset, with a ToUnicode map.
    assert!(line.contains("yes yes yes"), "{fonts}");
    let text = run_tool("pdftotext", &[], &rendered.pdf);
    assert!(text.contains("党代表联系党员和群众工作记录卡"), "{text}");
    let first =
        studio_core::cards::cards_for_print(&store, &ctx(Role::Liaison), &CardSelection::All)
            .unwrap()
            .into_iter()
            .next()
            .unwrap();
    let name: String = first.delegate_name.split_whitespace().collect();
    assert!(text.contains(&name), "the delegate {name} reads back");

    // Logged through the gate.
    let entries = log::for_row(&store.reader().unwrap(), Entity::Settings, "print_font").unwrap();
    assert_eq!(entries.len(), 1, "the choice is in the change log");

    let back = font::use_default(&store, &admin).unwrap();
    assert!(back.is_default);
    let fonts = run_tool("pdffonts", &[], &print_all(&store).pdf);
    assert!(fonts.contains("NotoSerifSC"), "{fonts}");
    assert!(
        copied.exists(),
        "the copy stays for backups and the change log"
    );
}

#[test]
fn a_font_without_chinese_or_not_a_font_is_refused_in_chinese_and_nothing_changes() {
    let (_dir, store) = store_with_demo();
    let admin = ctx(Role::Admin);
    let err = font::choose(&store, &admin, "a.pdf", b"%PDF-1.7 not a font".to_vec()).unwrap_err();
    assert!(err.to_string().contains("TrueType 或 OpenType"), "{err}");
    let latin = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists());
    if let Some(latin) = latin {
        let err =
            font::choose(&store, &admin, "latin.ttf", std::fs::read(latin).unwrap()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("该字体缺少打印表格所需的"), "{msg}");
        assert!(msg.contains('党'), "names the missing characters: {msg}");
    } else {
        eprintln!("跳过：本机没有西文字体 DejaVu/Liberation，未检查缺字拒绝");
    }
    assert!(font::current(&store).unwrap().is_default);
}

#[test]
fn only_an_administrator_chooses_the_font() {
    let Some(path) = truetype_cjk() else { return };
    let (_dir, store) = store_with_demo();
    let err = font::choose(
        &store,
        &ctx(Role::Liaison),
        "wqy.ttc",
        std::fs::read(path).unwrap(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    let err = font::use_default(&store, &ctx(Role::Liaison)).unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
}

#[test]
fn a_missing_glyph_in_the_chosen_font_is_reported_and_printed_as_a_mark() {
    let Some(path) = truetype_cjk() else { return };
    let (_dir, store) = store_with_demo();
    font::choose(
        &store,
        &ctx(Role::Admin),
        "wqy.ttc",
        std::fs::read(path).unwrap(),
    )
    .unwrap();
    let printer = printing::printer(&store).unwrap();
    // 𠀀 (U+20000, CJK Ext-B) is in neither WenQuanYi Zen Hei nor AR PL UMing.
    let card = studio_print::Card::filled(studio_print::CardData {
        delegate_name: "王𠀀".into(),
        ..Default::default()
    });
    let r = printer.render(&[card]).unwrap();
    assert_eq!(r.missing_chars, vec!['𠀀']);
}
