//! Similar earlier items (相似事项): recurring problems are how proposals start. The text being
//! entered is cut into 3-character pieces, searched in the trigram index and ranked by bm25.

use rusqlite::Connection;

use super::validate::{CONTENT_MAX, TITLE_MAX};
use super::SimilarItem;
use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::storage::items::{self as db};
use crate::storage::Store;

const SIMILAR_TRIGRAMS: usize = 40;
const SIMILAR_MAX: u32 = 20;
/// The longest text accepted: an item's title and content together, as the form sends them.
const SIMILAR_TEXT_MAX: usize = TITLE_MAX + 1 + CONTENT_MAX;
/// Only the text's first characters are cut into pieces: enough to say what it is about.
const SIMILAR_TEXT_CHARS: usize = 1_000;

/// The distinct trigrams of `text`'s runs of letters and digits, in order of first appearance, at
/// most `cap`.
fn trigrams(text: &str, cap: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for run in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = run.chars().flat_map(char::to_lowercase).collect();
        for w in chars.windows(3) {
            let g: String = w.iter().collect();
            if !out.contains(&g) {
                out.push(g);
                if out.len() >= cap {
                    return out;
                }
            }
        }
    }
    out
}

/// In a ledger at least this large, pieces held by more than 1 in [`COMMON_PIECE_SHARE`] items are
/// left out of the similar-items search (they match most of the ledger and say nothing).
const COMMON_PIECE_MIN_ITEMS: u64 = 2_000;
const COMMON_PIECE_SHARE: u64 = 20;
/// At most this many of the rarest remaining pieces are searched.
const SIMILAR_PIECES: usize = 16;

/// The pieces worth searching for: in a large ledger, the rarest ones, common ones left out.
fn telling_pieces(conn: &Connection, grams: Vec<String>) -> Result<Vec<String>> {
    let total = db::count_items(conn)?;
    if total < COMMON_PIECE_MIN_ITEMS {
        return Ok(grams);
    }
    let mut counted = db::trigram_doc_counts(conn, &grams)?;
    counted.sort_by_key(|(_, n)| *n);
    let limit = total / COMMON_PIECE_SHARE;
    let telling = counted.iter().filter(|(_, n)| *n <= limit).count();
    // Nothing rare enough: the least common few still rank better than nothing.
    let keep = if telling == 0 {
        8
    } else {
        telling.min(SIMILAR_PIECES)
    };
    Ok(counted.into_iter().take(keep).map(|(g, _)| g).collect())
}

/// Earlier items like `text` (title and content of the item being entered), best first: items
/// sharing the most of its 3-character pieces (from its first part; in a large ledger the rarest
/// pieces, common ones such as 希望有 left out), ranked by bm25 over titles and texts. At most
/// `limit` (≤ 20); nothing for a text shorter than 3 characters. Needs `ReadRecords`; a head or a
/// delegate is shown only items in their reach. A text longer than an item's title and content is
/// refused, and only its first 1,000 characters are looked at.
pub fn similar_items(
    store: &Store,
    ctx: &Ctx,
    text: &str,
    exclude_id: Option<&str>,
    limit: u32,
) -> Result<Vec<SimilarItem>> {
    ctx.require(Permission::ReadRecords)?;
    if text.chars().count() > SIMILAR_TEXT_MAX {
        return Err(Error::field(
            "text",
            format!("用于查找相似事项的内容不能超过 {SIMILAR_TEXT_MAX} 个字"),
        ));
    }
    let head: String = text.chars().take(SIMILAR_TEXT_CHARS).collect();
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let grams = telling_pieces(conn, trigrams(&head, SIMILAR_TRIGRAMS))?;
    let limit = limit.min(SIMILAR_MAX);
    if grams.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let expr = format!(
        "{{title content}} : ({})",
        grams
            .iter()
            .map(|g| db::fts_phrase(g))
            .collect::<Vec<_>>()
            .join(" OR ")
    );
    db::similar(conn, &expr, exclude_id, limit, &ctx.scope())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigrams_of_runs_in_order() {
        assert_eq!(trigrams("食堂价格，偏高", 40), vec!["食堂价", "堂价格"]);
        assert_eq!(trigrams("ab", 40), Vec::<String>::new());
        assert_eq!(trigrams("abcab c", 40), vec!["abc", "bca", "cab"]);
        assert_eq!(trigrams("一二三四五六", 2).len(), 2);
    }
}
