//! SQL for appointments (约见, migration 011). The delegate's name and delegation are read from the
//! roster with the row.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::appointments::{
    Appointment, AppointmentDirection, AppointmentListItem, AppointmentQuery, AppointmentSort,
    AppointmentSource, AppointmentStatus,
};
use crate::error::Result;
use crate::validate::mask_phone;

const SELECT: &str = "SELECT a.*, d.name AS delegate_name, d.delegation_id AS delegation_id,
        COALESCE(g.name, '') AS delegation_name
   FROM appointments a
   JOIN delegates d ON d.id = a.delegate_id
   LEFT JOIN delegations g ON g.id = d.delegation_id";

fn from_row(r: &Row) -> rusqlite::Result<Appointment> {
    let direction: String = r.get("direction")?;
    let source: String = r.get("source")?;
    let status: String = r.get("status")?;
    Ok(Appointment {
        id: r.get("id")?,
        person_name: r.get("person_name")?,
        person_phone: r.get("person_phone")?,
        person_consent: r.get("person_consent")?,
        delegate_id: r.get("delegate_id")?,
        delegate_name: r.get("delegate_name")?,
        delegation_id: r.get("delegation_id")?,
        delegation_name: r.get("delegation_name")?,
        date: r.get("date")?,
        start: r.get("start_time")?,
        end: r.get("end_time")?,
        place: r.get("place")?,
        topic: r.get("topic")?,
        // The columns' CHECKs admit only the listed codes.
        direction: AppointmentDirection::parse(&direction).unwrap_or(AppointmentDirection::Request),
        source: AppointmentSource::parse(&source).unwrap_or(AppointmentSource::Staff),
        status: AppointmentStatus::parse(&status).unwrap_or(AppointmentStatus::Pending),
        cancel_reason: r.get("cancel_reason")?,
        card_id: r.get("card_id")?,
        query_code: r.get("query_code")?,
        note: r.get("note")?,
        confirmed_at: r.get("confirmed_at")?,
        completed_at: r.get("completed_at")?,
        cancelled_at: r.get("cancelled_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        version: r.get("version")?,
    })
}

/// A live appointment.
pub fn get(conn: &Connection, id: &str) -> Result<Option<Appointment>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE a.id = ?1 AND a.deleted_at IS NULL"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The appointment a query code (查询码) was given for, if any.
pub fn by_query_code(conn: &Connection, code: &str) -> Result<Option<Appointment>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE a.query_code = ?1 AND a.deleted_at IS NULL"),
            [code],
            from_row,
        )
        .optional()?)
}

/// Write every stored column: insert a new appointment, or overwrite a live one but its identity
/// and creation time.
pub fn upsert(conn: &Connection, a: &Appointment) -> Result<()> {
    conn.execute(
        "INSERT INTO appointments (id, person_name, person_phone, person_consent, delegate_id, date,
             start_time, end_time, place, topic, direction, source, status, cancel_reason, card_id,
             query_code, note, confirmed_at, completed_at, cancelled_at, created_at, updated_at,
             version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, ?21, ?22, ?23)
         ON CONFLICT(id) DO UPDATE SET person_name = excluded.person_name,
             person_phone = excluded.person_phone, person_consent = excluded.person_consent,
             delegate_id = excluded.delegate_id, date = excluded.date,
             start_time = excluded.start_time, end_time = excluded.end_time,
             place = excluded.place, topic = excluded.topic, direction = excluded.direction,
             source = excluded.source, status = excluded.status,
             cancel_reason = excluded.cancel_reason, card_id = excluded.card_id,
             query_code = excluded.query_code, note = excluded.note,
             confirmed_at = excluded.confirmed_at, completed_at = excluded.completed_at,
             cancelled_at = excluded.cancelled_at, updated_at = excluded.updated_at,
             version = excluded.version
         WHERE appointments.deleted_at IS NULL",
        params![
            a.id,
            a.person_name,
            a.person_phone,
            a.person_consent,
            a.delegate_id,
            a.date,
            a.start,
            a.end,
            a.place,
            a.topic,
            a.direction.as_str(),
            a.source.as_str(),
            a.status.as_str(),
            a.cancel_reason,
            a.card_id,
            a.query_code,
            a.note,
            a.confirmed_at,
            a.completed_at,
            a.cancelled_at,
            a.created_at,
            a.updated_at,
            a.version,
        ],
    )?;
    Ok(())
}

