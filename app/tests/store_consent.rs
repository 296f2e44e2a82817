//! The consent rule in the store, on both backends: who sees a shared item,
//! for how long, and that every look is logged. Lists, counts and single
//! reads always agree, because they all use the one rule. The same rule
//! while others write at once is in `store_consent_races.rs`.

mod support;

use app::model::{Audience, DreamText, FeedbackKind, Role, ShareCategory, StepStatus, StepText};
use app::store::{unix_now, Store};
use support::consent::{one_for_each, reflection, seen_by, world};
use support::on_each_backend;
use support::world::{invite, member};

#[tokio::test]
async fn nothing_is_seen_until_it_is_shared_and_then_only_by_its_audience() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let a = reflection(&store, w.owner, 1).await;
        let b = reflection(&store, w.owner, 2).await;
        for viewer in [w.facilitator, w.stranger, w.mentor, w.admin] {
            assert!(seen_by(&store, viewer, w.owner, &[a, b]).await.is_empty());
        }
        assert!(store
            .share(w.owner, a, Audience::Facilitators, None)
            .await
            .unwrap());
        assert_eq!(seen_by(&store, w.facilitator, w.owner, &[a, b]).await, [a]);
        for viewer in [w.stranger, w.mentor, w.admin] {
            assert!(
                seen_by(&store, viewer, w.owner, &[a, b]).await.is_empty(),
                "{viewer}"
            );
        }
        // Someone else cannot share the owner's item.
        assert!(!store
            .share(w.facilitator, b, Audience::Facilitators, None)
            .await
            .unwrap());
        assert_eq!(seen_by(&store, w.facilitator, w.owner, &[a, b]).await, [a]);
    })
    .await;
}

/// Shares the item with the facilitators until a second ago: expired.
async fn share_until_a_second_ago(store: &Store, owner: i64, item: i64) {
    store
        .share(owner, item, Audience::Facilitators, Some(unix_now() - 1))
        .await
        .unwrap();
}

#[tokio::test]
async fn revoking_expiring_and_leaving_each_end_the_view_at_once() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let a = reflection(&store, w.owner, 1).await;
        store
            .share(w.owner, a, Audience::Facilitators, None)
            .await
            .unwrap();
        assert_eq!(seen_by(&store, w.facilitator, w.owner, &[a]).await, [a]);

        assert!(store
            .revoke_share(w.owner, a, Audience::Facilitators)
            .await
            .unwrap());
        assert!(seen_by(&store, w.facilitator, w.owner, &[a])
            .await
            .is_empty());

        share_until_a_second_ago(&store, w.owner, a).await;
        assert!(
            seen_by(&store, w.facilitator, w.owner, &[a])
                .await
                .is_empty(),
            "expired"
        );
        store
            .share(w.owner, a, Audience::Facilitators, Some(unix_now() + 3_600))
            .await
            .unwrap();
        assert_eq!(
            seen_by(&store, w.facilitator, w.owner, &[a]).await,
            [a],
            "shared again"
        );

        // Leaving the group ends it without touching the share; coming back
        // to the group brings it back.
        store.leave_group(w.group, w.owner).await.unwrap();
        assert!(seen_by(&store, w.facilitator, w.owner, &[a])
            .await
            .is_empty());
        assert_eq!(
            store.shares_of(w.owner, a).await.unwrap().len(),
            1,
            "the share stands"
        );
        let code = invite(&store, member(w.group, Role::Participant), 1).await;
        store.accept_invite(&code, w.owner).await.unwrap();
        assert_eq!(seen_by(&store, w.facilitator, w.owner, &[a]).await, [a]);

        // A facilitator who leaves the group loses the view too.
        store.leave_group(w.group, w.facilitator).await.unwrap();
        assert!(seen_by(&store, w.facilitator, w.owner, &[a])
            .await
            .is_empty());
    })
    .await;
}

