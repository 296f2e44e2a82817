//! The wishes box of a group: any member posts and votes; the group's
//! facilitators set a status the group sees. Nobody is ever told who wrote
//! a wish, and no log line names the author of one.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::store;
use crate::error::AppError;
use crate::model::Wish;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishBox {
    pub group_id: i64,
    pub group_name: String,
    pub wishes: Vec<Wish>,
    pub may_set_status: bool,
}

/// The caller, if they are a member of the group now; otherwise the group
/// is nothing to them.
#[cfg(feature = "ssr")]
async fn member_of(group: i64) -> Result<crate::policy::Actor, AppError> {
    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_use_wishes(&actor, group) {
        return Err(AppError::NotFound);
    }
    Ok(actor)
}

/// The wish's group, if the caller is a member of it.
#[cfg(feature = "ssr")]
async fn wish_of_my_group(wish: i64) -> Result<(crate::policy::Actor, i64), AppError> {
    let group = store()?.wish_group(wish).await?.ok_or(AppError::NotFound)?;
    Ok((member_of(group).await?, group))
}

#[cfg(feature = "ssr")]
fn back(group: i64, wish: Option<i64>) {
    let anchor = wish.map(|w| format!("#wish-{w}")).unwrap_or_default();
    leptos_axum::redirect(&format!("/groups/{group}/wishes{anchor}"));
}

#[server(endpoint = "wishes")]
pub async fn load_wishes(group: i64) -> Result<WishBox, AppError> {
    let actor = member_of(group).await?;
    let store = store()?;
    let group_name = store.group(group).await?.ok_or(AppError::NotFound)?.name;
    Ok(WishBox {
        group_id: group,
        group_name,
        wishes: store.wishes(group, actor.user_id).await?,
        may_set_status: crate::policy::may_set_wish_status(&actor, group),
    })
}

#[server(endpoint = "wish_post")]
pub async fn post_wish(group: i64, what: String, why: String) -> Result<(), AppError> {
    let actor = member_of(group).await?;
    let text = crate::model::WishText::parse(&what, &why)?;
    let id = store()?.post_wish(group, actor.user_id, &text).await?;
    // No user id here: this line and a vote's could otherwise name the author.
    tracing::info!(event = "wish_posted", group);
    back(group, Some(id));
    Ok(())
}

#[server(endpoint = "wish_edit")]
pub async fn edit_wish(wish: i64, what: String, why: String) -> Result<(), AppError> {
    let (actor, group) = wish_of_my_group(wish).await?;
    let text = crate::model::WishText::parse(&what, &why)?;
    if !store()?.edit_wish(actor.user_id, wish, &text).await? {
        return Err(AppError::NotFound);
    }
    back(group, Some(wish));
    Ok(())
}

#[server(endpoint = "wish_withdraw")]
pub async fn withdraw_wish(wish: i64) -> Result<(), AppError> {
    let (actor, group) = wish_of_my_group(wish).await?;
    if !store()?.withdraw_wish(actor.user_id, wish).await? {
        return Err(AppError::NotFound);
    }
    back(group, None);
    Ok(())
}

/// `vote` is "yes" to vote, "no" to take one's vote back.
#[server(endpoint = "wish_vote")]
pub async fn vote_wish(wish: i64, vote: String) -> Result<(), AppError> {
    let vote = match vote.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadInput),
    };
    let (actor, group) = wish_of_my_group(wish).await?;
    store()?.vote_wish(wish, actor.user_id, vote).await?;
    back(group, Some(wish));
    Ok(())
}

#[server(endpoint = "wish_status")]
pub async fn set_wish_status(wish: i64, status: String, reason: String) -> Result<(), AppError> {
    let (actor, group) = wish_of_my_group(wish).await?;
    if !crate::policy::may_set_wish_status(&actor, group) {
        return Err(AppError::Forbidden);
    }
    let (status, reason) = crate::model::parse_wish_status(&status, &reason)?;
    store()?.set_wish_status(wish, status, &reason).await?;
    tracing::info!(event = "wish_status_set", group, status = status.as_str());
    back(group, Some(wish));
    Ok(())
}
