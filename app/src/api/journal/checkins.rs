// A check-in form posts one field per aspect, as a plain HTML form does:
// the server functions take each as an argument.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CheckIn, Day, Page};

/// My check-ins: the latest for the chart, a page of the list, and when
/// the next one is suggested.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckInList {
    pub series: Vec<CheckIn>,
    pub page: Page<CheckIn>,
    /// `None` when none was made yet: one is welcome now.
    pub next_on: Option<Day>,
}

/// A check-in and how it is shared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CheckInDetail {
    pub checkin: CheckIn,
    pub sharing: crate::api::ItemSharing,
}

#[server(endpoint = "checkins")]
pub async fn list_checkins(before: Option<i64>) -> Result<CheckInList, AppError> {
    use crate::model::{next_checkin, CHART_CHECKINS};

    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let series = store.checkin_series(me.user_id, CHART_CHECKINS).await?;
    Ok(CheckInList {
        next_on: next_checkin(series.last().map(|c| c.checked_on)),
        page: store.checkins(me.user_id, before).await?,
        series,
    })
}

#[server(endpoint = "checkin")]
pub async fn load_checkin(id: i64) -> Result<CheckInDetail, AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    let checkin = store
        .checkin(me.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CheckInDetail {
        sharing: crate::api::item_sharing(&store, me.user_id, id).await?,
        checkin,
    })
}

#[cfg(feature = "ssr")]
fn parse(
    checked_on: &str,
    ratings: [&str; 7],
    note: &str,
) -> Result<crate::model::CheckInText, AppError> {
    crate::model::CheckInText::parse(checked_on, ratings, note)
}

#[server(endpoint = "checkin_create")]
pub async fn create_checkin(
    request_id: String,
    checked_on: String,
    control: String,
    heard: String,
    for_others: String,
    routines: String,
    health: String,
    relationships: String,
    readiness: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let request_id = crate::model::validate_request_id(&request_id)?;
    let text = parse(
        &checked_on,
        [
            &control,
            &heard,
            &for_others,
            &routines,
            &health,
            &relationships,
            &readiness,
        ],
        &note,
    )?;
    let store = crate::api::store()?;
    store.create_checkin(me.user_id, request_id, &text).await?;
    leptos_axum::redirect("/journal/checkins?saved=1");
    Ok(())
}

#[server(endpoint = "checkin_update")]
pub async fn update_checkin(
    id: i64,
    checked_on: String,
    control: String,
    heard: String,
    for_others: String,
    routines: String,
    health: String,
    relationships: String,
    readiness: String,
    note: String,
) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let text = parse(
        &checked_on,
        [
            &control,
            &heard,
            &for_others,
            &routines,
            &health,
            &relationships,
            &readiness,
        ],
        &note,
    )?;
    let store = crate::api::store()?;
    if !store.update_checkin(me.user_id, id, &text).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/journal/checkins/{id}"));
    Ok(())
}

#[server(endpoint = "checkin_delete")]
pub async fn delete_checkin(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let store = crate::api::store()?;
    if !store
        .delete_item(me.user_id, id, crate::model::ItemKind::CheckIn)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/journal/checkins");
    Ok(())
}
