//! What a facilitator sees of a participant: only what the participant
//! shares with them now, through the store's consent rule, and every item
//! shown is logged for the participant to see.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::{Page, SharedItem};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPerson {
    pub group_id: i64,
    pub group_name: String,
    pub user_id: i64,
    pub display_name: String,
    pub page: Page<SharedItem>,
}

/// The caller, if they run the group; to anyone else the group's people
/// look like nothing at all.
#[cfg(feature = "ssr")]
async fn facilitator_of(group: i64) -> Result<crate::policy::Actor, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !actor.facilitates(group) {
        return Err(AppError::NotFound);
    }
    Ok(actor)
}

/// The caller, if they run the group and the person is a participant of
/// it now.
#[cfg(feature = "ssr")]
async fn participant_of(group: i64, person: i64) -> Result<crate::policy::Actor, AppError> {
    let actor = facilitator_of(group).await?;
    crate::api::store()?
        .participant_in(group, person)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(actor)
}

#[server(endpoint = "shared")]
pub async fn load_shared(
    group: i64,
    person: i64,
    before: Option<i64>,
) -> Result<SharedPerson, AppError> {
    let actor = facilitator_of(group).await?;
    let ((group_name, display_name), page) = crate::api::store()?
        .read_participant_page(actor.user_id, group, person, before)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SharedPerson {
        group_id: group,
        group_name,
        user_id: person,
        display_name,
        page,
    })
}

/// An acknowledgement (no text) or a short note on an item shared with the
/// caller. Refused if it is not shared with them now.
#[server(endpoint = "feedback_give")]
pub async fn give_feedback(
    group: i64,
    person: i64,
    item: i64,
    note: String,
) -> Result<(), AppError> {
    use crate::model::FeedbackKind;

    let actor = participant_of(group, person).await?;
    let note = crate::model::validate_feedback(&note)?;
    let kind = if note.is_empty() {
        FeedbackKind::Ack
    } else {
        FeedbackKind::Note
    };
    let store = crate::api::store()?;
    if !store.add_feedback(actor.user_id, item, kind, &note).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/groups/{group}/people/{person}#item-{item}"));
    Ok(())
}

/// The facilitator confirms, having seen it in person, a skill the
/// participant shares with them now.
#[server(endpoint = "skill_confirm")]
pub async fn confirm_skill(group: i64, person: i64, item: i64) -> Result<(), AppError> {
    let actor = participant_of(group, person).await?;
    let store = crate::api::store()?;
    if !store.confirm_skill(actor.user_id, item).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(event = "skill_confirmed", by = actor.user_id, group);
    leptos_axum::redirect(&format!("/groups/{group}/people/{person}#item-{item}"));
    Ok(())
}
