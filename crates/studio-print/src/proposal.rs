//! The printed proposal form (党代表提议): what is printed on it. Plain strings, as for the
//! card and the poster: the caller formats its dates and labels its own way.

/// Upper bound on linked items and on units: a proposal holds a handful of each; this only
/// stops a runaway request.
pub const MAX_PROPOSAL_ENTRIES: usize = 100;

/// One unit's part of the referral: printed as a paragraph under 承办单位答复.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalAnswer {
    /// 承办单位.
    pub unit: String,
    /// e.g. "交办 2026-05-06，答复期限 2026-05-20".
    pub referral: String,
    /// The answer's text; empty prints "尚未答复".
    pub answer: String,
    /// e.g. "答复日期 2026-05-18"; empty prints nothing.
    pub answered: String,
    /// e.g. "评价：满意"; empty prints nothing.
    pub evaluation: String,
}

/// One proposal form, A4 portrait, as many pages as its texts need (see
/// [`render_proposal`](crate::render_proposal)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalForm {
    /// The studio's name, over the title; empty prints nothing.
    pub studio_name: String,
    /// 编号.
    pub number: String,
    /// 代表团.
    pub delegation: String,
    /// 起草日期.
    pub drafted_on: String,
    /// 状态 as users read it.
    pub status: String,
    pub title: String,
    /// 问题.
    pub problem: String,
    /// 建议.
    pub suggestion: String,
    /// 团内讨论: date, participants and outcome in one text; empty prints "—".
    pub discussion: String,
    /// 关联事项, one line each: "2026-0012　食堂晚餐供应时间短".
    pub items: Vec<String>,
    /// 承办单位答复, one per unit.
    pub answers: Vec<ProposalAnswer>,
    /// 不予立案 / 办结 and the like, printed last when not empty.
    pub outcome: String,
    /// The footer's left text, e.g. "打印日期 2026-12-03".
    pub footer: String,
}
