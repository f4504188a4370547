//! The news form's rules.

use super::NewsInput;
use crate::error::Result;
use crate::markdown::MARKDOWN_MAX;
use crate::validate::Checker;

pub const TITLE_MAX: usize = 100;
pub const AUTHOR_MAX: usize = 50;
/// Images one post may carry.
pub const IMAGES_MAX: usize = 12;

/// The input, trimmed, or every problem beside its field.
pub(crate) fn news(input: &NewsInput) -> Result<NewsInput> {
    let mut c = Checker::new();
    c.required("title", "标题", &input.title, TITLE_MAX);
    c.line("title", "标题", input.title.trim(), TITLE_MAX);
    if crate::ids::parse_date(&input.date).is_none() {
        c.add("date", "请填写日期，格式如 2026-12-03");
    }
    c.line("author", "作者", input.author.trim(), AUTHOR_MAX);
    c.max_len("body", "正文", &input.body, MARKDOWN_MAX);
    if input.published && input.body.trim().is_empty() {
        c.add("body", "发布前请填写正文");
    }
    c.finish()?;
    Ok(NewsInput {
        title: input.title.trim().to_string(),
        date: input.date.trim().to_string(),
        author: input.author.trim().to_string(),
        body: input.body.trim_end().to_string(),
        published: input.published,
    })
}
