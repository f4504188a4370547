//! The UI's development fixtures (`ui/dev/fixtures/*.json`): the answers the real core gives to the
//! read commands the UI makes, over the demo data loaded on a fixed day. `npm run dev:mock` serves
//! them (`ui/dev/mock-backend.ts`), so the browser preview shows what the app shows, with no
//! business rule restated in TypeScript.
//!
//! The test fails when a committed fixture differs from what the core answers now; regenerate with
//! `UPDATE_FIXTURES=1 cargo test -p studio-core --test ui_fixtures` and commit them.
//!
//! Ids (UUIDv7), query codes (random) and timestamps differ on every run, so they are replaced: each
//! id and each code by a fixed one in the order it first appears, each timestamp by one fixed time
//! on the fixture day.
//!
//! List commands are captured once per filter the UI offers (`lists`: the filters as the UI sends
//! them, without the page and without empty values, and the ids of every matching row in order);
//! the mock cuts pages out of them. Rows are stored once (`rows`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use studio_core::accounts;
use studio_core::appointments::{self, AppointmentQuery};
use studio_core::audit_log::{self, AuditQuery};
use studio_core::calendar::{self, OverrideKind};
use studio_core::cards::{self, CardQuery};
use studio_core::items::{self, ItemQuery};
use studio_core::roster::{self, DelegateInput, DelegateQuery};
use studio_core::{audit, demo, schedule, settings, status, Ctx, Page, Store};

#[path = "ui_fixtures/progress.rs"]
mod progress;
#[path = "ui_fixtures/studio.rs"]
mod studio;

/// The day the fixtures are "today".
const DAY: (i32, u32, u32) = (2026, 11, 30);
/// Every timestamp becomes this one (09:30 in Shanghai on the fixture day).
const FIXED_TIME: &str = "2026-11-30T01:30:00.000Z";
/// 工作台 asks for the 10 newest changes; a few more for the mock to serve other limits.
const RECENT: u32 = 50;

/// The day (in Shanghai) of [`FIXED_TIME`], for a day the core derives from a clock time.
fn day_of_fixed_time() -> String {
    FIXED_TIME[..10].to_string()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(DAY.0, DAY.1, DAY.2).unwrap()
}

/// The demo's administrator, logged in.
fn operator(_store: &Store) -> Ctx {
    Ctx::new(
        studio_core::Actor::with_id(
            "account:demo-admin",
            "组织部 王老师",
            studio_core::Role::Admin,
        ),
        day(),
    )
}

fn v<T: Serialize>(x: T) -> Value {
    serde_json::to_value(x).unwrap()
}

/// The filters as the UI's mock keys them: no `page`, no null / empty text / false.
fn reduce(q: &Value) -> Value {
    let mut out = Map::new();
    for (k, x) in q.as_object().unwrap() {
        let empty = x.is_null() || x == &json!("") || x == &json!(false);
        if k != "page" && !empty {
            out.insert(k.clone(), x.clone());
        }
    }
    Value::Object(out)
}

/// Rows of one list command, each stored once, and the id lists per filter.
#[derive(Default)]
struct Lists {
    rows: Map<String, Value>,
    lists: Vec<Value>,
}

impl Lists {
    /// Every page of `filters` (page_size 200, the core's largest).
    fn capture<Q, R>(&mut self, filters: Value, run: impl Fn(&Q) -> studio_core::Result<Page<R>>)
    where
        Q: DeserializeOwned,
        R: Serialize,
    {
        self.capture_with(filters, |q| run(q).map(|p| (p, Map::new())));
    }

