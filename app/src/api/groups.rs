//! Groups as the people who run them see them: the list, a new group, its
//! page, and the day it moves from weekly to monthly meetings.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{InviteView, PersonView};
#[cfg(feature = "ssr")]
use crate::api::store;
use crate::error::AppError;
use crate::model::{GroupSummary, Meeting, MentorLink, Milestone, Role};

pub const GROUP_NAME_MAX: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaOption {
    pub id: i64,
    pub name: String,
}

/// The groups a facilitator runs (an admin: all), and the areas where they
/// may start a new one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsOverview {
    pub groups: Vec<GroupSummary>,
    pub areas: Vec<AreaOption>,
}

/// A member as the group's facilitators see them: a name and a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub membership_id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub role: Role,
    pub joined_at: i64,
    pub may_remove: bool,
    pub may_recover: bool,
    /// Items this member shares with the caller now, and how many of those
    /// are new since the caller last looked: counted through the consent
    /// rule, so nothing unshared is ever counted.
    pub shared: Option<(i64, i64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    pub group: GroupSummary,
    pub members: Vec<MemberView>,
    pub invites: Vec<InviteView>,
    /// Facilitators of the area who do not run this group yet.
    pub colleagues: Vec<PersonView>,
    pub milestones: Vec<Milestone>,
    pub meetings: Vec<Meeting>,
    /// The group's peer mentor links, for its facilitators only.
    pub mentor_links: Option<Vec<MentorLink>>,
}

#[server(endpoint = "groups")]
pub async fn my_groups() -> Result<GroupsOverview, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !actor.is_staff() {
        return Err(AppError::Forbidden);
    }
    let store = store()?;
    let groups = if actor.is_admin {
        store.all_groups().await?
    } else {
        store
            .groups_of(actor.user_id)
            .await?
            .into_iter()
            .filter(|g| actor.facilitates(g.id))
            .collect()
    };
    let areas = store
        .areas()
        .await?
        .into_iter()
        .filter(|a| crate::policy::may_create_group(&actor, a.id))
        .map(|a| AreaOption {
            id: a.id,
            name: a.name,
        })
        .collect();
    Ok(GroupsOverview { groups, areas })
}

#[server(endpoint = "group_create")]
pub async fn create_group(
    area: i64,
    name: String,
    kind: String,
    starts_on: String,
) -> Result<(), AppError> {
    use crate::model::{default_switch, validate_text, Day, Field, GroupKind};
    use crate::store::NewGroup;

    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_create_group(&actor, area) {
        return Err(AppError::Forbidden);
    }
    let name = validate_text(&name, Field::GroupName, 1, GROUP_NAME_MAX)?;
    let kind = GroupKind::parse(&kind).ok_or(AppError::Invalid(Field::GroupKind))?;
    let starts_on = Day::parse(&starts_on).ok_or(AppError::Invalid(Field::StartDate))?;
    let store = store()?;
    if store.area_name(area).await?.is_none() {
        return Err(AppError::NotFound);
    }
    // The facilitator who starts a group runs it; an admin only sets it up.
    let facilitator = actor.works_in(area).then_some(actor.user_id);
    let id = store
        .create_group(
            NewGroup {
                area_id: area,
                name: &name,
                kind,
                starts_on,
                monthly_from: default_switch(starts_on),
            },
            facilitator,
        )
        .await?;
    tracing::info!(event = "group_created", group = id, by = actor.user_id);
    leptos_axum::redirect(&format!("/groups/{id}"));
    Ok(())
}

#[server(endpoint = "group")]
pub async fn load_group(id: i64) -> Result<GroupDetail, AppError> {
    use crate::policy::{
        may_create_recovery, may_manage_group, may_propose_mentor, may_remove_member,
    };

    let (_, actor) = crate::auth::require_actor().await?;
    // Another facilitator's group looks the same as no group at all.
    if !may_manage_group(&actor, id) {
        return Err(AppError::NotFound);
    }
    let reads = store()?
        .group_page(actor.user_id, id, may_propose_mentor(&actor, id))
        .await?
        .ok_or(AppError::NotFound)?;
    let mut members = Vec::new();
    for (m, target) in reads.roster {
        let may_recover = m.role != Role::Facilitator && may_create_recovery(&actor, &target);
        let shared = reads
            .shared_counts
            .iter()
            .find(|(owner, _, _)| *owner == m.user_id)
            .map(|(_, total, new)| (*total, *new));
        members.push(MemberView {
            shared,
            may_remove: may_remove_member(&actor, id, m.role),
            may_recover,
            membership_id: m.membership_id,
            user_id: m.user_id,
            display_name: m.display_name,
            role: m.role,
            joined_at: m.joined_at,
        });
    }
    let running: Vec<i64> = members
        .iter()
        .filter(|m| m.role == Role::Facilitator)
        .map(|m| m.user_id)
        .collect();
    let colleagues = reads
        .area_facilitators
        .into_iter()
        .filter(|p| !running.contains(&p.user_id))
        .map(|p| PersonView {
            user_id: p.user_id,
            display_name: p.display_name,
        })
        .collect();
    Ok(GroupDetail {
        mentor_links: reads.mentor_links,
        invites: super::invite::invite_views(reads.invites),
        milestones: reads.milestones,
        meetings: reads.meetings,
        group: reads.group,
        members,
        colleagues,
    })
}

/// Moves the day the group goes from weekly to monthly meetings. It cannot
/// come before the group starts.
#[server(endpoint = "group_switch")]
pub async fn set_switch_date(group: i64, monthly_from: String) -> Result<(), AppError> {
    use crate::model::{Day, Field};

    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_group(&actor, group) {
        return Err(AppError::Forbidden);
    }
    let store = store()?;
    let current = store.group(group).await?.ok_or(AppError::NotFound)?;
    let day = Day::parse(&monthly_from)
        .filter(|d| *d >= current.starts_on)
        .ok_or(AppError::Invalid(Field::SwitchDate))?;
    store.set_monthly_from(group, day).await?;
    leptos_axum::redirect(&format!("/groups/{group}"));
    Ok(())
}
