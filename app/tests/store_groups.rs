//! Areas, groups and memberships in the store, on both backends.

mod support;

use app::model::{
    Audience, Day, GroupKind, MeetingText, MilestoneText, Phase, ReflectionText, Role,
};
use app::policy::InviteTarget;
use app::store::{unix_now, NewGroup, Store, StoreError};
use support::on_each_backend;
use support::world::{area, group, invite, member, person};

#[tokio::test]
async fn area_names_are_unique() {
    on_each_backend(|store| async move {
        store.create_area("Oulu").await.unwrap();
        let twice = store.create_area("Oulu").await;
        assert!(matches!(twice, Err(StoreError::NameTaken)), "{twice:?}");
        let kemi = store.create_area("Kemi").await.unwrap();
        let rename = store.rename_area(kemi, "Oulu").await;
        assert!(matches!(rename, Err(StoreError::NameTaken)));
        assert_eq!(
            store.area_name(kemi).await.unwrap().as_deref(),
            Some("Kemi")
        );
        let names: Vec<String> = store
            .areas()
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["Kemi", "Oulu"]);
    })
    .await;
}

#[tokio::test]
async fn a_group_keeps_its_kind_dates_and_phase() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area }, "Ohjaaja").await;
        let today = Day::today();
        let id = store
            .create_group(
                NewGroup {
                    area_id: area,
                    name: "Naisten ryhmä",
                    kind: GroupKind::Women,
                    starts_on: today,
                    monthly_from: today.add_months(6),
                },
                Some(facilitator),
            )
            .await
            .unwrap();
        let g = store.group(id).await.unwrap().unwrap();
        assert_eq!(g.kind, GroupKind::Women);
        assert_eq!(g.starts_on, today);
        assert_eq!(g.phase, Phase::Intensive);
        assert!(store.actor(facilitator).await.unwrap().facilitates(id));

        assert!(store.set_monthly_from(id, today).await.unwrap());
        assert_eq!(
            store.group(id).await.unwrap().unwrap().phase,
            Phase::Monthly
        );
        assert_eq!(store.group(id + 1000).await.unwrap(), None);
        assert_eq!(store.groups_in_area(area).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn the_roster_shows_current_members_only_and_leaving_ends_membership() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area }, "Ohjaaja").await;
        let g = group(&store, area, Some(facilitator)).await;
        let other = group(&store, area, None).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        let _bea = person(&store, member(g, Role::PeerMentor), "Bea").await;
        let _elsewhere = person(&store, member(other, Role::Participant), "Eero").await;

        let roster = store.roster(g).await.unwrap();
        let names: Vec<(&str, Role)> = roster
            .iter()
            .map(|(m, _)| (m.display_name.as_str(), m.role))
            .collect();
        assert_eq!(
            names,
            [
                ("Ohjaaja", Role::Facilitator),
                ("Bea", Role::PeerMentor),
                ("Aino", Role::Participant)
            ]
        );
        // Each with the very facts the policy gets about them alone.
        for (m, actor) in &roster {
            assert_eq!(*actor, store.actor(m.user_id).await.unwrap(), "{m:?}");
        }

        // Leaving is by the person, in every role they had there.
        assert!(store.leave_group(g, aino).await.unwrap());
        assert!(!store.leave_group(g, aino).await.unwrap(), "already left");
        assert!(store.actor(aino).await.unwrap().memberships.is_empty());
        assert_eq!(store.roster(g).await.unwrap().len(), 2);

        // Removing needs the membership of this very group.
        let bea = store.roster(g).await.unwrap()[1].0.membership_id;
        assert!(store.membership(other, bea).await.unwrap().is_none());
        assert!(!store.end_membership(other, bea).await.unwrap());
        assert!(store.end_membership(g, bea).await.unwrap());
        assert_eq!(store.roster(g).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_facilitator_is_assigned_once_and_sees_only_their_groups() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let anna = person(&store, InviteTarget::Facilitator { area }, "Anna").await;
        let mine = group(&store, area, Some(anna)).await;
        let theirs = group(&store, area, None).await;
        store.add_facilitator(theirs, anna).await.unwrap();
        store.add_facilitator(theirs, anna).await.unwrap();
        let facilitating: Vec<i64> = store
            .groups_of(anna)
            .await
            .unwrap()
            .into_iter()
            .map(|g| g.id)
            .collect();
        assert_eq!(facilitating.len(), 2);
        assert!(facilitating.contains(&mine) && facilitating.contains(&theirs));
        assert_eq!(
            store.roster(theirs).await.unwrap().len(),
            1,
            "assigned once"
        );
    })
    .await;
}