/// The WHERE clause of a list and its arguments. Date bounds are `YYYY-MM-DD` text. `by_code`: the
/// appointment a query code typed as the search text was given for; it stands in for the words.
fn list_where(q: &AppointmentQuery, by_code: Option<&str>) -> (String, Vec<SqlValue>) {
    let mut terms = vec!["a.deleted_at IS NULL".to_string()];
    let mut args: Vec<SqlValue> = Vec::new();
    if let Some(id) = by_code {
        args.push(SqlValue::Text(id.into()));
        terms.push(format!("a.id = ?{}", args.len()));
    } else {
        // Appointments are few: each word is looked for in the short texts of every row.
        for word in q.q.split_whitespace() {
            args.push(SqlValue::Text(word.to_lowercase()));
            let k = args.len();
            terms.push(format!(
                "(instr(lower(a.person_name), ?{k}) > 0 OR instr(lower(d.name), ?{k}) > 0
                  OR instr(lower(a.topic), ?{k}) > 0 OR instr(lower(a.place), ?{k}) > 0)"
            ));
        }
    }
    let mut push = |term: &str, v: String| {
        args.push(SqlValue::Text(v));
        terms.push(format!("{term} ?{}", args.len()));
    };
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    if let Some(s) = q.status {
        push("a.status =", s.as_str().into());
    }
    if let Some(d) = given(&q.delegate_id) {
        push("a.delegate_id =", d);
    }
    if let Some(g) = given(&q.delegation_id) {
        push("d.delegation_id =", g);
    }
    if let Some(d) = q.direction {
        push("a.direction =", d.as_str().into());
    }
    if let Some(s) = q.source {
        push("a.source =", s.as_str().into());
    }
    if let Some(f) = given(&q.from) {
        push("a.date >=", f);
    }
    if let Some(t) = given(&q.to) {
        push("a.date <=", t);
    }
    (terms.join(" AND "), args)
}

/// One page of the list, and the total count.
pub fn list(
    conn: &Connection,
    q: &AppointmentQuery,
    by_code: Option<&str>,
) -> Result<(Vec<AppointmentListItem>, u64)> {
    let (where_sql, mut args) = list_where(q, by_code);
    let order = match q.sort {
        AppointmentSort::DateDesc => "a.date DESC, a.start_time DESC, a.created_at DESC",
        AppointmentSort::DateAsc => "a.date, a.start_time, a.created_at",
    };
    let count_args = args.clone();
    args.push(SqlValue::Integer(q.page.limit()));
    let limit = args.len();
    args.push(SqlValue::Integer(q.page.offset()));
    let offset = args.len();
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE {where_sql} ORDER BY {order} LIMIT ?{limit} OFFSET ?{offset}"
    ))?;
    let rows: Vec<AppointmentListItem> = st
        .query_map(params_from_iter(args.iter()), from_row)?
        .map(|r| r.map(|a| list_item(&a)))
        .collect::<rusqlite::Result<_>>()?;
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*) FROM appointments a JOIN delegates d ON d.id = a.delegate_id
              WHERE {where_sql}"
        ))?
        .query_row(params_from_iter(count_args.iter()), |r| r.get(0))?;
    Ok((rows, total as u64))
}

/// The list row of an appointment: the phone masked.
pub fn list_item(a: &Appointment) -> AppointmentListItem {
    AppointmentListItem {
        id: a.id.clone(),
        person_name: a.person_name.clone(),
        person_phone_masked: mask_phone(&a.person_phone),
        delegate_id: a.delegate_id.clone(),
        delegate_name: a.delegate_name.clone(),
        delegation_id: a.delegation_id.clone(),
        delegation_name: a.delegation_name.clone(),
        date: a.date.clone(),
        start: a.start.clone(),
        end: a.end.clone(),
        place: a.place.clone(),
        topic: a.topic.clone(),
        direction: a.direction,
        source: a.source,
        status: a.status,
        card_id: a.card_id.clone(),
        version: a.version,
    }
}

/// Live appointments dated `from..=to`, oldest first.
pub fn in_period(conn: &Connection, from: &str, to: &str) -> Result<Vec<Appointment>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE a.deleted_at IS NULL AND a.date BETWEEN ?1 AND ?2
          ORDER BY a.date, a.start_time, a.created_at"
    ))?;
    let rows = st.query_map(params![from, to], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
