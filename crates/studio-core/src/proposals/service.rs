//! Proposal writes, each through the write gate with the version the caller read, and the reading
//! helpers they share (`present`: the units' deadlines as of today).

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde_json::{json, Value};

use super::validate::{self, Valid};
use super::{
    flow, Proposal, ProposalAction, ProposalActionKind, ProposalEvent, ProposalEventKind,
    ProposalInput, ProposalItemRef, ProposalStatus,
};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::items::{deadline, ItemDeadlineState, ItemEvent, ItemEventKind, ItemStatus};
use crate::storage::{calendar as calendar_db, items as items_db, proposals as db, roster};
use crate::storage::{Store, Write};

const PROPOSAL: Entity = Entity::Proposal;

pub(super) fn not_found() -> Error {
    Error::NotFound("找不到该提议".into())
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    Ok(WorkCalendar::from_overrides(&calendar_db::list(
        conn, None,
    )?))
}

/// The units' due dates and deadline states as of `today`, and the proposal's: the worst of its
/// unanswered units while referred.
pub(crate) fn present(cal: &WorkCalendar, mut p: Proposal, today: NaiveDate) -> Proposal {
    let waiting = matches!(
        p.status,
        ProposalStatus::Referred | ProposalStatus::Answered
    );
    let mut worst: Option<(u8, ItemDeadlineState)> = None;
    let mut earliest: Option<String> = None;
    for u in &mut p.units {
        let start = parse_date(&u.referred_on).unwrap_or(today);
        let due = deadline::due_on(cal, start, u.limit_days, 0, 0);
        u.due_on = date_text(due);
        let answered = u.answered_on.as_deref().and_then(parse_date);
        let status = match (answered, waiting) {
            (None, true) => ItemStatus::Assigned,
            (None, false) => ItemStatus::Declined,
            (Some(_), _) => ItemStatus::Answered,
        };
        let (state, left) = deadline::state(cal, status, Some(due), None, answered, today);
        u.deadline = state;
        u.days_left = left;
        if answered.is_none() && waiting {
            let rank = match state {
                ItemDeadlineState::Overdue => 3,
                ItemDeadlineState::DueSoon => 2,
                _ => 1,
            };
            if worst.is_none_or(|(r, _)| rank > r) {
                worst = Some((rank, state));
            }
            if earliest.as_ref().is_none_or(|e| u.due_on < *e) {
                earliest = Some(u.due_on.clone());
            }
        }
    }
    p.deadline = worst.map_or(ItemDeadlineState::None, |(_, s)| s);
    p.due_on = earliest;
    p
}

fn event(
    tx: &Write<'_>,
    p: &Proposal,
    kind: ProposalEventKind,
    on: NaiveDate,
    text: &str,
    data: Value,
) -> Result<()> {
    let actor = tx.actor();
    db::insert_event(
        tx,
        &ProposalEvent {
            id: new_id(),
            proposal_id: p.id.clone(),
            at: now_utc(),
            on: date_text(on),
            actor: actor.name.clone(),
            actor_role: actor.role,
            kind,
            status: p.status,
            text: text.to_string(),
            data,
        },
    )
}

/// The items' timelines say they went into (or out of) the proposal.
fn mark_items(
    tx: &Write<'_>,
    p: &Proposal,
    items: &[ProposalItemRef],
    kind: ItemEventKind,
    on: NaiveDate,
) -> Result<()> {
    let actor = tx.actor();
    let verb = if kind == ItemEventKind::ProposalLinked {
        "纳入提议"
    } else {
        "移出提议"
    };
    for i in items {
        items_db::insert_event(
            tx,
            &ItemEvent {
                id: new_id(),
                item_id: i.id.clone(),
                at: now_utc(),
                on: date_text(on),
                actor: actor.name.clone(),
                actor_role: actor.role,
                kind,
                status: i.status,
                text: format!("{verb} {}《{}》", p.no, p.title),
                data: json!({"proposal_id": p.id, "proposal_no": p.no}),
            },
        )?;
    }
    Ok(())
}

