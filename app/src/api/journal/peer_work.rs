use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Page, PeerWork};

/// A diary entry and how it is shared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PeerWorkDetail {
    pub entry: PeerWork,
    pub sharing: crate::api::ItemSharing,
}

#[server(endpoint = "peer_work")]
pub async fn list_peer_work(before: Option<i64>) -> Result<Page<PeerWork>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.peer_work_diary(me.user_id, before).await?)
}

#[server(endpoint = "peer_work_entry")]
pub async fn load_peer_work(id: i64) -> Result<PeerWorkDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let entry = store
        .peer_work(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(PeerWorkDetail {
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        entry,
    })
}

#[server(endpoint = "peer_work_create")]
pub async fn create_peer_work(
    request_id: String,
    kind: String,
    done_on: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = parse(&kind, &done_on, &note)?;
    let store = crate::api::store()?;
    store
        .create_peer_work(me.user_id, request_id, &text)
        .await?;
    leptos_axum::redirect("/journal/peer-work");
    Ok(())
}

#[server(endpoint = "peer_work_update")]
pub async fn update_peer_work(
    id: i64,
    kind: String,
    done_on: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = parse(&kind, &done_on, &note)?;
    let store = crate::api::store()?;
    if !store.update_peer_work(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/peer-work/{id}"));
    Ok(())
}

#[server(endpoint = "peer_work_delete")]
pub async fn delete_peer_work(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::PeerWork)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/peer-work");
    Ok(())
}

#[cfg(feature = "ssr")]
fn parse(kind: &str, done_on: &str, note: &str) -> Result<crate::model::PeerWorkText, AppError> {
    crate::model::PeerWorkText::parse(kind, done_on, note, crate::model::Day::today())
}
