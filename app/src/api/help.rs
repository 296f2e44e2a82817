//! Help and services: what to do in an emergency, and each area's local
//! low-threshold services. Open to everyone, signed in or not; kept by each
//! area's admins and facilitators.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AreaOption;
use crate::error::AppError;
use crate::model::HelpService;

/// One area's help page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaHelp {
    pub id: i64,
    pub name: String,
    pub services: Vec<HelpService>,
    /// The caller keeps this page.
    pub may_edit: bool,
}

/// The help page: the caller's own areas first, with their services; the
/// other areas as links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpIndex {
    pub mine: Vec<AreaHelp>,
    pub others: Vec<AreaOption>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::store;
    use crate::policy::Actor;
    use crate::store::Store;

    /// The caller, if signed in; help is for everyone.
    pub async fn caller() -> Result<Option<Actor>, AppError> {
        Ok(crate::auth::current_actor().await?.map(|(_, actor)| actor))
    }

    pub async fn area_help(
        id: i64,
        name: String,
        actor: Option<&Actor>,
    ) -> Result<AreaHelp, AppError> {
        Ok(AreaHelp {
            services: store()?.services(id).await?,
            may_edit: actor.is_some_and(|a| crate::policy::may_edit_help(a, id)),
            id,
            name,
        })
    }

    pub async fn may_edit(area: i64) -> Result<Store, AppError> {
        let (_, actor) = crate::auth::require_actor().await?;
        if !crate::policy::may_edit_help(&actor, area) {
            return Err(AppError::Forbidden);
        }
        let store = store()?;
        store.area_name(area).await?.ok_or(AppError::NotFound)?;
        Ok(store)
    }
}

#[server(endpoint = "help")]
pub async fn load_help() -> Result<HelpIndex, AppError> {
    let actor = ssr::caller().await?;
    let store = crate::api::store()?;
    let own = match &actor {
        Some(actor) => store.areas_of(actor.user_id).await?,
        None => Vec::new(),
    };
    let mut index = HelpIndex {
        mine: Vec::new(),
        others: Vec::new(),
    };
    for area in store.areas().await? {
        if own.contains(&area.id) {
            index
                .mine
                .push(ssr::area_help(area.id, area.name, actor.as_ref()).await?);
        } else {
            index.others.push(AreaOption {
                id: area.id,
                name: area.name,
            });
        }
    }
    Ok(index)
}

#[server(endpoint = "help_area")]
pub async fn load_area_help(id: i64) -> Result<AreaHelp, AppError> {
    let actor = ssr::caller().await?;
    let name = crate::api::store()?
        .area_name(id)
        .await?
        .ok_or(AppError::NotFound)?;
    ssr::area_help(id, name, actor.as_ref()).await
}

#[server(endpoint = "service_add")]
pub async fn add_service(
    area: i64,
    name: String,
    offer: String,
    address: String,
    hours: String,
    phone: String,
) -> Result<(), AppError> {
    let store = ssr::may_edit(area).await?;
    let text = crate::model::ServiceText::parse(&name, &offer, &address, &hours, &phone)?;
    store.add_service(area, &text).await?;
    leptos_axum::redirect(&format!("/help/areas/{area}"));
    Ok(())
}

#[server(endpoint = "service_update")]
#[allow(clippy::too_many_arguments)]
pub async fn update_service(
    area: i64,
    id: i64,
    name: String,
    offer: String,
    address: String,
    hours: String,
    phone: String,
) -> Result<(), AppError> {
    let store = ssr::may_edit(area).await?;
    let text = crate::model::ServiceText::parse(&name, &offer, &address, &hours, &phone)?;
    if !store.update_service(area, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/help/areas/{area}"));
    Ok(())
}

#[server(endpoint = "service_remove")]
pub async fn remove_service(area: i64, id: i64) -> Result<(), AppError> {
    let store = ssr::may_edit(area).await?;
    if !store.remove_service(area, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/help/areas/{area}"));
    Ok(())
}
