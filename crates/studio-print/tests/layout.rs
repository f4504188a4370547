//! The layout model: where things go, checked without a PDF in between.

mod common;

use studio_print::layout::{mm, CardLayout, PageLayout, PAGE_H, PAGE_W};
use studio_print::{Card, CardData, CardDate, CardPrinter, Channel, PrintError};

fn printer() -> &'static CardPrinter {
    CardPrinter::shared().expect("the embedded font parses")
}

fn layout(card: &Card) -> CardLayout {
    printer().layout(card).expect("lays out").0
}

fn filled(data: CardData) -> CardLayout {
    layout(&Card::filled(data))
}

/// The table spans 20–190 mm; nothing may cross its edges or leave the page.
fn assert_inside(page: &PageLayout) {
    let (left, right) = (mm(20.0) - 0.01, mm(190.0) + 0.01);
    for run in &page.texts {
        assert!(run.x >= left, "{run:?} starts left of the table");
        assert!(run.x + run.width <= right, "{run:?} runs past the table");
        assert!(run.baseline > 0.0 && run.baseline < PAGE_H, "{run:?}");
    }
    for frame in &page.frames {
        assert!(frame.rect.right() <= PAGE_W && frame.rect.bottom() <= PAGE_H);
    }
}

#[test]
fn only_the_chosen_channel_is_ticked() {
    for chosen in Channel::ALL {
        let mut data = common::sample_card();
        data.channel = Some(chosen);
        let card = filled(data);
        let boxes = &card.pages[0].checkboxes;
        assert_eq!(boxes.len(), 5);
        let ticked: Vec<Channel> = boxes
            .iter()
            .filter(|b| b.ticked)
            .map(|b| b.channel)
            .collect();
        assert_eq!(ticked, [chosen]);
    }
    let mut data = common::sample_card();
    data.channel = None;
    assert!(filled(data).pages[0].checkboxes.iter().all(|b| !b.ticked));
    assert!(layout(&Card::Blank).pages[0]
        .checkboxes
        .iter()
        .all(|b| !b.ticked));
}

#[test]
fn the_five_boxes_are_in_card_order_and_evenly_spread() {
    let page = &layout(&Card::Blank).pages[0];
    let boxes = &page.checkboxes;
    let order: Vec<Channel> = boxes.iter().map(|b| b.channel).collect();
    assert_eq!(order, Channel::ALL);
    // The gap between one box and the next option's label is the same everywhere.
    let labels: Vec<f32> = Channel::ALL
        .iter()
        .map(|c| {
            page.texts
                .iter()
                .find(|t| t.text == c.label())
                .expect("label")
                .x
        })
        .collect();
    let gaps: Vec<f32> = boxes
        .iter()
        .zip(&labels[1..])
        .map(|(b, next)| next - b.rect.right())
        .collect();
    for gap in &gaps {
        assert!((gap - gaps[0]).abs() < 0.01, "{gaps:?}");
    }
    // Boxes sit on one line, all the same size.
    for b in boxes {
        assert!((b.rect.y - boxes[0].rect.y).abs() < 0.01);
        assert!((b.rect.w - b.rect.h).abs() < 0.01);
    }
}

#[test]
fn other_channel_prints_its_description() {
    let mut data = common::sample_card();
    data.channel = Some(Channel::Other);
    data.channel_other_text = "座谈会".into();
    assert!(filled(data).pages[0].text().contains("（座谈会）"));
}

#[test]
fn blank_and_filled_cards_fit_one_page_inside_the_table() {
    let blank = layout(&Card::Blank);
    assert_eq!(blank.pages.len(), 1);
    assert_inside(&blank.pages[0]);
    let card = filled(common::sample_card());
    assert_eq!(card.pages.len(), 1);
    assert_eq!(card.long_text_size, 10.5);
    assert_inside(&card.pages[0]);
}

#[test]
fn blank_cards_leave_room_to_write_by_hand() {
    let page = &layout(&Card::Blank).pages[0];
    // The two long-text cells are the two tallest cells of the table; each gets a
    // third of the page or so.
    let mut heights: Vec<f32> = page
        .rules
        .iter()
        .filter(|r| r.y1 == r.y2)
        .map(|r| r.y1)
        .chain(page.frames.iter().flat_map(|f| [f.rect.y, f.rect.bottom()]))
        .collect();
    heights.sort_by(f32::total_cmp);
    heights.dedup();
    let mut rows: Vec<f32> = heights.windows(2).map(|w| w[1] - w[0]).collect();
    rows.sort_by(f32::total_cmp);
    let tall = &rows[rows.len() - 2..];
    for h in tall {
        assert!(*h > mm(70.0), "{rows:?}");
    }
}

