//! Line breaking with the real font's widths.

use studio_print::{wrap, CardPrinter, Line};

fn lines(text: &str, width_em: f32) -> Vec<Line> {
    let font = CardPrinter::shared().expect("font").font();
    wrap(text, |c| font.advance(c), width_em, 2.0)
}

const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '”', '’', '…',
];
const OPENING: &[char] = &['（', '《', '“', '‘'];

#[test]
fn chinese_punctuation_rules_hold_at_every_width() {
    let text = "党员群众反映：学校东门外（靠近3号楼）的人行道破损严重，雨天积水……\
                建议“尽快修复”；并请于《通知》发布后答复！联系人：张老师（电话13800138000）。"
        .repeat(3);
    for width in 6..40 {
        let lines = lines(&text, width as f32);
        for (i, line) in lines.iter().enumerate() {
            assert!(line.indent + line.width <= width as f32 + 1e-3, "{line:?}");
            if i > 0 {
                assert!(!line.text.starts_with(CLOSING), "width {width}: {line:?}");
            }
            assert!(!line.text.ends_with(OPENING), "width {width}: {line:?}");
        }
        // Nothing lost or duplicated.
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined, text, "width {width}");
    }
}

#[test]
fn words_numbers_and_addresses_stay_whole() {
    let words = [
        "lixiaomei@example.edu.cn",
        "13857101234",
        "0571-88201234",
        "Zhejiang",
    ];
    let text = format!(
        "请发邮件至{}或致电{}、{}，地址{} University。",
        words[0], words[1], words[2], words[3]
    );
    for width in 14..40 {
        let lines = lines(&text, width as f32);
        for word in words {
            assert!(
                lines.iter().any(|l| l.text.contains(word)),
                "width {width}: {word} split in {lines:?}"
            );
        }
    }
}

#[test]
fn paragraphs_get_a_two_character_indent() {
    let lines = lines("第一段。\n第二段，内容较长需要换行的一段文字。", 10.0);
    assert_eq!(lines[0].indent, 2.0);
    assert_eq!(lines[1].indent, 2.0);
    assert_eq!(lines[1].text, "第二段，内容较长");
    assert_eq!(lines[2].indent, 0.0);
}