/// Sharing what is shared already changes its expiry and nothing else: the
/// item keeps its one share, granted when it was, and is not new again to
/// a viewer who has seen it.
#[tokio::test]
async fn sharing_again_changes_only_the_expiry() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let a = reflection(&store, w.owner, 1).await;
        let later = unix_now() + 3_600;
        store
            .share(w.owner, a, Audience::Facilitators, Some(later))
            .await
            .unwrap();
        let granted = store.shares_of(w.owner, a).await.unwrap()[0].granted_at;
        assert_eq!(seen_by(&store, w.facilitator, w.owner, &[a]).await, [a]);
        let counts = |store: Store| async move {
            store
                .shared_counts(w.facilitator, &[w.owner])
                .await
                .unwrap()
        };
        assert_eq!(counts(store.clone()).await, [(w.owner, 1, 0)], "seen");

        // Past the visit's second, so a share granted anew would be newer.
        tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
        assert!(store
            .share(w.owner, a, Audience::Facilitators, None)
            .await
            .unwrap());
        let shares = store.shares_of(w.owner, a).await.unwrap();
        assert_eq!(shares.len(), 1);
        assert_eq!(
            (shares[0].granted_at, shares[0].expires_at),
            (granted, None)
        );
        assert_eq!(
            counts(store.clone()).await,
            [(w.owner, 1, 0)],
            "not new again"
        );

        share_until_a_second_ago(&store, w.owner, a).await;
        assert!(
            seen_by(&store, w.facilitator, w.owner, &[a])
                .await
                .is_empty(),
            "expired at once"
        );
    })
    .await;
}

/// The facilitator's page of one participant: their names and what they
/// share, while they are a participant of the group; nothing otherwise,
/// and nothing logged.
#[tokio::test]
async fn a_participants_page_names_them_only_while_they_are_in_the_group() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let (_, a) = one_for_each(&store, w.owner, 1).await;
        let ((group_name, name), page) = store
            .read_participant_page(w.facilitator, w.group, w.owner, None)
            .await
            .unwrap()
            .expect("a participant of the group");
        assert!(group_name.starts_with("Group"), "{group_name}");
        assert_eq!(name, "Pirjo");
        let shown: Vec<i64> = page.items.iter().map(|i| i.id).collect();
        assert_eq!(shown, [a], "the facilitators' share, not the mentor's");
        assert_eq!(
            store.access_log(w.owner, None).await.unwrap().items.len(),
            1
        );

        // A facilitator of another group sees none of it.
        let (_, page) = store
            .read_participant_page(w.stranger, w.group, w.owner, None)
            .await
            .unwrap()
            .unwrap();
        assert!(page.items.is_empty());
        // A peer mentor of the group is not a participant.
        assert!(store
            .read_participant_page(w.facilitator, w.group, w.mentor, None)
            .await
            .unwrap()
            .is_none());
        // Nor is someone who has left.
        store.leave_group(w.group, w.owner).await.unwrap();
        assert!(store
            .read_participant_page(w.facilitator, w.group, w.owner, None)
            .await
            .unwrap()
            .is_none());
        assert_eq!(
            store.access_log(w.owner, None).await.unwrap().items.len(),
            1,
            "nothing more was logged"
        );
    })
    .await;
}

