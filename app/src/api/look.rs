//! How Polku shows itself on a phone's home screen: as Polku, or, when the
//! person asks, under a neutral name and icon, so that whoever sees the
//! phone does not learn what the app is.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, StreamingText, TextStream};

use crate::error::AppError;

/// The caller turns the neutral look on (`neutral` = "on", a ticked box)
/// or off (no value). Only ever for themselves.
#[server(endpoint = "look")]
pub async fn set_look(neutral: Option<String>) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let on = match neutral.as_deref() {
        None => false,
        Some("on") => true,
        Some(_) => return Err(AppError::BadInput),
    };
    let store = crate::api::store()?;
    store.set_neutral_look(me.user_id, on).await?;
    leptos_axum::redirect("/devices#look");
    Ok(())
}

/// The web app manifest for whoever asks: neutral for a person who chose
/// it, Polku's own for everyone else. Personal, so never cached.
#[server(endpoint = "manifest.webmanifest", input = GetUrl, output = StreamingText)]
pub async fn web_manifest() -> Result<TextStream<AppError>, AppError> {
    use http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};

    let neutral = crate::auth::current_account()
        .await?
        .is_some_and(|a| a.neutral_look);
    let locale = crate::ui::locale::request_locale();
    let t = crate::i18n::texts(locale);
    let manifest = if neutral {
        crate::model::manifest(locale, t.neutral_app_name, t.neutral_description, true)
    } else {
        crate::model::manifest(locale, t.app_name, t.home_lead, false)
    };
    let json = serde_json::to_string(&manifest).map_err(|_| AppError::Internal)?;
    let response = crate::api::server_context::<leptos_axum::ResponseOptions>()?;
    response.insert_header(
        CONTENT_TYPE,
        HeaderValue::from_static("application/manifest+json"),
    );
    response.insert_header(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(TextStream::from(futures::stream::once(std::future::ready(
        json,
    ))))
}
