//! Line breaking for Chinese text with embedded Latin, by the usual typesetting rules:
//!
//! - closing punctuation (，。、）” …) never starts a line and opening punctuation
//!   (（“《) never ends one (禁则, "kinsoku"): they are glued to their neighbour;
//! - runs of Latin letters, digits and ASCII symbols (words, numbers, phone numbers,
//!   e-mail addresses, URLs) are not split unless a single run is wider than the line;
//! - a line may break between any two ideographs;
//! - every paragraph (one per input line) gets a first-line indent.
//!
//! Widths are in em, so one wrap serves any font size: the caller divides the available
//! width by the size.

/// One output line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Natural width in em (without indent or justification).
    pub width: f32,
    /// Left indent in em (the first line of a paragraph).
    pub indent: f32,
    /// Whether the line should be stretched to the full width: every line of a paragraph
    /// except its last.
    pub justify: bool,
}

impl Line {
    /// Extra space per gap, in em, that makes this line exactly `max` wide; 0 when it
    /// should stay ragged.
    pub fn char_spacing(&self, max: f32) -> f32 {
        let gaps = self.text.chars().count().saturating_sub(1);
        let slack = max - self.indent - self.width;
        // A line left short by a long unbreakable word would spread absurdly; keep it
        // ragged instead. Two em is about the most a good line can be short by.
        if !self.justify || gaps == 0 || slack <= 0.0 || slack > 2.5 {
            return 0.0;
        }
        slack / gaps as f32
    }
}

/// What a character does at a line edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A break opportunity that disappears at a line edge.
    Space,
    /// Part of an unbreakable Latin/ASCII run.
    Word,
    /// Must not end a line.
    Open,
    /// Must not start a line.
    Close,
    /// An ideograph or anything else: breakable on both sides.
    Other,
}

fn class(c: char) -> Class {
    match c {
        ' ' | '\u{3000}' => Class::Space,
        '（' | '［' | '｛' | '〔' | '〈' | '《' | '「' | '『' | '【' | '〖' | '〘' | '〚' | '‘'
        | '“' | '｢' => Class::Open,
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '］' | '｝' | '〕' | '〉'
        | '》' | '」' | '』' | '】' | '〗' | '〙' | '〛' | '’' | '”' | '…' | '‥' | '—' | '～'
        | '·' | '・' | '％' | '‰' | '℃' | '°' | '｣' | '〃' | '々' | 'ー' => {
            Class::Close
        }
        c if c.is_ascii_graphic() => Class::Word,
        // Latin with diacritics, Greek, Cyrillic: word characters like ASCII.
        c if c.is_alphanumeric() && (c as u32) < 0x2E80 => Class::Word,
        _ => Class::Other,
    }
}

/// An unbreakable piece of a paragraph.
#[derive(Debug)]
struct Cluster {
    text: String,
    width: f32,
    space: bool,
}

/// Splits one paragraph into clusters between which a line may break.
fn clusters(paragraph: &str, advance: &impl Fn(char) -> f32) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    // Opening punctuation waiting for the cluster it belongs to.
    let mut open = Cluster {
        text: String::new(),
        width: 0.0,
        space: false,
    };
    // Whether the last cluster is a Latin run that the next Word char extends.
    let mut in_word = false;
    for c in paragraph.chars() {
        let w = advance(c);
        let cls = class(c);
        match cls {
            Class::Space => {
                if !open.text.is_empty() {
                    out.push(std::mem::replace(&mut open, empty()));
                }
                out.push(Cluster {
                    text: c.to_string(),
                    width: w,
                    space: true,
                });
            }
            Class::Open => {
                open.text.push(c);
                open.width += w;
            }
            Class::Close if open.text.is_empty() && out.last().is_some_and(|l| !l.space) => {
                let last = out.last_mut().expect("checked above");
                last.text.push(c);
                last.width += w;
            }
            Class::Word if in_word && open.text.is_empty() => {
                let last = out.last_mut().expect("in_word implies a cluster");
                last.text.push(c);
                last.width += w;
            }
            Class::Close | Class::Word | Class::Other => {
                let mut cluster = std::mem::replace(&mut open, empty());
                cluster.text.push(c);
                cluster.width += w;
                out.push(cluster);
            }
        }
        in_word = cls == Class::Word && open.text.is_empty();
    }
    if !open.text.is_empty() {
        out.push(open);
    }
    out
}

