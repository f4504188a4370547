//! The reception schedule wall poster (接待安排): what is printed on it. Plain strings, as
//! for the card: the caller formats dates, times and names its own way and maps its
//! schedule onto these, so this crate never depends on the core.

/// Upper bound on rows per poster: a month holds a few dozen reception slots; this only
/// stops a runaway request from building a huge PDF in memory.
pub const MAX_POSTER_ROWS: usize = 1_000;

/// One month's reception plan, printed as an A4 landscape poster for the studio's wall
/// (see [`render_poster`](crate::render_poster)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Poster {
    /// The heading, e.g. "党代表工作室接待安排（2026年12月）".
    pub title: String,
    /// The studio's name, printed at the bottom right as the notice's signature (落款);
    /// empty prints nothing.
    pub studio_name: String,
    /// The reception slots, in the order printed. At least one.
    pub rows: Vec<PosterRow>,
    /// 专线电话, from 设置; empty leaves the entry out.
    pub hotline: String,
    /// 开放时间, from 设置; empty leaves the entry out.
    pub opening_hours: String,
    /// An optional line under the table, e.g. "如有调整，以工作室通知为准。"; printed as
    /// given (at most three lines).
    pub note: String,
}

/// One reception slot: a row of the poster's table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PosterRow {
    /// 日期, e.g. "12月1日". Consecutive rows of the same date and weekday on one page
    /// share one merged cell.
    pub date: String,
    /// 星期, e.g. "周二".
    pub weekday: String,
    /// 时间, e.g. "14:30—17:00".
    pub time: String,
    /// 地点, e.g. "党代表工作室" or "网上工作室".
    pub place: String,
    /// 接待党代表: one entry per delegate on duty, e.g. "张建华（理工代表团）". Entries
    /// are never broken across lines unless one alone is wider than the cell.
    pub delegates: Vec<String>,
}
