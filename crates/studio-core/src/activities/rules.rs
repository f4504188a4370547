//! What the activity screens show, from the core's own definitions: kinds, the survey lights,
//! field and attachment limits.

use serde::Serialize;
use ts_rs::TS;

use super::attachments::{ATTACHMENTS_MAX, ATTACHMENT_MAX_BYTES, EXTENSIONS, FILE_NAME_MAX};
use super::validate::{
    DAYS_MAX, DELEGATES_MAX, HEAD_MAX, ITEMS_MAX, PLACE_MAX, SUMMARY_MAX, TOPIC_MAX, UNITS_MAX,
    UNIT_MAX,
};
use super::{ActivityKind, SurveyLight};
use crate::rules::{labelled, Labelled};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActivityLimits {
    pub topic: u32,
    pub place: u32,
    pub summary: u32,
    pub unit: u32,
    pub head: u32,
    pub delegates: u32,
    pub units: u32,
    pub items: u32,
    /// Longest activity, in days.
    pub days: u32,
    pub attachment_bytes: u32,
    pub attachments: u32,
    pub file_name: u32,
    /// Accepted file extensions (lower case, no dot).
    pub extensions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActivityRules {
    pub kinds: Vec<Labelled<ActivityKind>>,
    /// The kind the yearly survey indicator counts.
    pub survey_kind: ActivityKind,
    pub lights: Vec<Labelled<SurveyLight>>,
    /// The survey indicator turns red from this day of the year (`MM-DD`) without a survey.
    pub red_from: String,
    pub limits: ActivityLimits,
}

impl ActivityRules {
    pub fn current() -> Self {
        ActivityRules {
            kinds: labelled(&ActivityKind::ALL, ActivityKind::label),
            survey_kind: ActivityKind::FieldSurvey,
            lights: labelled(&SurveyLight::ALL, SurveyLight::label),
            red_from: super::indicator::half_year(2000)
                .format("%m-%d")
                .to_string(),
            limits: ActivityLimits {
                topic: TOPIC_MAX as u32,
                place: PLACE_MAX as u32,
                summary: SUMMARY_MAX as u32,
                unit: UNIT_MAX as u32,
                head: HEAD_MAX as u32,
                delegates: DELEGATES_MAX as u32,
                units: UNITS_MAX as u32,
                items: ITEMS_MAX as u32,
                days: DAYS_MAX as u32,
                attachment_bytes: ATTACHMENT_MAX_BYTES as u32,
                attachments: ATTACHMENTS_MAX as u32,
                file_name: FILE_NAME_MAX as u32,
                extensions: EXTENSIONS.iter().map(|e| e.to_string()).collect(),
            },
        }
    }
}
