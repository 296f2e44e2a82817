//! The move to monthly meetings asks the group's earlier participants to
//! look over their sharing once, on both backends.

mod support;

use app::model::{Day, Role};
use support::on_each_backend;
use support::world::{area, group, member, person};

#[tokio::test]
async fn the_switch_asks_each_earlier_participant_once() {
    on_each_backend(|store| async move {
        let a = area(&store).await;
        let g = group(&store, a, None).await;
        let switch = Day::today().add_days(10);
        assert!(store.set_monthly_from(g, switch).await.unwrap());
        let pirjo = person(&store, member(g, Role::Participant), "Pirjo").await;
        let olli = person(&store, member(g, Role::Participant), "Olli").await;
        let mikko = person(&store, member(g, Role::PeerMentor), "Mikko").await;

        // Still intensive: nobody is asked.
        let today = Day::today();
        assert!(store
            .sharing_reviews_due(pirjo, today)
            .await
            .unwrap()
            .is_empty());
        // Monthly: the participants who were there are asked, not the mentor.
        let due = store.sharing_reviews_due(pirjo, switch).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].0, g);
        assert!(store
            .sharing_reviews_due(mikko, switch)
            .await
            .unwrap()
            .is_empty());

        // "Keep as it is" answers it for good; Olli is still asked.
        store.mark_sharing_reviewed(pirjo, Some(g)).await.unwrap();
        assert!(store
            .sharing_reviews_due(pirjo, switch)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            store.sharing_reviews_due(olli, switch).await.unwrap().len(),
            1
        );
        store.mark_sharing_reviewed(olli, None).await.unwrap();
        assert!(store
            .sharing_reviews_due(olli, switch)
            .await
            .unwrap()
            .is_empty());

        // Someone who joins after the switch has nothing to look over.
        let later = person(&store, member(g, Role::Participant), "Aino").await;
        let past = Day::today().add_days(-1);
        assert!(store.set_monthly_from(g, past).await.unwrap());
        assert!(store
            .sharing_reviews_due(later, today)
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}