/// The chosen items, each live and in the writer's reach.
pub(crate) fn item_refs(tx: &Write<'_>, ids: &[String]) -> Result<Vec<ProposalItemRef>> {
    let mut out = Vec::new();
    for id in ids {
        let s = crate::items::reachable_item(tx, tx.ctx(), id).map_err(|e| match e {
            Error::NotFound(_) => Error::field("item_ids", "所选事项不存在，请重新选择"),
            other => other,
        })?;
        out.push(ProposalItemRef {
            id: s.item.id.clone(),
            no: s.item.no.clone(),
            title: s.item.title.clone(),
            status: s.item.status,
        });
    }
    Ok(out)
}

/// The delegation the proposal is drafted by: the given one (staff), or the actor's own.
fn delegation_of(tx: &Write<'_>, given: &str) -> Result<String> {
    let id = match given.trim() {
        "" => tx.actor().delegation_id.clone().unwrap_or_default(),
        g => g.to_string(),
    };
    if id.is_empty() {
        return Err(Error::field("delegation_id", "请选择提出提议的代表团"));
    }
    if roster::get_delegation(tx, &id)?.is_none() {
        return Err(Error::field("delegation_id", "所选代表团不存在"));
    }
    tx.ctx().require_delegation(&id, true)?;
    Ok(id)
}

fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Proposal> {
    let p = db::get(tx, id)?.ok_or_else(not_found)?;
    tx.ctx().require_delegation(&p.delegation_id, true)?;
    tx.expect_version(PROPOSAL, id, p.version, version)?;
    Ok(p)
}

/// The proposal as the change log keeps it: without the fields computed when read.
fn row_value(p: &Proposal) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("deadline");
        m.remove("due_on");
        if let Some(Value::Array(units)) = m.get_mut("units") {
            for u in units {
                if let Value::Object(u) = u {
                    u.remove("due_on");
                    u.remove("deadline");
                    u.remove("days_left");
                }
            }
        }
    }
    v
}

fn save(tx: &mut Write<'_>, action: &str, before: &Proposal, after: &mut Proposal) -> Result<()> {
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::update(tx, after)?;
    if after.units != before.units {
        db::set_units(tx, &after.id, &after.units)?;
    }
    if after.items != before.items {
        db::set_items(tx, &after.id, &after.items)?;
    }
    tx.record(
        PROPOSAL,
        &after.id,
        action,
        Some(&row_value(before)),
        Some(&row_value(after)),
    )
}

/// 起草: a new proposal of a delegation (staff choose it; a head's is their own) from ledger items
/// in the writer's reach, numbered by the year drafted. Each item's timeline says it went into the
/// proposal. Needs `HandleItems`.
pub fn create_proposal(store: &Store, ctx: &Ctx, input: &ProposalInput) -> Result<Proposal> {
    ctx.require(Permission::HandleItems)?;
    let v = validate::proposal(input, ctx.today)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let delegation_id = delegation_of(tx, &input.delegation_id)?;
        let items = item_refs(tx, &v.item_ids)?;
        let now = now_utc();
        let p = Proposal {
            id: new_id(),
            no: db::next_no(tx, v.drafted_on.year())?,
            status: ProposalStatus::Draft,
            delegation_id,
            delegation_name: String::new(),
            title: v.title.clone(),
            problem: v.problem.clone(),
            suggestion: v.suggestion.clone(),
            drafted_on: date_text(v.drafted_on),
            discussed_on: None,
            discussion_participants: String::new(),
            discussion_outcome: String::new(),
            submitted_on: None,
            referred_on: None,
            closed_on: None,
            close_note: String::new(),
            declined_on: None,
            decline_reason: String::new(),
            chase_count: 0,
            items,
            units: Vec::new(),
            deadline: ItemDeadlineState::None,
            due_on: None,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::insert(tx, &p)?;
        event(
            tx,
            &p,
            ProposalEventKind::Drafted,
            v.drafted_on,
            &p.title,
            json!({"no": p.no, "items": p.items.iter().map(|i| &i.no).collect::<Vec<_>>()}),
        )?;
        mark_items(tx, &p, &p.items, ItemEventKind::ProposalLinked, tx.today())?;
        tx.record(
            PROPOSAL,
            &p.id,
            "create",
            None::<&Value>,
            Some(&row_value(&p)),
        )?;
        let p = db::get(tx, &p.id)?.ok_or_else(not_found)?;
        Ok(present(&calendar_in(tx)?, p, tx.today()))
    })
}

