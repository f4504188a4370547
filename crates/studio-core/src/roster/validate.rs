//! Roster input rules: normalise what people type, then check it. Nothing is saved on failure.

use super::{DelegateInput, DelegationInput};
use crate::error::Result;
use crate::validate::{compact, normalize_office_phone, Checker};

/// Field limits, in characters (the UI reads them from `rules::Rules`).
pub const DELEGATION_NAME_MAX: usize = 40;
pub const DELEGATION_NOTE_MAX: usize = 500;
pub const NAME_MAX: usize = 20;
pub const UNIT_MAX: usize = 60;
pub const POSITION_MAX: usize = 60;
pub const BIO_MAX: usize = 2000;
pub const PLEDGE_MAX: usize = 1000;
pub const TERM_MAX: usize = 30;

pub(super) fn delegation(input: &DelegationInput) -> Result<DelegationInput> {
    let out = DelegationInput {
        name: input.name.trim().to_string(),
        head_delegate_id: input
            .head_delegate_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        note: input.note.trim().to_string(),
        display_order: input.display_order,
    };
    let mut c = Checker::new();
    c.required("name", "代表团名称", &out.name, DELEGATION_NAME_MAX);
    c.max_len("note", "备注", &out.note, DELEGATION_NOTE_MAX);
    c.order("display_order", out.display_order);
    c.finish()?;
    Ok(out)
}

pub(crate) fn delegate(input: &DelegateInput) -> Result<DelegateInput> {
    let office = input.office_phone.trim();
    let out = DelegateInput {
        name: input.name.trim().to_string(),
        delegation_id: input.delegation_id.trim().to_string(),
        unit: input.unit.trim().to_string(),
        position: input.position.trim().to_string(),
        mobile: compact(&input.mobile),
        office_phone: normalize_office_phone(office).unwrap_or_else(|| office.to_string()),
        email: input.email.trim().to_ascii_lowercase(),
        bio: input.bio.trim().to_string(),
        pledge: input.pledge.trim().to_string(),
        term: input.term.trim().to_string(),
        ..input.clone()
    };
    let mut c = Checker::new();
    c.required("name", "姓名", &out.name, NAME_MAX);
    if out.delegation_id.is_empty() {
        c.add("delegation_id", "请选择所在代表团");
    }
    c.required("unit", "工作单位", &out.unit, UNIT_MAX);
    c.max_len("position", "职务", &out.position, POSITION_MAX);
    c.mobile("mobile", &out.mobile);
    c.office_phone("office_phone", &out.office_phone);
    if out.mobile.is_empty() && out.office_phone.is_empty() {
        c.add("mobile", "手机号码和办公电话至少填写一项");
    }
    c.email("email", &out.email);
    c.max_len("bio", "简介", &out.bio, BIO_MAX);
    c.max_len("pledge", "创先争优个人承诺", &out.pledge, PLEDGE_MAX);
    c.max_len("term", "届次", &out.term, TERM_MAX);
    c.order("display_order", out.display_order);
    c.finish()?;
    Ok(out)
}
