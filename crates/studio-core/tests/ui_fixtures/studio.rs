//! The newer screens' reads for `ui/dev/fixtures/studio.json` and `kiosk.json`: 活动调研, 提议,
//! 工作室动态, 上墙制度, 联络员与志愿者, 经费, 关于本机, 工作台's proposal figures and survey
//! indicators, and what the kiosk's screens read as its visitor. Captured after every other file
//! (opening a volunteer in full is logged).

use serde_json::{json, Map, Value};
use studio_core::activities::{self, ActivityKind, ActivityQuery};
use studio_core::appointments::{self, AppointmentQuery};
use studio_core::funds::{self, FundSource, SpendingQuery};
use studio_core::news::{self, NewsQuery};
use studio_core::proposals::{self, ProposalQuery, ProposalStatus};
use studio_core::public_answers::{self, PublicationQuery, PublicationState};
use studio_core::volunteers::{self, VolunteerQuery, VolunteerRole, VolunteerStatus};
use studio_core::wall::{self, WallKind};
use studio_core::{about, accounts, kiosk, schedule, Ctx, Store};

use super::{day, obj, reduce, v, Lists, DAY};

/// An answer, or the error the core gave (as the window receives it).
pub(super) fn answer<T: serde::Serialize>(r: studio_core::Result<T>) -> Value {
    match r {
        Ok(x) => json!({ "ok": v(x) }),
        Err(e) => json!({ "err": v(e.payload()) }),
    }
}

/// The years 经费 and 工作台 offer on the fixture day: this one and the last.
fn years() -> [i32; 2] {
    [DAY.0, DAY.0 - 1]
}