/// Edit the text and the items of a proposal still 起草 or 团内讨论, read at `version`. Items added
/// or removed say so on their timelines. The same form again changes nothing.
pub fn update_proposal(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &ProposalInput,
) -> Result<Proposal> {
    ctx.require(Permission::HandleItems)?;
    let v: Valid = validate::proposal(input, ctx.today)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        if !before.status.editable() {
            return Err(flow::refusal(before.status, "修改", "（提交后不能再修改）"));
        }
        if let Some(d) = before.discussed_on.as_deref().and_then(parse_date) {
            if v.drafted_on > d {
                return Err(Error::field(
                    "drafted_on",
                    format!("起草日期不能晚于团内讨论日期（{}）", date_text(d)),
                ));
            }
        }
        let items = item_refs(tx, &v.item_ids)?;
        let mut after = before.clone();
        after.title = v.title;
        after.problem = v.problem;
        after.suggestion = v.suggestion;
        after.drafted_on = date_text(v.drafted_on);
        after.items = items;
        let labels: Vec<&str> = [
            (before.title != after.title, "标题"),
            (before.problem != after.problem, "问题"),
            (before.suggestion != after.suggestion, "建议"),
            (before.drafted_on != after.drafted_on, "起草日期"),
            (before.items != after.items, "关联事项"),
        ]
        .into_iter()
        .filter_map(|(c, l)| c.then_some(l))
        .collect();
        let cal = calendar_in(tx)?;
        if labels.is_empty() {
            return Ok(present(&cal, before, today));
        }
        save(tx, "update", &before, &mut after)?;
        event(
            tx,
            &after,
            ProposalEventKind::Edited,
            today,
            &format!("修改了：{}", labels.join("、")),
            json!({ "fields": labels }),
        )?;
        let added: Vec<ProposalItemRef> = after
            .items
            .iter()
            .filter(|i| !before.items.iter().any(|b| b.id == i.id))
            .cloned()
            .collect();
        let removed: Vec<ProposalItemRef> = before
            .items
            .iter()
            .filter(|b| !after.items.iter().any(|i| i.id == b.id))
            .cloned()
            .collect();
        mark_items(tx, &after, &added, ItemEventKind::ProposalLinked, today)?;
        mark_items(tx, &after, &removed, ItemEventKind::ProposalUnlinked, today)?;
        Ok(present(&cal, after, today))
    })
}

/// The day a step may not precede, and what it is called.
fn not_before(p: &Proposal, action: &ProposalAction) -> (String, &'static str) {
    let pick = |d: &Option<String>, what: &'static str| {
        d.clone()
            .map(|d| (d, what))
            .unwrap_or((p.drafted_on.clone(), "起草日期"))
    };
    let unit_start = |unit: &str| {
        p.units
            .iter()
            .find(|u| u.unit == unit.trim())
            .map(|u| match &u.answered_on {
                Some(a) => (a.clone(), "单位答复日期"),
                None => (u.referred_on.clone(), "交办日期"),
            })
    };
    match action {
        ProposalAction::Discuss { .. } | ProposalAction::Note { .. } => {
            (p.drafted_on.clone(), "起草日期")
        }
        ProposalAction::Submit { .. } => pick(&p.discussed_on, "团内讨论日期"),
        ProposalAction::Refer { .. } | ProposalAction::Decline { .. } => {
            pick(&p.submitted_on, "提交日期")
        }
        ProposalAction::Answer { unit, .. }
        | ProposalAction::Evaluate { unit, .. }
        | ProposalAction::Chase { unit, .. } => {
            unit_start(unit).unwrap_or_else(|| pick(&p.referred_on, "交办日期"))
        }
        ProposalAction::Close { .. } => {
            let last = p.units.iter().filter_map(|u| u.evaluated_on.clone()).max();
            pick(&last, "评价日期")
        }
    }
}

