//! 工作室动态 and 上墙制度 through the core's public functions: what the desk and the
//! administrator do, and what a visitor (the kiosk, later the online studio) may see.

use std::process::Command;

use chrono::NaiveDate;
use studio_core::export::{self, ExportFormat};
use studio_core::news::{self, NewsInput, NewsQuery, NewsStatus};
use studio_core::page::PageRequest;
use studio_core::roster::{self, DelegateInput, DelegationInput};
use studio_core::schedule::{self, Place, SlotInput};
use studio_core::wall::{self, WallDocInput, WallKind};
use studio_core::{markdown, printing, settings, Actor, Ctx, Error, Role, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx(role: Role) -> Ctx {
    Ctx::new(
        Actor::new(format!("{}测试", role.label()), role),
        d("2026-09-15"),
    )
}

fn post(title: &str, body: &str, published: bool) -> NewsInput {
    NewsInput {
        title: title.into(),
        date: "2026-09-10".into(),
        author: "组织部".into(),
        body: body.into(),
        published,
    }
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is required (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_draft_is_not_public_until_published_and_its_html_is_escaped() {
    let store = Store::open_in_memory().unwrap();
    let desk = ctx(Role::Liaison);
    let visitor = ctx(Role::Visitor);
    let draft = news::create_news(
        &store,
        &desk,
        &post(
            "党代表接待日走进图书馆",
            "**接待**顺利<script>alert(1)</script>",
            false,
        ),
    )
    .unwrap();
    assert!(draft.html.contains("<strong>接待</strong>"));
    assert!(draft.html.contains("&lt;script&gt;"), "{}", draft.html);
    assert!(!draft.html.contains("<script>"));
    let public = news::published_news(&store, &visitor, PageRequest::default()).unwrap();
    assert_eq!(public.total, 0, "a draft is not public");
    assert!(matches!(
        news::public_news(&store, &visitor, &draft.news.id),
        Err(Error::NotFound(_))
    ));

    let mut input = post("党代表接待日走进图书馆", &draft.news.body, true);
    input.date = "2026-09-11".into();
    let published =
        news::update_news(&store, &desk, &draft.news.id, draft.news.version, &input).unwrap();
    assert!(published.news.published && published.news.published_at.is_some());
    let public = news::published_news(&store, &visitor, PageRequest::default()).unwrap();
    assert_eq!(public.total, 1);
    assert_eq!(public.items[0].title, "党代表接待日走进图书馆");
    assert!(!public.items[0].html.contains("<script>"));
    let one = news::public_news(&store, &visitor, &draft.news.id).unwrap();
    assert_eq!(one.title, "党代表接待日走进图书馆");
    assert!(one.html.contains("&lt;script&gt;"), "{}", one.html);

    // The staff list filters by state and words; a visitor may not read it.
    let q = NewsQuery {
        status: Some(NewsStatus::Draft),
        ..Default::default()
    };
    assert_eq!(news::list_news(&store, &desk, &q).unwrap().total, 0);
    let q = NewsQuery {
        q: Some("图书馆".into()),
        ..Default::default()
    };
    let list = news::list_news(&store, &desk, &q).unwrap();
    assert_eq!(list.total, 1);
    assert!(list.items[0].excerpt.starts_with("接待顺利"));
    assert!(matches!(
        news::list_news(&store, &visitor, &q),
        Err(Error::Forbidden(_))
    ));
}

#[test]
fn the_form_is_checked_and_a_stale_save_is_refused() {
    let store = Store::open_in_memory().unwrap();
    let desk = ctx(Role::Liaison);
    let Err(Error::Validation(errs)) = news::create_news(
        &store,
        &desk,
        &NewsInput {
            title: " ".into(),
            date: "2026-13-01".into(),
            published: true,
            ..Default::default()
        },
    ) else {
        panic!("expected field errors")
    };
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["title", "date", "body"]);
    assert!(matches!(
        news::create_news(&store, &ctx(Role::Delegate), &post("标题", "正文", false)),
        Err(Error::Forbidden(_))
    ));
    let n = news::create_news(&store, &desk, &post("标题", "正文", false)).unwrap();
    news::update_news(&store, &desk, &n.news.id, 1, &post("新标题", "正文", false)).unwrap();
    assert!(matches!(
        news::update_news(
            &store,
            &ctx(Role::Admin),
            &n.news.id,
            1,
            &post("另一个", "正文", false)
        ),
        Err(Error::Stale(_))
    ));
    news::delete_news(&store, &desk, &n.news.id, 2).unwrap();
    assert!(matches!(
        news::get_news(&store, &desk, &n.news.id),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn images_are_resized_into_the_data_folder_and_shown_only_with_their_post() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studio.db")).unwrap();
    let desk = ctx(Role::Liaison);
    let visitor = ctx(Role::Visitor);
    let n = news::create_news(&store, &desk, &post("座谈会", "合影", false)).unwrap();
    let big = image::RgbImage::from_pixel(3000, 2000, image::Rgb([200, 30, 30]));
    let mut png = std::io::Cursor::new(Vec::new());
    big.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let with = news::add_news_image(&store, &desk, &n.news.id, 1, png.get_ref()).unwrap();
    assert_eq!(with.news.images.len(), 1);
    let name = &with.news.images[0];
    let stored = store.files_dir().join("news").join(name);
    let img = image::open(&stored).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 800));
    let bytes = news::news_image_bytes(&store, &desk, &n.news.id, name, true)
        .unwrap()
        .unwrap();
    assert!(image::load_from_memory(&bytes).unwrap().width() <= 160);
    // A draft's image is not public; a name the post does not list is never read.
    assert!(
        news::news_image_bytes(&store, &visitor, &n.news.id, name, false)
            .unwrap()
            .is_none()
    );
    assert!(
        news::news_image_bytes(&store, &desk, &n.news.id, "../studio.db", false)
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        news::add_news_image(&store, &desk, &n.news.id, 2, b"not an image"),
        Err(Error::Invalid(_))
    ));
    let without =
        news::remove_news_image(&store, &desk, &n.news.id, with.news.version, name).unwrap();
    assert!(without.news.images.is_empty());
}

#[test]
fn the_news_export_has_every_post_oldest_first() {
    let store = Store::open_in_memory().unwrap();
    let desk = ctx(Role::Liaison);
    let mut a = post("后发", "乙", true);
    a.date = "2026-09-12".into();
    news::create_news(&store, &desk, &a).unwrap();
    news::create_news(&store, &desk, &post("先发", "甲", false)).unwrap();
    let rows = news::news_for_export(&store, &desk, None, None).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&export::export_news(&rows, ExportFormat::Json).unwrap()).unwrap();
    assert_eq!(json[0]["title"], "先发");
    assert_eq!(json[0]["status"], "草稿");
    assert_eq!(json[1]["published"], true);
    let csv = String::from_utf8(export::export_news(&rows, ExportFormat::Csv).unwrap()).unwrap();
    assert!(csv.contains("后发") && csv.contains("已发布"));
}

