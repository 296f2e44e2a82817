//! Accounts, ceremonies and sessions in the store, on both backends.

mod support;

use std::time::Duration;

use app::model::{Locale, Role};
use app::policy::InviteTarget;
use app::store::{Ceremony, NewAccount, SessionLimits, Store, StoreError};
use support::on_each_backend;
use support::world::{area, group, invite, member, person};

/// Sessions that no test outlives.
const GENEROUS: SessionLimits = SessionLimits {
    idle_secs: 3600,
    absolute_secs: 7200,
};

/// A participant invite to a new group.
async fn participant_invite(store: &Store, uses: u32) -> String {
    let area = area(store).await;
    let group = group(store, area, None).await;
    support::world::invite(store, member(group, Role::Participant), uses).await
}

fn account<'a>(code: &'a str, webauthn_id: &'a str, credential_id: &'a str) -> NewAccount<'a> {
    NewAccount {
        invite_code: code,
        display_name: "Aurinko",
        locale: Locale::Sv,
        webauthn_id,
        credential_id,
        passkey: "{}",
        passkey_label: "Android",
    }
}

#[tokio::test]
async fn an_admin_invite_makes_an_admin_and_uses_itself_up() {
    on_each_backend(|store| async move {
        let code = support::world::invite(&store, InviteTarget::Admin, 1).await;
        let (user, target) = store
            .create_account(account(&code, "u-1", "c-1"))
            .await
            .unwrap();
        assert_eq!(target, InviteTarget::Admin);
        assert!(store.has_admin().await.unwrap());
        let me = store.account(user).await.unwrap().unwrap();
        assert_eq!(me.display_name, "Aurinko");
        assert_eq!(me.locale, Locale::Sv);
        assert!(me.is_admin);
        let again = store.create_account(account(&code, "u-2", "c-2")).await;
        assert!(matches!(again, Err(StoreError::InviteNotValid)));
    })
    .await;
}

#[tokio::test]
async fn a_participant_invite_makes_no_admin() {
    on_each_backend(|store| async move {
        let code = participant_invite(&store, 3).await;
        let (user, target) = store
            .create_account(account(&code, "u-1", "c-1"))
            .await
            .unwrap();
        assert_eq!(target.role(), Role::Participant);
        assert!(!store.account(user).await.unwrap().unwrap().is_admin);
        assert!(!store.has_admin().await.unwrap());
        let actor = store.actor(user).await.unwrap();
        assert_eq!(actor.memberships.len(), 1, "a member of the invite's group");
        assert_eq!(actor.memberships[0].1, Role::Participant);
    })
    .await;
}

#[tokio::test]
async fn a_credential_registered_twice_is_refused_and_changes_nothing() {
    on_each_backend(|store| async move {
        let code = participant_invite(&store, 5).await;
        store
            .create_account(account(&code, "u-1", "same"))
            .await
            .unwrap();
        let twice = store.create_account(account(&code, "u-2", "same")).await;
        assert!(
            matches!(twice, Err(StoreError::CredentialTaken)),
            "{twice:?}"
        );
        // The failed attempt rolled back: no user, and the invite use was not spent.
        assert!(store
            .passkey_for_sign_in("u-2", "same")
            .await
            .unwrap()
            .is_none());
        for n in 0..4 {
            let id = format!("u-{}", n + 10);
            let cred = format!("c-{n}");
            store
                .create_account(account(&code, &id, &cred))
                .await
                .unwrap();
        }
        let sixth = store.create_account(account(&code, "u-99", "c-99")).await;
        assert!(matches!(sixth, Err(StoreError::InviteNotValid)));
    })
    .await;
}

#[tokio::test]
async fn a_ceremony_finishes_once_and_only_in_its_own_browser() {
    on_each_backend(|store| async move {
        let ceremony = Ceremony {
            state: "state".into(),
            context: "context".into(),
        };
        store
            .save_ceremony("browser-a", "join", &ceremony, Duration::from_secs(300))
            .await
            .unwrap();
        assert_eq!(
            store.take_ceremony("browser-b", "join").await.unwrap(),
            None
        );
        assert_eq!(
            store.take_ceremony("browser-a", "sign_in").await.unwrap(),
            None
        );
        assert_eq!(
            store.take_ceremony("browser-a", "join").await.unwrap(),
            Some(ceremony)
        );
        assert_eq!(
            store.take_ceremony("browser-a", "join").await.unwrap(),
            None
        );
    })
    .await;
}