#[tokio::test]
async fn a_peer_mentor_sees_mentor_shares_only_while_the_link_lasts() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let (to_mentor, to_facilitators) = one_for_each(&store, w.owner, 1).await;
        let items = [to_mentor, to_facilitators];
        assert!(
            seen_by(&store, w.mentor, w.owner, &items).await.is_empty(),
            "no link yet"
        );

        let link = store
            .propose_mentor(w.mentor, w.owner, Some(w.group), w.facilitator)
            .await
            .unwrap();
        assert!(
            seen_by(&store, w.mentor, w.owner, &items).await.is_empty(),
            "not accepted yet"
        );
        assert!(
            !store.answer_mentor(w.mentor, link, true).await.unwrap(),
            "the mentee answers"
        );
        assert!(store.answer_mentor(w.owner, link, true).await.unwrap());
        assert_eq!(
            seen_by(&store, w.mentor, w.owner, &items).await,
            [to_mentor]
        );
        assert_eq!(
            seen_by(&store, w.facilitator, w.owner, &items).await,
            [to_facilitators]
        );

        assert!(store.end_mentor_link(w.mentor, link).await.unwrap());
        assert!(seen_by(&store, w.mentor, w.owner, &items).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn every_look_by_anyone_but_the_owner_is_logged_once_per_item() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let a = reflection(&store, w.owner, 1).await;
        let b = reflection(&store, w.owner, 2).await;
        reflection(&store, w.owner, 3).await;
        store
            .share(w.owner, a, Audience::Facilitators, None)
            .await
            .unwrap();
        store
            .share(w.owner, b, Audience::Facilitators, None)
            .await
            .unwrap();
        assert!(store
            .access_log(w.owner, None)
            .await
            .unwrap()
            .items
            .is_empty());

        store
            .read_shared_items(w.facilitator, w.owner, None)
            .await
            .unwrap();
        let log = store.access_log(w.owner, None).await.unwrap().items;
        assert_eq!(log.len(), 2, "one row per item shown");
        assert!(log.iter().all(|l| l.viewer.as_deref() == Some("Fanni")));
        store
            .read_shared_item(w.facilitator, a)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            store.access_log(w.owner, None).await.unwrap().items.len(),
            3
        );
        // Looking at nothing leaves nothing; the stranger saw nothing.
        store
            .read_shared_items(w.stranger, w.owner, None)
            .await
            .unwrap();
        assert!(store
            .read_shared_item(w.stranger, a)
            .await
            .unwrap()
            .is_none());
        assert_eq!(
            store.access_log(w.owner, None).await.unwrap().items.len(),
            3
        );
        // Counting shows no content and logs nothing.
        store
            .shared_counts(w.facilitator, &[w.owner])
            .await
            .unwrap();
        assert_eq!(
            store.access_log(w.owner, None).await.unwrap().items.len(),
            3
        );
    })
    .await;
}

#[tokio::test]
async fn the_preview_is_exactly_what_the_audience_sees() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let dream = store
            .create_dream(
                w.owner,
                "consent-dream-0001",
                &DreamText::parse("Salainen unelma", "", "home").unwrap(),
            )
            .await
            .unwrap();
        let step = store
            .create_step(
                w.owner,
                "consent-step-00001",
                &StepText::parse("Jaettu askel", &dream.to_string(), "work", "").unwrap(),
            )
            .await
            .unwrap();
        let (_, preview) = store.share_preview(w.owner, step).await.unwrap().unwrap();
        store
            .share(w.owner, step, Audience::Facilitators, None)
            .await
            .unwrap();
        let seen = store
            .read_shared_item(w.facilitator, step)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(seen.content, preview);
        let shown = format!("{:?}", seen.content);
        assert!(
            !shown.contains("Salainen unelma"),
            "a shared step does not name its unshared dream"
        );
        assert!(
            store
                .share_preview(w.facilitator, step)
                .await
                .unwrap()
                .is_none(),
            "only the owner previews"
        );
    })
    .await;
}

#[tokio::test]
async fn defaults_share_new_items_only_and_stop_everything_stops_everything() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let before = reflection(&store, w.owner, 1).await;
        store
            .set_share_defaults(
                w.owner,
                &[
                    (ShareCategory::Reflection, Audience::Facilitators),
                    (ShareCategory::StepDone, Audience::Facilitators),
                ],
            )
            .await
            .unwrap();
        let after = reflection(&store, w.owner, 2).await;
        assert_eq!(
            seen_by(&store, w.facilitator, w.owner, &[before, after]).await,
            [after]
        );

        let step = store
            .create_step(
                w.owner,
                "consent-step-00002",
                &StepText::parse("Askel", "", "work", "").unwrap(),
            )
            .await
            .unwrap();
        assert!(
            store
                .read_shared_item(w.facilitator, step)
                .await
                .unwrap()
                .is_none(),
            "open steps stay private"
        );
        store
            .set_step_status(w.owner, step, StepStatus::Done, app::model::Day::today())
            .await
            .unwrap();
        assert!(
            store
                .read_shared_item(w.facilitator, step)
                .await
                .unwrap()
                .is_some(),
            "shared when done"
        );

        assert!(store.revoke_everything(w.owner).await.unwrap() >= 2);
        assert!(
            seen_by(&store, w.facilitator, w.owner, &[before, after, step])
                .await
                .is_empty()
        );
        assert!(store.share_defaults(w.owner).await.unwrap().is_empty());
        let later = reflection(&store, w.owner, 3).await;
        assert!(store
            .read_shared_item(w.facilitator, later)
            .await
            .unwrap()
            .is_none());
    })
    .await;
}

