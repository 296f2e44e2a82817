//! Meetings: scheduled by a group's facilitators, seen by its members, who
//! can take one into their phone's calendar.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, StreamingText, TextStream};

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

#[server(endpoint = "meeting_schedule")]
pub async fn schedule_meeting(
    group: i64,
    starts: String,
    minutes: u32,
    place: String,
    topic: String,
) -> Result<(), AppError> {
    let store = may_manage(group).await?;
    let text = crate::model::MeetingText::parse(&starts, minutes, &place, &topic)?;
    store.schedule_meeting(group, &text).await?;
    leptos_axum::redirect(&format!("/groups/{group}#meetings"));
    Ok(())
}

#[server(endpoint = "meeting_cancel")]
pub async fn cancel_meeting(group: i64, id: i64) -> Result<(), AppError> {
    let store = may_manage(group).await?;
    if !store.cancel_meeting(group, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/groups/{group}#meetings"));
    Ok(())
}

/// A meeting as a calendar file, for members of its group. A plain link
/// downloads it, with or without JavaScript.
#[server(endpoint = "meeting.ics", input = GetUrl, output = StreamingText)]
pub async fn meeting_calendar(id: i64) -> Result<TextStream<AppError>, AppError> {
    use http::header::{HeaderValue, CONTENT_DISPOSITION, CONTENT_TYPE};

    let (_, actor) = crate::auth::require_actor().await?;
    let store = crate::api::store()?;
    let meeting = store
        .meeting(id)
        .await?
        .filter(|m| actor.memberships.iter().any(|(g, _)| *g == m.group_id))
        .ok_or(AppError::NotFound)?;
    let config = crate::api::server_context::<crate::auth::AuthConfig>()?;
    let host = config.origin.split("://").nth(1).unwrap_or("polku");
    let ics = crate::model::to_ics(&meeting, crate::store::unix_now(), host);
    let response = crate::api::server_context::<leptos_axum::ResponseOptions>()?;
    response.insert_header(
        CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    response.insert_header(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"polku-meeting.ics\""),
    );
    Ok(TextStream::from(futures::stream::once(std::future::ready(
        ics,
    ))))
}
