//! "New since your last look", on both backends: what a facilitator's or
//! mentor's count and list mark as new tells them of their own audience
//! only, never of a share with someone else.

mod support;

use app::model::{Audience, ReflectionText};
use app::store::Store;
use support::consent::mentored;
use support::on_each_backend;

async fn shared_reflection(store: &Store, owner: i64, n: u32, audience: Audience) -> i64 {
    let id = store
        .create_reflection(
            owner,
            &format!("new-since-{n:06}"),
            &ReflectionText::parse("2026-12-07", &format!("Ajatus {n}"), "").unwrap(),
        )
        .await
        .unwrap();
    assert!(store.share(owner, id, audience, None).await.unwrap());
    id
}

/// The viewer's count of the owner's items, and of those new; then the
/// items the page marks new (and the page records the visit).
async fn news(store: &Store, viewer: i64, owner: i64) -> ((i64, i64), Vec<i64>) {
    let counts = store.shared_counts(viewer, &[owner]).await.unwrap();
    let (_, total, new) = counts.first().copied().unwrap_or((owner, 0, 0));
    let page = store.read_shared_items(viewer, owner, None).await.unwrap();
    let marked = page.items.iter().filter(|i| i.is_new).map(|i| i.id);
    ((total, new), marked.collect())
}

#[tokio::test]
async fn a_share_with_one_audience_is_no_news_to_the_other() {
    on_each_backend(|store| async move {
        let w = mentored(&store).await;
        let to_facilitators = shared_reflection(&store, w.owner, 1, Audience::Facilitators).await;
        let to_mentor = shared_reflection(&store, w.owner, 2, Audience::Mentor).await;
        assert_eq!(
            news(&store, w.facilitator, w.owner).await,
            ((1, 1), vec![to_facilitators]),
            "new before the first look"
        );
        assert_eq!(
            news(&store, w.mentor, w.owner).await,
            ((1, 1), vec![to_mentor])
        );
        assert_eq!(
            news(&store, w.facilitator, w.owner).await,
            ((1, 0), vec![]),
            "seen"
        );

        // Past the looks' second, so a share granted now is newer.
        tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
        for (item, audience) in [
            (to_facilitators, Audience::Mentor),
            (to_mentor, Audience::Facilitators),
        ] {
            assert!(store.share(w.owner, item, audience, None).await.unwrap());
        }
        assert_eq!(
            news(&store, w.facilitator, w.owner).await,
            ((2, 1), vec![to_mentor]),
            "only the item newly shared with the facilitators is new to them"
        );
        assert_eq!(
            news(&store, w.mentor, w.owner).await,
            ((2, 1), vec![to_facilitators]),
            "only the item newly shared with the mentor is new to them"
        );
        assert_eq!(news(&store, w.mentor, w.owner).await, ((2, 0), vec![]));
    })
    .await;
}

#[tokio::test]
async fn an_edit_since_the_last_look_is_news_to_everyone_it_is_shared_with() {
    on_each_backend(|store| async move {
        let w = mentored(&store).await;
        let both = shared_reflection(&store, w.owner, 1, Audience::Facilitators).await;
        assert!(store
            .share(w.owner, both, Audience::Mentor, None)
            .await
            .unwrap());
        let kept = shared_reflection(&store, w.owner, 2, Audience::Facilitators).await;
        assert_eq!(
            news(&store, w.facilitator, w.owner).await,
            ((2, 2), vec![kept, both])
        );
        assert_eq!(news(&store, w.mentor, w.owner).await, ((1, 1), vec![both]));

        tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
        let text = ReflectionText::parse("2026-12-07", "Ajatus, toisin", "").unwrap();
        assert!(store.update_reflection(w.owner, both, &text).await.unwrap());
        assert_eq!(
            news(&store, w.facilitator, w.owner).await,
            ((2, 1), vec![both])
        );
        assert_eq!(news(&store, w.mentor, w.owner).await, ((1, 1), vec![both]));
        assert_eq!(news(&store, w.facilitator, w.owner).await.0, (2, 0));
    })
    .await;
}
