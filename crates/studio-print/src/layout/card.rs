//! The card's front page, laid out as the official form (seed annex, 附件), and the
//! entry point that adds 续页 pages and page numbers.

use super::continuation::continuation_pages;
use super::fit::{Align, Fitter, BODY_SIZE, PAD_X};
use super::grid::{cell, draw_grid, x};
use super::long_text::{self, Plan};
use super::{mm, CardLayout, CheckBox, PageLayout, Rect, TextRun, PAGE_H, PAGE_W};
use crate::font::{CardFont, MissingChars};
use crate::model::{CardData, CardDate, Channel};
use crate::PrintError;

/// The title of the official card.
pub const TITLE: &str = "党代表联系党员和群众工作记录卡";

/// 说明 1–4, verbatim from the official template (seed annex), spaces included.
pub const NOTES: [&str; 4] = [
    "1. “联系日期”栏，填写开展本次联系活动的日期；",
    "2. “联系形式”栏，在相应选项后面方框打“√”；",
    "3. 联系对象为属于同一批的多名党员和群众时，可只填写 1 名主要人员的资料；",
    "4. 代表每次开展联系活动均应填写记录卡，并在向提出意见建议的党员群众反馈处理结果后 3 个工作日内，交党代表工作室汇总。",
];

pub(super) const OPINION_LABEL: &str = "党员和群众所提意见建议或问题";
pub(super) const HANDLING_LABEL: &str = "党代表处理意见及办理情况";

const TITLE_SIZE: f32 = 18.0;
const TITLE_BASELINE: f32 = mm(26.0);
pub(super) const DATE_BASELINE: f32 = mm(37.5);
pub(super) const TABLE_TOP: f32 = mm(41.0);
const ROW_MIN: f32 = mm(10.0);
const ROW_MAX: f32 = mm(30.0);
const CHANNEL_ROW: f32 = mm(11.0);
const NOTES_SIZE: f32 = 9.0;
const NOTES_LEADING: f32 = NOTES_SIZE * 1.6;
/// Bottom of the notes block (the last baseline sits a little above it).
const NOTES_BOTTOM: f32 = PAGE_H - mm(14.0);
const FOOTER_BASELINE: f32 = PAGE_H - mm(9.0);
const FOOTER_SIZE: f32 = 9.0;

/// Lays out one card: one page, or more when the long texts need 续页 pages. `data` is
/// `None` for a blank card. Characters the font lacks are replaced and recorded.
pub fn layout_card(
    font: &CardFont,
    data: Option<&CardData>,
    missing: &mut MissingChars,
) -> Result<CardLayout, PrintError> {
    if let Some(date) = data.and_then(|d| d.contact_date) {
        date.validate()?;
    }
    let fields = data
        .map(|d| Fields::new(font, d, missing))
        .unwrap_or_default();
    let fitter = Fitter { font };
    let mut front = PageLayout::default();
    title(&fitter, &mut front, TITLE);
    date_line(&fitter, &mut front, fields.date);
    let table_bottom = notes(&fitter, &mut front);
    let plan = table(&fitter, &mut front, &fields, table_bottom);
    let mut pages = vec![front];
    if plan.continues() {
        continuation_pages(&fitter, &plan, &fields, &mut pages);
    }
    if pages.len() > 1 {
        let total = pages.len();
        for (i, page) in pages.iter_mut().enumerate() {
            let text = format!("第 {} 页　共 {} 页", i + 1, total);
            let w = fitter.width(&text, FOOTER_SIZE);
            fitter.run(
                page,
                (PAGE_W - w) / 2.0,
                FOOTER_BASELINE,
                FOOTER_SIZE,
                &text,
            );
        }
    }
    Ok(CardLayout {
        pages,
        long_text_size: plan.size,
    })
}

/// The card's strings, made printable.
#[derive(Debug, Default)]
pub(super) struct Fields {
    pub(super) date: Option<CardDate>,
    pub(super) delegate_name: String,
    pub(super) delegation: String,
    pub(super) delegate_unit: String,
    pub(super) delegate_phone: String,
    /// With "（共N人）" when several people came together.
    pub(super) person_name: String,
    pub(super) gender: String,
    pub(super) age: String,
    pub(super) political_status: String,
    pub(super) person_unit: String,
    pub(super) person_phone: String,
    pub(super) address: String,
    pub(super) channel: Option<Channel>,
    pub(super) other_text: String,
    pub(super) opinion: String,
    pub(super) handling: String,
}

