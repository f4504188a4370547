//! The printed proposal form (党代表提议): the PDF's text as poppler's `pdftotext` reads it, and a
//! long one continuing on a second page. poppler-utils is required, as in `pdf_output.rs`.
//!
//! To look at it: `STUDIO_PRINT_LOOK_DIR=/some/dir cargo test -p studio-print --test proposal`
//! leaves the PDFs there.

mod common;

use std::process::Command;

use studio_print::{render_proposal, ProposalAnswer, ProposalForm};

fn form() -> ProposalForm {
    ProposalForm {
        studio_name: "党代表工作室".into(),
        number: "2026-0007".into(),
        delegation: "理工代表团".into(),
        drafted_on: "2026-11-03".into(),
        status: "单位答复".into(),
        title: "关于延长学生食堂晚餐供应时间的提议".into(),
        problem: "晚课和实验结束后食堂已停止供应。".into(),
        suggestion: "建议将一食堂晚餐供应延长至二十点。".into(),
        discussion: "讨论日期：2026-11-07\n参加人员：全团党代表\n讨论结果：同意提交".into(),
        items: vec![
            "2026-0012　食堂晚餐供应时间短（办结）".into(),
            "2026-0031　晚课后无处就餐（办理中）".into(),
            "2026-0044　实验结束后食堂已关门（受理）".into(),
        ],
        answers: vec![
            ProposalAnswer {
                unit: "后勤管理处".into(),
                referral: "交办 2026-11-15，10 个工作日，答复期限 2026-11-27".into(),
                answer: "已调整一食堂营业时间。".into(),
                answered: "答复日期：2026-11-19".into(),
                evaluation: "评价：满意".into(),
            },
            ProposalAnswer {
                unit: "教务处".into(),
                referral: "交办 2026-11-15，15 个工作日，答复期限 2026-12-04".into(),
                ..Default::default()
            },
        ],
        outcome: String::new(),
        footer: "打印日期 2026-12-03".into(),
    }
}

fn text_of(pdf: &[u8], name: &str) -> String {
    let dir = std::env::var("STUDIO_PRINT_LOOK_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let path = dir.join(format!("proposal-{name}-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is required");
    assert!(out.status.success());
    if std::env::var("STUDIO_PRINT_LOOK_DIR").is_err() {
        let _ = std::fs::remove_file(&path);
    }
    String::from_utf8(out.stdout).unwrap()
}

/// pdftotext puts spaces and line breaks where the layout has gaps: compare without them.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_form_carries_every_part() {
    let r = render_proposal(&form()).unwrap();
    assert_eq!(r.page_count, 1);
    assert!(r.missing_chars.is_empty(), "{:?}", r.missing_chars);
    let text = squeeze(&text_of(&r.pdf, "one"));
    for want in [
        "党代表提议",
        "编号：2026-0007",
        "代表团：理工代表团",
        "关于延长学生食堂晚餐供应时间的提议",
        "晚课和实验结束后食堂已停止供应。",
        "建议将一食堂晚餐供应延长至二十点。",
        "2026-0012",
        "2026-0044",
        "【后勤管理处】交办2026-11-15",
        "已调整一食堂营业时间。",
        "评价：满意",
        "【教务处】",
        "尚未答复",
        "第1页共1页",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
}

#[test]
fn a_long_proposal_continues_with_the_label_repeated() {
    let mut f = form();
    f.problem = common::long_text(2400);
    let r = render_proposal(&f).unwrap();
    assert!(r.page_count >= 2, "{}", r.page_count);
    let text = squeeze(&text_of(&r.pdf, "long"));
    assert!(
        text.contains("问题（续）") || text.contains("问题(续)"),
        "{text}"
    );
    assert!(text.contains(&format!("第2页共{}页", r.page_count)));
    // The answers still come after the continued problem.
    assert!(text.find("已调整一食堂营业时间").unwrap() > text.find("问题（续）").unwrap_or(0));
}