fn empty() -> Cluster {
    Cluster {
        text: String::new(),
        width: 0.0,
        space: false,
    }
}

/// Tolerance for float rounding when a line is filled exactly.
const EPS: f32 = 1e-3;

/// Wraps `text` into lines at most `max` em wide. Each `\n` starts a paragraph; the first
/// line of each non-empty paragraph is indented by `indent` em. Leading whitespace of a
/// paragraph is dropped (people type their own indent; the form applies one), and empty
/// lines at the start and end of the text are dropped.
pub fn wrap(text: &str, advance: impl Fn(char) -> f32, max: f32, indent: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for paragraph in text.trim_matches(is_blank).split('\n') {
        let paragraph = paragraph.trim_matches(|c| class(c) == Class::Space);
        if paragraph.is_empty() {
            lines.push(Line {
                text: String::new(),
                width: 0.0,
                indent: 0.0,
                justify: false,
            });
            continue;
        }
        wrap_paragraph(paragraph, &advance, max, indent, &mut lines);
    }
    lines
}

fn is_blank(c: char) -> bool {
    c == '\n' || class(c) == Class::Space
}

fn wrap_paragraph(
    paragraph: &str,
    advance: &impl Fn(char) -> f32,
    max: f32,
    indent: f32,
    lines: &mut Vec<Line>,
) {
    // An indent wider than the line would leave no room at all.
    let indent = if indent * 2.0 <= max { indent } else { 0.0 };
    let mut line = Line {
        text: String::new(),
        width: 0.0,
        indent,
        justify: true,
    };
    let mut pending_space: Option<Cluster> = None;
    for cluster in clusters(paragraph, advance) {
        if cluster.space {
            if !line.text.is_empty() {
                pending_space = Some(cluster);
            }
            continue;
        }
        let space_w = pending_space.as_ref().map_or(0.0, |s| s.width);
        let room = max - line.indent;
        if !line.text.is_empty() && line.width + space_w + cluster.width > room + EPS {
            lines.push(std::mem::replace(&mut line, new_line()));
            pending_space = None;
        }
        if let Some(space) = pending_space.take() {
            line.text.push_str(&space.text);
            line.width += space.width;
        }
        if line.width + cluster.width <= max - line.indent + EPS {
            line.text.push_str(&cluster.text);
            line.width += cluster.width;
            continue;
        }
        // A single cluster wider than a line (a long URL): the only place we split a
        // word, character by character.
        for c in cluster.text.chars() {
            let w = advance(c);
            if !line.text.is_empty() && line.width + w > max - line.indent + EPS {
                // Still no closing punctuation at a line start: it takes the marks before
                // it and the character they close along ("13800138000）。" splits as
                // "1380013800" / "0）。").
                let mut carried = Vec::new();
                if class(c) == Class::Close {
                    while line.text.chars().count() > 1 {
                        let p = line.text.pop().expect("non-empty");
                        line.width -= advance(p);
                        carried.push(p);
                        if class(p) != Class::Close {
                            break;
                        }
                    }
                }
                lines.push(std::mem::replace(&mut line, new_line()));
                for p in carried.into_iter().rev() {
                    line.text.push(p);
                    line.width += advance(p);
                }
            }
            line.text.push(c);
            line.width += w;
        }
    }
    line.justify = false;
    lines.push(line);
}