impl Fields {
    fn new(font: &CardFont, d: &CardData, missing: &mut MissingChars) -> Self {
        // Short fields are single-line: a newline typed into one is just a space.
        let mut short = |s: &str| {
            font.sanitize(s, missing)
                .replace('\n', " ")
                .trim()
                .to_owned()
        };
        let mut fields = Fields {
            date: d.contact_date,
            delegate_name: short(&d.delegate_name),
            delegation: short(&d.delegation),
            delegate_unit: short(&d.delegate_unit_position),
            delegate_phone: short(&d.delegate_phone),
            person_name: short(&d.person_name),
            gender: short(&d.person_gender),
            age: short(&d.person_age),
            political_status: short(&d.person_political_status),
            person_unit: short(&d.person_unit_position),
            person_phone: short(&d.person_phone),
            address: short(&d.person_address),
            channel: d.channel,
            other_text: short(&d.channel_other_text),
            opinion: String::new(),
            handling: String::new(),
        };
        if let Some(n) = d.group_size.filter(|&n| n >= 2) {
            fields.person_name.push_str(&format!("（共{n}人）"));
        }
        fields.opinion = font.sanitize(&d.opinion, missing);
        fields.handling = font.sanitize(&d.handling, missing);
        fields
    }
}

pub(super) fn title(fitter: &Fitter<'_>, page: &mut PageLayout, text: &str) {
    let width = fitter.width(text, TITLE_SIZE);
    page.texts.push(TextRun {
        x: (PAGE_W - width) / 2.0,
        baseline: TITLE_BASELINE,
        size: TITLE_SIZE,
        char_spacing: 0.0,
        bold: true,
        text: text.to_owned(),
        width,
    });
}

/// "联系日期：____年__月__日", with the numbers centred in their blanks so blank and
/// filled cards line up.
fn date_line(fitter: &Fitter<'_>, page: &mut PageLayout, date: Option<CardDate>) {
    let label = "联系日期：";
    fitter.run(page, x(0), DATE_BASELINE, BODY_SIZE, label);
    let mut at = x(0) + fitter.width(label, BODY_SIZE);
    let parts = [
        (mm(16.0), date.map(|d| d.year.to_string()), "年"),
        (mm(10.0), date.map(|d| d.month.to_string()), "月"),
        (mm(10.0), date.map(|d| d.day.to_string()), "日"),
    ];
    for (blank, value, unit) in parts {
        if let Some(value) = value {
            let w = fitter.width(&value, BODY_SIZE);
            fitter.run(
                page,
                at + (blank - w) / 2.0,
                DATE_BASELINE,
                BODY_SIZE,
                &value,
            );
        }
        at += blank;
        fitter.run(page, at, DATE_BASELINE, BODY_SIZE, unit);
        at += fitter.width(unit, BODY_SIZE);
    }
}

/// The 说明 block at the foot of the page; returns the lowest y the table may use.
fn notes(fitter: &Fitter<'_>, page: &mut PageLayout) -> f32 {
    let width = x(9) - x(0);
    let mut lines: Vec<(f32, String)> = vec![(x(0), "说明：".to_owned())];
    for note in NOTES {
        // Hanging indent: wrapped lines align with the text after "1. ".
        let (number, body) = note.split_at(note.find(' ').map_or(0, |i| i + 1));
        let indent = fitter.width(number, NOTES_SIZE);
        for (i, line) in fitter
            .wrap(body, width - indent, NOTES_SIZE, 0.0)
            .into_iter()
            .enumerate()
        {
            let text = if i == 0 {
                format!("{number}{}", line.text)
            } else {
                line.text
            };
            let left = if i == 0 { x(0) } else { x(0) + indent };
            lines.push((left, text));
        }
    }
    let top = NOTES_BOTTOM - lines.len() as f32 * NOTES_LEADING;
    for (i, (left, text)) in lines.iter().enumerate() {
        let baseline =
            top + (i as f32 + 0.5) * NOTES_LEADING + fitter.font.em_middle() * NOTES_SIZE;
        fitter.run(page, *left, baseline, NOTES_SIZE, text);
    }
    top - mm(1.5)
}