pub(super) fn capture_studio(s: &Store, c: &Ctx, item_ids: &[String]) -> Value {
    let delegations = studio_core::roster::list_delegations(s, c).unwrap();

    // ---- 活动调研 ----
    let mut al = Lists::default();
    let list = |q: &ActivityQuery| activities::list_activities(s, c, q);
    al.capture(json!({}), list);
    for k in ActivityKind::ALL {
        al.capture(json!({ "kind": v(k) }), list);
    }
    for g in &delegations {
        al.capture(json!({ "delegation_id": g.id }), list);
    }
    let mut activity = Map::new();
    for id in al.rows.keys() {
        activity.insert(id.clone(), v(activities::get_activity(s, c, id).unwrap()));
    }

    // ---- 提议 ----
    let mut pl = Lists::default();
    let list = |q: &ProposalQuery| proposals::list_proposals(s, c, q);
    pl.capture(json!({}), list);
    for st in ProposalStatus::ALL {
        pl.capture(json!({ "status": v(st) }), list);
    }
    for view in ["open", "due_soon", "overdue"] {
        pl.capture(json!({ "view": view }), list);
    }
    for g in &delegations {
        pl.capture(json!({ "delegation_id": g.id }), list);
    }
    let mut proposal = Map::new();
    for id in pl.rows.keys() {
        proposal.insert(id.clone(), v(proposals::get_proposal(s, c, id).unwrap()));
    }

    // An item's activities and proposals (only the items that have some).
    let (mut of_item_a, mut of_item_p) = (Map::new(), Map::new());
    for id in item_ids {
        let a = activities::activities_of_item(s, c, id).unwrap();
        if !a.is_empty() {
            of_item_a.insert(id.clone(), v(a));
        }
        let p = proposals::proposals_of_item(s, c, id).unwrap();
        if !p.is_empty() {
            of_item_p.insert(id.clone(), v(p));
        }
    }

    // ---- 工作室动态 ----
    let mut nl = Lists::default();
    let list = |q: &NewsQuery| news::list_news(s, c, q);
    nl.capture(json!({}), list);
    for st in ["draft", "published"] {
        nl.capture(json!({ "status": st }), list);
    }
    let mut post = Map::new();
    for id in nl.rows.keys() {
        post.insert(id.clone(), v(news::get_news(s, c, id).unwrap()));
    }
    let mut published = Lists::default();
    published.capture(json!({}), |q: &NewsQuery| {
        news::published_news(s, c, q.page)
    });

    // ---- 代表回复公开 ----
    let mut ql = Lists::default();
    let list = |q: &PublicationQuery| public_answers::publication_list(s, c, q);
    for answered in [false, true] {
        ql.capture(reduce(&json!({ "answered_only": answered })), list);
        for st in [
            PublicationState::None,
            PublicationState::Draft,
            PublicationState::Published,
            PublicationState::Withdrawn,
        ] {
            ql.capture(
                reduce(&json!({ "answered_only": answered, "state": v(st) })),
                list,
            );
        }
    }
    let mut publication = Map::new();
    for id in ql.rows.keys() {
        publication.insert(
            id.clone(),
            v(public_answers::publication_form(s, c, id).unwrap()),
        );
    }

    // ---- 上墙制度 ----
    let mut wall_doc = Map::new();
    for k in WallKind::ALL {
        wall_doc.insert(
            v(k).as_str().unwrap().to_string(),
            v(wall::get_wall_doc(s, c, k).unwrap()),
        );
    }

    // ---- 联络员与志愿者 ----
    let mut vl = Lists::default();
    let list = |q: &VolunteerQuery| volunteers::list_volunteers(s, c, q);
    vl.capture(json!({}), list);
    vl.capture(json!({ "active_only": true }), list);
    for r in VolunteerRole::ALL {
        vl.capture(json!({ "role": v(r) }), list);
    }
    for p in VolunteerStatus::ALL {
        vl.capture(json!({ "political_status": v(p) }), list);
    }

    // ---- 经费 ----
    let mut sl = Lists::default();
    let (mut budgets, mut statement) = (Map::new(), Map::new());
    for y in years() {
        budgets.insert(y.to_string(), v(funds::budgets(s, c, y).unwrap()));
        statement.insert(y.to_string(), v(funds::statement(s, c, y).unwrap()));
        let spendings = |q: &SpendingQuery| {
            funds::list_spendings(s, c, q)
                .map(|p| (p.page, obj(vec![("sum_fen", json!(p.sum_fen))])))
        };
        sl.capture_with(json!({ "year": y }), spendings);
        for src in FundSource::ALL {
            sl.capture_with(json!({ "year": y, "source": v(src) }), spendings);
        }
    }

    // The core's statement of this year had 党费划拨 been budgeted 1,000.00 only (below what was
    // spent): how an overspent source reads, from `statement_of`, without changing the data.
    let mut lowered = funds::budgets(s, c, DAY.0).unwrap();
    for b in &mut lowered {
        if b.source == FundSource::PartyFee {
            b.amount_fen = 100_000;
        }
    }
    let this_year = funds::statement(s, c, DAY.0).unwrap();
    let overspent = funds::statement_of(DAY.0, &lowered, this_year.spendings);

    // ---- per account: 工作台's figures, and what the core refuses each role ----
    let mut by_login = Map::new();
    for a in accounts::list(s, c).unwrap() {
        let ctx = Ctx::new(accounts::actor_of(&a), day());
        let x = &ctx;
        let mut reads = Map::new();
        reads.insert(
            "proposal_counts".into(),
            answer(proposals::proposal_counts(s, x)),
        );
        reads.insert("about_get".into(), answer(about::about(s, x)));
        reads.insert("wall_list".into(), answer(wall::list_wall_docs(s, x)));
        reads.insert(
            "volunteers_liaisons".into(),
            answer(volunteers::serving_liaisons(s, x)),
        );
        let first = ActivityQuery::default();
        reads.insert(
            "activities_list".into(),
            answer(activities::list_activities(s, x, &first).map(|_| ())),
        );
        reads.insert(
            "proposals_list".into(),
            answer(proposals::list_proposals(s, x, &ProposalQuery::default()).map(|_| ())),
        );
        reads.insert(
            "news_list".into(),
            answer(news::list_news(s, x, &NewsQuery::default()).map(|_| ())),
        );
        reads.insert(
            "public_answers_list".into(),
            answer(
                public_answers::publication_list(s, x, &PublicationQuery::default()).map(|_| ()),
            ),
        );
        reads.insert(
            "volunteers_list".into(),
            answer(volunteers::list_volunteers(s, x, &VolunteerQuery::default()).map(|_| ())),
        );
        reads.insert(
            "funds_budgets".into(),
            answer(funds::budgets(s, x, DAY.0).map(|_| ())),
        );
        let mut survey = Map::new();
        for y in years() {
            survey.insert(
                y.to_string(),
                answer(activities::survey_indicators(s, x, y)),
            );
        }
        reads.insert("survey_indicators".into(), Value::Object(survey));
        by_login.insert(a.login.clone(), Value::Object(reads));
    }

    let history = capture_history(s, c);

    // Last: opening a volunteer in full is logged.
    let mut volunteer = Map::new();
    for id in vl.rows.keys().cloned().collect::<Vec<_>>() {
        volunteer.insert(id.clone(), v(volunteers::get_volunteer(s, c, &id).unwrap()));
    }

    json!({
        "activities": al.into_value(obj(vec![("activity", Value::Object(activity))])),
        "activities_of_item": of_item_a,
        "proposals": pl.into_value(obj(vec![("proposal", Value::Object(proposal))])),
        "proposals_of_item": of_item_p,
        "news": nl.into_value(obj(vec![("post", Value::Object(post))])),
        "news_published": published.into_value(Map::new()),
        "public_answers": ql.into_value(obj(vec![("form", Value::Object(publication))])),
        "wall": wall_doc,
        "volunteers": vl.into_value(obj(vec![("volunteer", Value::Object(volunteer))])),
        "funds": sl.into_value(obj(vec![
            ("budgets", Value::Object(budgets)),
            ("statement", Value::Object(statement)),
            ("overspent", v(overspent)),
        ])),
        "by_login": by_login,
        "history": history,
    })
}