#[tokio::test]
async fn an_expired_ceremony_is_refused() {
    on_each_backend(|store| async move {
        let ceremony = Ceremony {
            state: "s".into(),
            context: String::new(),
        };
        store
            .save_ceremony("browser", "sign_in", &ceremony, Duration::ZERO)
            .await
            .unwrap();
        assert_eq!(
            store.take_ceremony("browser", "sign_in").await.unwrap(),
            None
        );
    })
    .await;
}

#[tokio::test]
async fn sessions_end_when_idle_too_long_or_when_ended() {
    on_each_backend(|store| async move {
        let code = participant_invite(&store, 1).await;
        let (user, _) = store
            .create_account(account(&code, "u", "c"))
            .await
            .unwrap();
        store
            .create_session("token-1", "public-1", user, "Android")
            .await
            .unwrap();
        store
            .create_session("token-2", "public-2", user, "Linux")
            .await
            .unwrap();
        let live = store
            .live_session("token-1", GENEROUS)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(live.user_id, user);
        assert_eq!(store.live_session("nope", GENEROUS).await.unwrap(), None);

        // With no idle time allowed, the next look finds it gone, for good.
        let strict = SessionLimits {
            idle_secs: -1,
            absolute_secs: 7200,
        };
        assert_eq!(store.live_session("token-1", strict).await.unwrap(), None);
        assert_eq!(store.live_session("token-1", GENEROUS).await.unwrap(), None);

        assert_eq!(store.end_all_sessions(user).await.unwrap(), 1);
        assert_eq!(store.live_session("token-2", GENEROUS).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn a_session_is_read_with_its_account_and_every_current_role() {
    on_each_backend(|store| async move {
        let (north, south) = (area(&store).await, area(&store).await);
        let sanna = person(&store, InviteTarget::Facilitator { area: north }, "Sanna").await;
        let code = invite(&store, InviteTarget::Facilitator { area: south }, 1).await;
        store.accept_invite(&code, sanna).await.unwrap();
        let (led, joined, left) = (
            group(&store, north, Some(sanna)).await,
            group(&store, south, None).await,
            group(&store, south, None).await,
        );
        for g in [joined, left] {
            let code = invite(&store, member(g, Role::PeerMentor), 1).await;
            store.accept_invite(&code, sanna).await.unwrap();
        }
        store.leave_group(left, sanna).await.unwrap();
        let outsider = person(&store, InviteTarget::Admin, "Olli").await;
        store
            .create_session("token-s", "public-s", sanna, "Android")
            .await
            .unwrap();
        store
            .create_session("token-o", "public-o", outsider, "Linux")
            .await
            .unwrap();

        let caller = store
            .live_caller("token-s", GENEROUS)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(caller.session.user_id, sanna);
        assert_eq!(caller.account.display_name, "Sanna");
        let mut areas = caller.actor.areas.clone();
        areas.sort();
        assert_eq!(areas, [north, south]);
        let mut memberships = caller.actor.memberships.clone();
        memberships.sort_by_key(|&(group, _)| group);
        assert_eq!(
            memberships,
            [(led, Role::Facilitator), (joined, Role::PeerMentor)],
            "the group she left gives her nothing"
        );
        assert!(!caller.actor.is_admin);
        assert_eq!(caller.actor, store.actor(sanna).await.unwrap());

        // Someone with no areas and no groups: empty lists, not an error.
        let olli = store
            .live_caller("token-o", GENEROUS)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(olli.account.display_name, "Olli");
        assert!(olli.actor.is_admin && olli.account.is_admin);
        assert!(olli.actor.areas.is_empty() && olli.actor.memberships.is_empty());
        assert!(store.live_caller("nope", GENEROUS).await.unwrap().is_none());
    })
    .await;
}
