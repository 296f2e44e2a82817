//! Peer mentor links and encouragement in the store, on both backends.

mod support;

use app::model::{Audience, Phrase, ReflectionText, Role, StepText};
use app::policy::InviteTarget;
use app::store::{Store, StoreError};
use support::on_each_backend;
use support::world::{area, group, member, person};

struct World {
    group: i64,
    facilitator: i64,
    mentee: i64,
    mentor: i64,
    other: i64,
}

async fn world(store: &Store) -> World {
    let a = area(store).await;
    let facilitator = person(store, InviteTarget::Facilitator { area: a }, "Fanni").await;
    let g = group(store, a, Some(facilitator)).await;
    World {
        group: g,
        mentee: person(store, member(g, Role::Participant), "Pirjo").await,
        mentor: person(store, member(g, Role::PeerMentor), "Mikko").await,
        other: person(store, member(g, Role::Participant), "Olli").await,
        facilitator,
    }
}

async fn step(store: &Store, owner: i64, n: u32) -> i64 {
    store
        .create_step(
            owner,
            &format!("mentoring-step-{n:06}"),
            &StepText::parse(&format!("Askel {n}"), "", "work", "").unwrap(),
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn a_link_is_proposed_answered_and_ended_and_each_side_sees_it() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let link = store
            .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
            .await
            .unwrap();
        // One open link per pair: a second proposal waits for the first.
        assert!(matches!(
            store
                .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
                .await,
            Err(StoreError::AlreadyMember)
        ));
        let mine = store.mentor_links_of(w.mentee).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].mentor_name, "Mikko");
        assert_eq!(mine[0].accepted_at, None);
        assert_eq!(store.mentor_links_of(w.mentor).await.unwrap().len(), 1);
        assert!(store.mentor_links_of(w.other).await.unwrap().is_empty());
        assert_eq!(store.mentor_links_in_group(w.group).await.unwrap().len(), 1);
        assert!(store
            .active_mentor_link(w.mentor, w.mentee)
            .await
            .unwrap()
            .is_none());

        // Only the mentee answers, once.
        assert!(!store.answer_mentor(w.mentor, link, true).await.unwrap());
        assert!(!store.answer_mentor(w.other, link, true).await.unwrap());
        assert!(store.answer_mentor(w.mentee, link, true).await.unwrap());
        assert!(!store.answer_mentor(w.mentee, link, false).await.unwrap());
        let active = store.active_mentor_link(w.mentor, w.mentee).await.unwrap();
        assert!(active.is_some_and(|l| l.accepted_at.is_some()));

        // Only a side ends it; then it is gone for both and for the group.
        assert!(!store.end_mentor_link(w.other, link).await.unwrap());
        assert!(!store.end_mentor_link(w.facilitator, link).await.unwrap());
        assert!(store.end_mentor_link(w.mentee, link).await.unwrap());
        assert!(!store.end_mentor_link(w.mentor, link).await.unwrap());
        assert!(store.mentor_links_of(w.mentor).await.unwrap().is_empty());
        assert!(store
            .mentor_links_in_group(w.group)
            .await
            .unwrap()
            .is_empty());
        assert!(store
            .active_mentor_link(w.mentor, w.mentee)
            .await
            .unwrap()
            .is_none());

        // A declined proposal frees the pair for a new one later.
        let again = store
            .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
            .await
            .unwrap();
        assert!(store.answer_mentor(w.mentee, again, false).await.unwrap());
        assert!(store.mentor_links_of(w.mentee).await.unwrap().is_empty());
        store
            .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test]
