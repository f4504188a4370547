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
