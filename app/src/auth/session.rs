use leptos::prelude::*;

use super::cookies::{self, SESSION};
use super::AuthConfig;
use crate::error::AppError;
use crate::store::{hash_code, Account, Store};

fn context() -> Result<(Store, AuthConfig), AppError> {
    let store = use_context::<Store>().ok_or(AppError::Internal)?;
    let config = use_context::<AuthConfig>().ok_or(AppError::Internal)?;
    Ok((store, config))
}

/// The signed-in account of this request, if any.
pub async fn current_account() -> Result<Option<Account>, AppError> {
    let (store, config) = context()?;
    let Some(token) = cookies::read(&config, SESSION) else {
        return Ok(None);
    };
    let Some(session) = store
        .live_session(&hash_code(&token), config.limits)
        .await?
    else {
        return Ok(None);
    };
    Ok(store.account(session.user_id).await?)
}

/// The first line of every server function that needs a person.
pub async fn require_account() -> Result<Account, AppError> {
    current_account().await?.ok_or(AppError::NotSignedIn)
}

/// Starts a session for `user_id` under a brand-new token; whatever session
/// this browser had before ends, so a planted token is worth nothing.
pub async fn sign_in(user_id: i64, device: &str) -> Result<(), AppError> {
    let (store, config) = context()?;
    if let Some(old) = cookies::read(&config, SESSION) {
        store.end_session(&hash_code(&old)).await?;
    }
    let token = cookies::new_token();
    store
        .create_session(&hash_code(&token), user_id, device)
        .await?;
    cookies::write(&config, SESSION, &token, Some(config.limits.absolute_secs));
    Ok(())
}

/// Ends this browser's session, on the server and in the browser.
pub async fn sign_out() -> Result<(), AppError> {
    let (store, config) = context()?;
    if let Some(token) = cookies::read(&config, SESSION) {
        store.end_session(&hash_code(&token)).await?;
    }
    cookies::write(&config, SESSION, "", None);
    Ok(())
}