/// 修改记录 of each appointment, each slot of the months with slots, and each of those months.
fn capture_history(s: &Store, c: &Ctx) -> Value {
    let mut all = Lists::default();
    all.capture(json!({ "sort": "date_desc" }), |q: &AppointmentQuery| {
        appointments::list_appointments(s, c, q)
    });
    let mut appointment = Map::new();
    for id in all.rows.keys() {
        appointment.insert(
            id.clone(),
            v(appointments::appointment_history(s, c, id).unwrap()),
        );
    }
    let (mut slot, mut month) = (Map::new(), Map::new());
    for m in schedule::month_summaries(s, c).unwrap() {
        let key = m.month.month;
        month.insert(key.clone(), v(schedule::month_history(s, c, &key).unwrap()));
        for d in schedule::month_plan(s, c, &key).unwrap().days {
            for x in d.slots {
                slot.insert(
                    x.id.clone(),
                    v(schedule::slot_history(s, c, &x.id).unwrap()),
                );
            }
        }
    }
    json!({ "appointment": appointment, "slot": slot, "month": month })
}

/// What the kiosk's screens read, as its visitor (`kiosk:demo`, 自助终端) on the fixture day, and
/// 查询进度 after `staff` answered a message (last: it changes an item).
pub(super) fn capture_kiosk(s: &Store, staff: &Ctx) -> Value {
    let c = &Ctx::new(
        studio_core::Actor::with_id("kiosk:demo", "自助终端", studio_core::Role::Visitor),
        day(),
    );
    let today = super::date_text(day());
    let tomorrow = super::date_text(day().succ_opt().unwrap());
    let months = schedule::published_months(s, c).unwrap();
    let mut plans = Map::new();
    for m in &months {
        plans.insert(
            m.month.clone(),
            answer(schedule::month_plan(s, c, &m.month)),
        );
    }
    json!({
        "info": v(kiosk::kiosk_info(s, c).unwrap()),
        "today": v(schedule::today_duty(s, c, &today).unwrap()),
        "next_day": v(schedule::next_duty_day(s, c, &tomorrow).unwrap()),
        "published_months": v(&months),
        "plans": plans,
        "profiles": v(kiosk::delegate_profiles(s, c).unwrap()),
        "request_days": v(kiosk::request_days(s, c).unwrap()),
        "progress": super::progress::capture_progress(s, staff, c),
    })
}
