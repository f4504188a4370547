//! The placeholders of wall documents, filled from the data: `{{roster}}` (the delegations and
//! their delegates in office, in roster order), `{{plan}}` (the year's published reception months:
//! days and delegates), `{{year}}`, `{{studio}}`, `{{hotline}}`, `{{opening_hours}}` (设置).

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::roster::{public_profile, DelegateQuery, DelegateStatus};
use crate::schedule::Slot;
use crate::storage::{roster as roster_db, schedule as schedule_db};

/// Every placeholder a template may use, with what it becomes (for the editor's help line).
pub const PLACEHOLDERS: [(&str, &str); 6] = [
    ("{{roster}}", "党代表名册（按代表团，在任党代表）"),
    ("{{plan}}", "本年度已发布的接待安排（按月）"),
    ("{{year}}", "当前年份"),
    ("{{studio}}", "工作室名称（设置）"),
    ("{{hotline}}", "专线电话（设置）"),
    ("{{opening_hours}}", "开放时间（设置）"),
];

/// What the placeholders of one filling stand for; `roster` and `plan` are read only when the
/// text uses them.
pub(crate) struct Values {
    year: i32,
    studio: String,
    hotline: String,
    opening_hours: String,
    /// The reader sees only the studio's public face (the online studio's 规章制度): `{{roster}}`
    /// then lists only the delegates [`public_profile`] shows, with only the fields they allow.
    public: bool,
}

impl Values {
    pub(crate) fn read(conn: &Connection, ctx: &Ctx) -> Result<Values> {
        use chrono::Datelike;
        let s = crate::settings::load_from(conn)?;
        Ok(Values {
            year: ctx.today.year(),
            studio: s.studio_name,
            hotline: s.hotline,
            opening_hours: s.opening_hours,
            public: !ctx.may(Permission::ReadRecords),
        })
    }
}

/// A blank line to fill in by hand (not Markdown: full-width low lines) where a setting is not
/// set yet: a printed poster must not read "专线电话：" and nothing.
const BLANK: &str = "＿＿＿＿＿＿＿＿";

fn or_blank(setting: &str) -> &str {
    if setting.trim().is_empty() {
        BLANK
    } else {
        setting
    }
}

/// `text` with its placeholders replaced.
pub(crate) fn fill(conn: &Connection, v: &Values, text: &str) -> Result<String> {
    let mut out = text
        .replace("{{year}}", &v.year.to_string())
        .replace("{{studio}}", &v.studio)
        .replace("{{hotline}}", or_blank(&v.hotline))
        .replace("{{opening_hours}}", or_blank(&v.opening_hours));
    if out.contains("{{roster}}") {
        out = out.replace("{{roster}}", &roster_markdown(conn, v.public)?);
    }
    if out.contains("{{plan}}") {
        out = out.replace("{{plan}}", &plan_markdown(conn, v.year)?);
    }
    Ok(out)
}

/// One heading per delegation (with its head), one list entry per delegate in office: name, unit
/// and position. `public`: only the delegates who agreed to be shown, their unit and position only
/// when they allow it.
fn roster_markdown(conn: &Connection, public: bool) -> Result<String> {
    let delegations = roster_db::list_delegation_summaries(conn)?;
    let mut q = DelegateQuery::default();
    q.page.page_size = crate::page::MAX_PAGE_SIZE;
    let mut delegates = Vec::new();
    loop {
        let (items, total) = roster_db::list_delegates(conn, &q)?;
        let done = items.is_empty() || delegates.len() + items.len() >= total as usize;
        delegates.extend(items);
        if done {
            break;
        }
        q.page.page += 1;
    }
    // (delegation, name, unit, position) of each delegate listed.
    let mut lines: Vec<(String, String, String, String)> = Vec::new();
    for d in delegates
        .iter()
        .filter(|d| d.status == DelegateStatus::Active)
    {
        if !public {
            let (unit, position) = (d.unit.clone(), d.position.clone());
            lines.push((d.delegation_id.clone(), d.name.clone(), unit, position));
        } else if let Some(p) = roster_db::get_delegate(conn, &d.id)?
            .as_ref()
            .and_then(public_profile)
        {
            let (unit, position) = (p.unit.unwrap_or_default(), p.position.unwrap_or_default());
            lines.push((p.delegation_id, p.name, unit, position));
        }
    }
    let mut md = String::new();
    for g in &delegations {
        let members: Vec<_> = lines.iter().filter(|l| l.0 == g.id).collect();
        if members.is_empty() {
            continue;
        }
        md.push_str(&format!("## {}", escape(&g.name)));
        if let Some(head) = &g.head_name {
            md.push_str(&format!("（团长：{}）", escape(head)));
        }
        md.push_str("\n\n");
        for (_, name, unit, position) in members {
            let unit = [unit.as_str(), position.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            md.push_str(&format!("- {}　{}\n", escape(name), escape(&unit)));
        }
        md.push('\n');
    }
    if md.is_empty() {
        md.push_str("（名册中还没有在任党代表）");
    }
    Ok(md)
}

/// One list entry per published month of `year`: its reception days and the delegates on duty.
fn plan_markdown(conn: &Connection, year: i32) -> Result<String> {
    let slots = schedule_db::slots_between(
        conn,
        &format!("{year}-01-01"),
        &format!("{year}-12-31"),
        true,
    )?;
    let mut months: BTreeMap<String, Vec<&Slot>> = BTreeMap::new();
    for s in &slots {
        months.entry(s.date[..7].to_string()).or_default().push(s);
    }
    if months.is_empty() {
        return Ok("（本年度尚未发布接待安排）".into());
    }
    let mut md = String::new();
    for (month, slots) in months {
        let m: u32 = month[5..].parse().unwrap_or(0);
        let mut days: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for s in &slots {
            let day = format!("{}日", s.date[8..].trim_start_matches('0'));
            if !days.contains(&day) {
                days.push(day);
            }
            for d in &s.delegates {
                if !names.contains(&d.name) {
                    names.push(d.name.clone());
                }
            }
        }
        md.push_str(&format!(
            "- **{m}月**：接待日 {}（{}）；接待党代表：{}\n",
            days.len(),
            days.join("、"),
            escape(&names.join("、"))
        ));
    }
    Ok(md)
}

/// A name as Markdown text: characters that would start markup are escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{or_blank, BLANK};

    #[test]
    fn an_unset_setting_prints_as_a_blank_to_fill_in() {
        assert_eq!(or_blank(""), BLANK);
        assert_eq!(or_blank("  "), BLANK);
        assert_eq!(or_blank("0536-8785123"), "0536-8785123");
    }
}
