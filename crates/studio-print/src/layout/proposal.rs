//! The proposal form on A4 portrait: the studio's name, the title 党代表提议 (bold), a line with
//! 编号, 代表团, 起草日期 and 状态, then a two-column ruled table (label | text): 标题, 问题, 建议,
//! 关联事项, 团内讨论, 承办单位答复, 办理结果. Texts wrap at 五号 (10.5 pt) with 1.5 leading and
//! continue on the next page, where the section's label is repeated with "（续）". Page numbers
//! at the foot.

use super::fit::Fitter;
use super::{mm, Frame, PageLayout, PageSize, Rect, Rule, TextRun};
use crate::font::{CardFont, MissingChars};
use crate::proposal::{ProposalForm, MAX_PROPOSAL_ENTRIES};
use crate::wrap::Line;
use crate::PrintError;

/// The PDF's document title.
pub(crate) const PROPOSAL_TITLE: &str = "党代表提议";

const PAGE: PageSize = PageSize::A4_PORTRAIT;
const LEFT: f32 = mm(20.0);
const WIDTH: f32 = PAGE.w - 2.0 * LEFT;
const LABEL_W: f32 = mm(26.0);
const STUDIO_SIZE: f32 = 12.0;
const STUDIO_BASELINE: f32 = mm(20.0);
const TITLE_SIZE: f32 = 20.0;
const TITLE_BASELINE: f32 = mm(31.0);
const META_SIZE: f32 = 10.5;
const META_BASELINE: f32 = mm(41.0);
const TABLE_TOP: f32 = mm(45.0);
const CONT_TOP: f32 = mm(20.0);
const TABLE_BOTTOM: f32 = PAGE.h - mm(20.0);
const BODY: f32 = 10.5;
const LEADING: f32 = BODY * 1.5;
const PAD_X: f32 = mm(2.5);
const PAD_Y: f32 = mm(2.0);
const INDENT_EM: f32 = 2.0;
const FOOT_SIZE: f32 = 9.0;
const FOOT_BASELINE: f32 = PAGE.h - mm(11.0);
const OUTER: f32 = 1.0;
const INNER: f32 = 0.5;

/// A laid-out proposal form.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalLayout {
    pub pages: Vec<PageLayout>,
}

/// One row of the table: the label and its wrapped lines.
struct Section {
    label: &'static str,
    lines: Vec<Line>,
}

struct Pager<'a> {
    fitter: Fitter<'a>,
    pages: Vec<PageLayout>,
    page: PageLayout,
    /// Top of the table on this page, and where the next row starts.
    top: f32,
    y: f32,
}

impl Pager<'_> {
    fn close_page(&mut self) {
        let table = Rect {
            x: LEFT,
            y: self.top,
            w: WIDTH,
            h: self.y - self.top,
        };
        if table.h > 0.0 {
            self.page.frames.push(Frame {
                rect: table,
                width: OUTER,
            });
        }
        self.pages.push(std::mem::take(&mut self.page));
        self.top = CONT_TOP;
        self.y = CONT_TOP;
    }

    /// One section, split over pages as needed.
    fn section(&mut self, s: &Section) {
        let mut rest: &[Line] = &s.lines;
        let mut first = true;
        loop {
            let room = TABLE_BOTTOM - self.y - 2.0 * PAD_Y;
            let fits = ((room / LEADING) + 1e-3).floor().max(0.0) as usize;
            // A section starts on a new page rather than with fewer than two lines.
            if fits < rest.len().clamp(1, 2) {
                self.close_page();
                continue;
            }
            let take = rest.len().min(fits).max(1);
            let (now, later) = rest.split_at(take.min(rest.len()));
            let h = (now.len().max(1) as f32) * LEADING + 2.0 * PAD_Y;
            let top = self.y;
            let label = if first {
                s.label.to_string()
            } else {
                format!("{}（续）", s.label)
            };
            let label_cell = Rect {
                x: LEFT,
                y: top,
                w: LABEL_W,
                h,
            };
            self.fitter
                .stacked_label(&mut self.page, label_cell, &label);
            let text_w = WIDTH - LABEL_W - 2.0 * PAD_X;
            for (i, line) in now.iter().enumerate() {
                if line.text.is_empty() {
                    continue;
                }
                let baseline = top
                    + PAD_Y
                    + i as f32 * LEADING
                    + LEADING / 2.0
                    + self.fitter.font.em_middle() * BODY;
                let spacing = line.char_spacing(text_w / BODY) * BODY;
                let gaps = line.text.chars().count().saturating_sub(1) as f32;
                self.page.texts.push(TextRun {
                    x: LEFT + LABEL_W + PAD_X + line.indent * BODY,
                    baseline,
                    size: BODY,
                    char_spacing: spacing,
                    bold: false,
                    text: line.text.clone(),
                    width: line.width * BODY + spacing * gaps,
                });
            }
            self.page.rules.push(Rule {
                x1: LEFT + LABEL_W,
                y1: top,
                x2: LEFT + LABEL_W,
                y2: top + h,
                width: INNER,
            });
            self.y = top + h;
            if self.y < TABLE_BOTTOM - 1.0 {
                self.page.rules.push(Rule {
                    x1: LEFT,
                    y1: self.y,
                    x2: LEFT + WIDTH,
                    y2: self.y,
                    width: INNER,
                });
            }
            rest = later;
            first = false;
            if rest.is_empty() {
                return;
            }
            self.close_page();
        }
    }
}

