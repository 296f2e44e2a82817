//! A group's milestones, defined by its facilitators in agreement with the
//! group. Participants mark them reached in their own journals.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
async fn may_manage(group: i64) -> Result<crate::store::Store, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_group(&actor, group) {
        return Err(AppError::Forbidden);
    }
    let store = crate::api::store()?;
    store.group(group).await?.ok_or(AppError::NotFound)?;
    Ok(store)
}

#[server(endpoint = "milestone_create")]
pub async fn create_milestone(
    group: i64,
    title: String,
    description: String,
    target_on: String,
) -> Result<(), AppError> {
    let store = may_manage(group).await?;
    let text = crate::model::MilestoneText::parse(&title, &description, &target_on)?;
    store.create_milestone(group, &text).await?;
    leptos_axum::redirect(&format!("/groups/{group}#milestones"));
    Ok(())
}

#[server(endpoint = "milestone_update")]
pub async fn update_milestone(
    group: i64,
    id: i64,
    title: String,
    description: String,
    target_on: String,
) -> Result<(), AppError> {
    let store = may_manage(group).await?;
    let text = crate::model::MilestoneText::parse(&title, &description, &target_on)?;
    if !store.update_milestone(group, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/groups/{group}#milestones"));
    Ok(())
}

#[server(endpoint = "milestone_archive")]
pub async fn archive_milestone(group: i64, id: i64) -> Result<(), AppError> {
    let store = may_manage(group).await?;
    if !store.archive_milestone(group, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/groups/{group}#milestones"));
    Ok(())
}
