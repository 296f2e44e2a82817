//! Invites: stored only as a hash; every way of not being valid looks the
//! same; each leads to exactly what it names.

mod support;

use std::time::Duration;

use app::model::Role;
use app::policy::InviteTarget;
use app::store::{NewInvite, StoreError};
use support::on_each_backend;
use support::world::{area, group, invite, member, person};

fn new_invite(target: InviteTarget, uses: u32, valid_for: Duration) -> NewInvite {
    NewInvite {
        target,
        uses,
        valid_for,
        created_by: None,
    }
}

#[tokio::test]
async fn each_invite_opens_with_where_it_leads() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let group = group(&store, area, None).await;
        let area_name = store.area_name(area).await.unwrap();
        let group_name = store.group(group).await.unwrap().map(|g| g.name);
        for (target, place) in [
            (InviteTarget::Admin, None),
            (InviteTarget::Facilitator { area }, area_name),
            (member(group, Role::Participant), group_name.clone()),
            (member(group, Role::PeerMentor), group_name),
        ] {
            let code = invite(&store, target, 1).await;
            let open = store.open_invite(&code).await.unwrap().unwrap();
            assert_eq!(open.target, target);
            assert_eq!(open.place, place);
            assert_eq!(open.uses_left, 1);
        }
    })
    .await;
}

#[tokio::test]
async fn joining_gives_exactly_what_the_invite_names() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let group = group(&store, area, None).await;
        let admin = person(&store, InviteTarget::Admin, "Admin").await;
        let facilitator = person(&store, InviteTarget::Facilitator { area }, "Ohjaaja").await;
        let participant = person(&store, member(group, Role::Participant), "Osallistuja").await;
        let mentor = person(&store, member(group, Role::PeerMentor), "Vertainen").await;

        let admin = store.actor(admin).await.unwrap();
        assert!(admin.is_admin && admin.areas.is_empty() && admin.memberships.is_empty());
        let facilitator = store.actor(facilitator).await.unwrap();
        assert!(!facilitator.is_admin);
        assert_eq!(facilitator.areas, vec![area]);
        assert!(
            facilitator.memberships.is_empty(),
            "groups come by assignment"
        );
        let participant = store.actor(participant).await.unwrap();
        assert_eq!(participant.memberships, vec![(group, Role::Participant)]);
        assert!(!participant.is_staff());
        let mentor = store.actor(mentor).await.unwrap();
        assert_eq!(mentor.memberships, vec![(group, Role::PeerMentor)]);
    })
    .await;
}

#[tokio::test]
async fn codes_are_long_random_and_unique() {
    on_each_backend(|store| async move {
        let a = invite(&store, InviteTarget::Admin, 1).await;
        let b = invite(&store, InviteTarget::Admin, 1).await;
        assert_ne!(a, b);
        assert!(a.len() >= 22, "128 bits in URL-safe base64");
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    })
    .await;
}

#[tokio::test]
async fn unknown_expired_and_withdrawn_codes_look_the_same() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let group = group(&store, area, None).await;
        let expired = store
            .create_invite(new_invite(InviteTarget::Admin, 1, Duration::ZERO))
            .await
            .unwrap();
        assert_eq!(store.open_invite(&expired.0).await.unwrap(), None);
        assert_eq!(store.open_invite("no-such-code").await.unwrap(), None);
        assert_eq!(store.open_invite("").await.unwrap(), None);

        let withdrawn = invite(&store, member(group, Role::Participant), 3).await;
        let listed = store.open_group_invites(group).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert!(
            !store
                .withdraw_group_invite(group + 1, listed[0].id)
                .await
                .unwrap(),
            "another group's id does nothing"
        );
        assert!(store
            .withdraw_group_invite(group, listed[0].id)
            .await
            .unwrap());
        assert_eq!(store.open_invite(&withdrawn).await.unwrap(), None);
        assert!(store.open_group_invites(group).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_new_admin_invite_withdraws_the_old_ones() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let old = invite(&store, InviteTarget::Admin, 1).await;
        let other = invite(&store, InviteTarget::Facilitator { area }, 5).await;
        assert_eq!(store.revoke_open_admin_invites().await.unwrap(), 1);
        assert_eq!(store.open_invite(&old).await.unwrap(), None);
        assert_eq!(
            store.open_invite(&other).await.unwrap().map(|o| o.target),
            Some(InviteTarget::Facilitator { area }),
            "only admin invites are withdrawn"
        );
    })
    .await;
}

#[tokio::test]
async fn a_signed_in_person_takes_an_invite_once_per_role() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let first = group(&store, area, None).await;
        let second = group(&store, area, None).await;
        let me = person(&store, member(first, Role::Participant), "Aurinko").await;

        let code = invite(&store, member(second, Role::PeerMentor), 2).await;
        store.accept_invite(&code, me).await.unwrap();
        let actor = store.actor(me).await.unwrap();
        assert!(actor.memberships.contains(&(second, Role::PeerMentor)));

        // Taking it again is refused and does not spend a use.
        let again = store.accept_invite(&code, me).await;
        assert!(matches!(again, Err(StoreError::AlreadyMember)), "{again:?}");
        assert_eq!(
            store.open_invite(&code).await.unwrap().unwrap().uses_left,
            1
        );
    })
    .await;
}

#[tokio::test]
async fn the_database_never_holds_a_plain_code() {
    let (store, dir) = support::sqlite_store().await;
    let code = invite(&store, InviteTarget::Admin, 1).await;
    store.close().await;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        // The WAL may vanish as the last connection checkpoints it.
        let Ok(bytes) = std::fs::read(entry.unwrap().path()) else {
            continue;
        };
        let found = bytes.windows(code.len()).any(|w| w == code.as_bytes());
        assert!(!found, "the plain invite code must not be on disk");
    }
}
