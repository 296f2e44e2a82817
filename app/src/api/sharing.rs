//! The owner's side of consent: what an item shows and to whom, taking it
//! back, defaults for new items, and who has seen what. Each function acts
//! on the caller's own items only.

// The defaults form posts one field per category.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::{
    AccessView, Day, FeedbackView, ItemKind, Page, ShareCategory, ShareChoice, SharedContent,
};

/// How one of the owner's items is shared, and what came back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSharing {
    pub choice: ShareChoice,
    pub expires_at: Option<i64>,
    pub feedback: Vec<FeedbackView>,
}

/// The share page: exactly what the audience would see, and the choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareDraft {
    pub item_id: i64,
    pub kind: ItemKind,
    pub content: SharedContent,
    pub choice: ShareChoice,
    pub expires_on: Option<Day>,
    pub back: String,
}

/// The owner's defaults: for each category, whom new items are shared with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingSettings {
    pub defaults: Vec<(ShareCategory, ShareChoice)>,
}

/// Where an item of the owner's lives in the journal.
pub fn item_path(kind: ItemKind, id: i64) -> String {
    match kind {
        ItemKind::Dream => format!("/journal/dreams/{id}"),
        ItemKind::Step => format!("/journal/steps/{id}"),
        ItemKind::Reflection => format!("/journal/reflections/{id}"),
        ItemKind::Milestone => "/journal/milestones".to_owned(),
        ItemKind::CheckIn => format!("/journal/checkins/{id}"),
        ItemKind::Skill => format!("/journal/skills/{id}"),
        ItemKind::PeerWork => format!("/journal/peer-work/{id}"),
    }
}

#[cfg(feature = "ssr")]
pub async fn item_sharing(
    store: &crate::store::Store,
    owner: i64,
    item: i64,
) -> Result<ItemSharing, AppError> {
    let shares = store.shares_of(owner, item).await?;
    Ok(ItemSharing {
        choice: ShareChoice::of(shares.iter().map(|s| s.audience)),
        expires_at: shares.iter().filter_map(|s| s.expires_at).min(),
        feedback: store.feedback_on(owner, item).await?,
    })
}

#[server(endpoint = "share_draft")]
pub async fn load_share_draft(id: i64) -> Result<ShareDraft, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let (kind, content) = store
        .share_preview(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let sharing = item_sharing(&store, me.user_id, id).await?;
    Ok(ShareDraft {
        item_id: id,
        kind,
        content,
        choice: sharing.choice,
        expires_on: sharing.expires_at.map(|at| Day::of_unix(at - 1)),
        back: item_path(kind, id),
    })
}

/// Sets whom the item is shared with, exactly: nobody takes every share
/// back. An expiry date shares it until the end of that day.
#[server(endpoint = "share_set")]
pub async fn set_sharing(
    id: i64,
    choice: String,
    expires_on: Option<String>,
) -> Result<(), AppError> {
    use crate::model::Field;

    let me = crate::auth::require_session().await?;
    let choice = ShareChoice::parse(&choice).ok_or(AppError::Invalid(Field::Audience))?;
    let expires_at = match expires_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => {
            let day = Day::parse(text).ok_or(AppError::Invalid(Field::ExpiresOn))?;
            let end = day.add_days(1).unix();
            if end <= crate::store::unix_now() {
                return Err(AppError::Invalid(Field::ExpiresOn));
            }
            Some(end)
        }
    };
    let store = crate::api::store()?;
    let (kind, _) = store
        .share_preview(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    store
        .set_audiences(me.user_id, id, choice.audiences(), expires_at, true)
        .await?;
    tracing::info!(
        event = "sharing_set",
        user_id = me.user_id,
        choice = choice.as_str()
    );
    leptos_axum::redirect(&item_path(kind, id));
    Ok(())
}

/// Takes back every share at once, and switches every default off.
#[server(endpoint = "share_stop_all")]
pub async fn stop_sharing_everything() -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let taken_back = store.revoke_everything(me.user_id).await?;
    store.mark_sharing_reviewed(me.user_id, None).await?;
    tracing::info!(event = "sharing_stopped", user_id = me.user_id, taken_back);
    leptos_axum::redirect("/journal/sharing?stopped=1");
    Ok(())
}

#[server(endpoint = "sharing")]
pub async fn load_sharing_settings() -> Result<SharingSettings, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let on = store.share_defaults(me.user_id).await?;
    Ok(SharingSettings {
        defaults: ShareCategory::ALL
            .into_iter()
            .map(|c| {
                let audiences = on.iter().filter(|(cat, _)| *cat == c).map(|(_, a)| *a);
                (c, ShareChoice::of(audiences))
            })
            .collect(),
    })
}

/// Sets the defaults for new items, one choice per category.
#[server(endpoint = "sharing_defaults")]
pub async fn set_sharing_defaults(
    dream: String,
    step: String,
    step_done: String,
    reflection: String,
    milestone: String,
    checkin: String,
    skill: String,
    peer_work: String,
) -> Result<(), AppError> {
    use crate::model::Field;

    let me = crate::auth::require_session().await?;
    let mut on = Vec::new();
    for (category, choice) in [
        (ShareCategory::Dream, dream),
        (ShareCategory::Step, step),
        (ShareCategory::StepDone, step_done),
        (ShareCategory::Reflection, reflection),
        (ShareCategory::Milestone, milestone),
        (ShareCategory::CheckIn, checkin),
        (ShareCategory::Skill, skill),
        (ShareCategory::PeerWork, peer_work),
    ] {
        let choice = ShareChoice::parse(&choice).ok_or(AppError::Invalid(Field::Audience))?;
        on.extend(choice.audiences().iter().map(|a| (category, *a)));
    }
    let store = crate::api::store()?;
    store.set_share_defaults(me.user_id, &on).await?;
    store.mark_sharing_reviewed(me.user_id, None).await?;
    leptos_axum::redirect("/journal/sharing?saved=1");
    Ok(())
}

/// "Keep as it is": the participant has seen that their group moved to
/// monthly meetings and keeps sharing what they shared.
#[server(endpoint = "sharing_keep")]
pub async fn keep_sharing(group: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    store.mark_sharing_reviewed(me.user_id, Some(group)).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// "Who has seen my things", newest first.
#[server(endpoint = "seen")]
pub async fn load_seen(before: Option<i64>) -> Result<Page<AccessView>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.access_log(me.user_id, before).await?)
}
