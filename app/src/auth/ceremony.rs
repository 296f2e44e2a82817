//! Passkey ceremonies. Each begins with a challenge kept in the database for
//! five minutes, bound to this browser, and can finish once.

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential,
};
use webauthn_rs_proto::{
    CreationChallengeResponse, RequestChallengeResponse, ResidentKeyRequirement,
};

use super::cookies::{self, BROWSER};
use super::{context, session, AuthConfig};
use crate::error::AppError;
use crate::model::{validate_display_name, Locale};
use crate::store::{hash_code, Ceremony, NewAccount, Store, StoreError};

const CEREMONY_LIFETIME: Duration = Duration::from_secs(5 * 60);
const JOIN: &str = "join";
const SIGN_IN: &str = "sign_in";

#[derive(Serialize, Deserialize)]
struct JoinContext {
    invite_code: String,
    display_name: String,
    locale: Locale,
    webauthn_id: Uuid,
}

/// This browser's id for ceremonies, if it has begun one.
fn browser_id(config: &AuthConfig) -> Option<String> {
    cookies::read(config, BROWSER).map(|id| hash_code(&id))
}

/// This browser's id for a new ceremony, made on first need.
fn browser_id_or_new(config: &AuthConfig) -> String {
    if let Some(id) = browser_id(config) {
        return id;
    }
    let id = cookies::new_token();
    cookies::write(
        config,
        BROWSER,
        &id,
        Some(CEREMONY_LIFETIME.as_secs() as i64 * 2),
    );
    hash_code(&id)
}

fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|_| AppError::Internal)
}

/// Keeps a ceremony's webauthn-rs state for this browser.
async fn save<T: Serialize>(
    store: &Store,
    browser: &str,
    kind: &str,
    state: &T,
    context: String,
) -> Result<(), AppError> {
    let ceremony = Ceremony {
        state: to_json(state)?,
        context,
    };
    Ok(store
        .save_ceremony(browser, kind, &ceremony, CEREMONY_LIFETIME)
        .await?)
}

/// Takes this browser's ceremony of `kind`: its state, and its context.
async fn take<T: DeserializeOwned>(
    store: &Store,
    config: &AuthConfig,
    kind: &str,
) -> Result<(T, String), AppError> {
    let browser = browser_id(config).ok_or(AppError::CeremonyExpired)?;
    let ceremony = store
        .take_ceremony(&browser, kind)
        .await?
        .ok_or(AppError::CeremonyExpired)?;
    let state = serde_json::from_str(&ceremony.state).map_err(|_| AppError::Internal)?;
    Ok((state, ceremony.context))
}

fn credential_key(id: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(id)
}

/// A name the owner recognises in "My devices"; they can rename it.
fn device_label() -> String {
    let agent = use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::USER_AGENT)?
                .to_str()
                .ok()
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let label = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Mac OS", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| agent.contains(needle))
    .map_or("Passkey", |(_, label)| label);
    label.to_owned()
}

/// Step one of joining: checks the invite and the name, then asks the
/// browser to make a passkey that needs the phone's lock to use.
pub async fn begin_join(
    invite_code: String,
    display_name: String,
    locale: Locale,
) -> Result<CreationChallengeResponse, AppError> {
    let (store, config) = context()?;
    let display_name = validate_display_name(&display_name)?;
    if store.open_invite(&invite_code).await?.is_none() {
        return Err(AppError::InviteNotValid);
    }
    let webauthn_id = Uuid::new_v4();
    let (mut challenge, state) = config
        .webauthn
        .start_passkey_registration(webauthn_id, &display_name, &display_name, None)
        .map_err(|_| AppError::Internal)?;
    // A discoverable credential lets people sign in without typing a name.
    if let Some(selection) = challenge.public_key.authenticator_selection.as_mut() {
        selection.resident_key = Some(ResidentKeyRequirement::Required);
    }
    let browser = browser_id_or_new(&config);
    let context = JoinContext {
        invite_code,
        display_name,
        locale,
        webauthn_id,
    };
    save(&store, &browser, JOIN, &state, to_json(&context)?).await?;
    Ok(challenge)
}

/// Step two of joining: verifies the new passkey, opens the account and
/// signs the person in.
pub async fn finish_join(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    let (store, config) = context()?;
    let (state, context): (PasskeyRegistration, String) = take(&store, &config, JOIN).await?;
    let context: JoinContext = serde_json::from_str(&context).map_err(|_| AppError::Internal)?;
    let passkey = config
        .webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(|err| {
            tracing::info!(event = "join_failed", reason = %err);
            AppError::PasskeyFailed
        })?;
    let device = device_label();
    let created = store
        .create_account(NewAccount {
            invite_code: &context.invite_code,
            display_name: &context.display_name,
            locale: context.locale,
            webauthn_id: &context.webauthn_id.to_string(),
            credential_id: &credential_key(passkey.cred_id().as_ref()),
            passkey: &to_json(&passkey)?,
            passkey_label: &device,
        })
        .await;
    let (user_id, role) = match created {
        Ok(created) => created,
        Err(StoreError::InviteNotValid) => return Err(AppError::InviteNotValid),
        Err(StoreError::CredentialTaken) => return Err(AppError::PasskeyTaken),
        Err(err) => return Err(err.into()),
    };
    tracing::info!(event = "joined", user_id, role = role.as_str());
    session::sign_in(user_id, &device).await
}

/// Step one of signing in: a challenge any of this site's passkeys can answer.
pub async fn begin_sign_in() -> Result<RequestChallengeResponse, AppError> {
    let (store, config) = context()?;
    let (mut challenge, state) = config
        .webauthn
        .start_discoverable_authentication()
        .map_err(|_| AppError::Internal)?;
    // Signing in starts from a button, not from autofill.
    challenge.mediation = None;
    let browser = browser_id_or_new(&config);
    save(&store, &browser, SIGN_IN, &state, String::new()).await?;
    Ok(challenge)
}

/// Step two of signing in. Every failure looks the same from outside.
pub async fn finish_sign_in(credential: PublicKeyCredential) -> Result<(), AppError> {
    let (store, config) = context()?;
    let (state, _): (DiscoverableAuthentication, _) = take(&store, &config, SIGN_IN).await?;
    let failed = |reason: &str| {
        tracing::info!(event = "sign_in_failed", reason);
        AppError::SignInFailed
    };
    let (webauthn_id, credential_id) = config
        .webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| failed("unidentified"))?;
    let stored = store
        .passkey_for_sign_in(&webauthn_id.to_string(), &credential_key(credential_id))
        .await?
        .ok_or_else(|| failed("unknown credential"))?;
    let mut passkey: Passkey =
        serde_json::from_str(&stored.passkey).map_err(|_| AppError::Internal)?;
    let result = config
        .webauthn
        .finish_discoverable_authentication_v2(&credential, state, &passkey)
        .map_err(|_| failed("verification"))?;
    // Keeps the signature counter, so a cloned key shows itself.
    passkey.update_credential(&result);
    store
        .record_passkey_use(stored.id, &to_json(&passkey)?)
        .await?;
    tracing::info!(event = "signed_in", user_id = stored.user_id);
    session::sign_in(stored.user_id, &device_label()).await
}
