//! The audit trail: one change record per write, in the write's own transaction.
//! For an update only the fields that changed are kept, before and after.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::actor::Role;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ChangeRecord {
    pub seq: i64,
    pub id: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub actor_role: Role,
    /// Table group: `delegate`, `delegation`, `settings`, …
    pub entity: String,
    pub row_id: String,
    /// `create`, `update`, `mark_left`, `photo`, …
    pub action: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The latest changes of any kind, newest first (工作台's recent activity).
pub fn recent(
    store: &crate::Store,
    actor: &crate::Actor,
    limit: u32,
) -> crate::Result<Vec<ChangeRecord>> {
    actor.require(crate::actor::Permission::ReadPersonalData)?;
    crate::storage::audit::recent(&store.conn, limit)
}

/// Reduce two snapshots to the fields that differ. Bookkeeping fields are left out: they change on
/// every write and say nothing a reader needs.
pub fn diff(before: &Value, after: &Value) -> (Value, Value) {
    const IGNORED: &[&str] = &["updated_at", "version"];
    let (Value::Object(b), Value::Object(a)) = (before, after) else {
        return (before.clone(), after.clone());
    };
    let mut old = Map::new();
    let mut new = Map::new();
    for (k, av) in a {
        if IGNORED.contains(&k.as_str()) {
            continue;
        }
        let bv = b.get(k).unwrap_or(&Value::Null);
        if bv != av {
            old.insert(k.clone(), bv.clone());
            new.insert(k.clone(), av.clone());
        }
    }
    (Value::Object(old), Value::Object(new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_keeps_only_changed_fields() {
        let (b, a) = diff(
            &json!({"name": "张三", "unit": "文学院", "version": 1}),
            &json!({"name": "张三", "unit": "理学院", "version": 2}),
        );
        assert_eq!(b, json!({"unit": "文学院"}));
        assert_eq!(a, json!({"unit": "理学院"}));
    }
}
