//! "My devices": the person's passkeys, signed-in browsers and account
//! history. Every function here starts by asking who is calling and acts
//! only on their own things.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use crate::error::AppError;
use crate::model::AccountEventKind;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: i64,
    pub label: String,
    pub added: i64,
    pub last_used: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: String,
    pub device: String,
    pub started: i64,
    pub last_seen: i64,
    pub this_device: bool,
}

/// A line of the account history. `by` names whoever made a recovery link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub kind: AccountEventKind,
    pub at: i64,
    pub by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceList {
    pub passkeys: Vec<PasskeyView>,
    pub sessions: Vec<SessionView>,
    pub history: Vec<EventView>,
    /// Confirmed with a passkey in the last ten minutes: adding and
    /// removing passkeys, exporting and deleting are open.
    pub confirmed: bool,
    /// Asked for a neutral name and icon on the home screen.
    pub neutral: bool,
}

#[cfg(feature = "ssr")]
pub(crate) fn event_view(row: crate::store::EventRow) -> EventView {
    EventView {
        kind: row.kind,
        at: row.at,
        by: row.actor,
    }
}

#[server(endpoint = "devices")]
pub async fn my_devices() -> Result<DeviceList, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let limits = crate::api::server_context::<crate::auth::AuthConfig>()?.limits;
    let passkeys = store
        .passkeys(me.user_id)
        .await?
        .into_iter()
        .map(|p| PasskeyView {
            id: p.id,
            label: p.label,
            added: p.created_at,
            last_used: p.last_used_at,
        })
        .collect();
    let sessions = store
        .sessions_of(me.user_id, limits)
        .await?
        .into_iter()
        .map(|s| SessionView {
            this_device: s.public_id == me.public_id,
            id: s.public_id,
            device: s.device,
            started: s.created_at,
            last_seen: s.last_seen_at,
        })
        .collect();
    let history = store
        .events(me.user_id, 50)
        .await?
        .into_iter()
        .map(event_view)
        .collect();
    let neutral = store
        .account(me.user_id)
        .await?
        .is_some_and(|a| a.neutral_look);
    Ok(DeviceList {
        passkeys,
        sessions,
        history,
        confirmed: crate::auth::require_recent_confirmation(&me).is_ok(),
        neutral,
    })
}

/// Ends one of the caller's sessions (e.g. on a lost phone).
#[server(endpoint = "session_end")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    store.end_session_of(me.user_id, &id).await?;
    tracing::info!(event = "session_ended", user_id = me.user_id);
    if me.public_id == id {
        crate::auth::clear_session_cookie()?;
        leptos_axum::redirect("/");
    } else {
        leptos_axum::redirect("/devices");
    }
    Ok(())
}

/// Ends every session of the caller, this one included.
#[server(endpoint = "sessions_end_all")]
pub async fn end_all_sessions() -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let ended = store.end_all_sessions(me.user_id).await?;
    store
        .record_event(me.user_id, AccountEventKind::SignedOutEverywhere)
        .await?;
    tracing::info!(event = "signed_out_everywhere", user_id = me.user_id, ended);
    crate::auth::clear_session_cookie()?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Gives one of the caller's passkeys a name they recognise.
#[server(endpoint = "passkey_rename")]
pub async fn rename_passkey(id: i64, label: String) -> Result<(), AppError> {
    use crate::model::{validate_text, Field, PASSKEY_LABEL_MAX};

    let me = crate::auth::require_session().await?;
    let label = validate_text(&label, Field::PasskeyLabel, 1, PASSKEY_LABEL_MAX)?;
    let store = crate::api::store()?;
    if !store.rename_passkey(me.user_id, id, &label).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/devices");
    Ok(())
}

/// Removes one of the caller's passkeys (never the last), after a recent
/// passkey confirmation.
#[server(endpoint = "passkey_remove")]
pub async fn remove_passkey(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    crate::auth::require_recent_confirmation(&me)?;
    let store = crate::api::store()?;
    if !store.remove_passkey(me.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(event = "passkey_removed", user_id = me.user_id);
    leptos_axum::redirect("/devices");
    Ok(())
}

#[server(endpoint = "confirm_begin")]
pub async fn begin_confirm() -> Result<RequestChallengeResponse, AppError> {
    crate::auth::begin_confirm().await
}

#[server(endpoint = "confirm_finish", input = Json)]
pub async fn finish_confirm(credential: PublicKeyCredential) -> Result<(), AppError> {
    crate::auth::finish_confirm(credential).await
}

#[server(endpoint = "passkey_add_begin")]
pub async fn begin_add_passkey() -> Result<CreationChallengeResponse, AppError> {
    crate::auth::begin_add_passkey().await
}

#[server(endpoint = "passkey_add_finish", input = Json)]
pub async fn finish_add_passkey(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    crate::auth::finish_add_passkey(credential).await
}

#[server(endpoint = "recovery_notices_seen")]
pub async fn acknowledge_recoveries() -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    store.acknowledge_recoveries(me.user_id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Deletes the caller's account and everything in it, after a passkey
/// confirmation in the last ten minutes. `wishes` is `keep` (the group
/// keeps them, authorless) or `remove`; `sure` is the ticked box.
#[server(endpoint = "account_delete")]
pub async fn delete_account(wishes: String, sure: Option<String>) -> Result<(), AppError> {
    use crate::model::Field;
    use crate::store::WishesOnErasure;

    let me = crate::auth::require_session().await?;
    crate::auth::require_recent_confirmation(&me)?;
    let wishes = match wishes.as_str() {
        "keep" => WishesOnErasure::KeepWithoutAuthor,
        "remove" => WishesOnErasure::Remove,
        _ => return Err(AppError::BadInput),
    };
    if sure.as_deref() != Some("on") {
        return Err(AppError::Invalid(Field::EraseSure));
    }
    let store = crate::api::store()?;
    if !store.erase_account(me.user_id, wishes).await? {
        return Err(AppError::NotSignedIn);
    }
    // No user id: the account it would name is gone.
    tracing::info!(event = "account_erased");
    crate::auth::clear_session_cookie()?;
    leptos_axum::redirect("/?erased=1");
    Ok(())
}
