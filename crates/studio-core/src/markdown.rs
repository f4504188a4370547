//! Markdown of news posts (工作室动态) and wall documents (上墙制度), rendered safely: the one
//! renderer the desktop preview, the printed wall documents and later the online studio use.
//!
//! Raw HTML in the text is never passed through: block and inline HTML become escaped text, so a
//! `<script>` typed into a post shows as those characters. Links keep only `http:`, `https:` and
//! `mailto:` destinations (a `javascript:` link becomes its plain text); images in the text become
//! their alt text (a post's pictures are its uploaded images, shown by the caller). The input is
//! bounded ([`MARKDOWN_MAX`]).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use studio_print::WallBlock;

/// The longest Markdown text accepted, in characters (a long post is a few thousand).
pub const MARKDOWN_MAX: usize = 20_000;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://") || u.starts_with("mailto:")
}

/// The events of `md` with everything unsafe turned into text or dropped.
fn safe_events(md: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // Links and images whose end tag must be dropped with them.
    let mut dropped: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => out.push(Event::Text(h)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = safe_url(&dest_url);
                dropped.push(!keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if !dropped.pop().unwrap_or(true) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) if in_image > 0 => out.push(Event::Text(t)),
            _ if in_image > 0 => {}
            other => out.push(other),
        }
    }
    out
}

/// `md` as HTML with no raw HTML, no script links and no remote images.
pub fn to_html(md: &str) -> String {
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, safe_events(md).into_iter());
    html
}

/// `md` as HTML placed under a page heading of level `parent` (1–5): its headings shifted so the
/// shallowest becomes `parent + 1`, and none more than one level deeper than the one before it
/// (at most h6), so a page reads h1 → h2 → h3 without a skipped level (axe `heading-order`)
/// whatever levels were typed. Otherwise as [`to_html`].
pub fn to_html_under(md: &str, parent: u8) -> String {
    let mut events = safe_events(md);
    let levels: Vec<u8> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .collect();
    if let Some(&top) = levels.iter().min() {
        let parent = parent.clamp(1, 5);
        let mut previous = parent;
        let mut current = HeadingLevel::H6;
        for e in &mut events {
            match e {
                Event::Start(Tag::Heading { level, .. }) => {
                    let shifted = (*level as u8 - top + parent + 1).min(previous + 1).min(6);
                    previous = shifted;
                    current =
                        HeadingLevel::try_from(usize::from(shifted)).unwrap_or(HeadingLevel::H6);
                    *level = current;
                }
                Event::End(TagEnd::Heading(level)) => *level = current,
                _ => {}
            }
        }
    }
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// `md` as the printed wall document's blocks: headings, paragraphs and list entries (ordered
/// lists numbered "1.", others "•"), inline marks dropped, line breaks inside a paragraph joined.
pub fn to_blocks(md: &str) -> Vec<WallBlock> {
    #[derive(PartialEq)]
    enum In {
        Heading,
        Paragraph,
        Item,
    }
    let mut blocks = Vec::new();
    // Each open list's next number (None: bullets).
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut text = String::new();
    let mut current: Option<In> = None;
    let mut marker = String::new();
    let flush = |blocks: &mut Vec<WallBlock>, cur: &Option<In>, text: &mut String, marker: &str| {
        let t = text.trim().to_string();
        text.clear();
        if t.is_empty() {
            return;
        }
        blocks.push(match cur {
            Some(In::Heading) => WallBlock::Heading(t),
            Some(In::Item) => WallBlock::Item {
                marker: marker.to_string(),
                text: t,
            },
            _ => WallBlock::Paragraph(t),
        });
    };
    for ev in safe_events(md) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = Some(In::Heading);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = None;
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut blocks, &current, &mut text, &marker);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut blocks, &current, &mut text, &marker);
                lists.pop();
                current = None;
            }
            Event::Start(Tag::Item) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = Some(In::Item);
                marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_string(),
                };
            }
            Event::End(TagEnd::Item) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = None;
            }
            // A paragraph inside a list entry belongs to the entry.
            Event::Start(Tag::Paragraph) if current != Some(In::Item) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = Some(In::Paragraph);
            }
            Event::End(TagEnd::Paragraph) if current != Some(In::Item) => {
                flush(&mut blocks, &current, &mut text, &marker);
                current = None;
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => {}
            Event::End(TagEnd::TableCell) => text.push('　'),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => {
                flush(&mut blocks, &Some(In::Paragraph), &mut text, &marker)
            }
            _ => {}
        }
    }
    flush(&mut blocks, &current, &mut text, &marker);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped_not_passed_through() {
        let html = to_html("你好<script>alert('x')</script>\n\n<div onclick=\"steal()\">块</div>");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains(r#"&lt;div onclick="steal()"&gt;"#), "{html}");
    }

    #[test]
    fn script_links_and_images_are_dropped_but_their_text_stays() {
        let html = to_html(
            "[点我](javascript:alert(1)) [官网](https://www.wfu.edu.cn) ![合影](http://x/y.png)",
        );
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("点我"), "{html}");
        assert!(
            html.contains(r#"<a href="https://www.wfu.edu.cn">官网</a>"#),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("合影"), "{html}");
    }

    #[test]
    fn markdown_becomes_html() {
        let html = to_html("## 标题\n\n**加粗** 与 *强调*\n\n- 一\n- 二");
        assert!(html.contains("<h2>标题</h2>"));
        assert!(html.contains("<strong>加粗</strong>"));
        assert!(html.contains("<li>一</li>"));
    }

    #[test]
    fn blocks_keep_headings_paragraphs_and_numbered_items() {
        let blocks = to_blocks("## 一、接待\n正文**第一段**\n接着\n\n1. 甲\n2. 乙\n\n- 丙");
        assert_eq!(
            blocks,
            vec![
                WallBlock::Heading("一、接待".into()),
                WallBlock::Paragraph("正文第一段接着".into()),
                WallBlock::Item {
                    marker: "1.".into(),
                    text: "甲".into()
                },
                WallBlock::Item {
                    marker: "2.".into(),
                    text: "乙".into()
                },
                WallBlock::Item {
                    marker: "•".into(),
                    text: "丙".into()
                },
            ]
        );
    }
}
