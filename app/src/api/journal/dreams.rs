use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Dream, Page, Step};

/// A dream and the steps that lead to it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DreamDetail {
    pub dream: Dream,
    pub steps: Vec<Step>,
    pub sharing: crate::api::ItemSharing,
}

#[server(endpoint = "dreams")]
pub async fn list_dreams(archived: bool, before: Option<i64>) -> Result<Page<Dream>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.dreams(me.user_id, archived, before).await?)
}

#[server(endpoint = "dream")]
pub async fn load_dream(id: i64) -> Result<DreamDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let dream = store
        .dream(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(DreamDetail {
        steps: store.steps_of_dream(me.user_id, id).await?,
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        dream,
    })
}

#[server(endpoint = "dream_create")]
pub async fn create_dream(
    request_id: String,
    title: String,
    meaning: String,
    life_area: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = crate::model::DreamText::parse(&title, &meaning, &life_area)?;
    let store = crate::api::store()?;
    let id = store.create_dream(me.user_id, request_id, &text).await?;
    leptos_axum::redirect(&format!("/journal/dreams/{id}"));
    Ok(())
}

#[server(endpoint = "dream_update")]
pub async fn update_dream(
    id: i64,
    title: String,
    meaning: String,
    life_area: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = crate::model::DreamText::parse(&title, &meaning, &life_area)?;
    let store = crate::api::store()?;
    if !store.update_dream(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/dreams/{id}"));
    Ok(())
}

/// Puts a dream away, or brings it back.
#[server(endpoint = "dream_archive")]
pub async fn archive_dream(id: i64, archived: bool) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store.set_dream_archived(me.user_id, id, archived).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/dreams/{id}"));
    Ok(())
}

/// Deletes a dream for good; its steps stay, leading nowhere.
#[server(endpoint = "dream_delete")]
pub async fn delete_dream(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::Dream)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/dreams");
    Ok(())
}
