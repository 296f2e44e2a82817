//! "My devices": the person's passkeys and signed-in browsers. Every function
//! here starts by asking who is calling and acts only on their own things.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceList {
    pub passkeys: Vec<PasskeyView>,
    pub sessions: Vec<SessionView>,
}

#[server(endpoint = "devices")]
pub async fn my_devices() -> Result<DeviceList, AppError> {
    let me = crate::auth::require_session().await?;
    let store = expect_context::<crate::store::Store>();
    let limits = expect_context::<crate::auth::AuthConfig>().limits;
    let passkeys = store
        .passkeys(me.user_id)
        .await?
        .into_iter()
        .map(|p| PasskeyView {
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
    Ok(DeviceList { passkeys, sessions })
}

/// Ends one of the caller's sessions (e.g. on a lost phone).
#[server(endpoint = "session_end")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = expect_context::<crate::store::Store>();
    store.end_session_of(me.user_id, &id).await?;
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
    let store = expect_context::<crate::store::Store>();
    let ended = store.end_all_sessions(me.user_id).await?;
    tracing::info!(event = "signed_out_everywhere", user_id = me.user_id, ended);
    crate::auth::clear_session_cookie()?;
    leptos_axum::redirect("/");
    Ok(())
}
