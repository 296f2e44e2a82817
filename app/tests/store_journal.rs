//! The journal in the store, on both backends. Every item is its owner's
//! alone: no id, guessed or known, lets another person read, change or
//! delete it.

mod support;

use app::model::{
    AccountEventKind, Audience, CheckInText, Day, DreamText, FeedbackKind, ItemKind, MarkText,
    MeetingText, MilestoneText, ReflectionText, Role, StepStatus, StepText, PAGE_SIZE,
};
use app::store::{unix_now, HomeSizes, Store, StoreError};
use support::on_each_backend;
use support::world::{area, group, member, person};

async fn two_participants(store: &Store) -> (i64, i64, i64) {
    let area = area(store).await;
    let g = group(store, area, None).await;
    let aino = person(store, member(g, Role::Participant), "Aino").await;
    let bea = person(store, member(g, Role::Participant), "Bea").await;
    (g, aino, bea)
}

fn dream(title: &str) -> DreamText {
    DreamText::parse(title, "Se merkitsee paljon.", "work").unwrap()
}

fn step(title: &str, dream: Option<i64>) -> StepText {
    StepText::parse(
        title,
        &dream.map(|d| d.to_string()).unwrap_or_default(),
        "study",
        "",
    )
    .unwrap()
}

fn reflection(body: &str) -> ReflectionText {
    ReflectionText::parse("2026-11-23", body, "4").unwrap()
}

fn rid(n: u32) -> String {
    format!("request-id-{n:08}")
}

#[tokio::test]
async fn another_person_can_never_read_change_or_delete_an_item() {
    on_each_backend(|store| async move {
        let (_, aino, bea) = two_participants(&store).await;
        let d = store
            .create_dream(aino, &rid(1), &dream("Oma koti"))
            .await
            .unwrap();
        let s = store
            .create_step(aino, &rid(2), &step("Soita", Some(d)))
            .await
            .unwrap();
        let r = store
            .create_reflection(aino, &rid(3), &reflection("Salaisuus"))
            .await
            .unwrap();

        // Reading by id, and in lists.
        assert_eq!(store.dream(bea, d).await.unwrap(), None);
        assert_eq!(store.step(bea, s).await.unwrap(), None);
        assert_eq!(store.reflection(bea, r).await.unwrap(), None);
        assert!(store
            .dreams(bea, false, None)
            .await
            .unwrap()
            .items
            .is_empty());
        assert!(store
            .steps(bea, false, None)
            .await
            .unwrap()
            .items
            .is_empty());
        assert!(store.reflections(bea, None).await.unwrap().items.is_empty());
        assert!(store.steps_of_dream(bea, d).await.unwrap().is_empty());
        // Changing.
        assert!(!store.update_dream(bea, d, &dream("Minun")).await.unwrap());
        assert!(!store.set_dream_archived(bea, d, true).await.unwrap());
        assert!(!store
            .update_step(bea, s, &step("Minun", None))
            .await
            .unwrap());
        assert!(!store
            .set_step_status(bea, s, StepStatus::Done, Day::today())
            .await
            .unwrap());
        assert!(!store.set_next_step(bea, s).await.unwrap());
        assert!(!store
            .update_reflection(bea, r, &reflection("Minun"))
            .await
            .unwrap());
        // Leading one's step to another's dream.
        let theirs = store
            .create_step(bea, &rid(4), &step("Bean", Some(d)))
            .await;
        assert!(matches!(theirs, Err(StoreError::Invalid(_))), "{theirs:?}");
        // Deleting, also with the wrong kind.
        for (id, kind) in [
            (d, ItemKind::Dream),
            (s, ItemKind::Step),
            (r, ItemKind::Reflection),
        ] {
            assert!(!store.delete_item(bea, id, kind).await.unwrap());
        }
        assert!(
            !store.delete_item(aino, d, ItemKind::Step).await.unwrap(),
            "kind must match"
        );

        // Guessing every id around them finds nothing of Aino's.
        for id in 0..(r + 50) {
            assert_eq!(store.dream(bea, id).await.unwrap(), None);
            assert_eq!(store.step(bea, id).await.unwrap(), None);
            assert_eq!(store.reflection(bea, id).await.unwrap(), None);
        }

        // Aino's things are untouched.
        assert_eq!(
            store.dream(aino, d).await.unwrap().unwrap().title,
            "Oma koti"
        );
        assert_eq!(
            store.step(aino, s).await.unwrap().unwrap().status,
            StepStatus::Planned
        );
        assert_eq!(
            store.reflection(aino, r).await.unwrap().unwrap().body,
            "Salaisuus"
        );
    })
    .await;
}

