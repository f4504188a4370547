//! The delegate roster (党代表名册): delegations (代表团) and delegates (党代表).

pub(crate) mod photo;
mod pinyin;
mod public;
mod service;
pub(crate) mod validate;

pub use photo::{PHOTO_MAX_BYTES, PHOTO_MAX_DIMENSION, THUMB_SIZE};
pub use pinyin::{initials, pinyin_full};
pub use public::{public_profile, PublicDelegate};
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "男",
            Gender::Female => "女",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// 在任 / 离任. A delegate who leaves is marked, never deleted: cards and items keep pointing at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegateStatus {
    Active,
    Left,
}

impl DelegateStatus {
    pub const ALL: [DelegateStatus; 2] = [DelegateStatus::Active, DelegateStatus::Left];

    pub fn label(self) -> &'static str {
        match self {
            DelegateStatus::Active => "在任",
            DelegateStatus::Left => "离任",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            DelegateStatus::Active => "active",
            DelegateStatus::Left => "left",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(DelegateStatus::Active),
            "left" => Some(DelegateStatus::Left),
            _ => None,
        }
    }
}

/// Which fields the online studio may show (代表风采). The name is always public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PublishFlags {
    pub unit_position: bool,
    pub mobile: bool,
    pub office_phone: bool,
    pub email: bool,
    pub photo: bool,
    pub bio: bool,
    pub pledge: bool,
}

impl PublishFlags {
    /// What the plan says the online studio shows: name, unit and position, phone, e-mail, pledge.
    /// A private mobile number stays private unless someone ticks it.
    pub fn recommended() -> Self {
        PublishFlags {
            unit_position: true,
            mobile: false,
            office_phone: true,
            email: true,
            photo: true,
            bio: true,
            pledge: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Delegation {
    pub id: String,
    pub name: String,
    pub head_delegate_id: Option<String>,
    pub note: String,
    pub display_order: i64,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A delegation as lists show it: with its head's name and how many delegates are in office.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DelegationSummary {
    pub id: String,
    pub name: String,
    pub head_delegate_id: Option<String>,
    pub head_name: Option<String>,
    pub note: String,
    pub display_order: i64,
    pub active_count: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DelegationInput {
    pub name: String,
    pub head_delegate_id: Option<String>,
    pub note: String,
    pub display_order: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Delegate {
    pub id: String,
    pub name: String,
    pub gender: Gender,
    pub delegation_id: String,
    pub unit: String,
    pub position: String,
    pub mobile: String,
    pub office_phone: String,
    pub email: String,
    /// File name of the photo in the database's files folder, if one was set.
    pub photo: Option<String>,
    pub bio: String,
    pub pledge: String,
    /// e.g. 第三届（2021–2026）.
    pub term: String,
    pub status: DelegateStatus,
    pub left_on: Option<String>,
    pub display_order: i64,
    pub publish: PublishFlags,
    /// The delegate agreed that the online studio and the kiosk show them (个人信息保护法). Without
    /// it nothing of theirs is published, whatever `publish` says: see [`public_profile`].
    pub publish_consent: bool,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A delegate's full record as exported (党代表名册): the record and their delegation's name.
#[derive(Debug, Clone, Serialize)]
pub struct DelegateExport {
    #[serde(flatten)]
    pub delegate: Delegate,
    pub delegation_name: String,
}

/// What a form sends to create or edit a delegate.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DelegateInput {
    pub name: String,
    pub gender: Gender,
    pub delegation_id: String,
    pub unit: String,
    pub position: String,
    pub mobile: String,
    pub office_phone: String,
    pub email: String,
    pub bio: String,
    pub pledge: String,
    pub term: String,
    pub display_order: i64,
    pub publish: PublishFlags,
    pub publish_consent: bool,
}

impl Default for DelegateInput {
    fn default() -> Self {
        DelegateInput {
            name: String::new(),
            gender: Gender::Male,
            delegation_id: String::new(),
            unit: String::new(),
            position: String::new(),
            mobile: String::new(),
            office_phone: String::new(),
            email: String::new(),
            bio: String::new(),
            pledge: String::new(),
            term: String::new(),
            display_order: 0,
            publish: PublishFlags::recommended(),
            publish_consent: false,
        }
    }
}

/// One row of the roster list. Phone numbers are masked: lists never show them in full.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DelegateListItem {
    pub id: String,
    pub name: String,
    pub gender: Gender,
    pub delegation_id: String,
    pub delegation_name: String,
    pub unit: String,
    pub position: String,
    pub mobile_masked: String,
    pub status: DelegateStatus,
    pub term: String,
    pub has_photo: bool,
    pub display_order: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegateSort {
    /// Delegation order, then the delegate's display order, then pinyin.
    #[default]
    Roster,
    Name,
    Unit,
    UpdatedDesc,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DelegateQuery {
    /// Name, pinyin, pinyin initials ("zjh") or unit; empty for all.
    pub q: String,
    pub delegation_id: Option<String>,
    pub status: Option<DelegateStatus>,
    pub sort: DelegateSort,
    pub page: PageRequest,
}
