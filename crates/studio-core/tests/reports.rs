//! 统计汇总 and 承办单位 against hand-counted fixtures: every figure below was counted by hand from
//! the cards and items the fixture writes.

use chrono::NaiveDate;
use studio_core::cards::{self, CardInput, Channel};
use studio_core::items::{self, ItemAction, ItemCategory, ItemInput, ItemSource, Satisfaction};
use studio_core::reports::{self, Period, SummaryFigures};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::{Actor, Ctx, Error, Role, Store};

const TODAY: &str = "2025-11-20";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn officer() -> Ctx {
    Ctx::new(Actor::new("王联络", Role::Liaison), d(TODAY))
}

struct World {
    store: Store,
    lg: String,
    zhang: String,
    wang: String,
    li: String,
}

fn world() -> World {
    let s = Store::open_in_memory().unwrap();
    let ctx = Ctx::new(Actor::new("组织部张老师", Role::Admin), d(TODAY));
    let group = |name: &str, order: i64| {
        roster::create_delegation(
            &s,
            &ctx,
            &DelegationInput {
                name: name.into(),
                display_order: order,
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let person = |g: &str, name: &str| {
        roster::create_delegate(
            &s,
            &ctx,
            &DelegateInput {
                name: name.into(),
                gender: Gender::Male,
                delegation_id: g.into(),
                unit: "计算机工程学院".into(),
                mobile: "13812345678".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let lg = group("理工代表团", 1);
    let wk = group("人文社科代表团", 2);
    let zhang = person(&lg, "张建华");
    let wang = person(&lg, "王强");
    let li = person(&wk, "李丽华");
    World {
        store: s,
        lg,
        zhang,
        wang,
        li,
    }
}

/// A card of `delegate` contacted on `contact`; a draft unless `filed` is given (then fed back on
/// `feedback` and filed on `filed`).
fn card(
    w: &World,
    delegate: &str,
    contact: &str,
    channel: Channel,
    group_size: u32,
    fed_filed: Option<(&str, &str)>,
) {
    let input = CardInput {
        delegate_id: delegate.into(),
        contact_date: contact.into(),
        person_name: "赵小明".into(),
        group_size,
        channel: Some(channel),
        channel_other: if channel == Channel::Other {
            "电话联系".into()
        } else {
            String::new()
        },
        opinion: "反映南区食堂晚餐供应时间短。".into(),
        handling: "已与后勤管理处沟通。".into(),
        feedback_on: fed_filed.map(|(f, _)| f.into()),
        ..Default::default()
    };
    let c = cards::create_card(&w.store, &officer(), &input).unwrap();
    if let Some((_, filed)) = fed_filed {
        cards::submit_card(&w.store, &officer(), &c.id, c.version, Some(filed)).unwrap();
    }
}

fn item(w: &World, delegate: Option<&str>, received: &str, category: ItemCategory) -> String {
    items::create_item(
        &w.store,
        &Ctx::new(Actor::new("王联络", Role::Liaison), d(received)),
        &ItemInput {
            category: Some(category),
            source: Some(ItemSource::Hotline),
            title: "南区食堂晚餐价格偏高".into(),
            content: "反映南区食堂晚餐价格偏高。".into(),
            person_name: "赵小明".into(),
            person_phone: "139 8765 4321".into(),
            person_contact: String::new(),
            person_consent: None,
            first_responder: String::new(),
            delegate_ids: delegate.into_iter().map(Into::into).collect(),
            received_on: received.into(),
            card_id: None,
        },
    )
    .unwrap()
    .id
}

fn act(w: &World, id: &str, a: ItemAction) {
    let v = studio_core::storage::items::get_item(&w.store.reader().unwrap(), id)
        .unwrap()
        .unwrap()
        .item
        .version;
    items::act(&w.store, &officer(), id, v, &a).unwrap();
}

fn close(w: &World, id: &str, answered: &str, closed: &str, sat: Satisfaction) {
    act(
        w,
        id,
        ItemAction::Answer {
            answer: "已协调后勤，延长供应时间。".into(),
            on: answered.into(),
        },
    );
    act(
        w,
        id,
        ItemAction::Feedback {
            feedback: "电话告知本人。".into(),
            on: answered.into(),
        },
    );
    act(
        w,
        id,
        ItemAction::FollowUp {
            satisfaction: sat,
            note: "回访".into(),
            on: closed.into(),
        },
    );
}

fn refer(w: &World, id: &str, unit: &str, on: &str, due: &str, answered: Option<&str>) {
    act(
        w,
        id,
        ItemAction::Refer {
            unit: unit.into(),
            due_on: due.into(),
            note: "请核实办理".into(),
            on: on.into(),
        },
    );
    if let Some(a) = answered {
        act(
            w,
            id,
            ItemAction::ReferralAnswer {
                answer: "已办理。".into(),
                on: a.into(),
            },
        );
    }
}

/// October 2025 (National Day holiday 1–8 October, Saturday 11 October a working day).
fn october(w: &World) {
    // 张建华: the period's first day (a draft of a group of 3), a draft home visit of 5, the last
    // day (fed back 3 November, due 6 November, filed 10 November: late); the day before and the
    // day after the period.
    card(w, &w.zhang, "2025-10-01", Channel::Studio, 3, None);
    card(w, &w.zhang, "2025-10-15", Channel::HomeVisit, 5, None);
    card(
        w,
        &w.zhang,
        "2025-10-31",
        Channel::Online,
        1,
        Some(("2025-11-03", "2025-11-10")),
    );
    card(w, &w.zhang, "2025-09-30", Channel::Studio, 1, None);
    card(w, &w.zhang, "2025-11-01", Channel::Studio, 2, None);
    // 王强: an appointment filed on time, another form.
    card(
        w,
        &w.wang,
        "2025-10-10",
        Channel::Appointment,
        1,
        Some(("2025-10-10", "2025-10-13")),
    );
    card(w, &w.wang, "2025-10-20", Channel::Other, 1, None);
    // 李丽华: one at the studio.
    card(w, &w.li, "2025-10-12", Channel::Studio, 4, None);

    // 张建华's items: both policy questions received 9 October (due 16 October); one closed on time
    // (3 working days: 10, 11, 13 October), one answered late (9 working days).
    let a = item(w, Some(&w.zhang), "2025-10-09", ItemCategory::PolicyInquiry);
    close(w, &a, "2025-10-10", "2025-10-13", Satisfaction::Satisfied);
    let b = item(w, Some(&w.zhang), "2025-10-09", ItemCategory::PolicyInquiry);
    close(w, &b, "2025-10-20", "2025-10-21", Satisfaction::Basic);
    // 王强's: referred to 后勤管理处, answered by the unit on time (3 working days) and late (5).
    let c = item(w, Some(&w.wang), "2025-10-20", ItemCategory::Hardship);
    refer(
        w,
        &c,
        "后勤管理处",
        "2025-10-20",
        "2025-10-24",
        Some("2025-10-23"),
    );
    act(
        w,
        &c,
        ItemAction::Answer {
            answer: "已解决。".into(),
            on: "2025-10-23".into(),
        },
    );
    let e = item(w, Some(&w.wang), "2025-10-21", ItemCategory::Implementation);
    refer(
        w,
        &e,
        "后勤管理处",
        "2025-10-21",
        "2025-10-24",
        Some("2025-10-28"),
    );
    // 李丽华's: referred to 教务处, not answered.
    let f = item(w, Some(&w.li), "2025-10-22", ItemCategory::Rights);
    refer(w, &f, "教务处", "2025-10-22", "2025-11-05", None);
    // Outside the period.
    item(w, Some(&w.zhang), "2025-11-03", ItemCategory::Hardship);
    item(w, Some(&w.li), "2025-09-30", ItemCategory::Hardship);
}

fn period() -> Period {
    Period::new("2025-10-01", "2025-10-31")
}

fn row<'a>(s: &'a reports::Summary, id: &str) -> &'a SummaryFigures {
    &s.rows.iter().find(|r| r.delegate_id == id).unwrap().figures
}

#[test]
fn a_delegates_contacts_are_their_cards_in_the_period_first_and_last_day_in() {
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    assert_eq!(
        (s.from.as_str(), s.to.as_str()),
        ("2025-10-01", "2025-10-31")
    );
    let names: Vec<_> = s.rows.iter().map(|r| r.delegate.as_str()).collect();
    // Roster order: the delegations in their order, then pinyin (wang before zhang).
    assert_eq!(names, ["王强", "张建华", "李丽华"]);

    let z = row(&s, &w.zhang);
    // 1 and 31 October in, 30 September and 1 November out; drafts count.
    assert_eq!(z.contacts, 3);
    assert_eq!(
        (
            z.by_channel.studio,
            z.by_channel.online,
            z.by_channel.home_visit,
            z.by_channel.appointment,
            z.by_channel.other
        ),
        (1, 1, 1, 0, 0)
    );
    assert_eq!(z.people, 3 + 5 + 1);
    assert_eq!(z.late_cards, 1);
    assert_eq!(z.items, 2);
    assert_eq!(z.by_category.policy_inquiry, 2);
    assert_eq!((z.answered, z.closed, z.closed_on_time), (2, 2, 1));
    assert_eq!(z.on_time_rate, Some(0.5));
    assert_eq!(z.avg_days_to_close, Some(6.0)); // (3 + 9) / 2 working days
    assert_eq!(
        (z.satisfied, z.basically_satisfied, z.unsatisfied),
        (1, 1, 0)
    );
    assert_eq!((z.surveys, z.proposals), (0, 0));

    let wq = row(&s, &w.wang);
    assert_eq!(wq.contacts, 2);
    assert_eq!((wq.by_channel.appointment, wq.by_channel.other), (1, 1));
    assert_eq!(wq.late_cards, 0);
    assert_eq!((wq.items, wq.answered, wq.closed), (2, 1, 0));
    assert_eq!(
        (wq.by_category.hardship, wq.by_category.implementation),
        (1, 1)
    );
    assert_eq!(wq.on_time_rate, None);
    assert_eq!(wq.avg_days_to_close, None);

    let l = row(&s, &w.li);
    assert_eq!((l.contacts, l.people, l.items), (1, 4, 1));
}

#[test]
fn channels_subtotals_and_the_total_add_up() {
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    for r in &s.rows {
        assert_eq!(
            r.figures.by_channel.sum(),
            r.figures.contacts,
            "{}",
            r.delegate
        );
        assert_eq!(
            r.figures.by_category.sum(),
            r.figures.items,
            "{}",
            r.delegate
        );
    }
    let names: Vec<_> = s
        .delegations
        .iter()
        .map(|g| g.delegation.as_str())
        .collect();
    assert_eq!(names, ["理工代表团", "人文社科代表团"]);
    for g in &s.delegations {
        let rows: Vec<_> = s
            .rows
            .iter()
            .filter(|r| r.delegation_id == g.delegation_id)
            .collect();
        assert_eq!(
            g.figures.contacts,
            rows.iter().map(|r| r.figures.contacts).sum::<u64>()
        );
        assert_eq!(
            g.figures.items,
            rows.iter().map(|r| r.figures.items).sum::<u64>()
        );
        assert_eq!(
            g.figures.people,
            rows.iter().map(|r| r.figures.people).sum::<u64>()
        );
    }
    let lg = &s.delegations[0].figures;
    assert_eq!((lg.contacts, lg.people, lg.items, lg.closed), (5, 11, 4, 2));
    assert_eq!(lg.avg_days_to_close, Some(6.0));
    assert_eq!(lg.on_time_rate, Some(0.5));
    assert_eq!(s.total.contacts, 6);
    assert_eq!(s.total.by_channel.sum(), 6);
    assert_eq!(s.total.people, 15);
    assert_eq!(s.total.items, 5);
    assert_eq!(s.total.late_cards, 1);
    assert_eq!(s.unrouted_items, 0);
}

#[test]
fn the_json_has_the_documented_shape() {
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    let j = serde_json::to_value(&s).unwrap();
    assert_eq!(j["from"], "2025-10-01");
    let r = &j["rows"][1];
    assert_eq!(r["delegate"], "张建华");
    assert_eq!(r["delegation"], "理工代表团");
    assert_eq!(r["contacts"], 3);
    assert_eq!(r["by_channel"]["home_visit"], 1);
    assert_eq!(r["satisfied"], 1);
    assert!(r.get("days_to_close_sum").is_none());
    assert_eq!(j["delegations"][1]["delegation"], "人文社科代表团");
    assert_eq!(j["total"]["contacts"], 6);
}

#[test]
fn a_head_sees_only_their_delegation_and_the_auditor_nothing() {
    let w = world();
    october(&w);
    let head = Ctx::new(
        Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.lg),
        d(TODAY),
    );
    let s = reports::summary(&w.store, &head, &period()).unwrap();
    let names: Vec<_> = s.rows.iter().map(|r| r.delegate.as_str()).collect();
    assert_eq!(names, ["王强", "张建华"]);
    assert_eq!(s.delegations.len(), 1);
    assert_eq!(s.total.contacts, 5);
    let u = reports::units(&w.store, &head, &period()).unwrap();
    let units: Vec<_> = u.rows.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(units, ["后勤管理处"]);

    let delegate = Ctx::new(
        Actor::new("李丽华", Role::Delegate).as_delegate(&w.li, "x"),
        d(TODAY),
    );
    let s = reports::summary(&w.store, &delegate, &period()).unwrap();
    assert_eq!(s.rows.len(), 1);
    assert_eq!(s.rows[0].delegate, "李丽华");

    let auditor = Ctx::new(Actor::new("审计", Role::Auditor), d(TODAY));
    assert!(matches!(
        reports::summary(&w.store, &auditor, &period()),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        reports::units(&w.store, &auditor, &period()),
        Err(Error::Forbidden(_))
    ));
}

#[test]
fn units_count_referrals_answers_on_time_and_working_days() {
    let w = world();
    october(&w);
    let u = reports::units(&w.store, &officer(), &period()).unwrap();
    let units: Vec<_> = u.rows.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(units, ["后勤管理处", "教务处"]);
    let h = &u.rows[0].figures;
    assert_eq!((h.referred, h.answered, h.answered_on_time), (2, 2, 1));
    assert_eq!(h.on_time_rate, Some(0.5));
    assert_eq!(h.avg_days, Some(4.0)); // (3 + 5) / 2
    let j = &u.rows[1].figures;
    assert_eq!((j.referred, j.answered), (1, 0));
    assert_eq!((j.on_time_rate, j.avg_days), (None, None));
    assert_eq!((u.total.referred, u.total.answered), (3, 2));
    // November: none referred.
    let nov = reports::units(
        &w.store,
        &officer(),
        &Period::new("2025-11-01", "2025-11-30"),
    )
    .unwrap();
    assert!(nov.rows.is_empty());
}

#[test]
fn without_a_period_the_current_year_and_bad_periods_are_refused() {
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &Period::default()).unwrap();
    assert_eq!(
        (s.from.as_str(), s.to.as_str()),
        ("2025-01-01", "2025-12-31")
    );
    // The year has the two cards outside October too.
    assert_eq!(s.total.contacts, 8);
    let fields = |p: Period| match reports::summary(&w.store, &officer(), &p) {
        Err(Error::Validation(f)) => f
            .into_iter()
            .map(|f| (f.field, f.message))
            .collect::<Vec<_>>(),
        other => panic!("expected a validation error, got {other:?}"),
    };
    let e = fields(Period::new("2025-10-31", "2025-10-01"));
    assert_eq!(
        e,
        [("to".to_string(), "结束日期不能早于开始日期".to_string())]
    );
    let e = fields(Period::new("2025/10/01", "2025-10-31"));
    assert_eq!(e[0].0, "from");
    assert!(e[0].1.contains("YYYY-MM-DD"));
    let e = fields(Period {
        from: Some("2025-10-01".into()),
        to: None,
    });
    assert_eq!(e[0].0, "to");
    let e = fields(Period::new("2000-01-01", "2025-10-31"));
    assert_eq!(e[0].1, "统计期间最长十年");
}

#[test]
fn the_workbook_has_the_title_period_merged_headers_and_numbers() {
    use calamine::{Data, Reader};
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    let xlsx = studio_core::export::summary_xlsx(&s).unwrap();
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("汇总表").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("党代表联系党员群众工作情况汇总表".into())
    );
    // The period's days are dates, not texts.
    assert!(matches!(cell(1, 1), Data::DateTime(_)), "{:?}", cell(1, 1));
    let serial = |x: Data| match x {
        Data::DateTime(t) => t.as_f64(),
        other => panic!("not a date: {other:?}"),
    };
    let excel_day = |s: &str| (d(s) - d("1899-12-30")).num_days() as f64;
    assert_eq!(serial(cell(1, 1)), excel_day("2025-10-01"));
    assert_eq!(serial(cell(1, 3)), excel_day("2025-10-31"));
    assert_eq!(cell(2, 3), Data::String("联系方式".into()));
    assert_eq!(cell(3, 3), Data::String("党代表工作室".into()));
    assert_eq!(cell(3, 6), Data::String("走访慰问".into()));
    // First line: 王强 (roster order), numbers as numbers.
    assert_eq!(cell(4, 1), Data::String("王强".into()));
    assert_eq!(cell(4, 2), Data::Float(2.0));
    assert_eq!(cell(5, 1), Data::String("张建华".into()));
    assert_eq!(cell(5, 2), Data::Float(3.0));
    assert_eq!(cell(5, 8), Data::Float(9.0)); // people
    assert_eq!(cell(5, 19), Data::Float(0.5)); // on-time rate, shown as 50.0%
    assert_eq!(cell(5, 20), Data::Float(6.0)); // average working days
    assert_eq!(cell(6, 1), Data::String("小计".into()));
    assert_eq!(cell(6, 2), Data::Float(5.0));
    let last = range.height() as u32 - 1;
    assert_eq!(cell(last, 0), Data::String("合计".into()));
    assert_eq!(cell(last, 2), Data::Float(6.0));

    let merged = wb.merge_cells_by_sheet_name("汇总表").unwrap();
    let spans: Vec<_> = merged.iter().map(|m| (m.start, m.end)).collect();
    assert!(
        spans.contains(&((0, 0), (0, 26))),
        "title across: {spans:?}"
    );
    assert!(
        spans.contains(&((2, 3), (2, 7))),
        "联系方式 over five: {spans:?}"
    );
    assert!(
        spans.contains(&((2, 0), (3, 0))),
        "代表团 over both rows: {spans:?}"
    );

    // The units' sheet likewise.
    let u = reports::units(&w.store, &officer(), &period()).unwrap();
    let xlsx = studio_core::export::units_xlsx(&u).unwrap();
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("承办单位").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("承办单位办理情况统计表".into()));
    assert_eq!(cell(4, 0), Data::String("后勤管理处".into()));
    assert_eq!(cell(4, 1), Data::Float(2.0));
    assert_eq!(cell(4, 4), Data::Float(0.5));
    assert_eq!(cell(4, 5), Data::Float(4.0));
    assert_eq!(cell(5, 4), Data::Empty);
    let merged = wb.merge_cells_by_sheet_name("承办单位").unwrap();
    assert!(merged.iter().any(|m| (m.start, m.end) == ((2, 2), (2, 5))));
}

