//! The data printed on a card. Plain strings and small enums: the caller maps its own
//! domain types onto these, so this crate never depends on the core.

use crate::PrintError;

/// The date of the contact, as printed in the 联系日期 line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CardDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CardDate {
    /// A date, checked against the Gregorian calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, PrintError> {
        let date = CardDate { year, month, day };
        date.validate()?;
        Ok(date)
    }

    /// The fields are public so callers can build the struct directly; rendering checks
    /// them again here rather than printing "2024年13月45日" on an official record.
    pub fn validate(&self) -> Result<(), PrintError> {
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0;
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        };
        if (1..=9999).contains(&self.year) && self.day >= 1 && self.day <= days {
            Ok(())
        } else {
            Err(PrintError::InvalidDate {
                year: self.year,
                month: self.month,
                day: self.day,
            })
        }
    }
}

/// 联系形式: the five boxes of the card, exactly one of which is ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// 党代表工作室
    Studio,
    /// 网上工作室
    Online,
    /// 约见
    Appointment,
    /// 走访慰问
    HomeVisit,
    /// 其他形式
    Other,
}

impl Channel {
    /// In the order the card prints them.
    pub const ALL: [Channel; 5] = [
        Channel::Studio,
        Channel::Online,
        Channel::Appointment,
        Channel::HomeVisit,
        Channel::Other,
    ];

    /// The printed label, as on the official card.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Studio => "党代表工作室",
            Channel::Online => "网上工作室",
            Channel::Appointment => "约见",
            Channel::HomeVisit => "走访慰问",
            Channel::Other => "其他形式",
        }
    }
}

/// Everything written on one filled card. Empty strings print as empty cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardData {
    /// 联系日期; `None` leaves the blanks to fill by hand.
    pub contact_date: Option<CardDate>,
    /// 党代表 · 姓名
    pub delegate_name: String,
    /// 党代表 · 所在代表团
    pub delegation: String,
    /// 党代表 · 工作单位及职务
    pub delegate_unit_position: String,
    /// 党代表 · 联系电话
    pub delegate_phone: String,
    /// 联系对象 · 姓名 (the main person when several came together)
    pub person_name: String,
    /// 联系对象 · 性别
    pub person_gender: String,
    /// 联系对象 · 年龄 (a string: "45", "45岁", or empty when not given)
    pub person_age: String,
    /// 联系对象 · 政治面貌
    pub person_political_status: String,
    /// 联系对象 · 工作单位及职务
    pub person_unit_position: String,
    /// 联系对象 · 联系电话
    pub person_phone: String,
    /// 联系对象 · 详细通讯地址或 E-mail
    pub person_address: String,
    /// 联系形式; `None` leaves every box empty.
    pub channel: Option<Channel>,
    /// What "其他形式" was, printed after its box when `channel` is `Other`.
    pub channel_other_text: String,
    /// How many people came together (说明 3); printed beside the name when 2 or more.
    pub group_size: Option<u32>,
    /// 党员和群众所提意见建议或问题 (long text; newlines start paragraphs)
    pub opinion: String,
    /// 党代表处理意见及办理情况 (long text; newlines start paragraphs)
    pub handling: String,
}

/// One card of a print job: a blank form to fill by hand, or a filled record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Card {
    Blank,
    /// Boxed: a card is large and batches hold many blanks.
    Filled(Box<CardData>),
}

impl Card {
    pub fn filled(data: CardData) -> Self {
        Card::Filled(Box::new(data))
    }
}

/// A finished PDF: cards or a poster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The whole document, ready to save or hand to a print dialog.
    pub pdf: Vec<u8>,
    /// Characters the font has no glyph for, in order of first appearance. Each was
    /// printed as 〓 so the gap is visible on paper; show this list to the user.
    pub missing_chars: Vec<char>,
    /// Pages in the document (a long card takes more than one; so does a poster whose
    /// rows do not fit one sheet).
    pub page_count: usize,
    /// Cards in the document; 0 for a document that holds no cards (the poster).
    pub card_count: usize,
}