/// One step (see [`flow`]) on the proposal as read at `version`, on the timeline. The
/// Organization Department's steps (交办, 单位答复, 办结, 不予立案, 催办) need `Supervise`; the
/// delegation's (讨论, 提交, 评价, 备注) `HandleItems` within its reach. `on` is strict
/// `YYYY-MM-DD` (empty: today), not in the future, not before the step it follows. A unit's
/// deadline is its working days from the referral (or from the 不满意 evaluation that sent it
/// back) by the studio's calendar.
pub fn act(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    action: &ProposalAction,
) -> Result<Proposal> {
    let kind = action.kind();
    let permission = if kind.needs_supervise() {
        Permission::Supervise
    } else {
        Permission::HandleItems
    };
    ctx.require(permission)?;
    validate::action_texts(action)?;
    store.write(ctx, permission, |tx| {
        let today = tx.today();
        let before = load_at(tx, id, version)?;
        let (min, what) = not_before(&before, action);
        let min = parse_date(&min);
        let mut c = crate::validate::Checker::new();
        let on = if action.on().trim().is_empty() {
            Some(today)
        } else {
            crate::items::validate::date(
                &mut c,
                "on",
                &format!("{}日期", kind.label()),
                action.on(),
                today,
                min.map(|m| (m, what)),
            )
        };
        c.finish()?;
        let on = on.unwrap_or(today);
        if min.is_some_and(|m| on < m) {
            return Err(Error::field(
                "on",
                format!("{}日期不能早于{what}", kind.label()),
            ));
        }
        let on_text = date_text(on);
        let mut after = before.clone();
        after.status = flow::apply(before.status, &mut after.units, action, &on_text)?;
        let mut kind_event = kind.event_kind();
        let (text, data) = match action {
            ProposalAction::Discuss {
                participants,
                outcome,
                ..
            } => {
                after.discussed_on = Some(on_text.clone());
                after.discussion_participants = participants.trim().to_string();
                after.discussion_outcome = outcome.trim().to_string();
                (
                    after.discussion_outcome.clone(),
                    json!({"participants": after.discussion_participants}),
                )
            }
            ProposalAction::Submit { .. } => {
                after.submitted_on = Some(on_text.clone());
                ("提交组织部".to_string(), json!({}))
            }
            ProposalAction::Refer { .. } => {
                after.referred_on = Some(on_text.clone());
                let cal = calendar_in(tx)?;
                let shown = present(&cal, after.clone(), today);
                let units: Vec<Value> = shown
                    .units
                    .iter()
                    .map(|u| json!({"unit": u.unit, "days": u.limit_days, "due_on": u.due_on}))
                    .collect();
                let names: Vec<&str> = shown.units.iter().map(|u| u.unit.as_str()).collect();
                (
                    format!("交办：{}", names.join("、")),
                    json!({ "units": units }),
                )
            }
            ProposalAction::Answer { unit, answer, .. } => {
                (answer.trim().to_string(), json!({"unit": unit.trim()}))
            }
            ProposalAction::Evaluate {
                unit,
                satisfaction,
                note,
                ..
            } => {
                if *satisfaction == crate::items::Satisfaction::Dissatisfied {
                    kind_event = ProposalEventKind::SentBack;
                }
                let round = after
                    .units
                    .iter()
                    .find(|u| u.unit == unit.trim())
                    .map_or(1, |u| u.rounds);
                (
                    format!(
                        "{}：{}{}",
                        unit.trim(),
                        satisfaction.label(),
                        match note.trim() {
                            "" => String::new(),
                            n => format!("。{n}"),
                        }
                    ),
                    json!({"unit": unit.trim(), "satisfaction": satisfaction, "round": round}),
                )
            }
            ProposalAction::Close { note, .. } => {
                after.closed_on = Some(on_text.clone());
                after.close_note = note.trim().to_string();
                (after.close_note.clone(), json!({}))
            }
            ProposalAction::Decline { reason, .. } => {
                after.declined_on = Some(on_text.clone());
                after.decline_reason = reason.trim().to_string();
                (after.decline_reason.clone(), json!({}))
            }
            ProposalAction::Chase { unit, note, .. } => {
                after.chase_count += 1;
                (
                    note.trim().to_string(),
                    json!({"unit": unit.trim(), "count": after.chase_count}),
                )
            }
            ProposalAction::Note { note, .. } => (note.trim().to_string(), json!({})),
        };
        let action_code = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        if kind != ProposalActionKind::Note {
            save(tx, &action_code, &before, &mut after)?;
        }
        event(tx, &after, kind_event, on, &text, data)?;
        Ok(present(&calendar_in(tx)?, after, today))
    })
}
