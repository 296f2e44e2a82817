//! Making a passkey: joining from an invite, adding another to one's
//! account, and getting back in through a recovery link.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use webauthn_rs::prelude::{
    CredentialID, Passkey, PasskeyRegistration, RegisterPublicKeyCredential,
};
use webauthn_rs_proto::{CreationChallengeResponse, ResidentKeyRequirement};

use super::ceremony::{self, credential_key, device_label, from_json, to_json, Kind};
use super::limiter::count_try;
use super::{context, require_recent_confirmation, require_session, session, AuthConfig};
use crate::error::AppError;
use crate::model::{validate_display_name, Locale};
use crate::store::{NewAccount, RecoveredPasskey};

#[derive(Serialize, Deserialize)]
struct JoinContext {
    invite_code: String,
    display_name: String,
    locale: Locale,
    webauthn_id: Uuid,
}

/// Asks the browser for a passkey that is found without a user name (so
/// signing in needs no typing) and that needs the phone's lock to use.
fn start(
    config: &AuthConfig,
    handle: Uuid,
    name: &str,
    exclude: Option<Vec<CredentialID>>,
) -> Result<(CreationChallengeResponse, PasskeyRegistration), AppError> {
    let (mut challenge, state) = config
        .webauthn
        .start_passkey_registration(handle, name, name, exclude)
        .map_err(|_| AppError::Internal)?;
    if let Some(selection) = challenge.public_key.authenticator_selection.as_mut() {
        selection.resident_key = Some(ResidentKeyRequirement::Required);
    }
    Ok((challenge, state))
}

fn finish(
    config: &AuthConfig,
    credential: &RegisterPublicKeyCredential,
    state: &PasskeyRegistration,
    event: &'static str,
) -> Result<Passkey, AppError> {
    config
        .webauthn
        .finish_passkey_registration(credential, state)
        .map_err(|err| {
            tracing::info!(event, reason = %err);
            AppError::PasskeyFailed
        })
}

/// Step one of joining: checks the invite and the name, then asks for a passkey.
pub async fn begin_join(
    invite_code: String,
    display_name: String,
    locale: Locale,
) -> Result<CreationChallengeResponse, AppError> {
    count_try("invite", &invite_code)?;
    let (store, config) = context()?;
    let display_name = validate_display_name(&display_name)?;
    if store.open_invite(&invite_code).await?.is_none() {
        return Err(AppError::InviteNotValid);
    }
    let webauthn_id = Uuid::new_v4();
    let (challenge, state) = start(&config, webauthn_id, &display_name, None)?;
    let context = JoinContext {
        invite_code,
        display_name,
        locale,
        webauthn_id,
    };
    ceremony::save(&store, &config, Kind::Join, &state, &context).await?;
    Ok(challenge)
}

/// Step two of joining: verifies the new passkey, opens the account and
/// signs the person in.
pub async fn finish_join(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    let (store, config) = context()?;
    let (state, context): (PasskeyRegistration, JoinContext) =
        ceremony::take(&store, &config, Kind::Join).await?;
    let passkey = finish(&config, &credential, &state, "join_failed")?;
    let device = device_label();
    let (user_id, target) = store
        .create_account(NewAccount {
            invite_code: &context.invite_code,
            display_name: &context.display_name,
            locale: context.locale,
            webauthn_id: &context.webauthn_id.to_string(),
            credential_id: &credential_key(passkey.cred_id().as_ref()),
            passkey: &to_json(&passkey)?,
            passkey_label: &device,
        })
        .await?;
    tracing::info!(event = "joined", user_id, role = target.role().as_str());
    session::sign_in(user_id, &device).await
}

/// The account's WebAuthn user handle and the passkeys it has already, so
/// the browser does not make a second one on the same device.
async fn handle_and_keys(user_id: i64) -> Result<(Uuid, Vec<CredentialID>), AppError> {
    let (store, _) = context()?;
    let handle = store
        .webauthn_id(user_id)
        .await?
        .and_then(|id| Uuid::parse_str(&id).ok())
        .ok_or(AppError::Internal)?;
    let mut keys = Vec::new();
    for stored in store.passkeys_of(user_id).await? {
        let passkey: Passkey = from_json(&stored.passkey)?;
        keys.push(passkey.cred_id().clone());
    }
    Ok((handle, keys))
}

/// Step one of adding a passkey (a new phone, a backup key). Needs a
/// passkey confirmation from the last ten minutes.
pub async fn begin_add_passkey() -> Result<CreationChallengeResponse, AppError> {
    let me = require_session().await?;
    require_recent_confirmation(&me)?;
    let (store, config) = context()?;
    let account = store
        .account(me.user_id)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let (handle, existing) = handle_and_keys(me.user_id).await?;
    let (challenge, state) = start(&config, handle, &account.display_name, Some(existing))?;
    ceremony::save(&store, &config, Kind::AddPasskey, &state, &me.user_id).await?;
    Ok(challenge)
}

pub async fn finish_add_passkey(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    let me = require_session().await?;
    let (store, config) = context()?;
    let (state, user_id): (PasskeyRegistration, i64) =
        ceremony::take(&store, &config, Kind::AddPasskey).await?;
    if user_id != me.user_id {
        return Err(AppError::CeremonyExpired);
    }
    let passkey = finish(&config, &credential, &state, "add_passkey_failed")?;
    store
        .add_passkey(
            me.user_id,
            &credential_key(passkey.cred_id().as_ref()),
            &to_json(&passkey)?,
            &device_label(),
        )
        .await?;
    tracing::info!(event = "passkey_added", user_id = me.user_id);
    Ok(())
}

/// Step one of recovery: the link a facilitator made is the credential.
pub async fn begin_recovery(code: String) -> Result<CreationChallengeResponse, AppError> {
    count_try("recovery", &code)?;
    let (store, config) = context()?;
    let open = store
        .open_recovery(&code)
        .await?
        .ok_or(AppError::LinkNotValid)?;
    let handle = Uuid::parse_str(&open.webauthn_id).map_err(|_| AppError::Internal)?;
    // No exclusions: the lost phone's passkey is not on this one, and a
    // passkey for the same account on this device may be replaced.
    let (challenge, state) = start(&config, handle, &open.display_name, None)?;
    ceremony::save(&store, &config, Kind::Recover, &state, &code).await?;
    Ok(challenge)
}

/// Step two of recovery: adds the new passkey, ends every old session and
/// signs the person in here.
pub async fn finish_recovery(credential: RegisterPublicKeyCredential) -> Result<(), AppError> {
    let (store, config) = context()?;
    let (state, code): (PasskeyRegistration, String) =
        ceremony::take(&store, &config, Kind::Recover).await?;
    let passkey = finish(&config, &credential, &state, "recovery_failed")?;
    let device = device_label();
    let user_id = store
        .complete_recovery(
            &code,
            RecoveredPasskey {
                credential_id: &credential_key(passkey.cred_id().as_ref()),
                passkey: &to_json(&passkey)?,
                label: &device,
            },
        )
        .await?;
    tracing::info!(event = "recovered", user_id);
    session::sign_in(user_id, &device).await
}
