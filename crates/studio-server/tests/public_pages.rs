//! The online studio as a visitor's browser sees it: every page with the demo data, a message and
//! an appointment request stored with their query codes, 查询进度, and no writer's personal data
//! on any public page.

mod common;

use common::{fields, first_option, message, receipt_code, Server, PAGES};
use reqwest::StatusCode;
use studio_core::items::{self, ItemQuery};
use studio_core::kiosk;

#[tokio::test(flavor = "multi_thread")]
async fn every_public_page_answers_with_the_demo_data() {
    let s = Server::start(|_| {}).await;
    for (path, must) in [
        ("/", "最新动态"),
        ("/intro", "工作室简介"),
        ("/news", "工作室动态"),
        ("/schedule", "接待党代表"),
        ("/delegates", "代表风采"),
        ("/rules", "党代表工作室工作制度"),
        ("/message", "提交留言"),
        ("/appointment", "提交约见申请"),
        ("/progress", "手机号后四位"),
    ] {
        let a = s.get(path).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(a.body.contains(must), "{path} lacks {must}");
        assert!(a.body.contains("跳到正文"), "{path}: skip link");
        assert!(a.body.contains("<main id=\"main\""), "{path}: landmark");
        assert!(
            a.body.contains("answers\">代表回复</a>"),
            "{path}: 代表回复 in the navigation"
        );
        assert!(!a.body.contains("<script"), "{path}: no script");
    }
    // The home page lists this month's plan and the latest posts; a post opens.
    let home = s.get("/").await.body;
    let post = home
        .split("href=\"/news/")
        .nth(1)
        .map(|r| r[..r.find('"').unwrap()].to_string())
        .expect("a post on the home page");
    let a = s.get(&format!("/news/{post}")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("<article>"));
    // Past the last page, and a post that is no post: the Chinese 404.
    for path in [
        "/news?page=999",
        "/news/01a23d05-0000-7000-8000-000000000000",
    ] {
        let a = s.get(path).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert!(a.body.contains("页面不存在"), "{path}");
    }
    // 代表风采 lists delegations with the delegates who consented.
    let store = s.store();
    let groups = kiosk::delegate_profiles(
        &store,
        &studio_server::state::visitor_ctx("127.0.0.1".parse().unwrap()),
    )
    .unwrap();
    let page = s.get("/delegates").await.body;
    assert!(!groups.is_empty());
    for g in &groups {
        assert!(page.contains(&g.delegation_name));
        for d in &g.delegates {
            assert!(page.contains(&d.name), "{}", d.name);
        }
    }
    // The style sheet is one small cacheable file.
    let css = s.get("/static/studio.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(
        css.headers["cache-control"].to_str().unwrap(),
        "public, max-age=86400"
    );
    assert!(css.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_is_stored_before_the_receipt_and_its_code_opens_progress() {
    let s = Server::start(|_| {}).await;
    let store = s.store();
    let admin = Server::admin();
    let before = items::item_count(&store, &admin).unwrap();
    let (b, form) = s.open_form("/message").await;
    let delegate = first_option(&form.body, "delegate_id").expect("a delegate to choose");
    let mut m = message("王小明", "13912345678", "图书馆晚上能否延长开放时间？");
    m.push(("delegate_id", delegate));
    let a = s.post("/message", &b, &fields(&m)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("已收到"));
    assert_eq!(a.headers["cache-control"].to_str().unwrap(), "no-store");
    let code = receipt_code(&a.body).expect("the query code");
    assert_eq!(code.len(), 9, "{code}");
    // Stored: one more item, online, waiting in 待分派, findable by its code.
    assert_eq!(items::item_count(&store, &admin).unwrap(), before + 1);
    let found = items::list_items(
        &store,
        &admin,
        &ItemQuery {
            q: code.clone(),
            unrouted: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].person_name, "王小明");
    assert_eq!(found.items[0].source, items::ItemSource::Online);

    // 查询进度: the code and the last four digits show the status, nothing about the person.
    let (b, _) = s.open_form("/progress").await;
    let a = s
        .post("/progress", &b, &[("code", &code), ("last4", "5678")])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("留言："), "{}", a.body);
    assert!(a.body.contains("尚未答复"));
    assert!(!a.body.contains("王小明"));
    assert!(!a.body.contains("13912345678"));
    assert!(!a.body.contains("图书馆晚上"));
    // Wrong digits: one message, no hint which part was wrong.
    let a = s
        .post("/progress", &b, &[("code", &code), ("last4", "0000")])
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains(kiosk::WRONG_CODE_MESSAGE));
    assert!(!a.body.contains("尚未答复"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_message_shows_the_cores_reasons_beside_the_fields() {
    let s = Server::start(|_| {}).await;
    let (b, _) = s.open_form("/message").await;
    let a = s
        .post(
            "/message",
            &b,
            &[("name", "李四"), ("phone", "12"), ("text", "你好")],
        )
        .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("请按提示修改后重新提交"));
    assert!(a.body.contains("aria-invalid=\"true\""));
    assert!(a.body.contains("value=\"李四\""), "typed values are kept");
    assert!(!a.body.contains("已收到"));
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_appointment_request_gets_a_code_and_progress_shows_it_waiting() {
    let s = Server::start(|_| {}).await;
    let (b, form) = s.open_form("/appointment").await;
    let delegate = first_option(&form.body, "delegate_id").expect("a delegate");
    let mut last = None;
    // A day whose afternoon clashes with the delegate's duty is refused beside 时段; try a few.
    let days: Vec<String> = form
        .body
        .split("<option value=\"20")
        .skip(1)
        .map(|o| format!("20{}", &o[..8]))
        .collect();
    assert!(!days.is_empty(), "the days on offer");
    for day in days.iter().take(5) {
        let a = s
            .post(
                "/appointment",
                &b,
                &[
                    ("delegate_id", &delegate),
                    ("date", day),
                    ("period", "morning"),
                    ("name", "赵敏"),
                    ("phone", "13700001111"),
                    ("topic", "想了解学院实验室开放的安排"),
                    ("consent", "1"),
                ],
            )
            .await;
        if a.status == StatusCode::OK {
            last = Some(a);
            break;
        }
    }
    let a = last.expect("a request accepted");
    assert!(a.body.contains("约见申请已收到"));
    let code = receipt_code(&a.body).unwrap();
    let (b, _) = s.open_form("/progress").await;
    let a = s
        .post("/progress", &b, &[("code", &code), ("last4", "1111")])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("约见申请：待确认"), "{}", a.body);
    s.stop().await;
}

/// Mobile numbers in `html`: 11 digits starting with 1, not inside a run of letters and digits
/// (a token's hex).
fn mobiles(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in html.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            run.push(c);
        } else {
            if run.len() == 11 && run.starts_with('1') && run.bytes().all(|b| b.is_ascii_digit()) {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn no_writers_phone_or_name_on_any_public_page() {
    let s = Server::start(|_| {}).await;
    let (b, _) = s.open_form("/message").await;
    let m = message("钱写信", "13955556666", "宿舍楼热水供应时间太短");
    assert_eq!(
        s.post("/message", &b, &fields(&m)).await.status,
        StatusCode::OK
    );
    let store = s.store();
    let visitor = studio_server::state::visitor_ctx("127.0.0.1".parse().unwrap());
    // The only mobile numbers a public page may show: those delegates chose to publish.
    let published: Vec<String> = kiosk::delegate_profiles(&store, &visitor)
        .unwrap()
        .into_iter()
        .flat_map(|g| g.delegates)
        .filter_map(|d| d.mobile)
        .collect();
    let delegate_names: Vec<String> = kiosk::delegate_profiles(&store, &visitor)
        .unwrap()
        .into_iter()
        .flat_map(|g| g.delegates)
        .map(|d| d.name)
        .collect();
    let writers: Vec<String> = items::list_items(
        &store,
        &Server::admin(),
        &ItemQuery {
            page: studio_core::page::PageRequest {
                page: 1,
                page_size: 200,
            },
            ..Default::default()
        },
    )
    .unwrap()
    .items
    .into_iter()
    .map(|i| i.person_name)
    .filter(|n| n.chars().count() >= 2 && !delegate_names.contains(n))
    .collect();
    assert!(writers.contains(&"钱写信".to_string()));
    let home = s.get("/").await.body;
    let post = home
        .split("href=\"/news/")
        .nth(1)
        .map(|r| r[..r.find('"').unwrap()].to_string())
        .unwrap();
    let post = format!("/news/{post}");
    for path in PAGES.iter().copied().chain([post.as_str()]) {
        let body = s.get(path).await.body;
        for m in mobiles(&body) {
            assert!(published.contains(&m), "{path} shows {m}");
        }
        assert!(!body.contains("13955556666"), "{path}");
        for w in &writers {
            assert!(!body.contains(w.as_str()), "{path} shows the writer {w}");
        }
    }
    s.stop().await;
}

fn png() -> Vec<u8> {
    let mut png = Vec::new();
    image::RgbImage::from_fn(300, 400, |x, y| {
        image::Rgb([200, (x % 251) as u8, (y % 241) as u8])
    })
    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
    .unwrap();
    png
}

#[tokio::test(flavor = "multi_thread")]
async fn photos_are_served_by_id_only_for_delegates_who_are_shown() {
    let s = Server::start(|_| {}).await;
    let store = s.store();
    let admin = Server::admin();
    let visitor = studio_server::state::visitor_ctx("127.0.0.1".parse().unwrap());
    let shown: Vec<String> = kiosk::delegate_profiles(&store, &visitor)
        .unwrap()
        .into_iter()
        .flat_map(|g| g.delegates)
        .map(|d| d.id)
        .collect();
    let mut q = studio_core::roster::DelegateQuery::default();
    q.page.page_size = 500;
    let all = studio_core::roster::list_delegates(&store, &admin, &q)
        .unwrap()
        .items;
    let hidden = all
        .iter()
        .find(|d| !shown.contains(&d.id))
        .expect("a delegate who is not shown")
        .id
        .clone();
    for id in [&shown[0], &hidden] {
        let d = studio_core::roster::get_delegate(&store, &admin, id).unwrap();
        studio_core::roster::set_delegate_photo(&store, &admin, id, d.version, &png()).unwrap();
    }
    let page = s.get("/delegates").await.body;
    assert!(page.contains(&format!("/photos/{}?thumb=1", shown[0])));
    for path in [
        format!("/photos/{}", shown[0]),
        format!("/photos/{}?thumb=1", shown[0]),
    ] {
        let a = s.http.get(s.url(&path)).send().await.unwrap();
        assert_eq!(a.status(), StatusCode::OK, "{path}");
        assert_eq!(a.headers()["content-type"], "image/jpeg");
        assert_eq!(a.headers()["cache-control"], "public, max-age=86400");
        assert!(
            a.bytes().await.unwrap().starts_with(&[0xFF, 0xD8]),
            "a JPEG"
        );
    }
    // A delegate who is not shown has no public photo, nor does an id that is no delegate's.
    assert_eq!(
        s.get(&format!("/photos/{hidden}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/photos/nobody").await.status, StatusCode::NOT_FOUND);
    s.stop().await;
}

/// Another program writing the same database (the `studio` command beside the server) does not
/// pass through this server's write counter: a kept page shows the change once it is older than
/// `page_cache_secs`; with 0 every request renders.
#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_outside_the_server_shows_after_page_cache_secs() {
    async fn rename(s: &Server, name: &str) {
        let store = s.store();
        let name = name.to_string();
        tokio::task::spawn_blocking(move || {
            let mut settings = studio_core::settings::load(&store).unwrap();
            settings.studio_intro = name;
            studio_core::settings::save(&store, &Server::admin(), &settings).unwrap();
        })
        .await
        .unwrap();
    }
    let s = Server::start(|c| c.page_cache_secs = 1).await;
    assert!(!s.get("/intro").await.body.contains("简介第二版"));
    rename(&s, "简介第二版").await;
    let mut waited = std::time::Duration::ZERO;
    while !s.get("/intro").await.body.contains("简介第二版") {
        assert!(
            waited < std::time::Duration::from_secs(3),
            "still the old page"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += std::time::Duration::from_millis(100);
    }
    s.stop().await;

    let s = Server::start(|c| c.page_cache_secs = 0).await;
    assert!(!s.get("/intro").await.body.contains("简介第三版"));
    rename(&s, "简介第三版").await;
    assert!(s.get("/intro").await.body.contains("简介第三版"));
    s.stop().await;
}

/// A browser that takes gzip gets the same page compressed, rendered or kept.
#[tokio::test(flavor = "multi_thread")]
async fn a_kept_page_comes_gzipped_to_a_browser_that_takes_it() {
    let s = Server::start(|_| {}).await;
    let mut pages = Vec::new();
    for _ in 0..3 {
        let res = s
            .http
            .get(s.url("/delegates"))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-encoding"], "gzip");
        let bytes = res.bytes().await.unwrap();
        let mut html = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut html)
            .unwrap();
        assert!(html.contains("代表风采"));
        pages.push(html);
    }
    assert_eq!(pages[0], pages[1]);
    assert_eq!(pages[1], pages[2]);
    let plain = s.get("/delegates").await;
    assert!(plain.headers.get("content-encoding").is_none());
    assert_eq!(plain.body, pages[0]);
    s.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_shows_the_demos_published_answer_without_its_writer() {
    use studio_core::public_answers::{self, PublicationQuery, PublicationState};
    let s = Server::start(|_| {}).await;
    let a = s.get("/answers").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("共 1 条回复"), "{}", a.body);
    // The demo's published question, answer and delegate, as staff published them.
    let store = s.store();
    let row =
        public_answers::publication_list(&store, &Server::admin(), &PublicationQuery::default())
            .unwrap()
            .items
            .into_iter()
            .find(|r| r.state == PublicationState::Published)
            .expect("the demo publishes one answer");
    let item = items::get_item(&store, &Server::admin(), &row.item_id)
        .unwrap()
        .item;
    assert!(a.body.contains("东校区食堂晚餐供应时间较早"), "{}", a.body);
    assert!(a.body.contains("晚餐供应延长至20:30"), "{}", a.body);
    assert!(
        a.body.contains(&format!("{} 代表答复", row.delegate_names)),
        "{}",
        a.body
    );
    // Nothing of the writer.
    assert!(!a.body.contains(&item.person_name), "{}", item.person_name);
    assert!(!a.body.contains(&item.person_phone));
    // A search finds it; other words do not.
    assert!(s
        .get("/answers?q=食堂")
        .await
        .body
        .contains("共 1 条符合条件的回复"));
    assert!(s
        .get("/answers?q=停车场")
        .await
        .body
        .contains("共 0 条符合条件的回复"));
    s.stop().await;
}

/// The heading levels of `html`'s `<h1>`…`<h6>` tags, in order.
fn heading_levels(html: &str) -> Vec<u32> {
    html.match_indices("<h")
        .filter_map(|(i, _)| {
            let mut c = html[i + 2..].chars();
            let d = c.next()?.to_digit(10)?;
            matches!(c.next(), Some('>' | ' ')).then_some(d)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn rules_headings_go_down_one_level_at_a_time_whatever_the_documents_use() {
    use studio_core::wall::{self, WallDocInput, WallKind};
    let s = Server::start(|_| {}).await;
    // The administrator writes a document with an h1 and a skip from h2 to h4.
    let store = s.store();
    let admin = Server::admin();
    let doc = wall::get_wall_doc(&store, &admin, WallKind::Duties).unwrap();
    wall::update_wall_doc(
        &store,
        &admin,
        WallKind::Duties,
        doc.template.version,
        &WallDocInput {
            title: doc.template.title.clone(),
            body: "# 联络员职责\n\n## 一、日常\n\n#### 值班\n\n按时到岗。\n\n## 二、台账".into(),
        },
    )
    .unwrap();
    let body = s.get("/rules").await.body;
    let levels = heading_levels(&body);
    assert_eq!(levels.first(), Some(&1), "{levels:?}");
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1, "{levels:?}");
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "a skipped heading level: {levels:?}");
    }
    // The typed h1 sits under the document's h2 title, the h4 one level below its h2.
    assert!(body.contains("<h3>联络员职责</h3>"), "{body}");
    assert!(body.contains("<h4>一、日常</h4>"), "{body}");
    assert!(body.contains("<h5>值班</h5>"), "{body}");
    s.stop().await;
}
