//! The query-code slip (查询码回执): what is printed on it. Plain strings, as for the card
//! and the poster: the caller formats its dates and labels its own way, so this crate
//! never depends on the core.
//!
//! A slip is what a visitor takes home from the kiosk after 有事找代表 or 约见党代表: the
//! query code, large, and how to use it. It carries no personal data unless the caller
//! passes some, and the core passes none (no name, no phone).

/// Upper bound on label → value lines: a slip holds a handful; this only stops a runaway
/// request (they would not fit the small page anyway).
pub const MAX_SLIP_LINES: usize = 12;

/// One query-code slip, printed on a single A6 portrait page (105 × 148 mm; see
/// [`render_slip`](crate::render_slip)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slip {
    /// The studio's name, centred at the top; empty prints nothing.
    pub studio_name: String,
    /// What the slip is for, e.g. "有事找代表 回执" or "约见申请 回执"; empty prints nothing.
    pub heading: String,
    /// The query code as the visitor is to type it, e.g. "K7QM-3XPA": printed very large and
    /// letter-spaced in a ruled box, exactly as given (trimmed). Required.
    pub query_code: String,
    /// Label → value, in the order printed, e.g. ("提交日期", "2026-12-03"),
    /// ("问题类别", "政策咨询"), ("约见代表", "张建华"). A line with an empty value is left
    /// out. At most [`MAX_SLIP_LINES`].
    pub lines: Vec<(String, String)>,
    /// What to do with the code, e.g. "凭查询码和手机号后四位，可在工作室自助终端或网上工作室
    /// 查询办理进度。": wrapped under the lines; newlines start paragraphs.
    pub instructions: String,
    /// 专线电话, from 设置; empty leaves the entry out.
    pub hotline: String,
}