    /// Like `capture`, for a list that answers more than its page (e.g. a sum): those fields of
    /// its first page go into the filter's entry beside the ids.
    fn capture_with<Q, R>(
        &mut self,
        filters: Value,
        run: impl Fn(&Q) -> studio_core::Result<(Page<R>, Map<String, Value>)>,
    ) where
        Q: DeserializeOwned,
        R: Serialize,
    {
        assert_eq!(
            reduce(&filters),
            filters,
            "write filters as the UI keys them"
        );
        let mut ids = Vec::new();
        let mut entry = Map::new();
        for page in 1.. {
            let mut q = filters.clone();
            q["page"] = json!({ "page": page, "page_size": 200 });
            let q: Q = serde_json::from_value(q).unwrap();
            let (got, extra) = run(&q).unwrap_or_else(|e| panic!("{filters}: {e}"));
            if page == 1 {
                entry = extra;
            }
            let n = got.items.len();
            for row in got.items {
                let row = v(row);
                // A row's key: its `id`, or the item's (代表回复's rows are items').
                let key = row.get("id").or_else(|| row.get("item_id"));
                let id = key.and_then(Value::as_str).unwrap().to_string();
                ids.push(json!(id));
                self.rows.insert(id, row);
            }
            if n < 200 || ids.len() as u64 >= got.total {
                assert_eq!(ids.len() as u64, got.total, "{filters}");
                break;
            }
        }
        entry.insert("query".into(), filters);
        entry.insert("ids".into(), Value::Array(ids));
        self.lists.push(Value::Object(entry));
    }

    fn into_value(self, mut extra: Map<String, Value>) -> Value {
        extra.insert("rows".into(), Value::Object(self.rows));
        extra.insert("lists".into(), Value::Array(self.lists));
        Value::Object(extra)
    }
}

/// Similar items, each stored once (`items`), and per card or item the ids found for it.
#[derive(Default)]
struct Similar {
    items: Map<String, Value>,
    by: BTreeMap<&'static str, Map<String, Value>>,
}

impl Similar {
    fn add(&mut self, by: &'static str, key: &str, found: Vec<items::SimilarItem>) {
        let mut ids = Vec::new();
        for f in found {
            let id = f.id.clone();
            let f = v(f);
            // The same item reads the same whatever it was found for.
            assert_eq!(self.items.get(&id).unwrap_or(&f), &f);
            self.items.insert(id.clone(), f);
            ids.push(json!(id));
        }
        self.by
            .entry(by)
            .or_default()
            .insert(key.to_string(), Value::Array(ids));
    }

    fn into_value(self) -> Value {
        let mut out = Map::new();
        out.insert("items".into(), Value::Object(self.items));
        for (k, m) in self.by {
            out.insert(k.into(), Value::Object(m));
        }
        Value::Object(out)
    }
}

fn obj(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, x)| (k.to_string(), x)).collect()
}

/// The demo as a studio has it after a few days: the demo data, the studio's settings, an edit by
/// the operator and one correction of the calendar.
fn demo_store() -> (Store, Value) {
    let store = Store::open_in_memory().unwrap();
    let first_start = status::app_status(&store, None).unwrap();
    demo::load_on(&store, day(), false).unwrap();
    let s = settings::load(&store).unwrap();
    settings::save(
        &store,
        &operator(&store),
        &settings::Settings {
            studio_name: "潍坊学院党代表工作室".into(),
            hotline: "0536-8785000".into(),
            ..s
        },
    )
    .unwrap();
    let ctx = operator(&store);
    let first = roster::all_delegates(&store, &ctx).unwrap()[0].id.clone();
    let d = roster::get_delegate(&store, &ctx, &first).unwrap();
    let input = DelegateInput {
        name: d.name.clone(),
        gender: d.gender,
        delegation_id: d.delegation_id.clone(),
        unit: d.unit.clone(),
        position: "党委书记".into(),
        mobile: d.mobile.clone(),
        office_phone: d.office_phone.clone(),
        email: d.email.clone(),
        bio: d.bio.clone(),
        pledge: d.pledge.clone(),
        term: d.term.clone(),
        display_order: d.display_order,
        publish: d.publish,
        publish_consent: d.publish_consent,
    };
    roster::update_delegate(&store, &ctx, &first, d.version, &input).unwrap();
    calendar::set_override(
        &store,
        &ctx,
        "2026-12-31",
        0,
        OverrideKind::Holiday,
        "学校放假",
    )
    .unwrap();
    (store, v(first_start))
}