#[test]
fn the_csv_has_a_bom_group_named_headers_and_the_lines() {
    let w = world();
    october(&w);
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    let csv = String::from_utf8(studio_core::export::summary_csv(&s)).unwrap();
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<_> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert!(
        lines[0].starts_with("代表团,党代表,联系人次,联系方式-党代表工作室,"),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with(",逾期交卡,走访调研,提议"));
    // 3 delegates, 2 subtotals, the total, the header, the empty end.
    assert_eq!(lines.len(), 1 + 3 + 2 + 1 + 1);
    assert!(
        lines[2].starts_with("理工代表团,张建华,3,1,1,0,1,0,9,2,2,"),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains(",50.0%,6.0,"));
    assert!(lines[3].starts_with("理工代表团,小计,5,"));
    assert!(lines[6].starts_with("合计,,6,"));
}

#[test]
fn the_pdf_repeats_the_title_and_header_rows_on_every_page() {
    let w = world();
    october(&w);
    let mut s = reports::summary(&w.store, &officer(), &period()).unwrap();
    // A long sheet: the first delegation's lines forty times over.
    let first = s.rows[..2].to_vec();
    for _ in 0..40 {
        s.rows.splice(0..0, first.iter().cloned());
    }
    let table = studio_core::export::summary_table(&s);
    let model = studio_core::printing::report_model(&table, "2025-11-20");
    let (layout, missing) = studio_print::CardPrinter::shared()
        .unwrap()
        .layout_report(&model)
        .unwrap();
    assert!(missing.is_empty(), "{missing:?}");
    assert!(layout.pages.len() >= 3, "{}", layout.pages.len());
    assert_eq!(layout.rows_per_page.iter().sum::<usize>(), table.rows.len());
    for (i, page) in layout.pages.iter().enumerate() {
        let text = page.text();
        assert!(
            text.starts_with("党代表联系党员群众工作情况汇总表"),
            "page {i}"
        );
        assert!(
            text.contains("统计期间：2025-10-01 至 2025-10-31"),
            "page {i}"
        );
        for h in [
            "代表团",
            "联系方式",
            "党代表工作室",
            "收集意见建议（件）",
            "按期办结率",
            "满意度",
        ] {
            assert!(text.contains(h), "page {i} lacks {h}");
        }
        if i > 0 {
            assert!(text.contains("续表"), "page {i}");
        }
    }
    let last = layout.pages.last().unwrap().text();
    assert!(last.contains("合计"));
    let pdf = studio_core::printing::summary_pdf(&w.store, &s, "2025-11-20").unwrap();
    assert!(pdf.pdf.starts_with(b"%PDF"));
    assert_eq!(pdf.page_count, layout.pages.len());
    if let Ok(path) = std::env::var("REPORT_PDF_OUT") {
        std::fs::write(path, &pdf.pdf).unwrap();
    }
}