/// The bordered table of the front page. Returns the long-text plan so the caller can
/// add 续页 pages.
fn table(fitter: &Fitter<'_>, page: &mut PageLayout, f: &Fields, bottom: f32) -> Plan {
    let mut cells: Vec<Rect> = Vec::new();
    let mut y = TABLE_TOP;

    // Each row grows when a value cannot fit at a readable size (a long address).
    let row = |values: &[(&str, usize, usize)]| -> f32 {
        values
            .iter()
            .map(|&(text, from, to)| fitter.needed_height(text, x(to) - x(from)))
            .fold(ROW_MIN, f32::max)
            .min(ROW_MAX)
    };
    let delegate_rows = [
        row(&[(&f.delegate_name, 2, 5), (&f.delegation, 7, 9)]),
        row(&[(&f.delegate_unit, 2, 5), (&f.delegate_phone, 7, 9)]),
    ];
    let person_rows = [
        row(&[
            (&f.person_name, 2, 3),
            (&f.gender, 4, 5),
            (&f.age, 6, 7),
            (&f.political_status, 8, 9),
        ]),
        row(&[(&f.person_unit, 2, 5), (&f.person_phone, 7, 9)]),
        row(&[(&f.address, 2, 9), ("详细通讯地址或E-mail", 1, 2)]),
    ];

    // 党代表: two rows.
    let section = cell(0, 1, y, delegate_rows[0] + delegate_rows[1]);
    fitter.stacked_label(page, section, "党代表");
    cells.push(section);
    let pairs: [[(&str, &str); 2]; 2] = [
        [("姓名", &f.delegate_name), ("所在代表团", &f.delegation)],
        [
            ("工作单位及职务", &f.delegate_unit),
            ("联系电话", &f.delegate_phone),
        ],
    ];
    for (h, pair) in delegate_rows.into_iter().zip(pairs) {
        label_value_pair(fitter, page, &mut cells, y, h, pair);
        y += h;
    }

    // 联系对象: three rows.
    let section = cell(0, 1, y, person_rows.iter().sum());
    fitter.stacked_label(page, section, "联系对象");
    cells.push(section);
    let h = person_rows[0];
    let quads = [
        ("姓名", &f.person_name, 1),
        ("性别", &f.gender, 3),
        ("年龄", &f.age, 5),
        ("政治面貌", &f.political_status, 7),
    ];
    for (label, value, col) in quads {
        let l = cell(col, col + 1, y, h);
        let v = cell(col + 1, col + 2, y, h);
        fitter.label(page, l, label);
        fitter.place(page, v, value, Align::Auto);
        cells.extend([l, v]);
    }
    y += h;
    let h = person_rows[1];
    label_value_pair(
        fitter,
        page,
        &mut cells,
        y,
        h,
        [
            ("工作单位及职务", &f.person_unit),
            ("联系电话", &f.person_phone),
        ],
    );
    y += h;
    let h = person_rows[2];
    let l = cell(1, 2, y, h);
    let v = cell(2, 9, y, h);
    fitter.place(page, l, "详细通讯地址或E-mail", Align::Center);
    fitter.place(page, v, &f.address, Align::Left);
    cells.extend([l, v]);
    y += h;

    // 联系形式.
    let l = cell(0, 1, y, CHANNEL_ROW);
    let v = cell(1, 9, y, CHANNEL_ROW);
    fitter.place(page, l, "联系形式", Align::Center);
    channels(fitter, page, v, f.channel, &f.other_text);
    cells.extend([l, v]);
    y += CHANNEL_ROW;

    // The two long texts share what is left above the notes.
    let text_w = x(9) - x(1);
    let plan = long_text::plan(fitter, [&f.opinion, &f.handling], text_w, bottom - y);
    for (i, label) in [OPINION_LABEL, HANDLING_LABEL].into_iter().enumerate() {
        let h = plan.heights[i];
        let l = cell(0, 1, y, h);
        let v = cell(1, 9, y, h);
        fitter.stacked_label(page, l, label);
        let shown = &plan.texts[i][..plan.on_front[i]];
        long_text::place_lines(fitter, page, v, shown, plan.size, plan.leading);
        if plan.on_front[i] < plan.texts[i].len() {
            long_text::place_continued_marker(
                fitter,
                page,
                v,
                shown.len(),
                plan.size,
                plan.leading,
            );
        }
        cells.extend([l, v]);
        y += h;
    }

    let frame = Rect {
        x: x(0),
        y: TABLE_TOP,
        w: x(9) - x(0),
        h: y - TABLE_TOP,
    };
    draw_grid(page, frame, &cells);
    plan
}

