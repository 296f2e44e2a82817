//! Getting back in after losing a phone: a facilitator (or an admin) who has
//! met the person makes a one-time link; the person opens it on the new
//! phone and makes a new passkey there. The link gives its maker nothing.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use webauthn_rs_proto::{CreationChallengeResponse, RegisterPublicKeyCredential};

use super::Link;
use crate::error::AppError;

/// A recovery link is short-lived: it is made while the two meet.
pub const RECOVERY_MINUTES: u64 = 15;

/// What the recovery page may tell whoever holds the link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecoveryStatus {
    Valid { display_name: String },
    NotValid,
}

/// The page that hands a recovery link over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryShare {
    pub link: Link,
    pub display_name: String,
    pub expires_at: i64,
}

/// Makes a recovery link for someone the caller may recover.
#[server(endpoint = "recovery_create")]
pub async fn create_recovery(user: i64) -> Result<(), AppError> {
    use std::time::Duration;

    let (_, actor) = crate::auth::require_actor().await?;
    let store = crate::api::store()?;
    if store.account(user).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let target = store.actor(user).await?;
    if !crate::policy::may_create_recovery(&actor, &target) {
        return Err(AppError::Forbidden);
    }
    let code = store
        .create_recovery(
            user,
            actor.user_id,
            Duration::from_secs(RECOVERY_MINUTES * 60),
        )
        .await?;
    tracing::info!(
        event = "recovery_created",
        user_id = user,
        by = actor.user_id
    );
    leptos_axum::redirect(&format!("/recover/{}/share", code.0));
    Ok(())
}

/// The link and QR code of an open recovery, for whoever may make one.
#[server(endpoint = "recovery_share")]
pub async fn share_recovery(code: String) -> Result<RecoveryShare, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    let store = crate::api::store()?;
    let open = store
        .open_recovery(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = store.actor(open.user_id).await?;
    if !crate::policy::may_create_recovery(&actor, &target) {
        return Err(AppError::NotFound);
    }
    Ok(RecoveryShare {
        link: super::links::link(&format!("/recover/{code}"))?,
        display_name: open.display_name,
        expires_at: open.expires_at,
    })
}

/// Open to anyone: holding the code is the credential.
#[server(endpoint = "recovery_check")]
pub async fn check_recovery(code: String) -> Result<RecoveryStatus, AppError> {
    if code.is_empty() || code.len() > 64 {
        return Ok(RecoveryStatus::NotValid);
    }
    crate::auth::count_try("recovery", &code)?;
    let store = crate::api::store()?;
    Ok(match store.open_recovery(&code).await? {
        Some(open) => RecoveryStatus::Valid {
            display_name: open.display_name,
        },
        None => RecoveryStatus::NotValid,
    })
}

#[server(endpoint = "recovery_begin")]
pub async fn begin_recovery(code: String) -> Result<CreationChallengeResponse, AppError> {
    crate::auth::begin_recovery(code).await
}

#[server(endpoint = "recovery_finish", input = Json)]
pub async fn finish_recovery(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    crate::auth::finish_recovery(credential).await
}