// ---- 工作台's charts --------------------------------------------------------------------------

fn autumn() -> Period {
    Period::new("2025-09-01", "2025-11-30")
}

#[test]
fn the_charts_count_items_per_month_closings_delegations_and_channels() {
    let w = world();
    october(&w);
    // A message not yet routed (待分派), received in November: staff's ledger shows it.
    item(&w, None, "2025-11-05", ItemCategory::Hardship);
    let c = reports::dashboard_charts(&w.store, &officer(), &autumn()).unwrap();
    assert_eq!(
        (c.from.as_str(), c.to.as_str()),
        ("2025-09-01", "2025-11-30")
    );
    let months: Vec<_> = c
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.from.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-09", "2025-09-01", "2025-09-30"),
            ("2025-10", "2025-10-01", "2025-10-31"),
            ("2025-11", "2025-11-01", "2025-11-30"),
        ]
    );
    // September: 李丽华's hardship item of 30 September.
    let sep = &c.months[0].by_category;
    assert_eq!((sep.hardship, sep.sum()), (1, 1));
    // October: two policy questions, hardship, implementation, rights.
    let oct = &c.months[1].by_category;
    assert_eq!(
        (
            oct.policy_inquiry,
            oct.hardship,
            oct.implementation,
            oct.rights,
            oct.sum()
        ),
        (2, 1, 1, 1, 5)
    );
    // November: 张建华's hardship item and the unrouted message.
    assert_eq!(c.months[2].by_category.hardship, 2);
    // Closings: both October items closed in October (13 and 21 October), one answered on time.
    assert_eq!((c.months[1].closed, c.months[1].closed_on_time), (2, 1));
    assert_eq!(c.months[1].on_time_rate, Some(0.5));
    assert_eq!((c.months[0].closed, c.months[0].on_time_rate), (0, None));
    assert_eq!((c.months[2].closed, c.months[2].on_time_rate), (0, None));
    // Delegations in roster order: 理工 has 张建华's three and 王强's two; 人文社科 李丽华's two.
    let bars: Vec<_> = c
        .delegations
        .iter()
        .map(|g| (g.delegation.as_str(), g.items, g.closed, g.closed_on_time))
        .collect();
    assert_eq!(bars, [("理工代表团", 5, 2, 1), ("人文社科代表团", 2, 0, 0)]);
    // Cards 1 September – 30 November: 张建华 five (30 Sep, 1 Oct, 15 Oct, 31 Oct, 1 Nov), 王强 two,
    // 李丽华 one.
    let ch = &c.channels;
    assert_eq!(
        (
            ch.studio,
            ch.online,
            ch.appointment,
            ch.home_visit,
            ch.other
        ),
        (4, 1, 1, 1, 1)
    );
}

