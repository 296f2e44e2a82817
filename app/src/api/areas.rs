//! Areas (towns) and the facilitators who work in them. Admins only.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::InviteView;
use crate::error::AppError;
use crate::model::GroupSummary;

pub const AREA_NAME_MAX: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaView {
    pub id: i64,
    pub name: String,
    pub groups: i64,
    pub facilitators: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub user_id: i64,
    pub display_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaDetail {
    pub id: i64,
    pub name: String,
    pub facilitators: Vec<PersonView>,
    pub invites: Vec<InviteView>,
    pub groups: Vec<GroupSummary>,
}

#[cfg(feature = "ssr")]
async fn require_admin() -> Result<crate::store::Store, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_manage_areas(&actor) {
        return Err(AppError::Forbidden);
    }
    crate::api::store()
}

#[cfg(feature = "ssr")]
fn area_name(name: &str) -> Result<String, AppError> {
    crate::model::validate_text(name, crate::model::Field::AreaName, 1, AREA_NAME_MAX)
}

#[server(endpoint = "areas")]
pub async fn areas() -> Result<Vec<AreaView>, AppError> {
    let store = require_admin().await?;
    Ok(store
        .areas()
        .await?
        .into_iter()
        .map(|a| AreaView {
            id: a.id,
            name: a.name,
            groups: a.groups,
            facilitators: a.facilitators,
        })
        .collect())
}

#[server(endpoint = "area_create")]
pub async fn create_area(name: String) -> Result<(), AppError> {
    let store = require_admin().await?;
    let id = store.create_area(&area_name(&name)?).await?;
    leptos_axum::redirect(&format!("/admin/areas/{id}"));
    Ok(())
}

#[server(endpoint = "area_rename")]
pub async fn rename_area(id: i64, name: String) -> Result<(), AppError> {
    let store = require_admin().await?;
    if !store.rename_area(id, &area_name(&name)?).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/admin/areas/{id}"));
    Ok(())
}

#[server(endpoint = "area")]
pub async fn load_area(id: i64) -> Result<AreaDetail, AppError> {
    let store = require_admin().await?;
    let name = store.area_name(id).await?.ok_or(AppError::NotFound)?;
    let facilitators = store
        .area_facilitators(id)
        .await?
        .into_iter()
        .map(|p| PersonView {
            user_id: p.user_id,
            display_name: p.display_name,
        })
        .collect();
    let groups = store.groups_in_area(id).await?;
    Ok(AreaDetail {
        id,
        name,
        facilitators,
        invites: super::invite::area_invites(id).await?,
        groups,
    })
}
