use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Page, Reflection};

#[server(endpoint = "reflections")]
pub async fn list_reflections(before: Option<i64>) -> Result<Page<Reflection>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.reflections(me.user_id, before).await?)
}

/// A reflection and how it is shared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReflectionDetail {
    pub reflection: Reflection,
    pub sharing: crate::api::ItemSharing,
}

#[server(endpoint = "reflection")]
pub async fn load_reflection(id: i64) -> Result<ReflectionDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let reflection = store
        .reflection(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ReflectionDetail {
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        reflection,
    })
}

#[server(endpoint = "reflection_create")]
pub async fn create_reflection(
    request_id: String,
    written_on: String,
    body: String,
    mood: Option<String>,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = crate::model::ReflectionText::parse(
        &written_on,
        &body,
        mood.as_deref().unwrap_or_default(),
    )?;
    let store = crate::api::store()?;
    store
        .create_reflection(me.user_id, request_id, &text)
        .await?;
    leptos_axum::redirect("/journal/reflections");
    Ok(())
}

#[server(endpoint = "reflection_update")]
pub async fn update_reflection(
    id: i64,
    written_on: String,
    body: String,
    mood: Option<String>,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = crate::model::ReflectionText::parse(
        &written_on,
        &body,
        mood.as_deref().unwrap_or_default(),
    )?;
    let store = crate::api::store()?;
    if !store.update_reflection(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/reflections/{id}"));
    Ok(())
}

#[server(endpoint = "reflection_delete")]
pub async fn delete_reflection(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::Reflection)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/reflections");
    Ok(())
}