/// A delegation with two delegates, and a published September with one slot.
fn roster_and_plan(store: &Store, admin: &Ctx) {
    let g = roster::create_delegation(
        store,
        admin,
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut ids = Vec::new();
    for (name, unit, mobile) in [
        ("张建华", "计算机学院", "13800000001"),
        ("王芳", "化学化工学院", "13800000002"),
    ] {
        let dl = roster::create_delegate(
            store,
            admin,
            &DelegateInput {
                name: name.into(),
                delegation_id: g.id.clone(),
                unit: unit.into(),
                position: "教授".into(),
                mobile: mobile.into(),
                ..Default::default()
            },
        )
        .unwrap();
        ids.push(dl.id);
    }
    schedule::create_slot(
        store,
        admin,
        &SlotInput {
            date: "2026-09-22".into(),
            start: "14:30".into(),
            end: "17:00".into(),
            place: Some(Place::Studio),
            delegate_ids: ids,
            ..Default::default()
        },
    )
    .unwrap();
    schedule::publish_month(store, admin, "2026-09", 0).unwrap();
}

#[test]
fn the_wall_documents_come_from_the_source_document_and_fill_from_the_data() {
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    roster_and_plan(&store, &admin);
    let docs = wall::list_wall_docs(&store, &ctx(Role::Liaison)).unwrap();
    let kinds: Vec<WallKind> = docs.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, WallKind::ALL);
    let rules = &docs[0];
    assert_eq!(rules.title, "党代表工作室工作制度");
    assert!(rules.html.contains("件件有答复，事事有回音"));
    let sign = wall::get_wall_doc(&store, &admin, WallKind::Sign).unwrap();
    assert!(sign.html.contains("知党情、听民声、谋发展、促和谐"));
    let roster = wall::get_wall_doc(&store, &admin, WallKind::Roster).unwrap();
    assert!(roster.html.contains("理工代表团"), "{}", roster.html);
    assert!(
        roster.html.contains("张建华　计算机学院 教授"),
        "{}",
        roster.html
    );
    let plan = wall::get_wall_doc(&store, &admin, WallKind::Plan).unwrap();
    assert_eq!(plan.title, "2026年党代表工作室活动安排");
    assert!(plan.html.contains("9月"), "{}", plan.html);
    assert!(plan.html.contains("22日"), "{}", plan.html);
    assert!(plan.html.contains("张建华、王芳"), "{}", plan.html);
    assert!(
        plan.template.body.contains("{{plan}}"),
        "the template keeps its placeholder"
    );
}