async fn encouragement_needs_a_live_link_and_a_step_or_milestone_shared_with_the_mentor() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let shared = step(&store, w.mentee, 1).await;
        let to_facilitators = step(&store, w.mentee, 2).await;
        let unshared = step(&store, w.mentee, 3).await;
        let thought = store
            .create_reflection(
                w.mentee,
                "mentoring-reflection-1",
                &ReflectionText::parse("2026-11-23", "Ajatus", "").unwrap(),
            )
            .await
            .unwrap();
        for (item, audience) in [
            (shared, Audience::Mentor),
            (to_facilitators, Audience::Facilitators),
            (thought, Audience::Mentor),
        ] {
            store.share(w.mentee, item, audience, None).await.unwrap();
        }
        let encourage = |item| store.encourage(w.mentor, item, Phrase::WellDone, "Hyvä!");
        assert!(!encourage(shared).await.unwrap(), "no link yet");

        let link = store
            .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
            .await
            .unwrap();
        assert!(!encourage(shared).await.unwrap(), "not accepted yet");
        store.answer_mentor(w.mentee, link, true).await.unwrap();
        assert!(encourage(shared).await.unwrap());
        assert!(!encourage(to_facilitators).await.unwrap());
        assert!(!encourage(unshared).await.unwrap());
        assert!(
            !encourage(thought).await.unwrap(),
            "reflections are not encouraged"
        );
        // A facilitator who sees a step does not send a mentor's encouragement.
        store
            .share(w.mentee, shared, Audience::Facilitators, None)
            .await
            .unwrap();
        assert!(!store
            .encourage(w.facilitator, shared, Phrase::KeepGoing, "")
            .await
            .unwrap());

        // The mentee sees it, with its phrase, on the item and on the home page.
        let on_item = store.feedback_on(w.mentee, shared).await.unwrap();
        assert_eq!(on_item.len(), 1);
        assert_eq!(on_item[0].phrase, Some(Phrase::WellDone));
        assert_eq!(on_item[0].body, "Hyvä!");
        assert_eq!(on_item[0].author.as_deref(), Some("Mikko"));
        let recent = store.recent_feedback(w.mentee, 5).await.unwrap();
        assert_eq!(recent.len(), 1);

        // Only the mentee hides it; hidden, it is gone from both places.
        let id = on_item[0].id;
        assert!(!store.hide_feedback(w.mentor, id).await.unwrap());
        assert!(!store.hide_feedback(w.other, id).await.unwrap());
        assert!(store.hide_feedback(w.mentee, id).await.unwrap());
        assert!(store
            .feedback_on(w.mentee, shared)
            .await
            .unwrap()
            .is_empty());
        assert!(store.recent_feedback(w.mentee, 5).await.unwrap().is_empty());

        // Ended link: no more encouragement.
        store.end_mentor_link(w.mentor, link).await.unwrap();
        assert!(!encourage(shared).await.unwrap());
    })
    .await;
}

/// The mentor's page of a mentee: the link and what the mentee shares with
/// the mentor, only while the link is accepted and open.
#[tokio::test]
async fn a_mentees_page_opens_only_with_an_accepted_open_link() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let to_mentor = step(&store, w.mentee, 1).await;
        let to_facilitators = step(&store, w.mentee, 2).await;
        store
            .share(w.mentee, to_mentor, Audience::Mentor, None)
            .await
            .unwrap();
        store
            .share(w.mentee, to_facilitators, Audience::Facilitators, None)
            .await
            .unwrap();
        let page = |viewer| store.read_mentee_page(viewer, w.mentee, None);
        assert!(page(w.mentor).await.unwrap().is_none(), "no link yet");

        let link = store
            .propose_mentor(w.mentor, w.mentee, Some(w.group), w.facilitator)
            .await
            .unwrap();
        assert!(page(w.mentor).await.unwrap().is_none(), "not accepted yet");
        store.answer_mentor(w.mentee, link, true).await.unwrap();
        let (shown_link, shown) = page(w.mentor).await.unwrap().expect("an open link");
        assert_eq!(shown_link.id, link);
        assert_eq!(shown_link.mentee_name, "Pirjo");
        let ids: Vec<i64> = shown.items.iter().map(|i| i.id).collect();
        assert_eq!(
            ids,
            [to_mentor],
            "the mentor's share, not the facilitators'"
        );
        // Someone else of the group, or its facilitator, has no such link.
        assert!(page(w.other).await.unwrap().is_none());
        assert!(page(w.facilitator).await.unwrap().is_none());

        store.end_mentor_link(w.mentee, link).await.unwrap();
        assert!(page(w.mentor).await.unwrap().is_none(), "ended");
        assert_eq!(
            store.access_log(w.mentee, None).await.unwrap().items.len(),
            1,
            "only the one page shown was logged"
        );
    })
    .await;
}
