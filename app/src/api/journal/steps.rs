use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{DreamTitle, Page, Step};

/// A page of steps, and the person's current dreams to lead new ones to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepList {
    pub page: Page<Step>,
    pub dreams: Vec<DreamTitle>,
    pub next_step: Option<i64>,
}

/// A step, and the dreams it could lead to.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepDetail {
    pub step: Step,
    pub dreams: Vec<DreamTitle>,
    pub is_next: bool,
    pub sharing: crate::api::ItemSharing,
}

/// How many current dreams a step can be led to from its form.
#[cfg(feature = "ssr")]
const DREAM_CHOICES: i64 = 100;

#[cfg(feature = "ssr")]
async fn current_dreams(
    store: &crate::store::Store,
    owner: i64,
) -> Result<Vec<DreamTitle>, AppError> {
    Ok(store.dream_titles(owner, DREAM_CHOICES).await?)
}

#[server(endpoint = "steps")]
pub async fn list_steps(done: bool, before: Option<i64>) -> Result<StepList, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(StepList {
        page: store.steps(me.user_id, done, before).await?,
        dreams: current_dreams(&store, me.user_id).await?,
        next_step: store.next_step_id(me.user_id).await?,
    })
}

#[server(endpoint = "step")]
pub async fn load_step(id: i64) -> Result<StepDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let step = store
        .step(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(StepDetail {
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        is_next: store.next_step_id(me.user_id).await? == Some(id),
        dreams: current_dreams(&store, me.user_id).await?,
        step,
    })
}

#[server(endpoint = "step_create")]
pub async fn create_step(
    request_id: String,
    title: String,
    dream: Option<String>,
    kind: String,
    target_on: Option<String>,
    back: Option<String>,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = crate::model::StepText::parse(
        &title,
        dream.as_deref().unwrap_or_default(),
        &kind,
        target_on.as_deref().unwrap_or_default(),
    )?;
    let store = crate::api::store()?;
    store.create_step(me.user_id, request_id, &text).await?;
    super::back_to(back, "/journal/steps");
    Ok(())
}

#[server(endpoint = "step_update")]
pub async fn update_step(
    id: i64,
    title: String,
    dream: Option<String>,
    kind: String,
    target_on: Option<String>,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = crate::model::StepText::parse(
        &title,
        dream.as_deref().unwrap_or_default(),
        &kind,
        target_on.as_deref().unwrap_or_default(),
    )?;
    let store = crate::api::store()?;
    if !store.update_step(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/steps/{id}"));
    Ok(())
}

/// Moves a step on: doing, paused, done. Done is one tap from the lists.
#[server(endpoint = "step_status")]
pub async fn set_step_status(
    id: i64,
    status: String,
    back: Option<String>,
) -> Result<(), AppError> {
    use crate::model::{Day, Field, StepStatus};

    let me = crate::auth::require_session().await?;
    let status = StepStatus::parse(&status).ok_or(AppError::Invalid(Field::StepStatus))?;
    let store = crate::api::store()?;
    if !store
        .set_step_status(me.user_id, id, status, Day::today())
        .await?
    {
        return Err(AppError::NotFound);
    }
    super::back_to(back, &format!("/journal/steps/{id}"));
    Ok(())
}

/// Picks a step as "my next step", shown first on the home page.
#[server(endpoint = "step_next")]
pub async fn pick_next_step(id: i64, back: Option<String>) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store.set_next_step(me.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    super::back_to(back, "/");
    Ok(())
}

#[server(endpoint = "step_delete")]
pub async fn delete_step(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::Step)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/steps");
    Ok(())
}