#[test]
fn long_texts_shrink_before_they_continue() {
    let mut data = common::sample_card();
    data.opinion = common::long_text(900);
    let card = filled(data);
    assert_eq!(card.pages.len(), 1);
    assert!(card.long_text_size < 10.5 && card.long_text_size >= 9.0);
    assert_inside(&card.pages[0]);
}

#[test]
fn a_3000_character_opinion_goes_on_to_a_continuation_page() {
    let mut data = common::sample_card();
    data.opinion = common::long_text(3000);
    data.handling.clear();
    let card = filled(data);
    assert!(card.pages.len() >= 2, "{} pages", card.pages.len());
    assert_eq!(card.long_text_size, 9.0);
    assert!(card.pages[0].text().contains("（转续页）"));
    let second = card.pages[1].text();
    assert!(second.contains("记录卡（续页）"));
    assert!(second.contains("党代表：王建国"));
    assert!(second.contains("（续）"));
    for page in &card.pages {
        assert_inside(page);
    }
    // Every character of the opinion is printed exactly once, in order.
    let printed: String = card
        .pages
        .iter()
        .flat_map(|p| {
            // Long-text lines: right of the label column, inside a table frame.
            p.texts.iter().filter(|t| {
                t.x > mm(40.0)
                    && t.text != "（转续页）"
                    && p.frames
                        .iter()
                        .any(|f| t.baseline > f.rect.y && t.baseline < f.rect.bottom())
            })
        })
        .filter(|t| t.size == 9.0)
        .map(|t| t.text.as_str())
        .collect();
    assert!(printed.contains(&common::long_text(3000)));
}

#[test]
fn oversized_short_fields_stay_inside_their_cells() {
    let data = CardData {
        delegate_name: "欧阳".repeat(20),
        delegation: "机关第一代表团".repeat(10),
        delegate_unit_position: "计算机科学与技术学院".repeat(15),
        person_name: "李".repeat(30),
        person_political_status: "中国国民党革命委员会会员".into(),
        person_address: "浙江省杭州市西湖区余杭塘路866号".repeat(12),
        person_age: "123456789012".into(),
        channel: Some(Channel::Other),
        channel_other_text: "很长的其他联系形式说明".repeat(8),
        group_size: Some(12),
        ..common::sample_card()
    };
    let card = filled(data);
    assert_eq!(card.pages.len(), 1);
    assert_inside(&card.pages[0]);
}

#[test]
fn group_size_is_shown_beside_the_name() {
    let mut data = common::sample_card();
    data.group_size = Some(5);
    assert!(filled(data.clone()).pages[0]
        .text()
        .contains("李晓梅（共5人）"));
    data.group_size = Some(1);
    assert!(!filled(data).pages[0].text().contains("（共"));
}

#[test]
fn missing_characters_are_replaced_and_reported_once() {
    let data = CardData {
        person_name: "😀".into(),
        opinion: "😀😀\u{200B}好".into(),
        ..CardData::default()
    };
    let (card, missing) = printer().layout(&Card::filled(data)).unwrap();
    assert_eq!(missing, ['😀']);
    let text = card.pages[0].text();
    assert!(text.contains("〓〓好"), "{text}");
    assert!(!text.contains('😀'));
}

#[test]
fn the_date_is_checked_and_printed() {
    let mut data = common::sample_card();
    data.contact_date = Some(CardDate {
        year: 2024,
        month: 2,
        day: 30,
    });
    let err = printer().layout(&Card::filled(data)).unwrap_err();
    assert_eq!(
        err,
        PrintError::InvalidDate {
            year: 2024,
            month: 2,
            day: 30
        }
    );
    assert_eq!(err.to_string(), "联系日期无效：2024年2月30日");
    assert!(CardDate::new(2024, 2, 29).is_ok());
    assert!(CardDate::new(2023, 2, 29).is_err());
}

#[test]
fn an_empty_batch_is_an_error() {
    assert_eq!(printer().render(&[]).unwrap_err(), PrintError::NoCards);
    assert_eq!(PrintError::NoCards.to_string(), "没有要打印的记录卡");
}
