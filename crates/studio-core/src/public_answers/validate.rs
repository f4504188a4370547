//! The public texts' rules: required, bounded, and free of the writer's name and phone number.

use super::PublicationInput;
use crate::error::Result;
use crate::validate::Checker;

/// The public question: the writer's message as edited (a message is at most 1,000 characters,
/// an item's text 5,000; what is published is shorter).
pub const PUBLIC_QUESTION_MAX: usize = 2000;
/// The public answer (an item's answer is at most 2,000 characters).
pub const PUBLIC_ANSWER_MAX: usize = 2000;

/// The texts trimmed, or field errors (`question`, `answer`). A text that holds the writer's name
/// (`person_name`, 2+ characters) or their phone number (its digits, in any spacing) is refused:
/// 代表回复 never shows who wrote.
pub(super) fn input(
    i: &PublicationInput,
    person_name: &str,
    person_phone: &str,
) -> Result<(String, String)> {
    let question = i.question.trim().to_string();
    let answer = i.answer.trim().to_string();
    let mut c = Checker::new();
    c.required("question", "公开的问题", &question, PUBLIC_QUESTION_MAX);
    c.required("answer", "公开的答复", &answer, PUBLIC_ANSWER_MAX);
    for (field, label, text) in [("question", "问题", &question), ("answer", "答复", &answer)] {
        if let Some(what) = identifies(text, person_name, person_phone) {
            c.add(
                field,
                format!("公开的{label}中含有留言人的{what}，请删除后再保存"),
            );
        }
    }
    c.finish()?;
    Ok((question, answer))
}

/// What of the writer `text` holds: `姓名` or `电话号码` (their digits, 7 or more, in a row once
/// spaces and dashes are dropped), or nothing.
pub(crate) fn identifies(text: &str, name: &str, phone: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.chars().count() >= 2 && text.contains(name) {
        return Some("姓名");
    }
    // The text without the separators people put inside numbers.
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '　' | '–' | '—' | '.'))
        .collect();
    let all: String = phone.chars().filter(char::is_ascii_digit).collect();
    // A fixed line is also written without its area code: its longest group of digits.
    let local = phone
        .split(|c: char| !c.is_ascii_digit())
        .max_by_key(|g| g.len())
        .unwrap_or("");
    let found = [all.as_str(), local]
        .into_iter()
        .any(|p| p.len() >= 7 && compact.contains(p));
    if found {
        return Some("电话号码");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_or_a_phone_in_the_text_is_found() {
        assert_eq!(
            identifies("我是赵小明，宿舍没热水", "赵小明", ""),
            Some("姓名")
        );
        assert_eq!(
            identifies("请回电 138 1234 5678", "赵小明", "13812345678"),
            Some("电话号码")
        );
        assert_eq!(
            identifies("电话0536-8785123", "", "0536-8785123"),
            Some("电话号码")
        );
        assert_eq!(
            identifies("宿舍楼热水不稳定", "赵小明", "13812345678"),
            None
        );
        // A one-character name would match too much; other numbers are not the phone.
        assert_eq!(identifies("王老师说 2026 年", "王", "13812345678"), None);
    }

    #[test]
    fn texts_are_required_and_bounded() {
        let e = input(&PublicationInput::default(), "赵小明", "13812345678").unwrap_err();
        let fields: Vec<String> = e.payload().fields.into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["question", "answer"]);
        let long = PublicationInput {
            question: "问".repeat(PUBLIC_QUESTION_MAX + 1),
            answer: "答".into(),
        };
        assert!(input(&long, "", "").is_err());
    }
}