#[tokio::test]
async fn a_request_applies_once_however_often_it_is_sent() {
    on_each_backend(|store| async move {
        let (_, aino, bea) = two_participants(&store).await;
        let first = store
            .create_reflection(aino, &rid(7), &reflection("Kerran"))
            .await
            .unwrap();
        let again = store
            .create_reflection(aino, &rid(7), &reflection("Kerran"))
            .await
            .unwrap();
        assert_eq!(first, again);
        assert_eq!(store.reflections(aino, None).await.unwrap().items.len(), 1);
        // The same id from another person is their own request.
        store
            .create_reflection(bea, &rid(7), &reflection("Toinen"))
            .await
            .unwrap();
        assert_eq!(store.reflections(bea, None).await.unwrap().items.len(), 1);
        let d1 = store
            .create_dream(aino, &rid(8), &dream("A"))
            .await
            .unwrap();
        assert_eq!(
            store
                .create_dream(aino, &rid(8), &dream("A"))
                .await
                .unwrap(),
            d1
        );
        let s1 = store
            .create_step(aino, &rid(9), &step("A", None))
            .await
            .unwrap();
        assert_eq!(
            store
                .create_step(aino, &rid(9), &step("A", None))
                .await
                .unwrap(),
            s1
        );
        assert_eq!(
            store.dreams(aino, false, None).await.unwrap().items.len(),
            1
        );
        assert_eq!(store.steps(aino, false, None).await.unwrap().items.len(), 1);
        // A request refused halfway (its claim written, then a step led to
        // another's dream) leaves nothing: corrected and sent again, it
        // applies, and the writes after it go on.
        let theirs = store
            .create_dream(bea, &rid(10), &dream("B"))
            .await
            .unwrap();
        let refused = store
            .create_step(aino, &rid(11), &step("B", Some(theirs)))
            .await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );
        let s2 = store
            .create_step(aino, &rid(11), &step("B", None))
            .await
            .unwrap();
        assert!(s2 > s1, "a new step, not the refused request's nothing");
        assert_eq!(store.steps(aino, false, None).await.unwrap().items.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn lists_come_a_page_at_a_time_newest_first() {
    on_each_backend(|store| async move {
        let (_, aino, _) = two_participants(&store).await;
        let total = PAGE_SIZE as u32 * 2 + 5;
        for n in 0..total {
            store
                .create_reflection(aino, &rid(100 + n), &reflection(&format!("n{n}")))
                .await
                .unwrap();
        }
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = store.reflections(aino, cursor).await.unwrap();
            assert!(page.items.len() as i64 <= PAGE_SIZE);
            seen.extend(page.items.iter().map(|r| r.body.clone()));
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        let expected: Vec<String> = (0..total).rev().map(|n| format!("n{n}")).collect();
        assert_eq!(seen, expected, "every one once, newest first");
    })
    .await;
}

#[tokio::test]
async fn the_home_page_gets_only_the_newest_open_dreams_and_steps_of_its_own() {
    on_each_backend(|store| async move {
        let (_, aino, bea) = two_participants(&store).await;
        for n in 0..5 {
            store
                .create_dream(aino, &rid(200 + n), &dream(&format!("Unelma {n}")))
                .await
                .unwrap();
            store
                .create_step(aino, &rid(300 + n), &step(&format!("Askel {n}"), None))
                .await
                .unwrap();
        }
        let put_away = store.dream_titles(aino, 1).await.unwrap()[0].id;
        assert!(store
            .set_dream_archived(aino, put_away, true)
            .await
            .unwrap());
        let done = store.newest_open_steps(aino, 1).await.unwrap()[0].id;
        assert!(store
            .set_step_status(aino, done, StepStatus::Done, Day::today())
            .await
            .unwrap());
        store
            .create_dream(bea, &rid(400), &dream("Bean unelma"))
            .await
            .unwrap();

        let titles = |items: Vec<String>| items.join(", ");
        let dreams = store.dream_titles(aino, 3).await.unwrap();
        assert_eq!(
            titles(dreams.into_iter().map(|d| d.title).collect()),
            "Unelma 3, Unelma 2, Unelma 1",
            "newest first, without the one put away or anyone else's"
        );
        let steps = store.newest_open_steps(aino, 10).await.unwrap();
        assert_eq!(
            titles(steps.into_iter().map(|s| s.title).collect()),
            "Askel 3, Askel 2, Askel 1, Askel 0",
            "open ones only"
        );
        assert!(store.dream_titles(aino, 0).await.unwrap().is_empty());
    })
    .await;
}

/// "My path" reads everything in one go: the same as each read alone, of
/// the owner's rows only, at the sizes asked for.
#[tokio::test]
async fn the_home_page_reads_in_one_go_what_each_read_gives_alone() {
    on_each_backend(|store| async move {
        let (g, aino, bea) = two_participants(&store).await;
        for who in [aino, bea] {
            store
                .record_event(who, AccountEventKind::Recovered)
                .await
                .unwrap();
        }
        let meeting = MeetingText {
            starts_at: unix_now() + 3_600,
            minutes: 90,
            // Read as JSON within the one statement: quotes, a backslash,
            // a line break and more than one byte a character come back
            // as they went in.
            place: "Kirjasto \"Oodi\" \\ 2.\nkrs 🌱".into(),
            topic: String::new(),
        };
        let meeting = store.schedule_meeting(g, &meeting).await.unwrap();
        let mikko = person(&store, member(g, Role::PeerMentor), "Mikko").await;
        let link = store
            .propose_mentor(mikko, aino, Some(g), mikko)
            .await
            .unwrap();
        assert!(store.answer_mentor(aino, link, true).await.unwrap());
        let today = Day::today();
        let milestone = MilestoneText {
            title: "Ensimmäinen kuukausi".into(),
            description: String::new(),
            target_on: None,
        };
        let milestone = store.create_milestone(g, &milestone).await.unwrap();
        let reached = MarkText {
            reached_on: today.add_days(-1),
            note: String::new(),
        };
        store
            .mark_milestone(aino, &rid(700), milestone, &reached)
            .await
            .unwrap();
        for (who, base) in [(aino, 710), (bea, 720)] {
            for n in 0..2 {
                let checkin = CheckInText {
                    checked_on: today.add_days(i64::from(n) - 2),
                    ratings: [n as u8 + 2; 7],
                    note: format!("Olo {who}-{n}"),
                };
                store
                    .create_checkin(who, &rid(base + n), &checkin)
                    .await
                    .unwrap();
            }
        }
        for (who, base) in [(aino, 500), (bea, 600)] {
            for n in 0..4 {
                store
                    .create_dream(who, &rid(base + n), &dream(&format!("Unelma {who}-{n}")))
                    .await
                    .unwrap();
                store
                    .create_step(
                        who,
                        &rid(base + 10 + n),
                        &step(&format!("Askel {who}-{n}"), None),
                    )
                    .await
                    .unwrap();
            }
        }
        let shared = store.dream_titles(aino, 1).await.unwrap()[0].id;
        assert!(store
            .share(aino, shared, Audience::Mentor, None)
            .await
            .unwrap());
        assert!(store
            .add_feedback(mikko, shared, FeedbackKind::Note, "Hieno unelma")
            .await
            .unwrap());
        let steps = store.newest_open_steps(aino, 4).await.unwrap();
        assert!(store.set_next_step(aino, steps[3].id).await.unwrap());
        assert!(store
            .set_step_status(aino, steps[0].id, StepStatus::Done, today)
            .await
            .unwrap());
        let from = today.add_days(-40);
        let sizes = HomeSizes {
            dreams: 2,
            open_steps: 2,
            achievements: 5,
            notes: 3,
        };

        let home = store.journal_home(aino, sizes, today, from).await.unwrap();
        assert_eq!(home.next_step.as_ref().map(|s| s.id), Some(steps[3].id));
        assert_eq!(
            home.next_step,
            store.step(aino, steps[3].id).await.unwrap(),
            "read in one go as it reads alone"
        );
        assert_eq!(home.dreams, store.dream_titles(aino, 2).await.unwrap());
        assert_eq!(
            home.open_steps,
            store.newest_open_steps(aino, 2).await.unwrap()
        );
        assert_eq!(home.open_steps.len(), 2);
        assert_eq!(
            home.achievements,
            store.achievements(aino, 5).await.unwrap()
        );
        assert_eq!(
            home.steps_done,
            store.steps_done_per_month(aino, from).await.unwrap()
        );
        assert_eq!(home.notes, store.recent_feedback(aino, 3).await.unwrap());
        assert_eq!(
            home.mentor_links,
            store.mentor_links_of(aino).await.unwrap()
        );
        assert_eq!(
            home.last_checkin.as_ref(),
            store.checkin_series(aino, 1).await.unwrap().last()
        );
        assert_eq!(
            home.last_checkin.as_ref().map(|c| c.note.as_str()),
            Some(format!("Olo {aino}-1").as_str())
        );
        assert_eq!(home.notes.len(), 1, "Mikko's note");
        assert_eq!(home.mentor_links.len(), 1, "Mikko, as Aino's mentor");
        assert_eq!(home.achievements.len(), 2, "the step and the milestone");
        assert_eq!(
            home.sharing_reviews,
            store.sharing_reviews_due(aino, today).await.unwrap()
        );
        assert_eq!(
            home.recoveries,
            store.unseen_recoveries(aino).await.unwrap()
        );
        assert_eq!(home.recoveries.len(), 1, "Aino's recovery, not Bea's");
        assert_eq!(
            home.next_meeting,
            store.next_meeting_of(aino).await.unwrap()
        );
        assert_eq!(home.next_meeting.as_ref().map(|m| m.id), Some(meeting));
        assert!(home
            .next_meeting
            .as_ref()
            .is_some_and(|m| m.place.ends_with("\\ 2.\nkrs 🌱")));
        let everything = format!("{home:?}");
        assert!(everything.contains(&format!("Unelma {aino}-3")));
        for title in ["Unelma", "Askel", "Olo"] {
            assert!(
                !everything.contains(&format!("{title} {bea}-")),
                "nothing of Bea's: {everything}"
            );
        }

        // Once the group meets monthly, Aino is asked to look over her
        // sharing.
        assert!(home.sharing_reviews.is_empty());
        let switch = today.add_days(10);
        assert!(store.set_monthly_from(g, switch).await.unwrap());
        let later = store.journal_home(aino, sizes, switch, from).await.unwrap();
        assert_eq!(
            later.sharing_reviews,
            store.sharing_reviews_due(aino, switch).await.unwrap()
        );
        assert_eq!(later.sharing_reviews.len(), 1);

        // Read in the same query, the next step may also be among the open
        // ones; once done, it is no one's next step.
        assert!(store.set_next_step(aino, steps[1].id).await.unwrap());
        let home = store.journal_home(aino, sizes, today, from).await.unwrap();
        assert_eq!(home.next_step.as_ref().map(|s| s.id), Some(steps[1].id));
        assert_eq!(
            home.open_steps,
            store.newest_open_steps(aino, 2).await.unwrap()
        );
        assert!(home.open_steps.iter().any(|s| s.id == steps[1].id));
        assert!(store
            .set_step_status(aino, steps[1].id, StepStatus::Done, today)
            .await
            .unwrap());
        let home = store.journal_home(aino, sizes, today, from).await.unwrap();
        assert_eq!(home.next_step, None);
        assert_eq!(
            home.open_steps.iter().map(|s| s.id).collect::<Vec<_>>(),
            [steps[2].id, steps[3].id]
        );
    })
    .await;
}

#[tokio::test]
async fn the_next_step_is_picked_done_in_one_go_and_counted() {
    on_each_backend(|store| async move {
        let (_, aino, bea) = two_participants(&store).await;
        let d = store
            .create_dream(aino, &rid(1), &dream("Työ"))
            .await
            .unwrap();
        let a = store
            .create_step(aino, &rid(2), &step("Ensimmäinen", Some(d)))
            .await
            .unwrap();
        let b = store
            .create_step(aino, &rid(3), &step("Toinen", Some(d)))
            .await
            .unwrap();
        assert!(store.set_next_step(aino, b).await.unwrap());
        assert_eq!(store.next_step_id(aino).await.unwrap(), Some(b));
        assert!(
            !store.set_next_step(bea, b).await.unwrap(),
            "only the owner picks"
        );
        assert_eq!(store.next_step_id(bea).await.unwrap(), None);

        let today = Day::today();
        assert!(store
            .set_step_status(aino, b, StepStatus::Done, today)
            .await
            .unwrap());
        assert_eq!(
            store.next_step_id(aino).await.unwrap(),
            None,
            "done is no longer next"
        );
        assert!(
            !store.set_next_step(aino, b).await.unwrap(),
            "a done step cannot be next"
        );
        // Done twice keeps the first day.
        assert!(store
            .set_step_status(aino, b, StepStatus::Done, today.add_days(3))
            .await
            .unwrap());
        assert_eq!(
            store.step(aino, b).await.unwrap().unwrap().done_on,
            Some(today)
        );

        assert_eq!(store.steps(aino, true, None).await.unwrap().items.len(), 1);
        assert_eq!(store.steps(aino, false, None).await.unwrap().items[0].id, a);
        let (y, m, _) = today.ymd();
        let counts = store
            .steps_done_per_month(aino, today.add_days(-40))
            .await
            .unwrap();
        assert_eq!(
            counts
                .iter()
                .find(|c| (c.year, c.month) == (y, m))
                .unwrap()
                .count,
            1
        );
        let achieved = store.achievements(aino, 5).await.unwrap();
        assert_eq!(achieved[0].title, "Toinen");

        // Back to doing: not done any more, and off the chart.
        assert!(store
            .set_step_status(aino, b, StepStatus::Doing, today)
            .await
            .unwrap());
        assert_eq!(store.step(aino, b).await.unwrap().unwrap().done_on, None);
        assert!(store
            .steps_done_per_month(aino, today.add_days(-40))
            .await
            .unwrap()
            .is_empty());

        // Deleting the dream keeps its steps, leading nowhere.
        assert!(store.delete_item(aino, d, ItemKind::Dream).await.unwrap());
        assert_eq!(store.step(aino, a).await.unwrap().unwrap().dream, None);
    })
    .await;
}

#[tokio::test]
async fn milestones_are_marked_only_in_ones_own_groups_and_once() {
    on_each_backend(|store| async move {
        let (g, aino, _) = two_participants(&store).await;
        let area = area(&store).await;
        let other = group(&store, area, None).await;
        let ours = store
            .create_milestone(
                g,
                &MilestoneText::parse("Ensiapu", "", "2026-12-01").unwrap(),
            )
            .await
            .unwrap();
        let theirs = store
            .create_milestone(other, &MilestoneText::parse("Muiden", "", "").unwrap())
            .await
            .unwrap();
        let mark = MarkText::parse("2026-11-20", "Jee").unwrap();
        let refused = store.mark_milestone(aino, &rid(1), theirs, &mark).await;
        assert!(
            matches!(refused, Err(StoreError::Invalid(_))),
            "{refused:?}"
        );

        let first = store
            .mark_milestone(aino, &rid(2), ours, &mark)
            .await
            .unwrap();
        let twice = store
            .mark_milestone(aino, &rid(3), ours, &mark)
            .await
            .unwrap();
        assert_eq!(first, twice, "one mark per milestone");
        let entries = store.milestone_entries(aino).await.unwrap();
        assert_eq!(entries.len(), 1, "only the own group's milestones");
        assert_eq!(entries[0].mark.as_ref().unwrap().note, "Jee");
        assert_eq!(
            store.achievements(aino, 5).await.unwrap()[0].kind,
            ItemKind::Milestone
        );

        // After leaving, the group's milestones are no longer offered, but
        // the mark stays the participant's own.
        store.leave_group(g, aino).await.unwrap();
        assert!(store.milestone_entries(aino).await.unwrap().is_empty());
        assert_eq!(store.achievements(aino, 5).await.unwrap().len(), 1);
    })
    .await;
}
