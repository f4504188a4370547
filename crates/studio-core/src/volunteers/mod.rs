//! 联络员与志愿者: the studio's liaison officers and its volunteer team (the source document: party
//! members first, with 入党积极分子 and 共青团员 beside them). Name, unit, contact, political status,
//! role, since, until, notes. Lists mask the contact (a phone like every list, an e-mail's name);
//! the full record needs `ReadPersonalData` and its opening is logged. Kept with `EditStudio`.

mod service;

pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerRole {
    /// 联络员
    Liaison,
    /// 志愿者
    Volunteer,
}

impl VolunteerRole {
    pub const ALL: [VolunteerRole; 2] = [VolunteerRole::Liaison, VolunteerRole::Volunteer];

    pub fn label(self) -> &'static str {
        match self {
            VolunteerRole::Liaison => "联络员",
            VolunteerRole::Volunteer => "志愿者",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VolunteerRole::Liaison => "liaison",
            VolunteerRole::Volunteer => "volunteer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// 政治面貌 of a liaison officer or volunteer, in the order the registry lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerStatus {
    PartyMember,
    ProbationaryMember,
    Activist,
    LeagueMember,
    Masses,
    Other,
}

impl VolunteerStatus {
    pub const ALL: [VolunteerStatus; 6] = [
        VolunteerStatus::PartyMember,
        VolunteerStatus::ProbationaryMember,
        VolunteerStatus::Activist,
        VolunteerStatus::LeagueMember,
        VolunteerStatus::Masses,
        VolunteerStatus::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VolunteerStatus::PartyMember => "中共党员",
            VolunteerStatus::ProbationaryMember => "中共预备党员",
            VolunteerStatus::Activist => "入党积极分子",
            VolunteerStatus::LeagueMember => "共青团员",
            VolunteerStatus::Masses => "群众",
            VolunteerStatus::Other => "其他",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VolunteerStatus::PartyMember => "party_member",
            VolunteerStatus::ProbationaryMember => "probationary_member",
            VolunteerStatus::Activist => "activist",
            VolunteerStatus::LeagueMember => "league_member",
            VolunteerStatus::Masses => "masses",
            VolunteerStatus::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A liaison officer or volunteer as stored and as the change log records it (the full contact).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Volunteer {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// A phone number or an e-mail address.
    pub contact: String,
    pub political_status: VolunteerStatus,
    pub role: VolunteerRole,
    /// `YYYY-MM-DD`.
    pub since: String,
    /// `YYYY-MM-DD`; empty while serving.
    pub until: Option<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// One row of the list: the contact masked, whether they serve on the context's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VolunteerListItem {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub contact_masked: String,
    pub political_status: VolunteerStatus,
    pub role: VolunteerRole,
    pub since: String,
    pub until: Option<String>,
    pub active: bool,
    pub notes: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VolunteerInput {
    pub name: String,
    pub unit: String,
    pub contact: String,
    pub political_status: Option<VolunteerStatus>,
    pub role: Option<VolunteerRole>,
    pub since: String,
    /// Empty or absent while serving.
    #[serde(default)]
    pub until: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct VolunteerQuery {
    /// Words in the name, unit or notes.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub role: Option<VolunteerRole>,
    #[serde(default)]
    pub political_status: Option<VolunteerStatus>,
    /// Only those serving on the context's day.
    #[serde(default)]
    pub active_only: bool,
    #[serde(default)]
    pub page: PageRequest,
}
