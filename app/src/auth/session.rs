use super::caller::cache;
use super::context;
use super::cookies::{self, SESSION};
use crate::error::AppError;
use crate::policy::Actor;
use crate::store::{hash_code, Account, Caller, SessionRow};

/// This request's live session, its account and actor, if any: one query,
/// kept for the rest of a GET request.
async fn signed_in() -> Result<Option<Caller>, AppError> {
    cache()
        .caller(async {
            let (store, config) = context()?;
            Ok(match cookies::read(&config, SESSION) {
                Some(token) => store.live_caller(&hash_code(&token), config.limits).await?,
                None => None,
            })
        })
        .await
}

/// This request's live session, if any.
pub async fn current_session() -> Result<Option<SessionRow>, AppError> {
    Ok(signed_in().await?.map(|caller| caller.session))
}

/// The signed-in account of this request, if any.
pub async fn current_account() -> Result<Option<Account>, AppError> {
    Ok(signed_in().await?.map(|caller| caller.account))
}

/// The caller and what the policy needs to know about them, if signed in.
pub async fn current_actor() -> Result<Option<(SessionRow, Actor)>, AppError> {
    Ok(signed_in()
        .await?
        .map(|caller| (caller.session, caller.actor)))
}

/// The first line of every server function that needs a person: their
/// session, which names them (`user_id`) and this browser (`public_id`).
pub async fn require_session() -> Result<SessionRow, AppError> {
    current_session().await?.ok_or(AppError::NotSignedIn)
}

/// Starts a session for `user_id` under a brand-new token; whatever session
/// this browser had before ends, so a planted token is worth nothing.
pub async fn sign_in(user_id: i64, device: &str) -> Result<(), AppError> {
    let (store, config) = context()?;
    if let Some(old) = cookies::read(&config, SESSION) {
        store.end_session(&hash_code(&old)).await?;
    }
    let token = cookies::new_token();
    let public_id = cookies::new_token();
    store
        .create_session(&hash_code(&token), &public_id[..22], user_id, device)
        .await?;
    cookies::write(&config, SESSION, &token, Some(config.limits.absolute_secs));
    // The person's language follows them to every device they sign in on.
    if let Some(account) = store.account(user_id).await? {
        crate::api::remember_locale(account.locale);
    }
    Ok(())
}

/// Forgets the session in this browser, and everything Polku kept on the
/// device: cached journal pages, the outbox, the service worker. The
/// language cookie stays.
pub fn clear_session_cookie() -> Result<(), AppError> {
    let (_, config) = context()?;
    cookies::write(&config, SESSION, "", None);
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::HeaderName::from_static("clear-site-data"),
            http::HeaderValue::from_static("\"cache\", \"storage\""),
        );
    }
    Ok(())
}

/// Ends this browser's session, on the server and in the browser.
pub async fn sign_out() -> Result<(), AppError> {
    let (store, config) = context()?;
    if let Some(token) = cookies::read(&config, SESSION) {
        if let Some(session) = store
            .live_session(&hash_code(&token), config.limits)
            .await?
        {
            tracing::info!(event = "signed_out", user_id = session.user_id);
        }
        store.end_session(&hash_code(&token)).await?;
    }
    clear_session_cookie()
}
