//! The peer work diary in the store, on both backends: the writer's own;
//! shared, it shows what and when but never the note; counted in the
//! area's figures as numbers only.

mod support;

use app::model::{Audience, Day, ItemKind, PeerWorkKind, PeerWorkText, Role, SharedContent};
use app::policy::InviteTarget;
use support::on_each_backend;
use support::world::{area, group, member, person};

const NOTE: &str = "Soitin 112 ja jäin odottamaan";

fn text(kind: &str, day: Day) -> PeerWorkText {
    PeerWorkText::parse(kind, &day.iso(), NOTE, Day::today()).unwrap()
}

#[tokio::test]
async fn the_diary_is_the_writers_own_and_a_share_leaves_the_note_out() {
    on_each_backend(|store| async move {
        let a = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area: a }, "Fanni").await;
        let g = group(&store, a, Some(facilitator)).await;
        // Any participant may do peer work; the facilitators' audience is of
        // participants.
        let owner = person(&store, member(g, Role::Participant), "Pirjo").await;
        let other = person(&store, member(g, Role::PeerMentor), "Mikko").await;
        let today = Day::today();
        let id = store
            .create_peer_work(owner, "work-request-0001", &text("overdose_aid", today))
            .await
            .unwrap();
        // The same request again (an outbox retry) makes nothing new.
        let again = store
            .create_peer_work(owner, "work-request-0001", &text("overdose_aid", today))
            .await
            .unwrap();
        assert_eq!(again, id);
        let entry = store.peer_work(owner, id).await.unwrap().unwrap();
        assert_eq!(
            (entry.kind, entry.done_on, entry.note.as_str()),
            (PeerWorkKind::OverdoseAid, today, NOTE)
        );

        // Unshared: nobody else reads it.
        assert!(store
            .read_shared_item(facilitator, id)
            .await
            .unwrap()
            .is_none());
        store
            .share(owner, id, Audience::Facilitators, None)
            .await
            .unwrap();
        let seen = store
            .read_shared_item(facilitator, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            seen.content,
            SharedContent::PeerWork {
                kind: PeerWorkKind::OverdoseAid,
                done_on: today,
            }
        );
        assert!(!format!("{seen:?}").contains("112"), "the note stays home");

        // Someone else's: nothing to read, change or delete.
        assert!(store.peer_work(other, id).await.unwrap().is_none());
        assert!(!store
            .update_peer_work(other, id, &text("listening", today))
            .await
            .unwrap());
        assert!(!store
            .delete_item(other, id, ItemKind::PeerWork)
            .await
            .unwrap());
        assert!(store
            .update_peer_work(owner, id, &text("listening", today))
            .await
            .unwrap());
        let diary = store.peer_work_diary(owner, None).await.unwrap();
        assert_eq!(diary.items.len(), 1);
        assert_eq!(diary.items[0].kind, PeerWorkKind::Listening);
        assert!(store
            .peer_work_diary(other, None)
            .await
            .unwrap()
            .items
            .is_empty());
        assert!(store
            .delete_item(owner, id, ItemKind::PeerWork)
            .await
            .unwrap());
        assert!(store.peer_work(owner, id).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn the_figures_count_peer_work_of_the_areas_members_in_the_period() {
    on_each_backend(|store| async move {
        let oulu = area(&store).await;
        let kemi = area(&store).await;
        let g = group(&store, oulu, None).await;
        let other = group(&store, kemi, None).await;
        let mentor = person(&store, member(g, Role::PeerMentor), "Mikko").await;
        let participant = person(&store, member(g, Role::Participant), "Pirjo").await;
        let elsewhere = person(&store, member(other, Role::Participant), "Muu").await;
        let today = Day::today();
        let long_ago = today.add_days(-100);
        let mut n = 0;
        let mut write = |who: i64, kind: &'static str, day: Day| {
            n += 1;
            let store = store.clone();
            async move {
                store
                    .create_peer_work(who, &format!("figures-work-{n:04}"), &text(kind, day))
                    .await
                    .unwrap();
            }
        };
        for _ in 0..4 {
            write(mentor, "listening", today).await;
        }
        write(mentor, "overdose_aid", today).await;
        write(participant, "overdose_aid", today.add_days(-1)).await;
        write(participant, "affairs", long_ago).await;
        write(elsewhere, "information", today).await;

        let counts = store.area_counts(today.add_days(-30), today).await.unwrap();
        let of = |area: i64| counts.iter().find(|c| c.area_id == area).unwrap().clone();
        let o = of(oulu);
        assert_eq!((o.peer_workers, o.peer_work, o.overdose_aid), (2, 6, 2));
        let k = of(kemi);
        assert_eq!((k.peer_workers, k.peer_work, k.overdose_aid), (1, 1, 0));
        // Peer workers are not counted as participants unless they are.
        assert_eq!(o.participants, 1);
    })
    .await;
}