/// A new reflection of the owner's, shared with their facilitators.
async fn shared_reflection(store: &Store, owner: i64) -> i64 {
    let id = store
        .create_reflection(
            owner,
            &format!("group-page-{owner}"),
            &ReflectionText::parse("2026-11-23", "Ajatus", "").unwrap(),
        )
        .await
        .unwrap();
    store
        .share(owner, id, Audience::Facilitators, None)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn the_group_page_reads_this_group_only_and_counts_through_consent() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let anna = person(&store, InviteTarget::Facilitator { area }, "Anna").await;
        let g = group(&store, area, Some(anna)).await;
        let other = group(&store, area, None).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        let bea = person(&store, member(g, Role::PeerMentor), "Bea").await;
        let sami = person(&store, member(g, Role::Participant), "Sami").await;
        let olli = person(&store, member(g, Role::Participant), "Olli").await;
        let leo = person(&store, member(g, Role::Participant), "Leo").await;
        let eero = person(&store, member(other, Role::Participant), "Eero").await;
        shared_reflection(&store, aino).await;
        shared_reflection(&store, olli).await;
        // Leo shared, then left the group.
        shared_reflection(&store, leo).await;
        assert!(store.leave_group(g, leo).await.unwrap());
        // Shared with the facilitators of a group Anna does not run.
        shared_reflection(&store, eero).await;
        invite(&store, member(g, Role::Participant), 3).await;
        invite(&store, member(other, Role::Participant), 3).await;
        let text = |title: &str| MilestoneText {
            title: title.into(),
            description: String::new(),
            target_on: None,
        };
        store.create_milestone(g, &text("Retki")).await.unwrap();
        store.create_milestone(other, &text("Muu")).await.unwrap();
        store
            .propose_mentor(bea, aino, Some(g), anna)
            .await
            .unwrap();
        let meeting = |place: &str| MeetingText {
            starts_at: unix_now() + 86_400,
            minutes: 90,
            place: place.into(),
            topic: String::new(),
        };
        store
            .schedule_meeting(g, &meeting("Kirjasto"))
            .await
            .unwrap();
        store
            .schedule_meeting(other, &meeting("Muualla"))
            .await
            .unwrap();

        assert!(store
            .group_page(anna, g + 1000, true)
            .await
            .unwrap()
            .is_none());
        let page = store.group_page(anna, g, true).await.unwrap().unwrap();
        assert_eq!(Some(page.group), store.group(g).await.unwrap());
        assert_eq!(page.roster, store.roster(g).await.unwrap());
        assert_eq!(page.roster.len(), 5, "Anna, Bea, Aino, Olli and Sami");
        // Sami shares nothing, Leo has left and Eero is not Anna's: none
        // of them is counted.
        assert_eq!(page.shared_counts, [(aino, 1, 1), (olli, 1, 1)]);
        assert_eq!(
            page.shared_counts,
            store
                .shared_counts(anna, &[aino, olli, sami, leo])
                .await
                .unwrap()
        );
        let invites = store.open_group_invites(g).await.unwrap();
        assert_eq!(page.invites, invites);
        assert_eq!(invites.len(), 1);
        let titles: Vec<&str> = page.milestones.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Retki"]);
        let places: Vec<&str> = page.meetings.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(places, ["Kirjasto"]);
        assert_eq!(
            page.area_facilitators,
            store.area_facilitators(area).await.unwrap()
        );
        let links = page.mentor_links.expect("asked for");
        assert_eq!(links, store.mentor_links_in_group(g).await.unwrap());
        assert_eq!(links.len(), 1);

        let without = store.group_page(anna, g, false).await.unwrap().unwrap();
        assert_eq!(without.mentor_links, None, "not asked for, not read");

        // A group with no participants yet has nothing to count.
        let new = group(&store, area, Some(anna)).await;
        let page = store.group_page(anna, new, true).await.unwrap().unwrap();
        assert_eq!(page.roster.len(), 1, "Anna");
        assert!(page.shared_counts.is_empty());
    })
    .await;
}
