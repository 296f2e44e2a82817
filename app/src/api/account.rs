//! Joining, signing in and out. Joining and signing in are open to anyone by
//! design (the invite code or the passkey is the credential); the ceremony
//! code in `auth` checks everything.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use crate::error::AppError;
use crate::model::Locale;

/// What a page may show about the person signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub display_name: String,
    pub is_admin: bool,
    /// Runs groups (an admin or a facilitator): gets the workspace.
    pub is_staff: bool,
    /// Takes part in a group as a participant or peer mentor.
    pub is_member: bool,
    /// Asked for a neutral name and icon: pages follow it.
    pub neutral: bool,
}

#[server(endpoint = "join_begin")]
pub async fn begin_join(
    code: String,
    display_name: String,
    locale: Locale,
) -> Result<CreationChallengeResponse, AppError> {
    crate::auth::begin_join(code, display_name, locale).await
}

#[server(endpoint = "join_finish", input = Json)]
pub async fn finish_join(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    crate::auth::finish_join(credential).await
}

#[server(endpoint = "sign_in_begin")]
pub async fn begin_sign_in() -> Result<RequestChallengeResponse, AppError> {
    crate::auth::begin_sign_in().await
}

#[server(endpoint = "sign_in_finish", input = Json)]
pub async fn finish_sign_in(credential: PublicKeyCredential) -> Result<(), AppError> {
    crate::auth::finish_sign_in(credential).await
}

/// Posted by a plain form; ends the session and goes to the start page.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::auth::sign_out().await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// The person signed in, or `None`: never an error for being anonymous.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SignedIn>, AppError> {
    let Some(account) = crate::auth::current_account().await? else {
        return Ok(None);
    };
    let Some((_, actor)) = crate::auth::current_actor().await? else {
        return Ok(None);
    };
    let is_member = actor.member_groups().next().is_some();
    Ok(Some(SignedIn {
        display_name: account.display_name,
        is_admin: actor.is_admin,
        is_staff: actor.is_staff(),
        is_member,
        neutral: account.neutral_look,
    }))
}
