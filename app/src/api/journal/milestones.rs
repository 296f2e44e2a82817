use leptos::prelude::*;

use crate::error::AppError;
use crate::model::MilestoneEntry;

/// The milestones of the caller's groups, with their own marks.
#[server(endpoint = "my_milestones")]
pub async fn my_milestones() -> Result<Vec<MilestoneEntry>, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    Ok(store.milestone_entries(me.user_id).await?)
}

/// Marks a group milestone as reached in the caller's own journal.
#[server(endpoint = "milestone_mark")]
pub async fn mark_milestone(
    request_id: String,
    milestone: i64,
    reached_on: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = crate::model::MarkText::parse(&reached_on, &note)?;
    let store = crate::api::store()?;
    store
        .mark_milestone(me.user_id, request_id, milestone, &text)
        .await?;
    leptos_axum::redirect("/journal/milestones");
    Ok(())
}

/// Takes a mark back (the milestone stays on the group's list).
#[server(endpoint = "milestone_unmark")]
pub async fn unmark_milestone(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::Milestone)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/milestones");
    Ok(())
}