#[test]
fn each_chart_figure_is_what_its_list_shows() {
    use studio_core::cards::CardQuery;
    use studio_core::items::ItemQuery;
    use studio_core::PageRequest;
    let w = world();
    october(&w);
    let ctx = officer();
    let c = reports::dashboard_charts(&w.store, &ctx, &autumn()).unwrap();
    let page = PageRequest {
        page: 1,
        page_size: 100,
    };
    let items = |q: ItemQuery| items::list_items(&w.store, &ctx, &q).unwrap().total;
    let oct = &c.months[1];
    assert_eq!(
        items(ItemQuery {
            category: Some(ItemCategory::PolicyInquiry),
            from: Some(oct.from.clone()),
            to: Some(oct.to.clone()),
            page,
            ..Default::default()
        }),
        oct.by_category.policy_inquiry
    );
    assert_eq!(
        items(ItemQuery {
            status: Some(items::ItemStatus::Closed),
            closed_from: Some(oct.from.clone()),
            closed_to: Some(oct.to.clone()),
            page,
            ..Default::default()
        }),
        oct.closed
    );
    for g in &c.delegations {
        assert_eq!(
            items(ItemQuery {
                delegation_id: Some(g.delegation_id.clone()),
                from: Some(c.from.clone()),
                to: Some(c.to.clone()),
                page,
                ..Default::default()
            }),
            g.items,
            "{}",
            g.delegation
        );
    }
    let cards = cards::list_cards(
        &w.store,
        &ctx,
        &CardQuery {
            channel: Some(Channel::Studio),
            from: Some(c.from.clone()),
            to: Some(c.to.clone()),
            page,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(cards.total, c.channels.studio);
}

#[test]
fn the_charts_keep_a_heads_and_a_delegates_reach_and_refuse_the_auditor() {
    let w = world();
    october(&w);
    item(&w, None, "2025-11-05", ItemCategory::Hardship);
    let head = Ctx::new(
        Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.lg),
        d(TODAY),
    );
    let c = reports::dashboard_charts(&w.store, &head, &autumn()).unwrap();
    let bars: Vec<_> = c
        .delegations
        .iter()
        .map(|g| g.delegation.as_str())
        .collect();
    assert_eq!(bars, ["理工代表团"]);
    // Not 李丽华's items, nor the unrouted message.
    assert_eq!(c.months[0].by_category.sum(), 0);
    assert_eq!(c.months[1].by_category.sum(), 4);
    assert_eq!(c.months[2].by_category.sum(), 1);
    assert_eq!(c.channels.sum(), 7);
    assert_eq!(c.channels.studio, 3);

    let delegate = Ctx::new(
        Actor::new("李丽华", Role::Delegate).as_delegate(&w.li, "x"),
        d(TODAY),
    );
    let c = reports::dashboard_charts(&w.store, &delegate, &autumn()).unwrap();
    assert_eq!(c.months[0].by_category.hardship, 1);
    assert_eq!(c.months[1].by_category.rights, 1);
    assert_eq!(c.months[2].by_category.sum(), 0);
    assert_eq!(c.delegations.len(), 1);
    assert_eq!(c.delegations[0].items, 2);
    assert_eq!((c.channels.sum(), c.channels.studio), (1, 1));

    let auditor = Ctx::new(Actor::new("审计", Role::Auditor), d(TODAY));
    assert!(matches!(
        reports::dashboard_charts(&w.store, &auditor, &autumn()),
        Err(Error::Forbidden(_))
    ));
}

#[test]
fn empty_charts_still_list_the_months_and_a_year_by_default() {
    let w = world();
    let c = reports::dashboard_charts(&w.store, &officer(), &Period::default()).unwrap();
    assert_eq!(c.months.len(), 12);
    assert_eq!(c.months[0].from, "2025-01-01");
    assert!(c
        .months
        .iter()
        .all(|m| m.by_category.sum() == 0 && m.closed == 0));
    assert!(c.delegations.is_empty());
    assert_eq!(c.channels.sum(), 0);
}

#[test]
fn an_item_with_several_delegates_counts_once_for_the_first_also_after_rerouting() {
    let w = world();
    let ctx = Ctx::new(Actor::new("王联络", Role::Liaison), d("2025-10-09"));
    // Unrouted at first (a kiosk message), then routed to three delegates.
    let id = item(&w, None, "2025-10-09", ItemCategory::Rights);
    let v = studio_core::storage::items::get_item(&w.store.reader().unwrap(), &id)
        .unwrap()
        .unwrap()
        .item
        .version;
    let routed = items::route_item(
        &w.store,
        &ctx,
        &id,
        v,
        &[w.zhang.clone(), w.li.clone(), w.wang.clone()],
    )
    .unwrap();
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    let items_of = |s: &reports::Summary, who: &str| {
        s.rows
            .iter()
            .find(|r| r.delegate_id == who)
            .map_or(0, |r| r.figures.items)
    };
    assert_eq!(
        (
            items_of(&s, &w.zhang),
            items_of(&s, &w.li),
            items_of(&s, &w.wang)
        ),
        (1, 0, 0)
    );
    assert_eq!(s.total.items, 1);

    // The handling delegates changed on the form: 王强 first now.
    let input = ItemInput {
        category: Some(routed.category),
        source: Some(routed.source),
        title: routed.title.clone(),
        content: routed.content.clone(),
        person_name: routed.person_name.clone(),
        person_phone: routed.person_phone.clone(),
        person_contact: String::new(),
        person_consent: None,
        first_responder: routed.first_responder.clone(),
        delegate_ids: vec![w.wang.clone(), w.zhang.clone()],
        received_on: routed.received_on.clone(),
        card_id: None,
    };
    items::update_item(&w.store, &ctx, &id, routed.version, &input).unwrap();
    let s = reports::summary(&w.store, &officer(), &period()).unwrap();
    assert_eq!(
        (
            items_of(&s, &w.zhang),
            items_of(&s, &w.li),
            items_of(&s, &w.wang)
        ),
        (0, 0, 1)
    );
    assert_eq!(s.total.items, 1);
}
