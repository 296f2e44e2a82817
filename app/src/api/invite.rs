//! Invites: made by an admin or a group's facilitators, shown as a link and
//! a QR code once, used by whoever holds the link.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Link;
use crate::error::AppError;
use crate::model::Role;

/// What the invite page may tell a visitor. An unknown, expired, used-up and
/// withdrawn code look the same from outside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStatus {
    Valid {
        role: Role,
        place: Option<String>,
        /// The visitor is signed in already and can take it for their own
        /// account.
        signed_in: bool,
    },
    NotValid,
}

/// An open invite as the people who made it see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub id: i64,
    pub role: Role,
    pub uses_left: i64,
    pub expires_at: i64,
}

/// The page that hands a new invite over: the link, its QR code, and what
/// it leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteShare {
    pub link: Link,
    pub role: Role,
    pub place: Option<String>,
    pub uses_left: i64,
    pub expires_at: i64,
    /// Where the person who made it goes back to.
    pub back: String,
}

pub const INVITE_USES_MAX: u32 = 100;
pub const INVITE_DAYS_MAX: u32 = 30;

#[cfg(feature = "ssr")]
mod ssr {
    use std::time::Duration;

    use super::*;
    use crate::api::store;
    use crate::model::Field;
    use crate::policy::{may_invite, InviteTarget};
    use crate::store::{InviteRow, NewInvite};

    pub fn view(row: InviteRow) -> InviteView {
        InviteView {
            id: row.id,
            role: row.role,
            uses_left: row.uses_left,
            expires_at: row.expires_at,
        }
    }

    /// Checks the caller may make this invite, makes it and sends them to
    /// the page that shows it.
    pub async fn make(target: InviteTarget, uses: u32, valid_days: u32) -> Result<(), AppError> {
        let (_, actor) = crate::auth::require_actor().await?;
        if !may_invite(&actor, target) {
            return Err(AppError::Forbidden);
        }
        let exists = match target {
            InviteTarget::Admin => true,
            InviteTarget::Facilitator { area } => store()?.area_name(area).await?.is_some(),
            InviteTarget::Member { group, .. } => store()?.group(group).await?.is_some(),
        };
        if !exists {
            return Err(AppError::NotFound);
        }
        if !(1..=INVITE_USES_MAX).contains(&uses) {
            return Err(AppError::Invalid(Field::Uses));
        }
        if !(1..=INVITE_DAYS_MAX).contains(&valid_days) {
            return Err(AppError::Invalid(Field::ValidDays));
        }
        let code = store()?
            .create_invite(NewInvite {
                target,
                uses,
                valid_for: Duration::from_secs(u64::from(valid_days) * 86_400),
                created_by: Some(actor.user_id),
            })
            .await?;
        tracing::info!(
            event = "invite_created",
            by = actor.user_id,
            role = target.role().as_str()
        );
        leptos_axum::redirect(&format!("/invite/{}/share", code.0));
        Ok(())
    }

    /// Where the maker of an invite manages it.
    pub fn home_of(target: InviteTarget) -> String {
        match target {
            InviteTarget::Admin => "/admin".to_owned(),
            InviteTarget::Facilitator { area } => format!("/admin/areas/{area}"),
            InviteTarget::Member { group, .. } => format!("/groups/{group}"),
        }
    }
}

/// Open to anyone: holding the code is the credential.
#[server(endpoint = "check_invite")]
pub async fn check_invite(code: String) -> Result<InviteStatus, AppError> {
    // Codes are 22 characters; anything far off is not worth a query.
    if code.is_empty() || code.len() > 64 {
        return Ok(InviteStatus::NotValid);
    }
    Ok(match crate::api::store()?.open_invite(&code).await? {
        Some(open) => InviteStatus::Valid {
            role: open.target.role(),
            place: open.place,
            signed_in: crate::auth::current_session().await?.is_some(),
        },
        None => InviteStatus::NotValid,
    })
}

/// A signed-in person uses an invite for their own account (a second
/// group, or becoming a peer mentor).
#[server(endpoint = "invite_accept")]
pub async fn accept_invite(code: String) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    crate::auth::count_try("invite", &code)?;
    let target = crate::api::store()?
        .accept_invite(&code, me.user_id)
        .await?;
    tracing::info!(
        event = "invite_accepted",
        user_id = me.user_id,
        role = target.role().as_str()
    );
    leptos_axum::redirect("/");
    Ok(())
}

/// A group's facilitators invite participants and peer mentors.
#[server(endpoint = "group_invite_create")]
pub async fn create_group_invite(
    group: i64,
    role: String,
    uses: u32,
    valid_days: u32,
) -> Result<(), AppError> {
    use crate::model::Field;
    use crate::policy::InviteTarget;

    let role = Role::parse(&role).ok_or(AppError::Invalid(Field::Role))?;
    ssr::make(InviteTarget::Member { group, role }, uses, valid_days).await
}

/// An admin invites a facilitator to work in an area.
#[server(endpoint = "facilitator_invite_create")]
pub async fn create_facilitator_invite(
    area: i64,
    uses: u32,
    valid_days: u32,
) -> Result<(), AppError> {
    use crate::policy::InviteTarget;

    ssr::make(InviteTarget::Facilitator { area }, uses, valid_days).await
}

/// The link and QR code of an open invite, for those who may make it.
#[server(endpoint = "invite_share")]
pub async fn share_invite(code: String) -> Result<InviteShare, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    let open = crate::api::store()?.open_invite(&code).await?;
    let open = open
        .filter(|open| crate::policy::may_invite(&actor, open.target))
        .ok_or(AppError::NotFound)?;
    Ok(InviteShare {
        link: super::links::link(&format!("/invite/{code}"))?,
        role: open.target.role(),
        place: open.place,
        uses_left: open.uses_left,
        expires_at: open.expires_at,
        back: ssr::home_of(open.target),
    })
}

/// Withdraws one of a group's open invites.
#[server(endpoint = "group_invite_withdraw")]
pub async fn withdraw_group_invite(group: i64, id: i64) -> Result<(), AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_group(&actor, group) {
        return Err(AppError::Forbidden);
    }
    if !crate::api::store()?
        .withdraw_group_invite(group, id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/groups/{group}"));
    Ok(())
}

/// Withdraws one of an area's open facilitator invites.
#[server(endpoint = "facilitator_invite_withdraw")]
pub async fn withdraw_facilitator_invite(area: i64, id: i64) -> Result<(), AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_areas(&actor) {
        return Err(AppError::Forbidden);
    }
    if !crate::api::store()?.withdraw_area_invite(area, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/admin/areas/{area}"));
    Ok(())
}

/// A group's open invites as its facilitators see them.
#[cfg(feature = "ssr")]
pub fn invite_views(rows: Vec<crate::store::InviteRow>) -> Vec<InviteView> {
    rows.into_iter().map(ssr::view).collect()
}

/// An area's open facilitator invites, for admins.
#[cfg(feature = "ssr")]
pub async fn area_invites(area: i64) -> Result<Vec<InviteView>, AppError> {
    Ok(crate::api::store()?
        .open_area_invites(area)
        .await?
        .into_iter()
        .map(ssr::view)
        .collect())
}
