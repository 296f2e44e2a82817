//! Who is in a group: facilitators assigned, members removed, and a person
//! leaving by their own choice. Leaving ends whatever the group's
//! facilitators could see, because every rule reads current memberships.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::store;
use crate::error::AppError;
use crate::model::{GroupSummary, Meeting, Milestone, Role};

/// One of the caller's own groups, and their roles in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGroup {
    pub group: GroupSummary,
    pub roles: Vec<Role>,
    pub milestones: Vec<Milestone>,
    pub next_meeting: Option<Meeting>,
}

/// Makes a facilitator of the area one of the group's facilitators.
#[server(endpoint = "group_facilitator_add")]
pub async fn assign_facilitator(group: i64, user: i64) -> Result<(), AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    let store = store()?;
    let summary = store.group(group).await?;
    let assignee = store.actor(user).await?;
    let allowed = summary.as_ref().is_some_and(|g| {
        crate::policy::may_assign_facilitator(&actor, group, g.area_id, &assignee)
    });
    if !allowed {
        return Err(AppError::Forbidden);
    }
    store.add_facilitator(group, user).await?;
    tracing::info!(
        event = "facilitator_assigned",
        group,
        user_id = user,
        by = actor.user_id
    );
    leptos_axum::redirect(&format!("/groups/{group}"));
    Ok(())
}

/// Takes a member out of a group.
#[server(endpoint = "group_member_remove")]
pub async fn remove_member(group: i64, membership: i64) -> Result<(), AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_group(&actor, group) {
        return Err(AppError::Forbidden);
    }
    let store = store()?;
    let member = store
        .membership(group, membership)
        .await?
        .ok_or(AppError::NotFound)?;
    if !crate::policy::may_remove_member(&actor, group, member.role) {
        return Err(AppError::Forbidden);
    }
    store.end_membership(group, membership).await?;
    tracing::info!(
        event = "member_removed",
        group,
        user_id = member.user_id,
        by = actor.user_id
    );
    leptos_axum::redirect(&format!("/groups/{group}"));
    Ok(())
}

/// The caller leaves a group, in every role they had there.
#[server(endpoint = "group_leave")]
pub async fn leave_group(group: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    if !store()?.leave_group(group, me.user_id).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(event = "left_group", group, user_id = me.user_id);
    leptos_axum::redirect("/my-groups");
    Ok(())
}

/// The caller's own groups, for the page where they can leave one.
#[server(endpoint = "my_memberships")]
pub async fn my_memberships() -> Result<Vec<MyGroup>, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    let store = store()?;
    let mut mine = Vec::new();
    for group in store.groups_of(actor.user_id).await? {
        mine.push(MyGroup {
            roles: actor
                .memberships
                .iter()
                .filter(|(g, _)| *g == group.id)
                .map(|(_, r)| *r)
                .collect(),
            milestones: store.milestones(group.id).await?,
            next_meeting: store.coming_meetings(group.id).await?.into_iter().next(),
            group,
        });
    }
    Ok(mine)
}
