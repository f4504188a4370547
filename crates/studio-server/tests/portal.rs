//! The staff and delegates' portal and 代表回复 over real HTTP (`studio_server::start` on
//! 127.0.0.1 port 0 with a fresh database): login lockout, CSRF, a delegate's reach, route →
//! answer → 查询进度, and /answers without the writer's name or phone.

use std::collections::HashMap;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{redirect, StatusCode};
use studio_core::accounts::{self, NewAccount};
use studio_core::items::{self, ItemCategory, ItemQuery, ItemSource};
use studio_core::kiosk::{self, MessageInput};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use studio_core::{Actor, Ctx, Role, Store};
use studio_server::{Config, Running};

const PASSWORD: &str = "Portal2026";
const WRITER: &str = "赵小明";
const PHONE: &str = "13987654321";

struct World {
    _dir: tempfile::TempDir,
    store: Store,
    running: Running,
    base: String,
    zhang: String,
}

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部张老师", Role::Admin))
}

/// A database with one delegation (head 张建华, delegate 李丽华), accounts `liaison`, `zhang`
/// (the head's delegate account is a delegate account here), `li`, and the server on it.
async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let store = Store::open(&path).unwrap();
    let a = admin();
    let g = roster::create_delegation(
        &store,
        &a,
        &DelegationInput {
            name: "理工代表团".into(),
            display_order: 1,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let person = |name: &str, mobile: &str| {
        roster::create_delegate(
            &store,
            &a,
            &DelegateInput {
                name: name.into(),
                gender: Gender::Female,
                delegation_id: g.clone(),
                unit: "计算机工程学院".into(),
                position: "教授".into(),
                mobile: mobile.into(),
                term: "第三届".into(),
                publish: PublishFlags::recommended(),
                publish_consent: true,
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let zhang = person("张建华", "13812340001");
    let li = person("李丽华", "13812340002");
    let account = |login: &str, name: &str, role: Role, delegate: Option<&str>| {
        accounts::add(
            &store,
            &a,
            &NewAccount {
                login: login.into(),
                name: name.into(),
                role: Some(role),
                delegate_id: delegate.map(str::to_owned),
                password: PASSWORD.into(),
            },
        )
        .unwrap();
    };
    account("liaison", "王联络", Role::Liaison, None);
    account("zhang", "张建华", Role::Delegate, Some(&zhang));
    account("li", "李丽华", Role::Delegate, Some(&li));
    let config = Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        ..Config::default()
    };
    let running = studio_server::start(config, Store::open(&path).unwrap())
        .await
        .unwrap();
    let base = format!("http://{}", running.addr);
    World {
        _dir: dir,
        store,
        running,
        base,
        zhang,
    }
}

/// A browser: its cookies, no redirects followed.
struct Browser {
    http: reqwest::Client,
    base: String,
    cookies: HashMap<String, String>,
}

struct Answer {
    status: StatusCode,
    location: String,
    body: String,
}

impl Browser {
    fn new(w: &World) -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .unwrap(),
            base: w.base.clone(),
            cookies: HashMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Answer {
        let res = req
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        for v in res.headers().get_all(SET_COOKIE) {
            let v = v.to_str().unwrap();
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = pair.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        Answer {
            status: res.status(),
            location: res
                .headers()
                .get(LOCATION)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default(),
            body: res.text().await.unwrap(),
        }
    }

    async fn get(&mut self, path: &str) -> Answer {
        let req = self.http.get(format!("{}{path}", self.base));
        self.send(req).await
    }

    /// POST a form as is (no token added).
    async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.send(req).await
    }

    /// POST a form with the CSRF token of the page `from` (as a browser would).
    async fn post(&mut self, from: &str, path: &str, fields: &[(&str, &str)]) -> Answer {
        let page = self.get(from).await;
        let token = hidden(&page.body, "csrf");
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    async fn login(&mut self, login: &str, password: &str) -> Answer {
        self.post(
            "/staff/login",
            "/staff/login",
            &[("login", login), ("password", password)],
        )
        .await
    }
}

/// The value of the first hidden input `name` in a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        + marker.len();
    body[start..].split('"').next().unwrap().to_string()
}

fn visitor() -> Ctx {
    Ctx::now(Actor::with_id(
        "online:127.0.0.1",
        "网上工作室",
        Role::Visitor,
    ))
}

/// A message from the online studio (the public form's core call): its item id and query code.
fn message(w: &World, phone: &str, text: &str, publish_ok: bool) -> (String, String) {
    let r = kiosk::submit_message(
        &w.store,
        &visitor(),
        &MessageInput {
            name: WRITER.into(),
            phone: phone.into(),
            category: Some(ItemCategory::Hardship),
            text: text.into(),
            delegate_id: None,
            consent: true,
            publish_ok,
        },
        ItemSource::Online,
    )
    .unwrap();
    let id = items::list_items(
        &w.store,
        &admin(),
        &ItemQuery {
            q: r.query_code.clone(),
            ..Default::default()
        },
    )
    .unwrap()
    .items[0]
        .id
        .clone();
    (id, r.query_code)
}

#[tokio::test]
async fn login_locks_the_account_after_five_wrong_passwords() {
    let w = world().await;
    let mut b = Browser::new(&w);
    for n in 1..=5 {
        let r = b.login("liaison", "wrong-pass-1").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "try {n}");
        if n < 5 {
            assert!(r.body.contains("登录名或密码错误"), "{}", r.body);
        } else {
            assert!(r.body.contains("账号已锁定"), "{}", r.body);
        }
    }
    // Locked: even the right password is refused, and no session cookie is given.
    let r = b.login("liaison", PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("锁定"), "{}", r.body);
    assert!(!b.cookies.contains_key("studio_session"));
    assert_eq!(b.get("/staff/messages").await.location, "/staff/login");
    // Another account still logs in; its cookie is HttpOnly and SameSite=Lax.
    let mut other = Browser::new(&w);
    let page = other.get("/staff/login").await;
    let token = hidden(&page.body, "csrf");
    let res = other
        .http
        .post(format!("{}/staff/login", w.base))
        .header(COOKIE, other.cookie_header())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_urlencoded::to_string([
                ("csrf", token.as_str()),
                ("login", "zhang"),
                ("password", PASSWORD),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let cookie = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("studio_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    w.running.shutdown();
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    let w = world().await;
    let (id, _) = message(&w, PHONE, "宿舍热水不稳定。", false);
    let mut b = Browser::new(&w);
    // The login form without a token: refused before the password is looked at.
    b.get("/staff/login").await;
    let r = b
        .post_raw(
            "/staff/login",
            &[("login", "liaison"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!b.cookies.contains_key("studio_session"));

    assert_eq!(
        b.login("liaison", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = b.get(&format!("/staff/messages/{id}")).await;
    let version = hidden(&page.body, "version");
    let choice = page
        .body
        .split("<option value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    for token in ["", "0123456789abcdef"] {
        let r = b
            .post_raw(
                &format!("/staff/messages/{id}/route"),
                &[
                    ("csrf", token),
                    ("version", &version),
                    ("delegate_id", &choice),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("页面已过期"), "{}", r.body);
    }
    let item = items::get_item(&w.store, &admin(), &id).unwrap().item;
    assert!(item.delegates.is_empty(), "not routed");
    w.running.shutdown();
}

/// Staff route the message to 张建华 through the portal.
async fn route_to(w: &World, staff: &mut Browser, id: &str, delegate_id: &str) {
    let page = staff.get(&format!("/staff/messages/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let version = hidden(&page.body, "version");
    let r = staff
        .post(
            &format!("/staff/messages/{id}"),
            &format!("/staff/messages/{id}/route"),
            &[("version", &version), ("delegate_id", delegate_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let _ = w;
}

#[tokio::test]
async fn a_delegate_sees_and_answers_only_their_own_messages() {
    let w = world().await;
    let (id, _) = message(&w, PHONE, "南区宿舍热水不稳定，希望维修。", false);
    let mut staff = Browser::new(&w);
    staff.login("liaison", PASSWORD).await;
    route_to(&w, &mut staff, &id, &w.zhang).await;

    let mut li = Browser::new(&w);
    assert_eq!(li.login("li", PASSWORD).await.location, "/staff");
    assert_eq!(li.get("/staff").await.location, "/staff/mine");
    let mine = li.get("/staff/mine").await;
    assert!(!mine.body.contains("南区宿舍热水"), "{}", mine.body);
    let r = li.get(&format!("/staff/messages/{id}")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("南区宿舍热水"));
    // Not by a forged form either (a token from their own page).
    let r = li
        .post(
            "/staff/mine",
            &format!("/staff/messages/{id}/answer"),
            &[("version", "3"), ("answer", "冒名答复")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nor staff's pages.
    assert_eq!(
        li.get("/staff/messages").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(li.get("/staff/answers").await.status, StatusCode::FORBIDDEN);

    let mut zhang = Browser::new(&w);
    zhang.login("zhang", PASSWORD).await;
    let mine = zhang.get("/staff/mine").await;
    assert!(mine.body.contains("南区宿舍热水"), "{}", mine.body);
    let item = items::get_item(&w.store, &admin(), &id).unwrap().item;
    assert!(item.answer.is_empty());
    w.running.shutdown();
}

#[tokio::test]
async fn route_then_answer_and_the_code_shows_the_answer_in_query_progress() {
    let w = world().await;
    let (id, code) = message(&w, PHONE, "图书馆自习室座位紧张。", false);

    let mut staff = Browser::new(&w);
    staff.login("liaison", PASSWORD).await;
    let list = staff.get("/staff/messages").await;
    assert!(list.body.contains("图书馆自习室座位紧张"), "{}", list.body);
    route_to(&w, &mut staff, &id, &w.zhang).await;
    let list = staff.get("/staff/messages").await;
    assert!(!list.body.contains("图书馆自习室座位紧张"), "left 待分派");

    let mut zhang = Browser::new(&w);
    zhang.login("zhang", PASSWORD).await;
    let page = zhang.get(&format!("/staff/messages/{id}")).await;
    assert!(page.body.contains("answer-form"), "{}", page.body);
    let version = hidden(&page.body, "version");
    // An empty answer is the core's field error, shown above the form.
    let r = zhang
        .post(
            &format!("/staff/messages/{id}"),
            &format!("/staff/messages/{id}/answer"),
            &[("version", &version), ("answer", "  ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("请填写答复内容"), "{}", r.body);
    let answer = "考试周起图书馆延长开放至22:30，并开放教学楼空闲教室。<b>";
    let r = zhang
        .post(
            &format!("/staff/messages/{id}"),
            &format!("/staff/messages/{id}/answer"),
            &[("version", &version), ("answer", answer)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = zhang.get(&r.location).await;
    assert!(page.body.contains("已答复"), "{}", page.body);
    assert!(
        page.body.contains("&lt;b&gt;") && !page.body.contains("<b>"),
        "escaped"
    );

    // The writer's 查询进度 (code + last four digits) shows it.
    let p = kiosk::query_progress(&w.store, &visitor(), &code, &PHONE[7..]).unwrap();
    assert_eq!(p.answer.as_deref(), Some(answer));
    // On the timeline, by the people who did it.
    let detail = items::get_item(&w.store, &admin(), &id).unwrap();
    let steps: Vec<(String, String)> = detail
        .timeline
        .iter()
        .map(|e| (e.kind.label().to_string(), e.actor.clone()))
        .collect();
    assert!(
        steps.contains(&("分派".into(), "王联络".into())),
        "{steps:?}"
    );
    assert!(
        steps.contains(&("答复".into(), "张建华".into())),
        "{steps:?}"
    );
    w.running.shutdown();
}

#[tokio::test]
async fn a_published_answer_shows_on_answers_without_the_writers_name_or_phone() {
    let w = world().await;
    let text = format!("我是{WRITER}，南区3号楼热水不稳定，请回电{PHONE}。");
    let (id, _) = message(&w, PHONE, &text, true);
    let (hidden_id, _) = message(&w, "13900001111", "食堂价格偏高。", false);
    let mut staff = Browser::new(&w);
    staff.login("liaison", PASSWORD).await;
    for i in [&id, &hidden_id] {
        route_to(&w, &mut staff, i, &w.zhang).await;
    }
    let mut zhang = Browser::new(&w);
    zhang.login("zhang", PASSWORD).await;
    for (i, a) in [
        (&id, "已协调后勤处检修热水系统。"),
        (&hidden_id, "已转饮食中心。"),
    ] {
        let page = zhang.get(&format!("/staff/messages/{i}")).await;
        let version = hidden(&page.body, "version");
        let r = zhang
            .post(
                &format!("/staff/messages/{i}"),
                &format!("/staff/messages/{i}/answer"),
                &[("version", &version), ("answer", a)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }

    // Only the consenting message is offered; its text as written is refused.
    let list = staff.get("/staff/answers").await;
    assert!(list.body.contains(&format!("/staff/answers/{id}")));
    assert!(!list.body.contains(&format!("/staff/answers/{hidden_id}")));
    let form = format!("/staff/answers/{id}");
    let r = staff
        .post(
            &form,
            &form,
            &[
                ("version", "0"),
                ("question", &text),
                ("answer", "已协调后勤处检修热水系统。"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("含有留言人的姓名"), "{}", r.body);
    assert!(!staff.get("/answers").await.body.contains("热水"));
    let r = staff
        .post(
            &form,
            &form,
            &[
                ("version", "0"),
                ("question", "南区3号楼热水供应不稳定，希望维修。"),
                ("answer", "已协调后勤处检修热水系统。"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // A visitor (no cookies) reads it, and nothing of the writer.
    let mut visitor = Browser::new(&w);
    let page = visitor.get("/answers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("南区3号楼热水供应不稳定，希望维修。"),
        "{}",
        page.body
    );
    assert!(page.body.contains("已协调后勤处检修热水系统。"));
    assert!(page.body.contains("张建华"));
    assert!(!page.body.contains("已转饮食中心"), "unconsented stays off");
    for secret in [WRITER, PHONE, &PHONE[7..]] {
        assert!(!page.body.contains(secret), "{secret} in {}", page.body);
    }
    // Searchable.
    let q = visitor.get("/answers?q=%E7%83%AD%E6%B0%B4").await; // 热水
    assert!(q.body.contains("共 1 条"), "{}", q.body);
    let q = visitor.get("/answers?q=%E5%9B%BE%E4%B9%A6%E9%A6%86").await; // 图书馆
    assert!(q.body.contains("共 0 条"), "{}", q.body);

    // Withdrawn: gone again.
    let page = staff.get(&form).await;
    let version = hidden(page.body.split("/withdraw\"").nth(1).unwrap(), "version");
    let r = staff
        .post(&form, &format!("{form}/withdraw"), &[("version", &version)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!visitor.get("/answers").await.body.contains("热水"));
    w.running.shutdown();
}

#[tokio::test]
async fn logout_ends_the_session() {
    let w = world().await;
    let mut b = Browser::new(&w);
    b.login("liaison", PASSWORD).await;
    let session = b.cookies.get("studio_session").cloned().unwrap();
    assert_eq!(b.get("/staff/messages").await.status, StatusCode::OK);
    let r = b.post("/staff/messages", "/staff/logout", &[]).await;
    assert_eq!(r.location, "/staff/login?out=1");
    // The old cookie no longer opens anything.
    b.cookies.insert("studio_session".into(), session);
    assert_eq!(b.get("/staff/messages").await.location, "/staff/login");
    w.running.shutdown();
}
