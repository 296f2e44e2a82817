//! Milestones, meetings and help services in the store, on both backends:
//! each belongs to one group or area, and another's id does nothing.

mod support;

use app::model::{Day, MeetingText, MilestoneText, Role, ServiceText};
use app::policy::InviteTarget;
use app::store::unix_now;
use support::on_each_backend;
use support::world::{area, group, member, person};

fn milestone(title: &str, target: &str) -> MilestoneText {
    MilestoneText::parse(title, "", target).unwrap()
}

fn meeting_in(hours: i64, place: &str) -> MeetingText {
    MeetingText {
        starts_at: unix_now() + hours * 3_600,
        minutes: 90,
        place: place.into(),
        topic: String::new(),
    }
}

#[tokio::test]
async fn milestones_belong_to_their_group_and_are_archived_not_lost() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let g = group(&store, area, None).await;
        let other = group(&store, area, None).await;
        let later = store
            .create_milestone(g, &milestone("Retki", "2026-12-01"))
            .await
            .unwrap();
        let sooner = store
            .create_milestone(g, &milestone("Ensiapu", "2026-10-01"))
            .await
            .unwrap();
        let undated = store
            .create_milestone(g, &milestone("Oma tavoite", ""))
            .await
            .unwrap();
        let order: Vec<i64> = store
            .milestones(g)
            .await
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(order, [sooner, later, undated], "by date, undated last");

        assert!(!store
            .update_milestone(other, later, &milestone("X", ""))
            .await
            .unwrap());
        assert!(!store.archive_milestone(other, later).await.unwrap());
        assert!(store
            .update_milestone(g, later, &milestone("Syysretki", "2026-09-01"))
            .await
            .unwrap());
        let changed = store.milestone(later).await.unwrap().unwrap();
        assert_eq!(changed.title, "Syysretki");
        assert_eq!(changed.target_on, Day::parse("2026-09-01"));

        assert!(store.archive_milestone(g, later).await.unwrap());
        assert_eq!(store.milestones(g).await.unwrap().len(), 2);
        assert_eq!(store.milestone(later).await.unwrap(), None);
        assert!(store.milestones(other).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_member_sees_the_next_meeting_of_their_own_groups_only() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let g = group(&store, area, None).await;
        let other = group(&store, area, None).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        assert_eq!(store.next_meeting_of(aino).await.unwrap(), None);

        store
            .schedule_meeting(other, &meeting_in(1, "Muualla"))
            .await
            .unwrap();
        let past = MeetingText {
            starts_at: unix_now() - 3 * 3_600,
            ..meeting_in(0, "Eilen")
        };
        store.schedule_meeting(g, &past).await.unwrap();
        let later = store
            .schedule_meeting(g, &meeting_in(48, "Kirjasto"))
            .await
            .unwrap();
        let soon = store
            .schedule_meeting(g, &meeting_in(2, "Kahvila"))
            .await
            .unwrap();

        let next = store.next_meeting_of(aino).await.unwrap().unwrap();
        assert_eq!((next.id, next.place.as_str()), (soon, "Kahvila"));
        assert_eq!(
            store.coming_meetings(g).await.unwrap().len(),
            2,
            "the past one is over"
        );

        assert!(!store.cancel_meeting(other, soon).await.unwrap());
        assert!(store.cancel_meeting(g, soon).await.unwrap());
        assert_eq!(
            store.next_meeting_of(aino).await.unwrap().unwrap().id,
            later
        );
        assert_eq!(store.meeting(soon).await.unwrap(), None, "cancelled");

        store.leave_group(g, aino).await.unwrap();
        assert_eq!(store.next_meeting_of(aino).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn services_belong_to_their_area() {
    on_each_backend(|store| async move {
        let oulu = area(&store).await;
        let kemi = area(&store).await;
        let text = |name: &str| {
            ServiceText::parse(name, "Neulanvaihto", "Katu 1", "9–15", "040 123").unwrap()
        };
        let vinkki = store.add_service(oulu, &text("Vinkki")).await.unwrap();
        store.add_service(oulu, &text("A-klinikka")).await.unwrap();
        let names: Vec<String> = store
            .services(oulu)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["A-klinikka", "Vinkki"]);
        assert!(!store
            .update_service(kemi, vinkki, &text("Toinen"))
            .await
            .unwrap());
        assert!(!store.remove_service(kemi, vinkki).await.unwrap());
        assert!(store
            .update_service(oulu, vinkki, &text("Vinkki Oulu"))
            .await
            .unwrap());
        assert!(store.remove_service(oulu, vinkki).await.unwrap());
        assert_eq!(store.services(oulu).await.unwrap().len(), 1);
        assert!(store.services(kemi).await.unwrap().is_empty());

        let g = group(&store, kemi, None).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        let fanni = person(&store, InviteTarget::Facilitator { area: oulu }, "Fanni").await;
        assert_eq!(store.areas_of(aino).await.unwrap(), [kemi]);
        assert_eq!(store.areas_of(fanni).await.unwrap(), [oulu]);
    })
    .await;
}

#[tokio::test]
async fn area_counts_count_the_period_and_the_area_only() {
    use app::model::{Day, StepText};
    on_each_backend(|store| async move {
        let oulu = area(&store).await;
        let kemi = area(&store).await;
        let g = group(&store, oulu, None).await;
        let other = group(&store, kemi, None).await;
        let mut people = Vec::new();
        for n in 0..7 {
            people.push(person(&store, member(g, Role::Participant), &format!("P{n}")).await);
        }
        person(&store, member(other, Role::Participant), "Muu").await;
        person(&store, member(g, Role::PeerMentor), "Mentori").await;
        let today = Day::today();
        for (n, who) in people.iter().take(3).enumerate() {
            let step = store
                .create_step(
                    *who,
                    &format!("figures-request-{n:04}"),
                    &StepText::parse("Askel", "", "work", "").unwrap(),
                )
                .await
                .unwrap();
            store
                .set_step_status(*who, step, app::model::StepStatus::Done, today)
                .await
                .unwrap();
        }
        let counts = store.area_counts(today.add_days(-30), today).await.unwrap();
        let of = |area: i64| counts.iter().find(|c| c.area_id == area).unwrap().clone();
        let o = of(oulu);
        assert_eq!(
            (o.groups, o.participants, o.steps_done, o.milestones_reached),
            (1, 7, 3, 0)
        );
        let k = of(kemi);
        assert_eq!((k.groups, k.participants, k.steps_done), (1, 1, 0));
        // A period before anything happened counts nothing done.
        let before = store
            .area_counts(
                Day::parse("2020-01-01").unwrap(),
                Day::parse("2020-12-31").unwrap(),
            )
            .await
            .unwrap();
        assert!(before
            .iter()
            .all(|c| c.participants == 0 && c.steps_done == 0));
    })
    .await;
}