/// A row of "label | value | label | value" on the 70/125/150 mm grid.
fn label_value_pair(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    cells: &mut Vec<Rect>,
    y: f32,
    h: f32,
    pair: [(&str, &str); 2],
) {
    let spans = [(1, 2, 2, 5), (5, 7, 7, 9)];
    for ((label, value), (l0, l1, v0, v1)) in pair.into_iter().zip(spans) {
        let l = cell(l0, l1, y, h);
        let v = cell(v0, v1, y, h);
        fitter.label(page, l, label);
        fitter.place(page, v, value, Align::Auto);
        cells.extend([l, v]);
    }
}

/// The five 联系形式 options, each followed by its box, spread evenly across the cell.
fn channels(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    area: Rect,
    chosen: Option<Channel>,
    other_text: &str,
) {
    let inner = area.w - 2.0 * PAD_X;
    let gap_before_box = mm(1.2);
    let describe = |text: &str| {
        if chosen == Some(Channel::Other) && !text.is_empty() {
            format!("（{text}）")
        } else {
            String::new()
        }
    };
    let widths = |size: f32, other: &str| -> Vec<f32> {
        let boxed = gap_before_box + box_side(size);
        Channel::ALL
            .iter()
            .map(|c| {
                let extra = if *c == Channel::Other && !other.is_empty() {
                    mm(1.0) + fitter.width(other, size)
                } else {
                    0.0
                };
                fitter.width(c.label(), size) + boxed + extra
            })
            .collect()
    };
    let min_gap = mm(3.0);
    let fits =
        |size: f32, other: &str| widths(size, other).iter().sum::<f32>() + min_gap * 4.0 <= inner;
    // A long "other" description first shrinks the row, then is cut short with "…".
    let mut other = describe(other_text);
    let mut size = BODY_SIZE;
    while !fits(size, &other) && size > 8.0 {
        size -= 0.5;
    }
    let mut kept: Vec<char> = other_text.chars().collect();
    while !fits(size, &other) && kept.pop().is_some() {
        other = if kept.is_empty() {
            String::new()
        } else {
            describe(&format!("{}…", kept.iter().collect::<String>()))
        };
    }
    let widths = widths(size, &other);
    // Even spacing with half a gap at each end ("space-around").
    let gap = (inner - widths.iter().sum::<f32>()) / Channel::ALL.len() as f32;
    let middle = area.y + area.h / 2.0;
    let baseline = middle + fitter.font.em_middle() * size;
    let side = box_side(size);
    let mut at = area.x + PAD_X + gap / 2.0;
    for (channel, width) in Channel::ALL.into_iter().zip(&widths) {
        fitter.run(page, at, baseline, size, channel.label());
        let box_x = at + fitter.width(channel.label(), size) + gap_before_box;
        page.checkboxes.push(CheckBox {
            channel,
            rect: Rect {
                x: box_x,
                y: middle - side / 2.0,
                w: side,
                h: side,
            },
            ticked: chosen == Some(channel),
        });
        if channel == Channel::Other && !other.is_empty() {
            fitter.run(page, box_x + side + mm(1.0), baseline, size, &other);
        }
        at += width + gap;
    }
}

/// Checkbox side: a little smaller than the characters beside it.
fn box_side(size: f32) -> f32 {
    size * 0.85
}