#[tokio::test]
async fn notes_go_only_on_items_shared_with_their_writer_and_go_with_the_item() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let a = reflection(&store, w.owner, 1).await;
        assert!(!store
            .add_feedback(w.facilitator, a, FeedbackKind::Note, "Hyvä!")
            .await
            .unwrap());
        store
            .share(w.owner, a, Audience::Facilitators, None)
            .await
            .unwrap();
        assert!(!store
            .add_feedback(w.stranger, a, FeedbackKind::Note, "Hei")
            .await
            .unwrap());
        assert!(store
            .add_feedback(w.facilitator, a, FeedbackKind::Note, "Hyvä!")
            .await
            .unwrap());
        let notes = store.feedback_on(w.owner, a).await.unwrap();
        assert_eq!((notes.len(), notes[0].body.as_str()), (1, "Hyvä!"));
        assert_eq!(store.recent_feedback(w.owner, 5).await.unwrap().len(), 1);
        assert!(
            store
                .feedback_on(w.facilitator, a)
                .await
                .unwrap()
                .is_empty(),
            "the owner's to read"
        );

        store
            .delete_item(w.owner, a, app::model::ItemKind::Reflection)
            .await
            .unwrap();
        assert!(
            store.recent_feedback(w.owner, 5).await.unwrap().is_empty(),
            "deleted with the item"
        );
    })
    .await;
}

/// A facilitator's page: each item carries the reader's own notes on it,
/// in order; a page after the first goes on where it stopped; and reading
/// remembers the visit, so nothing is new the second time.
#[tokio::test]
async fn a_page_carries_the_readers_notes_per_item_and_remembers_the_visit() {
    on_each_backend(|store| async move {
        let w = world(&store).await;
        let total = app::model::PAGE_SIZE as u32 + 3;
        let mut items = Vec::new();
        for n in 0..total {
            let id = reflection(&store, w.owner, n).await;
            store
                .share(w.owner, id, Audience::Facilitators, None)
                .await
                .unwrap();
            items.push(id);
        }
        let (a, b) = (items[total as usize - 1], items[total as usize - 2]);
        for (item, note) in [(a, "Eka"), (b, "Toinen"), (a, "Kolmas")] {
            assert!(store
                .add_feedback(w.facilitator, item, FeedbackKind::Note, note)
                .await
                .unwrap());
        }
        let new_count = |store: Store| async move {
            store
                .shared_counts(w.facilitator, &[w.owner])
                .await
                .unwrap()[0]
                .2
        };
        assert_eq!(new_count(store.clone()).await, i64::from(total));

        let first = store
            .read_shared_items(w.facilitator, w.owner, None)
            .await
            .unwrap();
        let notes: Vec<Vec<&str>> = first
            .items
            .iter()
            .take(3)
            .map(|i| i.feedback.iter().map(|f| f.body.as_str()).collect())
            .collect();
        assert_eq!(notes, [vec!["Eka", "Kolmas"], vec!["Toinen"], vec![]]);
        assert!(first.items.iter().all(|i| i.is_new), "never seen before");
        assert_eq!(first.items.len(), app::model::PAGE_SIZE as usize);
        assert_eq!(new_count(store.clone()).await, 0, "the visit is remembered");

        let rest = store
            .read_shared_items(w.facilitator, w.owner, first.next)
            .await
            .unwrap();
        let rest: Vec<i64> = rest.items.iter().map(|i| i.id).collect();
        assert_eq!(rest, [items[2], items[1], items[0]]);

        let again = store
            .read_shared_items(w.facilitator, w.owner, None)
            .await
            .unwrap();
        assert!(again.items.iter().all(|i| !i.is_new), "seen just now");
        assert!(store
            .read_shared_items(w.stranger, w.owner, None)
            .await
            .unwrap()
            .items
            .is_empty());
    })
    .await;
}
