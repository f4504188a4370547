//! What the online studio and the kiosk may show of a delegate (代表风采).
//!
//! One pure function so the kiosk, the portal and any export agree: nothing without the delegate's
//! consent, nothing of a delegate who has left, and of the rest only the fields they ticked.

use serde::Serialize;
use ts_rs::TS;

use super::{Delegate, DelegateStatus};

/// A delegate as the public sees them. A field is `None` when the delegate did not allow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublicDelegate {
    pub id: String,
    pub name: String,
    pub delegation_id: String,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub mobile: Option<String>,
    pub office_phone: Option<String>,
    pub email: Option<String>,
    /// File name of the photo in the files folder.
    pub photo: Option<String>,
    pub bio: Option<String>,
    pub pledge: Option<String>,
}

/// The public view of `d`, or `None` when they are not to be shown at all (no consent, or left).
pub fn public_profile(d: &Delegate) -> Option<PublicDelegate> {
    if !d.publish_consent || d.status != DelegateStatus::Active {
        return None;
    }
    let f = d.publish;
    let keep = |allowed: bool, value: &str| {
        (allowed && !value.trim().is_empty()).then(|| value.to_string())
    };
    Some(PublicDelegate {
        id: d.id.clone(),
        name: d.name.clone(),
        delegation_id: d.delegation_id.clone(),
        unit: keep(f.unit_position, &d.unit),
        position: keep(f.unit_position, &d.position),
        mobile: keep(f.mobile, &d.mobile),
        office_phone: keep(f.office_phone, &d.office_phone),
        email: keep(f.email, &d.email),
        photo: d.photo.clone().filter(|_| f.photo),
        bio: keep(f.bio, &d.bio),
        pledge: keep(f.pledge, &d.pledge),
    })
}
