//! Errors of the print pipeline. Messages are Chinese because they reach the desk staff as-is.

/// Why a document could not be printed.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// Nothing to print: an empty batch of cards or zero copies.
    #[error("没有要打印的记录卡")]
    NoCards,
    /// More pages than one print job should hold; protects against a runaway copy count.
    #[error("一次最多打印 {max} 张记录卡，本次请求 {requested} 张")]
    TooManyCards { requested: usize, max: usize },
    /// A reception schedule poster without a single slot: an empty sheet is never wanted.
    #[error("接待安排中没有任何接待时段，无法生成海报：请先添加本月的接待安排")]
    EmptyPoster,
    /// More rows than one poster should hold.
    #[error("一张接待安排海报最多 {max} 个接待时段，本次请求 {requested} 个")]
    TooManyPosterRows { requested: usize, max: usize },
    /// A report table whose parts do not agree (columns, groups, cells).
    #[error("报表无法打印：{0}")]
    BadReport(String),
    /// A query-code slip without its code: the code is the slip's whole point.
    #[error("回执缺少查询码，无法打印")]
    NoQueryCode,
    /// More label → value lines than one slip should hold.
    #[error("一张回执最多 {max} 行信息，本次请求 {requested} 行")]
    TooManySlipLines { requested: usize, max: usize },
    /// A wall document (上墙制度) with no text at all.
    #[error("上墙文件没有内容，无法打印：请先填写正文")]
    EmptyWall,
    /// More blocks than one wall document should hold.
    #[error("一份上墙文件最多 {max} 段，本次 {requested} 段")]
    TooManyWallBlocks { requested: usize, max: usize },
    /// The contact date is not a calendar date.
    #[error("联系日期无效：{year}年{month}月{day}日")]
    InvalidDate { year: i32, month: u32, day: u32 },
    /// The print font could not be read (the shipped one: a broken build; a chosen one: not
    /// a usable TrueType/OpenType file).
    #[error("打印字体无法读取：{0}")]
    Font(String),
    /// The font subset for the document could not be built.
    #[error("生成字体子集失败：{0}")]
    Subset(String),
    /// The PDF writer failed.
    #[error("生成 PDF 失败：{0}")]
    Pdf(String),
    /// The caller's progress callback asked to stop; nothing was produced.
    #[error("已取消")]
    Cancelled,
}