fn capture() -> BTreeMap<&'static str, Value> {
    let (store, first_start) = demo_store();
    let ctx = operator(&store);
    let s = &store;
    let c = &ctx;

    // ---- app ----
    let blank_store = Store::open_in_memory().unwrap();
    settings::start_blank(&blank_store, &operator(&blank_store)).unwrap();
    let bctx = operator(&blank_store);
    let app = json!({
        "today": day().format("%Y-%m-%d").to_string(),
        "status": {
            "first_start": first_start,
            "blank": status::app_status(&blank_store, Some(&bctx)).unwrap(),
            "demo": status::app_status(s, Some(c)).unwrap(),
            "login": status::app_status(s, None).unwrap(),
        },
        "settings": settings::load(s).unwrap(),
        "recent": audit::recent(s, c, RECENT).unwrap(),
    });
    let blank = json!({
        "settings": settings::load(&blank_store).unwrap(),
        "recent": audit::recent(&blank_store, &bctx, RECENT).unwrap(),
        "card_counts": cards::card_counts(&blank_store, &bctx).unwrap(),
        "item_counts": items::item_counts(&blank_store, &bctx).unwrap(),
        "item_deadlines": items::deadlines(&blank_store, &bctx).unwrap(),
    });

    // ---- roster ----
    let delegations = roster::list_delegations(s, c).unwrap();
    let everyone = roster::all_delegates(s, c).unwrap();
    let mut rl = Lists::default();
    let list_delegates = |q: &DelegateQuery| roster::list_delegates(s, c, q);
    for status in [json!("active"), json!("left"), Value::Null] {
        for sort in ["roster", "name", "unit", "updated_desc"] {
            rl.capture(
                reduce(&json!({ "status": status, "sort": sort })),
                list_delegates,
            );
        }
        for g in &delegations {
            rl.capture(
                reduce(&json!({ "delegation_id": g.id, "status": status, "sort": "roster" })),
                list_delegates,
            );
        }
        // Searches the screenshots and the delegate pickers make.
        for q in ["王", "张", "李", "刘", "zjh"] {
            rl.capture(
                reduce(&json!({ "q": q, "status": status, "sort": "roster" })),
                list_delegates,
            );
        }
    }
    let mut one = Map::new();
    let mut full = Map::new();
    let mut history = Map::new();
    for g in &delegations {
        one.insert(
            g.id.clone(),
            v(roster::get_delegation(s, c, &g.id).unwrap()),
        );
    }
    for d in &everyone {
        full.insert(d.id.clone(), v(roster::get_delegate(s, c, &d.id).unwrap()));
        history.insert(
            d.id.clone(),
            v(roster::delegate_history(s, c, &d.id).unwrap()),
        );
    }
    let roster_fx = rl.into_value(obj(vec![
        ("delegations", v(&delegations)),
        ("delegation", Value::Object(one)),
        ("delegates", Value::Object(full)),
        ("history", Value::Object(history)),
    ]));

    // ---- cards ----
    let mut cl = Lists::default();
    let list_cards = |q: &CardQuery| cards::list_cards(s, c, q);
    for sort in ["contact_desc", "contact_asc", "due_asc", "updated_desc"] {
        cl.capture(json!({ "sort": sort }), list_cards);
        for status in ["draft", "submitted"] {
            cl.capture(json!({ "status": status, "sort": sort }), list_cards);
        }
    }
    for deadline in [
        "on_time",
        "due_soon",
        "overdue",
        "filed_on_time",
        "filed_late",
    ] {
        cl.capture(
            json!({ "deadline": deadline, "sort": "contact_desc" }),
            list_cards,
        );
    }
    for channel in ["studio", "online", "appointment", "home_visit", "other"] {
        cl.capture(
            json!({ "channel": channel, "sort": "contact_desc" }),
            list_cards,
        );
    }
    // 工作台's tiles, as of the fixture day.
    let year = DAY.0;
    let month = format!("{:04}-{:02}", DAY.0, DAY.1);
    cl.capture(
        json!({ "deadline": "filed_late", "filed_from": format!("{year}-01-01"),
                "filed_to": format!("{year}-12-31"), "sort": "contact_desc" }),
        list_cards,
    );
    cl.capture(
        json!({ "status": "submitted", "filed_from": format!("{month}-01"),
                "filed_to": format!("{month}-31"), "sort": "contact_desc" }),
        list_cards,
    );
    // A period (the fixture month), as typed into the range picker.
    cl.capture(
        json!({ "from": format!("{month}-01"), "to": format!("{month}-30"), "sort": "contact_desc" }),
        list_cards,
    );
    for g in &delegations {
        cl.capture(
            json!({ "delegation_id": g.id, "sort": "contact_desc" }),
            list_cards,
        );
    }
    let all_cards: Vec<String> = cl.rows.keys().cloned().collect();
    let mut card_delegates: Vec<String> = Vec::new();
    for row in cl.rows.values() {
        let id = row["delegate_id"].as_str().unwrap().to_string();
        if !card_delegates.contains(&id) {
            card_delegates.push(id);
        }
    }
    for d in &card_delegates {
        cl.capture(
            json!({ "delegate_id": d, "sort": "contact_desc" }),
            list_cards,
        );
    }
    let mut card_full = Map::new();
    let mut card_history = Map::new();
    let mut amendments = Map::new();
    let mut for_card = Map::new();
    let mut similar = Similar::default();
    for id in &all_cards {
        let card = cards::get_card(s, c, id).unwrap();
        card_history.insert(id.clone(), v(cards::card_history(s, c, id).unwrap()));
        if card.amendment_count > 0 {
            amendments.insert(id.clone(), v(cards::card_amendments(s, c, id).unwrap()));
        }
        if let Some(item) = items::item_for_card(s, c, id).unwrap() {
            for_card.insert(id.clone(), v(item));
        }
        // 关联已有事项 (a card without an item) suggests similar items for its opinion.
        let linked = for_card.contains_key(id);
        if !linked && !card.opinion.trim().is_empty() {
            if let Ok(found) = items::similar_items(s, c, &card.opinion, None, 8) {
                similar.add("by_card", id, found);
            }
        }
        card_full.insert(id.clone(), v(card));
    }
    let mut snapshots = Map::new();
    for d in everyone
        .iter()
        .filter(|d| d.status == roster::DelegateStatus::Active)
    {
        snapshots.insert(
            d.id.clone(),
            v(cards::delegate_snapshot(s, c, &d.id).unwrap()),
        );
    }
    let cards_fx = cl.into_value(obj(vec![
        ("counts", v(cards::card_counts(s, c).unwrap())),
        ("cards", Value::Object(card_full)),
        ("history", Value::Object(card_history)),
        ("amendments", Value::Object(amendments)),
        ("snapshots", Value::Object(snapshots)),
    ]));

    // ---- items ----
    let mut il = Lists::default();
    let list_items = |q: &ItemQuery| items::list_items(s, c, q);
    for sort in ["received_desc", "received_asc", "due_asc", "updated_desc"] {
        il.capture(json!({ "sort": sort }), list_items);
    }
    let rd = "received_desc";
    for view in [
        "open",
        "due_soon",
        "overdue",
        "long_paused",
        "paused",
        "escalated",
        "unit_overdue",
    ] {
        il.capture(json!({ "view": view, "sort": rd }), list_items);
        il.capture(json!({ "view": view, "sort": "due_asc" }), list_items);
    }
    for status in [
        "received",
        "assigned",
        "in_progress",
        "answered",
        "fed_back",
        "closed",
        "declined",
    ] {
        il.capture(json!({ "status": status, "sort": rd }), list_items);
    }
    for category in [
        "policy_inquiry",
        "implementation",
        "party_building",
        "public_opinion",
        "rights",
        "hardship",
    ] {
        il.capture(json!({ "category": category, "sort": rd }), list_items);
    }
    for source in [
        "card",
        "kiosk",
        "online",
        "hotline",
        "appointment",
        "survey",
    ] {
        il.capture(json!({ "source": source, "sort": rd }), list_items);
    }
    for g in &delegations {
        il.capture(json!({ "delegation_id": g.id, "sort": rd }), list_items);
    }
    for d in &everyone {
        il.capture(json!({ "delegate_id": d.id, "sort": rd }), list_items);
    }
    il.capture(
        json!({ "status": "closed", "closed_from": format!("{month}-01"),
                "closed_to": format!("{month}-30"), "sort": rd }),
        list_items,
    );
    il.capture(
        json!({ "from": format!("{month}-01"), "to": format!("{month}-30"), "sort": rd }),
        list_items,
    );
    for q in ["人行道", "食堂", "宿舍"] {
        il.capture(json!({ "q": q, "sort": rd }), list_items);
    }
    // 待分派 (messages from the kiosk and the online studio without a delegate).
    il.capture(json!({ "unrouted": true, "sort": rd }), list_items);
    let mut details = Map::new();
    let item_ids: Vec<String> = il.rows.keys().cloned().collect();
    for id in &item_ids {
        let detail = items::get_item(s, c, id).unwrap();
        // The form of an open item lists similar items for its title and content, as
        // `ItemFormView` sends them.
        if detail.item.status.is_open() {
            let text = format!(
                "{} {}",
                detail.item.title.trim(),
                detail.item.content.trim()
            );
            if let Ok(found) = items::similar_items(s, c, text.trim(), Some(id), 8) {
                similar.add("by_item", id, found);
            }
        }
        details.insert(id.clone(), v(detail));
    }
    let items_fx = il.into_value(obj(vec![
        ("counts", v(items::item_counts(s, c).unwrap())),
        ("deadlines", v(items::deadlines(s, c).unwrap())),
        ("details", Value::Object(details)),
        ("for_card", Value::Object(for_card)),
        ("similar", similar.into_value()),
    ]));

    // ---- calendar ----
    let mut months = Map::new();
    for y in DAY.0 - 1..=DAY.0 + 1 {
        for m in 1..=12 {
            months.insert(
                format!("{y:04}-{m:02}"),
                v(calendar::month_view(s, c, y, m).unwrap()),
            );
        }
    }
    let mut overrides = Map::new();
    overrides.insert(
        "all".into(),
        v(calendar::list_overrides(s, c, None).unwrap()),
    );
    for y in DAY.0 - 1..=DAY.0 + 1 {
        overrides.insert(
            y.to_string(),
            v(calendar::list_overrides(s, c, Some(y)).unwrap()),
        );
    }
    let calendar_fx = json!({ "months": months, "overrides": overrides });
    let reports_fx = capture_reports(s, c);

    // Last: the sessions below change nothing the other files hold.
    let accounts_fx = capture_accounts(s, c);
    // After the audit log was captured: opening an appointment in full is logged.
    let schedule_fx = capture_schedule(s, c);
    let appointments_fx = capture_appointments(s, c, &everyone);
    let studio_fx = studio::capture_studio(s, c, &item_ids);
    let kiosk_fx = studio::capture_kiosk(s, c);

    BTreeMap::from([
        ("app", app),
        ("blank", blank),
        ("roster", roster_fx),
        ("cards", cards_fx),
        ("items", items_fx),
        ("calendar", calendar_fx),
        ("reports", reports_fx),
        ("accounts", accounts_fx),
        ("schedule", schedule_fx),
        ("appointments", appointments_fx),
        ("studio", studio_fx),
        ("kiosk", kiosk_fx),
    ])
}

