//! Rows read by position, named at compile time. rusqlite finds a column by name by scanning the
//! statement's column names (a C call, a length and a compare each) on every read: for an export
//! of 100,000 items of about 40 columns that scan was 17.7 % of the time. [`column_at`] turns a
//! name into its position in a `SELECT` list once, when the crate is compiled, and a misspelt or
//! missing name fails the build instead of a read.

/// The position of `name` in the comma-separated column `list` (`"id, no"` or `"i.id, i.no"`:
/// a table alias before a dot is ignored). Used in a `const` block (see [`at!`]); panics — a
/// compile error there — when `name` is not in the list.
pub(crate) const fn column_at(list: &str, name: &str) -> usize {
    let (l, n) = (list.as_bytes(), name.as_bytes());
    let (mut start, mut index) = (0, 0);
    while start <= l.len() {
        let mut end = start;
        while end < l.len() && l[end] != b',' {
            end += 1;
        }
        let mut s = start;
        while s < end && l[s].is_ascii_whitespace() {
            s += 1;
        }
        let mut e = end;
        while e > s && l[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        // The column's own name: after the alias's dot.
        let mut k = e;
        while k > s && l[k - 1] != b'.' {
            k -= 1;
        }
        if e - k == n.len() {
            let mut j = 0;
            while j < n.len() && l[k + j] == n[j] {
                j += 1;
            }
            if j == n.len() {
                return index;
            }
        }
        index += 1;
        start = end + 1;
    }
    panic!("column not in the SELECT list")
}

/// `at!(COLUMNS, "name")`: the position of `name` in the column list `COLUMNS`, computed at
/// compile time, for `row.get(…)`.
macro_rules! at {
    ($list:expr, $name:literal) => {
        const { $crate::storage::columns::column_at($list, $name) }
    };
}
pub(crate) use at;

#[cfg(test)]
mod tests {
    use super::column_at;

    #[test]
    fn finds_names_with_and_without_an_alias() {
        let list = "rid, id,\n    no, i.title ,i.content";
        assert_eq!(column_at(list, "rid"), 0);
        assert_eq!(column_at(list, "id"), 1);
        assert_eq!(column_at(list, "no"), 2);
        assert_eq!(column_at(list, "title"), 3);
        assert_eq!(column_at(list, "content"), 4);
    }

    #[test]
    #[should_panic(expected = "column not in the SELECT list")]
    fn a_missing_name_is_refused() {
        // A prefix of a listed name is not that name.
        column_at("rid, idx", "id");
    }
}
