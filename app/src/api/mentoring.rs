//! Peer mentoring: a facilitator proposes, the mentee answers, either side
//! ends it; the mentor sees only what the mentee shares with "my peer
//! mentor", through the store's consent rule, and encourages.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::store;
use crate::error::AppError;
use crate::model::{MentorLink, Page, SharedItem};

/// A mentee as their mentor sees them in the list: how many things they
/// share with the mentor now, and how many are new since the last look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteeView {
    pub link: MentorLink,
    pub shared: i64,
    pub new: i64,
}

/// The caller's mentoring: proposals waiting for their answer, their own
/// peer mentors, and the people they mentor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentoring {
    pub proposals: Vec<MentorLink>,
    pub mentors: Vec<MentorLink>,
    /// Accepted links only: a mentor is not told of a proposal, so the
    /// person proposed to can decline it without anyone else knowing.
    pub mentees: Vec<MenteeView>,
}

/// What one mentee shares with their mentor now, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenteePage {
    pub link: MentorLink,
    pub page: Page<SharedItem>,
}

#[server(endpoint = "mentoring")]
pub async fn load_mentoring() -> Result<Mentoring, AppError> {
    let me = crate::auth::require_session().await?;
    let store = store()?;
    let links = store.mentor_links_of(me.user_id).await?;
    let (mine, as_mentor): (Vec<_>, Vec<_>) =
        links.into_iter().partition(|l| l.mentee_id == me.user_id);
    let (mentors, proposals) = mine.into_iter().partition(|l| l.accepted_at.is_some());
    let active: Vec<MentorLink> = as_mentor
        .into_iter()
        .filter(|l| l.accepted_at.is_some())
        .collect();
    let owners: Vec<i64> = active.iter().map(|l| l.mentee_id).collect();
    let counts = store.shared_counts(me.user_id, &owners).await?;
    let mentees = active
        .into_iter()
        .map(|link| {
            let (shared, new) = counts
                .iter()
                .find(|(owner, _, _)| *owner == link.mentee_id)
                .map_or((0, 0), |(_, total, new)| (*total, *new));
            MenteeView { link, shared, new }
        })
        .collect();
    Ok(Mentoring {
        proposals,
        mentors,
        mentees,
    })
}

/// A facilitator proposes one of the group's peer mentors to one of its
/// participants. Nothing opens until the participant accepts.
#[server(endpoint = "mentor_propose")]
pub async fn propose_mentor(group: i64, mentor: i64, mentee: i64) -> Result<(), AppError> {
    use crate::model::{Field, Role};
    use crate::store::StoreError;

    let (_, actor) = crate::auth::require_actor().await?;
    if !crate::policy::may_propose_mentor(&actor, group) {
        return Err(AppError::NotFound);
    }
    let store = store()?;
    let is = |a: &crate::policy::Actor, role| a.memberships.contains(&(group, role));
    if mentor == mentee || !is(&store.actor(mentor).await?, Role::PeerMentor) {
        return Err(AppError::Invalid(Field::Mentor));
    }
    if !is(&store.actor(mentee).await?, Role::Participant) {
        return Err(AppError::Invalid(Field::Mentee));
    }
    match store
        .propose_mentor(mentor, mentee, Some(group), actor.user_id)
        .await
    {
        Err(StoreError::AlreadyMember) => return Err(AppError::Invalid(Field::Mentor)),
        other => other?,
    };
    tracing::info!(event = "mentor_proposed", by = actor.user_id, group);
    leptos_axum::redirect(&format!("/groups/{group}#mentoring"));
    Ok(())
}

/// The mentee accepts or declines a proposal made to them.
#[server(endpoint = "mentor_answer")]
pub async fn answer_mentor(link: i64, answer: String) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadInput),
    };
    if !store()?.answer_mentor(me.user_id, link, accept).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(event = "mentor_answered", user_id = me.user_id, accept);
    leptos_axum::redirect("/mentoring");
    Ok(())
}

/// Either side ends the link; the mentor sees nothing from the next request.
#[server(endpoint = "mentor_end")]
pub async fn end_mentoring(link: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    if !store()?.end_mentor_link(me.user_id, link).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(event = "mentor_link_ended", user_id = me.user_id);
    leptos_axum::redirect("/mentoring");
    Ok(())
}

/// The mentor's view of one mentee; every item shown is logged for the
/// mentee. Without an accepted, open link there is nothing to see.
#[server(endpoint = "mentee")]
pub async fn load_mentee(person: i64, before: Option<i64>) -> Result<MenteePage, AppError> {
    let me = crate::auth::require_session().await?;
    let (link, page) = store()?
        .read_mentee_page(me.user_id, person, before)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(MenteePage { link, page })
}

/// A ready phrase and a few words of one's own on a step or milestone the
/// mentee shares with the mentor now.
#[server(endpoint = "encourage")]
pub async fn encourage(
    person: i64,
    item: i64,
    phrase: String,
    message: String,
) -> Result<(), AppError> {
    use crate::model::{validate_encouragement, Field, Phrase};

    let me = crate::auth::require_session().await?;
    let phrase = Phrase::parse(&phrase).ok_or(AppError::Invalid(Field::Phrase))?;
    let message = validate_encouragement(&message)?;
    let store = store()?;
    if store
        .active_mentor_link(me.user_id, person)
        .await?
        .is_none()
        || !store.encourage(me.user_id, item, phrase, &message).await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!("/mentoring/{person}#item-{item}"));
    Ok(())
}

/// The owner hides a note or an encouragement from their home page.
#[server(endpoint = "note_hide")]
pub async fn hide_note(id: i64) -> Result<(), AppError> {
    let me = crate::auth::require_session().await?;
    if !store()?.hide_feedback(me.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/#notes");
    Ok(())
}
