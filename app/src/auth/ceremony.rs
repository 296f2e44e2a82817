//! What every passkey ceremony shares: a challenge kept in the database for
//! five minutes, bound to the browser that began it, that can finish once.

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::cookies::{self, BROWSER};
use super::AuthConfig;
use crate::error::AppError;
use crate::store::{hash_code, Ceremony, Store};

const CEREMONY_LIFETIME: Duration = Duration::from_secs(5 * 60);

/// The kinds of ceremony; a browser has at most one of each in flight.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Join,
    SignIn,
    Confirm,
    AddPasskey,
    Recover,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Join => "join",
            Kind::SignIn => "sign_in",
            Kind::Confirm => "confirm",
            Kind::AddPasskey => "add_passkey",
            Kind::Recover => "recover",
        }
    }
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

pub fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|_| AppError::Internal)
}

pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|_| AppError::Internal)
}

/// Keeps a ceremony's webauthn-rs state and its context for this browser.
pub async fn save<T: Serialize, C: Serialize>(
    store: &Store,
    config: &AuthConfig,
    kind: Kind,
    state: &T,
    context: &C,
) -> Result<(), AppError> {
    let browser = browser_id_or_new(config);
    let ceremony = Ceremony {
        state: to_json(state)?,
        context: to_json(context)?,
    };
    Ok(store
        .save_ceremony(&browser, kind.as_str(), &ceremony, CEREMONY_LIFETIME)
        .await?)
}

/// Takes this browser's ceremony of `kind`: its state, and its context.
pub async fn take<T: DeserializeOwned, C: DeserializeOwned>(
    store: &Store,
    config: &AuthConfig,
    kind: Kind,
) -> Result<(T, C), AppError> {
    let browser = browser_id(config).ok_or(AppError::CeremonyExpired)?;
    let ceremony = store
        .take_ceremony(&browser, kind.as_str())
        .await?
        .ok_or(AppError::CeremonyExpired)?;
    Ok((from_json(&ceremony.state)?, from_json(&ceremony.context)?))
}

/// A credential id as the database keys it.
pub fn credential_key(id: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(id)
}

/// A name the owner recognises in "My devices"; they can rename it.
pub fn device_label() -> String {
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