fn new_line() -> Line {
    Line {
        text: String::new(),
        width: 0.0,
        indent: 0.0,
        justify: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ideographs and fullwidth punctuation 1 em, everything else half an em.
    fn adv(c: char) -> f32 {
        if (c as u32) < 0x2E80 && c != '“' && c != '”' && c != '—' && c != '…' {
            0.5
        } else {
            1.0
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn breaks_between_ideographs_and_indents_first_line() {
        let lines = wrap("一二三四五六七八九十", adv, 4.0, 2.0);
        assert_eq!(texts(&lines), ["一二", "三四五六", "七八九十"]);
        assert_eq!(lines[0].indent, 2.0);
        assert_eq!(lines[1].indent, 0.0);
        assert!(lines[0].justify && lines[1].justify && !lines[2].justify);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // "四" would fit on line one and leave "，" to start line two: pull "四" down.
        let lines = wrap("一二三四，五六", adv, 4.0, 0.0);
        assert_eq!(texts(&lines), ["一二三", "四，五六"]);
        for l in &lines {
            assert!(!l.text.starts_with('，'));
        }
    }

    #[test]
    fn consecutive_closing_marks_stay_together() {
        let lines = wrap("一二三四”。五", adv, 4.0, 0.0);
        assert_eq!(texts(&lines), ["一二三", "四”。五"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        let lines = wrap("一二三（四五）", adv, 4.0, 0.0);
        assert_eq!(texts(&lines), ["一二三", "（四五）"]);
        let lines = wrap("一二三“四”", adv, 4.0, 0.0);
        assert!(!lines[0].text.ends_with('“'));
    }

    #[test]
    fn latin_words_numbers_and_emails_are_not_split() {
        let text = "请联系zhang.san@example.edu.cn或拨打13800138000谢谢";
        let lines = wrap(text, adv, 12.0, 0.0);
        assert!(lines
            .iter()
            .any(|l| l.text.contains("zhang.san@example.edu.cn")));
        assert!(lines.iter().any(|l| l.text.contains("13800138000")));
        for l in &lines {
            assert!(l.width <= 12.0 + EPS, "{l:?}");
        }
    }

    #[test]
    fn spaces_between_words_break_and_vanish_at_line_edges() {
        let lines = wrap("alpha beta gamma delta", adv, 6.0, 0.0);
        assert_eq!(texts(&lines), ["alpha beta", "gamma delta"]);
        let lines = wrap("alpha beta gamma delta", adv, 4.0, 0.0);
        assert_eq!(texts(&lines), ["alpha", "beta", "gamma", "delta"]);
        let lines = wrap("ab cd ef", adv, 3.0, 0.0);
        assert_eq!(texts(&lines), ["ab cd", "ef"]);
    }

    #[test]
    fn an_overlong_word_is_split_as_a_last_resort() {
        let lines = wrap("abcdefghijkl", adv, 2.0, 0.0);
        assert_eq!(texts(&lines), ["abcd", "efgh", "ijkl"]);
    }

    #[test]
    fn newlines_start_indented_paragraphs_and_typed_indents_are_replaced() {
        let lines = wrap("\n　　一二三\n\n  四五\n", adv, 10.0, 2.0);
        assert_eq!(texts(&lines), ["一二三", "", "四五"]);
        assert_eq!(lines[0].indent, 2.0);
        assert_eq!(lines[2].indent, 2.0);
        assert!(!lines[0].justify);
    }

    #[test]
    fn justification_fills_the_line_exactly() {
        let lines = wrap("一二三四五六七", adv, 4.5, 0.0);
        let first = &lines[0];
        assert_eq!(first.text, "一二三四");
        let tc = first.char_spacing(4.5);
        assert!((first.width + tc * 3.0 - 4.5).abs() < 1e-4);
        assert_eq!(lines.last().unwrap().char_spacing(4.5), 0.0);
    }

    #[test]
    fn no_line_is_wider_than_the_limit() {
        let text = "党员群众反映，学校东门外（靠近3号楼）的人行道破损严重，雨天积水。\
                    建议：尽快修复；并在“十一”前完成！联系邮箱a.b@c.cn。"
            .repeat(5);
        for max in [5.0, 7.5, 13.0, 40.0] {
            for l in wrap(&text, adv, max, 2.0) {
                assert!(l.indent + l.width <= max + EPS, "{max}: {l:?}");
                assert!(!l.text.starts_with(['，', '。', '）', '；', '！', '”']));
                assert!(!l.text.ends_with(['（', '“']));
            }
        }
    }
}
