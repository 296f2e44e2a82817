//! Using a passkey: signing in without a user name, and confirming it is
//! still you before something sensitive.

use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyAuthentication, PublicKeyCredential,
};
use webauthn_rs_proto::RequestChallengeResponse;

use super::ceremony::{self, credential_key, device_label, from_json, to_json, Kind};
use super::limiter::count_try;
use super::{context, require_session, session};
use crate::error::AppError;

/// Step one of signing in: a challenge any of this site's passkeys can answer.
pub async fn begin_sign_in() -> Result<RequestChallengeResponse, AppError> {
    let (store, config) = context()?;
    let (mut challenge, state) = config
        .webauthn
        .start_discoverable_authentication()
        .map_err(|_| AppError::Internal)?;
    // Signing in starts from a button, not from autofill.
    challenge.mediation = None;
    ceremony::save(&store, &config, Kind::SignIn, &state, &()).await?;
    Ok(challenge)
}

/// Step two of signing in. Every failure looks the same from outside.
pub async fn finish_sign_in(credential: PublicKeyCredential) -> Result<(), AppError> {
    let (store, config) = context()?;
    let (state, ()): (DiscoverableAuthentication, ()) =
        ceremony::take(&store, &config, Kind::SignIn).await?;
    let failed = |reason: &str| {
        tracing::info!(event = "sign_in_failed", reason);
        AppError::SignInFailed
    };
    let (webauthn_id, credential_id) = config
        .webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| failed("unidentified"))?;
    count_try("credential", &credential_key(credential_id))?;
    let stored = store
        .passkey_for_sign_in(&webauthn_id.to_string(), &credential_key(credential_id))
        .await?
        .ok_or_else(|| failed("unknown credential"))?;
    let mut passkey: Passkey = from_json(&stored.passkey)?;
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

/// Step one of confirming: only the signed-in person's own passkeys answer.
pub async fn begin_confirm() -> Result<RequestChallengeResponse, AppError> {
    let me = require_session().await?;
    let (store, config) = context()?;
    let mut passkeys = Vec::new();
    for stored in store.passkeys_of(me.user_id).await? {
        passkeys.push(from_json::<Passkey>(&stored.passkey)?);
    }
    let (challenge, state) = config
        .webauthn
        .start_passkey_authentication(&passkeys)
        .map_err(|_| AppError::Internal)?;
    ceremony::save(&store, &config, Kind::Confirm, &state, &me.user_id).await?;
    Ok(challenge)
}

/// Step two of confirming: marks this session as confirmed just now.
pub async fn finish_confirm(credential: PublicKeyCredential) -> Result<(), AppError> {
    let me = require_session().await?;
    let (store, config) = context()?;
    let (state, user_id): (PasskeyAuthentication, i64) =
        ceremony::take(&store, &config, Kind::Confirm).await?;
    if user_id != me.user_id {
        return Err(AppError::CeremonyExpired);
    }
    let result = config
        .webauthn
        .finish_passkey_authentication(&credential, &state)
        .map_err(|_| {
            tracing::info!(event = "confirm_failed", user_id);
            AppError::SignInFailed
        })?;
    for stored in store.passkeys_of(me.user_id).await? {
        let mut passkey: Passkey = from_json(&stored.passkey)?;
        if passkey.cred_id() == result.cred_id() {
            passkey.update_credential(&result);
            store
                .record_passkey_use(stored.id, &to_json(&passkey)?)
                .await?;
        }
    }
    store.confirm_session(&me.public_id).await?;
    tracing::info!(event = "confirmed", user_id);
    Ok(())
}
