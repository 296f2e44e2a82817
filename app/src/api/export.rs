//! Taking one's things along: everything the person owns as one JSON file,
//! and "My path on paper", the few things they pick to show a study or
//! employment adviser. Both read only the caller's own things, and both
//! need a passkey confirmation in the last ten minutes, like deleting the
//! account: an unlocked phone left on a table is not enough.

use leptos::prelude::*;
use leptos::server_fn::codec::{StreamingText, TextStream};

use crate::error::AppError;
use crate::model::PathSheet;

#[cfg(feature = "ssr")]
mod ssr {
    use std::future::Future;

    use crate::error::AppError;
    use crate::model::{Export, Page, PathSheet, EXPORT_FORMAT};
    use crate::store::{Account, Store, StoreError};

    /// The caller, signed in and lately confirmed with a passkey.
    pub async fn confirmed_caller() -> Result<(Store, Account), AppError> {
        let me = crate::auth::require_session().await?;
        crate::auth::require_recent_confirmation(&me)?;
        let store = crate::api::store()?;
        let account = store
            .account(me.user_id)
            .await?
            .ok_or(AppError::NotSignedIn)?;
        Ok((store, account))
    }

    /// Every page of one of the owner's paged lists, newest first.
    async fn all_pages<T, F, Fut>(mut page: F) -> Result<Vec<T>, AppError>
    where
        F: FnMut(Option<i64>) -> Fut,
        Fut: Future<Output = Result<Page<T>, StoreError>>,
    {
        let mut all = Vec::new();
        let mut cursor = None;
        loop {
            let next = page(cursor).await?;
            all.extend(next.items);
            match next.next {
                Some(before) => cursor = Some(before),
                None => return Ok(all),
            }
        }
    }

    /// Everything the owner has in Polku, read through the owner's own
    /// store functions: the owner is in every query, so nothing of anyone
    /// else can come along.
    pub async fn everything(store: &Store, me: &Account) -> Result<Export, AppError> {
        let owner = me.id;
        let mut dreams = all_pages(|c| store.dreams(owner, false, c)).await?;
        dreams.extend(all_pages(|c| store.dreams(owner, true, c)).await?);
        let mut steps = all_pages(|c| store.steps(owner, false, c)).await?;
        steps.extend(all_pages(|c| store.steps(owner, true, c)).await?);
        Ok(Export {
            format: EXPORT_FORMAT.to_owned(),
            exported_at: crate::store::unix_now(),
            display_name: me.display_name.clone(),
            language: me.locale,
            dreams,
            steps,
            reflections: all_pages(|c| store.reflections(owner, c)).await?,
            milestones: store.marks_of(owner).await?,
            checkins: all_pages(|c| store.checkins(owner, c)).await?,
            skills: all_pages(|c| store.skills(owner, c)).await?,
            peer_work: all_pages(|c| store.peer_work_diary(owner, c)).await?,
            shares: store.share_history(owner).await?,
            access_log: all_pages(|c| store.access_log(owner, c)).await?,
            feedback: store.feedback_history(owner).await?,
            wishes: store.wishes_by(owner).await?,
        })
    }

    /// What could go on the sheet: all the owner's dreams, steps, skills
    /// and milestones reached.
    pub async fn path_items(store: &Store, owner: i64) -> Result<PathSheet, AppError> {
        let mut dreams = all_pages(|c| store.dreams(owner, false, c)).await?;
        dreams.extend(all_pages(|c| store.dreams(owner, true, c)).await?);
        let mut steps = all_pages(|c| store.steps(owner, false, c)).await?;
        steps.extend(all_pages(|c| store.steps(owner, true, c)).await?);
        Ok(PathSheet {
            dreams,
            steps,
            skills: all_pages(|c| store.skills(owner, c)).await?,
            milestones: store.marks_of(owner).await?,
        })
    }
}

/// Everything the caller owns, as a file to keep. Posted by a plain form,
/// so another site cannot make a phone download it.
#[server(endpoint = "export.json", output = StreamingText)]
pub async fn export_download() -> Result<TextStream<AppError>, AppError> {
    use http::header::{HeaderValue, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
    use http::StatusCode;

    let (store, me) = ssr::confirmed_caller().await?;
    let export = ssr::everything(&store, &me).await?;
    let json = serde_json::to_string_pretty(&export).map_err(|_| AppError::Internal)?;
    let response = crate::api::server_context::<leptos_axum::ResponseOptions>()?;
    response.insert_header(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response.insert_header(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A file name that says "Polku" in the downloads folder would undo a
    // neutral look.
    let name = if me.neutral_look { "notes" } else { "polku" };
    let disposition = format!(
        "attachment; filename=\"{name}-{}.json\"",
        crate::model::Day::today().iso()
    );
    response.insert_header(
        CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(|_| AppError::Internal)?,
    );
    // A form posted without JavaScript would otherwise be sent back to the
    // page it came from (by its Referer) instead of getting the file.
    response.set_status(StatusCode::OK);
    tracing::info!(event = "exported", user_id = me.id);
    Ok(TextStream::from(futures::stream::once(std::future::ready(
        json,
    ))))
}

/// Everything that could go on "My path on paper", to pick from.
#[server(endpoint = "my_path")]
pub async fn my_path_choices() -> Result<PathSheet, AppError> {
    let (store, me) = ssr::confirmed_caller().await?;
    ssr::path_items(&store, me.id).await
}

/// The sheet itself: only the caller's items among `items` (ids, comma
/// separated); an id of anyone else's item finds nothing.
#[server(endpoint = "my_path_sheet")]
pub async fn my_path_sheet(items: String) -> Result<PathSheet, AppError> {
    let (store, me) = ssr::confirmed_caller().await?;
    let picked = crate::model::parse_picked(&items);
    Ok(ssr::path_items(&store, me.id).await?.only(&picked))
}
