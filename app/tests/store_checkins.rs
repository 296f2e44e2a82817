//! Check-ins in the store, on both backends: only their owner reads,
//! changes or deletes them; the chart's series is in day order; shared,
//! a check-in shows its ratings through the consent rule like any item.

mod support;

use app::model::{Audience, CheckInText, ItemKind, Role, SharedContent};
use app::policy::InviteTarget;
use support::on_each_backend;
use support::world::{area, group, member, person};

fn text(day: &str, first: &str) -> CheckInText {
    CheckInText::parse(
        day,
        [first, "2", "3", "4", "5", "4", "3"],
        "Ihan hyvä kuukausi",
    )
    .unwrap()
}

#[tokio::test]
async fn only_the_owner_keeps_their_check_ins() {
    on_each_backend(|store| async move {
        let a = area(&store).await;
        let g = group(&store, a, None).await;
        let owner = person(&store, member(g, Role::Participant), "Pirjo").await;
        let other = person(&store, member(g, Role::Participant), "Olli").await;
        let later = store
            .create_checkin(owner, "checkin-request-0001", &text("2026-11-20", "4"))
            .await
            .unwrap();
        let earlier = store
            .create_checkin(owner, "checkin-request-0002", &text("2026-10-20", "2"))
            .await
            .unwrap();
        // The same request again saves nothing new.
        let again = store
            .create_checkin(owner, "checkin-request-0002", &text("2026-10-20", "2"))
            .await
            .unwrap();
        assert_eq!(again, earlier);
        assert_eq!(store.checkins(owner, None).await.unwrap().items.len(), 2);

        let series = store.checkin_series(owner, 12).await.unwrap();
        let days: Vec<String> = series.iter().map(|c| c.checked_on.iso()).collect();
        assert_eq!(days, ["2026-10-20", "2026-11-20"], "oldest first, by day");
        assert_eq!(series[1].ratings, [4, 2, 3, 4, 5, 4, 3]);
        assert_eq!(store.checkin_series(owner, 1).await.unwrap()[0].id, later);

        // Someone else: nothing to read, change or delete.
        assert!(store.checkin(other, later).await.unwrap().is_none());
        assert!(store.checkins(other, None).await.unwrap().items.is_empty());
        assert!(!store
            .update_checkin(other, later, &text("2026-11-21", "1"))
            .await
            .unwrap());
        assert!(!store
            .delete_item(other, later, ItemKind::CheckIn)
            .await
            .unwrap());
        assert!(!store
            .delete_item(owner, later, ItemKind::Reflection)
            .await
            .unwrap());
        assert_eq!(
            store.checkin(owner, later).await.unwrap().unwrap().ratings[0],
            4
        );

        assert!(store
            .update_checkin(owner, later, &text("2026-11-21", "1"))
            .await
            .unwrap());
        let changed = store.checkin(owner, later).await.unwrap().unwrap();
        assert_eq!(changed.ratings[0], 1);
        assert_eq!(changed.checked_on.iso(), "2026-11-21");
        assert!(store
            .delete_item(owner, later, ItemKind::CheckIn)
            .await
            .unwrap());
        assert!(store.checkin(owner, later).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn a_shared_check_in_shows_its_ratings_and_nothing_unshared() {
    on_each_backend(|store| async move {
        let a = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area: a }, "Fanni").await;
        let g = group(&store, a, Some(facilitator)).await;
        let owner = person(&store, member(g, Role::Participant), "Pirjo").await;
        let shared = store
            .create_checkin(owner, "checkin-request-0011", &text("2026-11-20", "4"))
            .await
            .unwrap();
        store
            .create_checkin(owner, "checkin-request-0012", &text("2026-10-20", "2"))
            .await
            .unwrap();
        store
            .share(owner, shared, Audience::Facilitators, None)
            .await
            .unwrap();
        let seen = store
            .read_shared_items(facilitator, owner, None)
            .await
            .unwrap();
        assert_eq!(seen.items.len(), 1);
        assert_eq!(
            seen.items[0].content,
            SharedContent::CheckIn {
                checked_on: app::model::Day::parse("2026-11-20").unwrap(),
                ratings: [4, 2, 3, 4, 5, 4, 3],
                note: "Ihan hyvä kuukausi".to_owned(),
            }
        );
        let log = store.access_log(owner, None).await.unwrap();
        assert_eq!(log.items.len(), 1);
        assert_eq!(log.items[0].kind, ItemKind::CheckIn);
        assert_eq!(log.items[0].title, "2026-11-20");
    })
    .await;
}
