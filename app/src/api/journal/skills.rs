use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{Page, Skill};

/// A skill and how it is shared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SkillDetail {
    pub skill: Skill,
    pub sharing: crate::api::ItemSharing,
}

#[server(endpoint = "skills")]
pub async fn list_skills(before: Option<i64>) -> Result<Page<Skill>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.skills(me.user_id, before).await?)
}

#[server(endpoint = "skill")]
pub async fn load_skill(id: i64) -> Result<SkillDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let skill = store
        .skill(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SkillDetail {
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        skill,
    })
}

#[server(endpoint = "skill_create")]
pub async fn create_skill(
    request_id: String,
    kind: String,
    learned_on: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = crate::model::SkillText::parse(&kind, &learned_on, &note)?;
    let store = crate::api::store()?;
    store.create_skill(me.user_id, request_id, &text).await?;
    leptos_axum::redirect("/journal/skills");
    Ok(())
}

#[server(endpoint = "skill_update")]
pub async fn update_skill(
    id: i64,
    kind: String,
    learned_on: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = crate::model::SkillText::parse(&kind, &learned_on, &note)?;
    let store = crate::api::store()?;
    if !store.update_skill(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/skills/{id}"));
    Ok(())
}

#[server(endpoint = "skill_delete")]
pub async fn delete_skill(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::Skill)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/skills");
    Ok(())
}