fn centred(
    fitter: &Fitter<'_>,
    page: &mut PageLayout,
    text: &str,
    size: f32,
    baseline: f32,
    bold: bool,
) {
    if text.is_empty() {
        return;
    }
    let w = fitter.width(text, size);
    page.texts.push(TextRun {
        x: (PAGE.w - w) / 2.0,
        baseline,
        size,
        char_spacing: 0.0,
        bold,
        text: text.to_string(),
        width: w,
    });
}

pub(crate) fn layout_proposal(
    font: &CardFont,
    form: &ProposalForm,
    missing: &mut MissingChars,
) -> Result<ProposalLayout, PrintError> {
    if form.items.len() > MAX_PROPOSAL_ENTRIES || form.answers.len() > MAX_PROPOSAL_ENTRIES {
        return Err(PrintError::BadReport(format!(
            "一件提议最多打印 {MAX_PROPOSAL_ENTRIES} 件关联事项和 {MAX_PROPOSAL_ENTRIES} 个承办单位"
        )));
    }
    let fitter = Fitter { font };
    let mut clean = |s: &str| font.sanitize(s.trim(), missing);
    let text_w = WIDTH - LABEL_W - 2.0 * PAD_X;
    let wrap = |t: &str, indent: f32| -> Vec<Line> {
        let t = if t.is_empty() { "—" } else { t };
        fitter.wrap(t, text_w, BODY, indent)
    };
    let answers: Vec<String> = form
        .answers
        .iter()
        .map(|a| {
            let mut p = format!("【{}】{}", a.unit.trim(), a.referral.trim());
            let answer = match a.answer.trim() {
                "" => "尚未答复".to_string(),
                t => t.to_string(),
            };
            p.push('\n');
            p.push_str(&answer);
            for extra in [&a.answered, &a.evaluation] {
                if !extra.trim().is_empty() {
                    p.push('\n');
                    p.push_str(extra.trim());
                }
            }
            p
        })
        .collect();
    let mut sections = vec![
        Section {
            label: "标题",
            lines: wrap(&clean(&form.title), 0.0),
        },
        Section {
            label: "问题",
            lines: wrap(&clean(&form.problem), INDENT_EM),
        },
        Section {
            label: "建议",
            lines: wrap(&clean(&form.suggestion), INDENT_EM),
        },
        Section {
            label: "关联事项",
            lines: wrap(&clean(&form.items.join("\n")), 0.0),
        },
        Section {
            label: "团内讨论",
            lines: wrap(&clean(&form.discussion), 0.0),
        },
        Section {
            label: "承办单位答复",
            lines: wrap(&clean(&answers.join("\n")), 0.0),
        },
    ];
    if !form.outcome.trim().is_empty() {
        sections.push(Section {
            label: "办理结果",
            lines: wrap(&clean(&form.outcome), 0.0),
        });
    }
    let mut first = PageLayout::default();
    centred(
        &fitter,
        &mut first,
        &clean(&form.studio_name),
        STUDIO_SIZE,
        STUDIO_BASELINE,
        false,
    );
    centred(
        &fitter,
        &mut first,
        PROPOSAL_TITLE,
        TITLE_SIZE,
        TITLE_BASELINE,
        true,
    );
    let meta = [
        ("编号", &form.number),
        ("代表团", &form.delegation),
        ("起草日期", &form.drafted_on),
        ("状态", &form.status),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(l, v)| format!("{l}：{}", v.trim()))
    .collect::<Vec<_>>()
    .join("　　");
    let meta = clean(&meta);
    let fit = fitter.fit(&meta, WIDTH, META_SIZE * 1.5, META_SIZE);
    if let Some(line) = fit.lines.first() {
        fitter.run(&mut first, LEFT, META_BASELINE, fit.size, line);
    }
    let mut pager = Pager {
        fitter: Fitter { font },
        pages: Vec::new(),
        page: first,
        top: TABLE_TOP,
        y: TABLE_TOP,
    };
    for s in &sections {
        pager.section(s);
    }
    pager.close_page();
    let mut pages = pager.pages;
    let n = pages.len();
    let footer = clean(&form.footer);
    for (i, p) in pages.iter_mut().enumerate() {
        fitter.run(p, LEFT, FOOT_BASELINE, FOOT_SIZE, &footer);
        let number = format!("第 {} 页 共 {n} 页", i + 1);
        let w = fitter.width(&number, FOOT_SIZE);
        fitter.run(p, LEFT + WIDTH - w, FOOT_BASELINE, FOOT_SIZE, &number);
    }
    Ok(ProposalLayout { pages })
}