#[test]
fn the_online_studio_reads_the_wall_documents_with_only_the_public_roster() {
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    roster_and_plan(&store, &admin);
    let g = roster::list_delegations(&store, &admin).unwrap()[0]
        .id
        .clone();
    for (name, unit_position, mobile) in [
        ("李明", true, "13800000003"),
        ("赵静", false, "13800000004"),
    ] {
        roster::create_delegate(
            &store,
            &admin,
            &DelegateInput {
                name: name.into(),
                delegation_id: g.clone(),
                unit: "机械学院".into(),
                position: "副教授".into(),
                mobile: mobile.into(),
                publish_consent: true,
                publish: roster::PublishFlags {
                    unit_position,
                    ..roster::PublishFlags::recommended()
                },
                ..Default::default()
            },
        )
        .unwrap();
    }
    let visitor = ctx(Role::Visitor);
    assert!(matches!(
        wall::list_wall_docs(&store, &visitor),
        Err(Error::Forbidden(_))
    ));
    let docs = wall::public_wall_docs(&store, &visitor).unwrap();
    assert_eq!(docs.len(), WallKind::ALL.len());
    let roster = docs.iter().find(|d| d.kind == WallKind::Roster).unwrap();
    // Without consent (张建华, 王芳) nobody is listed; a unit only where it may be shown.
    assert!(
        roster.html.contains("李明　机械学院 副教授"),
        "{}",
        roster.html
    );
    assert!(roster.html.contains("赵静"), "{}", roster.html);
    assert!(!roster.html.contains("赵静　机械学院"), "{}", roster.html);
    assert!(!roster.html.contains("张建华"), "{}", roster.html);
    assert!(!roster.html.contains("王芳"), "{}", roster.html);
    // Staff still print the whole roster.
    let full = wall::get_wall_doc(&store, &admin, WallKind::Roster).unwrap();
    assert!(
        full.html.contains("张建华　计算机学院 教授"),
        "{}",
        full.html
    );
}

#[test]
fn only_the_administrator_edits_a_template() {
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    let input = WallDocInput {
        title: "服务承诺".into(),
        body: "专线电话：{{hotline}}\n\n<b>粗</b>".into(),
    };
    assert!(matches!(
        wall::update_wall_doc(&store, &ctx(Role::Liaison), WallKind::Pledge, 1, &input),
        Err(Error::Forbidden(_))
    ));
    let mut s = settings::load(&store).unwrap();
    s.hotline = "0536-8785123".into();
    settings::save(&store, &admin, &s).unwrap();
    let saved = wall::update_wall_doc(&store, &admin, WallKind::Pledge, 1, &input).unwrap();
    assert!(saved.html.contains("0536-8785123"), "{}", saved.html);
    assert!(
        saved.html.contains("&lt;b&gt;粗&lt;/b&gt;"),
        "{}",
        saved.html
    );
    assert_eq!(saved.template.version, 2);
    assert!(matches!(
        wall::update_wall_doc(&store, &admin, WallKind::Pledge, 1, &input),
        Err(Error::Stale(_))
    ));
}

#[test]
fn wall_pdfs_carry_the_filled_text() {
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    roster_and_plan(&store, &admin);
    let roster = printing::render_wall(&store, &admin, WallKind::Roster).unwrap();
    let text = pdftotext(&roster.pdf);
    assert!(text.contains("党代表名册"), "{text}");
    assert!(text.contains("张建华"), "{text}");
    let rules = printing::render_wall(&store, &admin, WallKind::Rules).unwrap();
    let text = pdftotext(&rules.pdf);
    assert!(
        text.contains("一、接待制度") && text.contains("六、台账管理制度"),
        "{text}"
    );
    let sign = printing::render_wall(&store, &admin, WallKind::Sign).unwrap();
    assert_eq!(sign.page_count, 1);
    assert!(pdftotext(&sign.pdf).contains("知党情、听民声、谋发展、促和谐"));
    assert!(matches!(
        printing::render_wall(&store, &ctx(Role::Visitor), WallKind::Rules),
        Err(Error::Forbidden(_))
    ));
}

/// The heading tags of `html`, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
        .map(|d| d as u8)
        .collect()
}

#[test]
fn headings_under_a_page_heading_never_skip_a_level() {
    // Typed as h1, h4, h2, h3: under the page's h2 the h1 becomes h3 and the rest follow it
    // (+2), the h4 no deeper than one below the h3 before it: h3, h4, h4, h5.
    let html = markdown::to_html_under("# 总则\n\n#### 细则\n\n## 二、约见\n\n### 时间\n\n正文", 2);
    assert_eq!(heading_levels(&html), [3, 4, 4, 5], "{html}");
    assert!(html.contains("<h3>总则</h3>"), "{html}");
    assert!(html.contains("<h4>细则</h4>"), "{html}");
    // The demo's documents use h2 only: all h3 on the page.
    let html = markdown::to_html_under("## 一、接待\n\n正文\n\n## 二、约见", 2);
    assert_eq!(heading_levels(&html), [3, 3], "{html}");
    // Deep nesting stops at h6; no headings: the same as to_html.
    let html = markdown::to_html_under("# a\n## b\n### c\n#### d\n##### e", 2);
    assert_eq!(heading_levels(&html), [3, 4, 5, 6, 6], "{html}");
    assert_eq!(
        markdown::to_html_under("**加粗**", 2),
        markdown::to_html("**加粗**")
    );
}