/// 统计汇总 and 承办单位 for the periods ReportsView offers on the fixture day (本月, 本季度, 本年), and
/// 工作台's charts for its three (本年, 近12个月, 上年); each keyed `from..to`.
fn capture_reports(s: &Store, c: &Ctx) -> Value {
    use studio_core::reports::{self, Period};
    let key = |f: &str, t: &str| format!("{f}..{t}");
    let (mut summary, mut units, mut charts) = (Map::new(), Map::new(), Map::new());
    for (f, t) in [
        ("2026-11-01", "2026-11-30"),
        ("2026-10-01", "2026-12-31"),
        ("2026-01-01", "2026-12-31"),
    ] {
        let p = Period::new(f, t);
        summary.insert(key(f, t), v(reports::summary(s, c, &p).unwrap()));
        units.insert(key(f, t), v(reports::units(s, c, &p).unwrap()));
    }
    for (f, t) in [
        ("2026-01-01", "2026-12-31"),
        ("2025-12-01", "2026-11-30"),
        ("2025-01-01", "2025-12-31"),
    ] {
        let p = Period::new(f, t);
        charts.insert(key(f, t), v(reports::dashboard_charts(s, c, &p).unwrap()));
    }
    json!({ "summary": summary, "units": units, "charts": charts })
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// 接待安排 as the demo has it on the fixture day: the months with slots, every plan from four
/// months back to three ahead (empty ones too, for the month switcher), and what 工作台 and
/// 我的接待 ask on that day (今日, 本周, the next reception day; each demo account's own duty from
/// the fixture day to the end of the next month, by login).
fn capture_schedule(s: &Store, c: &Ctx) -> Value {
    use chrono::Months;
    let first = day().with_day0(0).unwrap();
    let mut plans = Map::new();
    for back in (1..=4).rev() {
        let m = first.checked_sub_months(Months::new(back)).unwrap();
        let key = m.format("%Y-%m").to_string();
        plans.insert(key.clone(), v(schedule::month_plan(s, c, &key).unwrap()));
    }
    for ahead in 0..=3 {
        let m = first.checked_add_months(Months::new(ahead)).unwrap();
        let key = m.format("%Y-%m").to_string();
        plans.insert(key.clone(), v(schedule::month_plan(s, c, &key).unwrap()));
    }
    let today = date_text(day());
    let until = first
        .checked_add_months(Months::new(2))
        .and_then(|d| d.pred_opt())
        .unwrap();
    let mut my_duty = Map::new();
    for a in accounts::list(s, c).unwrap() {
        let ctx = Ctx::new(accounts::actor_of(&a), day());
        if let Ok(slots) = schedule::my_duty(s, &ctx, &today, &date_text(until)) {
            my_duty.insert(a.login.clone(), v(slots));
        }
    }
    json!({
        "months": v(schedule::month_summaries(s, c).unwrap()),
        "plans": plans,
        "today": v(schedule::today_duty(s, c, &today).unwrap()),
        "week": v(schedule::week_duty(s, c, &today).unwrap()),
        "next_day": v(schedule::next_duty_day(s, c, &today).unwrap()),
        "my_duty": my_duty,
    })
}

/// 约见 as the demo's administrator sees it: the list under each filter the page offers one at a
/// time (status, delegate, direction, source; both sorts), and every appointment in full.
fn capture_appointments(s: &Store, c: &Ctx, everyone: &[roster::DelegateListItem]) -> Value {
    let mut al = Lists::default();
    let list = |q: &AppointmentQuery| appointments::list_appointments(s, c, q);
    for sort in ["date_desc", "date_asc"] {
        al.capture(json!({ "sort": sort }), list);
        for status in ["pending", "confirmed", "completed", "cancelled"] {
            al.capture(json!({ "status": status, "sort": sort }), list);
        }
    }
    for direction in ["request", "invitation"] {
        al.capture(json!({ "direction": direction, "sort": "date_desc" }), list);
    }
    for source in ["staff", "kiosk", "online"] {
        al.capture(json!({ "source": source, "sort": "date_desc" }), list);
    }
    for d in everyone {
        al.capture(json!({ "delegate_id": d.id, "sort": "date_desc" }), list);
    }
    let ids: Vec<String> = al.rows.keys().cloned().collect();
    let mut full = Map::new();
    for id in &ids {
        full.insert(
            id.clone(),
            v(appointments::get_appointment(s, c, id).unwrap()),
        );
    }
    al.into_value(obj(vec![("appointments", Value::Object(full))]))
}

/// 账号管理 and 审计 as the demo's administrator sees them after a few sessions: the demo accounts,
/// the status each of them logs in to (the mock's login), and the audit log under every filter the
/// 审计 page offers one at a time (area, action, result, person). Entries are keyed by `seq`.
fn capture_accounts(s: &Store, c: &Ctx) -> Value {
    // Logins, failures, a lock and an unlock, so the log and the list show them.
    accounts::login(s, "admin", demo::DEMO_PASSWORD).unwrap();
    assert!(accounts::login(s, "liaison", "wrong-password-1").is_err());
    assert!(accounts::login(s, "nobody", "wrong-password-1").is_err());
    accounts::login(s, "auditor", demo::DEMO_PASSWORD).unwrap();
    let admin = accounts::list(s, c)
        .unwrap()
        .into_iter()
        .find(|a| a.login == "admin")
        .unwrap();
    let admin_ctx = Ctx::new(accounts::actor_of(&admin), day());
    accounts::record_session_event(s, &admin_ctx, "lock", "空闲超时自动锁定").unwrap();
    accounts::verify_for_unlock(s, &admin_ctx, demo::DEMO_PASSWORD).unwrap();

    let list = accounts::list(s, c).unwrap();
    let mut statuses = Map::new();
    for a in &list {
        let ctx = Ctx::new(accounts::actor_of(a), day());
        statuses.insert(
            a.login.clone(),
            v(status::app_status(s, Some(&ctx)).unwrap()),
        );
    }

    let mut filters = vec![json!({})];
    filters.extend(audit_log::AREAS.iter().map(|(a, _)| json!({ "area": a })));
    filters.extend(
        audit_log::ACTIONS
            .iter()
            .map(|(a, _)| json!({ "action": a })),
    );
    filters.extend(["ok", "refused", "failed"].map(|r| json!({ "result": r })));
    filters.extend(
        list.iter()
            .map(|a| json!({ "actor_id": format!("account:{}", a.id) })),
    );
    let mut rows = Map::new();
    let mut lists = Vec::new();
    for f in filters {
        let mut ids = Vec::new();
        for page in 1.. {
            let mut q = f.clone();
            q["page"] = json!({ "page": page, "page_size": 200 });
            let q: AuditQuery = serde_json::from_value(q).unwrap();
            let got = audit_log::list(s, c, &q).unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(!got.total_capped, "{f}");
            let n = got.items.len();
            for e in got.items {
                let key = e.seq.to_string();
                ids.push(json!(key));
                rows.insert(key, v(e));
            }
            if n < 200 {
                assert_eq!(ids.len() as u64, got.total, "{f}");
                break;
            }
        }
        lists.push(json!({ "query": f, "ids": ids }));
    }
    json!({
        "list": list,
        "statuses": statuses,
        "audit": { "rows": rows, "lists": lists },
    })
}

// ---- making runs comparable ----

fn is_uuid(b: &[u8]) -> bool {
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (s.ends_with('Z') || s.ends_with("+00:00"))
        && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// A kiosk query code as stored (`K7QM3XPA`) or shown (`K7QM-3XPA`): the code without its dash.
fn query_code(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let raw = match b.len() {
        8 => s.to_string(),
        9 if b[4] == b'-' => s.replace('-', ""),
        _ => return None,
    };
    (raw.len() == 8
        && raw
            .bytes()
            .all(|c| studio_core::kiosk::CODE_ALPHABET.contains(&c)))
    .then_some(raw)
}

struct Normalizer {
    ids: HashMap<String, String>,
    /// Each code (without its dash) and the fixed one that replaces it.
    codes: HashMap<String, String>,
}

impl Normalizer {
    fn id(&mut self, uuid: &str) -> String {
        let n = self.ids.len() + 1;
        self.ids
            .entry(uuid.to_string())
            .or_insert_with(|| format!("019ad000-0000-7000-8000-{n:012}"))
            .clone()
    }

    /// The fixed code for `raw`: the n-th code of the alphabet, in the form it was written.
    fn code(&mut self, raw: &str, grouped: bool) -> String {
        let n = self.codes.len();
        let fixed = self
            .codes
            .entry(raw.to_string())
            .or_insert_with(|| {
                let a = studio_core::kiosk::CODE_ALPHABET;
                let mut k = n + 1;
                let mut out = vec![a[0]; 8];
                for c in out.iter_mut().rev() {
                    *c = a[k % a.len()];
                    k /= a.len();
                }
                String::from_utf8(out).unwrap()
            })
            .clone();
        if grouped {
            studio_core::kiosk::format_code(&fixed)
        } else {
            fixed
        }
    }

    fn text(&mut self, s: &str) -> String {
        if is_timestamp(s) {
            return FIXED_TIME.to_string();
        }
        if let Some(raw) = query_code(s) {
            return self.code(&raw, s.len() == 9);
        }
        let b = s.as_bytes();
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < b.len() {
            if i + 36 <= b.len() && s.is_char_boundary(i) && is_uuid(&b[i..i + 36]) {
                out.push_str(&self.id(&s[i..i + 36]));
                i += 36;
            } else {
                let ch = s[i..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        out
    }

    fn value(&mut self, x: Value) -> Value {
        match x {
            Value::String(s) => Value::String(self.text(&s)),
            Value::Array(a) => Value::Array(a.into_iter().map(|x| self.value(x)).collect()),
            Value::Object(o) => Value::Object(
                o.into_iter()
                    .map(|(k, x)| (self.text(&k), self.value(x)))
                    .collect(),
            ),
            other => other,
        }
    }
}

/// The files, in the order their ids are numbered (a fixed order: the same numbers every time).
const ORDER: [&str; 12] = [
    "app",
    "blank",
    "roster",
    "cards",
    "items",
    "calendar",
    "reports",
    "accounts",
    "schedule",
    "appointments",
    "studio",
    "kiosk",
];

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/dev/fixtures")
}

/// JSON with the two outer levels spread over lines and every record below them on one line: a
/// change to one record is a change to one line.
fn layout(x: &Value, depth: usize, out: &mut String) {
    let pad = |n: usize| "  ".repeat(n);
    match x {
        Value::Object(o) if depth < 2 && !o.is_empty() => {
            out.push_str("{\n");
            for (i, (k, v)) in o.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push_str(": ");
                layout(v, depth + 1, out);
                out.push_str(if i + 1 < o.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Value::Array(a) if depth < 2 && !a.is_empty() => {
            out.push_str("[\n");
            for (i, v) in a.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                layout(v, depth + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        _ => out.push_str(&serde_json::to_string(x).unwrap()),
    }
}

fn check(dir: &Path, files: BTreeMap<&'static str, Value>) {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut stale = Vec::new();
    for (name, value) in files {
        let path = dir.join(format!("{name}.json"));
        let mut text = String::new();
        layout(&value, 0, &mut text);
        text.push('\n');
        if update {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).unwrap_or_default() != text {
            stale.push(format!("{name}.json"));
        }
    }
    assert!(
        stale.is_empty(),
        "ui/dev/fixtures/{{{}}} differ from what the core answers: run \
         `UPDATE_FIXTURES=1 cargo test -p studio-core --test ui_fixtures` and commit them",
        stale.join(",")
    );
}

#[test]
fn ui_fixtures_are_current() {
    let mut norm = Normalizer {
        ids: HashMap::new(),
        codes: HashMap::new(),
    };
    let mut raw = capture();
    let mut files = BTreeMap::new();
    for name in ORDER {
        let value = raw.remove(name).unwrap();
        files.insert(name, norm.value(value));
    }
    assert!(raw.is_empty());
    check(&fixtures_dir(), files);
}

#[test]
fn capturing_twice_gives_the_same_fixtures() {
    // What makes the staleness check meaningful: nothing but ids and times differs between runs.
    let run = || {
        let mut norm = Normalizer {
            ids: HashMap::new(),
            codes: HashMap::new(),
        };
        let mut raw = capture();
        ORDER.map(|n| norm.value(raw.remove(n).unwrap())).to_vec()
    };
    let (a, b) = (run(), run());
    for (name, (x, y)) in ORDER.iter().zip(a.iter().zip(b.iter())) {
        if let Some(at) = first_difference(x, y, String::new()) {
            panic!("{name}.json differs between two runs at {at}");
        }
    }
}

/// Where two values first differ (a JSON path), if they do.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at} (keys)"));
            }
            x.iter().zip(y.iter()).find_map(|((kx, vx), (ky, vy))| {
                if kx != ky {
                    Some(format!("{at}/{kx} vs {ky}"))
                } else {
                    first_difference(vx, vy, format!("{at}/{kx}"))
                }
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y.iter())
            .enumerate()
            .find_map(|(i, (vx, vy))| first_difference(vx, vy, format!("{at}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} vs {b}")),
    }
}
