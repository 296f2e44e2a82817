//! Recovery links, passkey management and the account history, on both
//! backends.

mod support;

use std::time::Duration;

use app::model::{AccountEventKind, Role};
use app::policy::InviteTarget;
use app::store::{RecoveredPasskey, StoreError};
use support::on_each_backend;
use support::world::{area, group, member, person, person_with_key};

const QUARTER: Duration = Duration::from_secs(15 * 60);

fn new_key(credential_id: &str) -> RecoveredPasskey<'_> {
    RecoveredPasskey {
        credential_id,
        passkey: "{}",
        label: "New phone",
    }
}

#[tokio::test]
async fn a_recovery_link_works_once_and_ends_every_session() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area }, "Ohjaaja").await;
        let g = group(&store, area, Some(facilitator)).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        store
            .create_session("t-1", "p-1", aino, "Android")
            .await
            .unwrap();

        let code = store
            .create_recovery(aino, facilitator, QUARTER)
            .await
            .unwrap();
        let open = store.open_recovery(&code.0).await.unwrap().unwrap();
        assert_eq!(open.user_id, aino);
        assert_eq!(open.display_name, "Aino");

        assert_eq!(
            store
                .complete_recovery(&code.0, new_key("new-cred"))
                .await
                .unwrap(),
            aino
        );
        assert_eq!(store.passkeys(aino).await.unwrap().len(), 2);
        assert!(store
            .sessions_of(
                aino,
                app::store::SessionLimits {
                    idle_secs: 9_999,
                    absolute_secs: 9_999
                }
            )
            .await
            .unwrap()
            .is_empty());

        let again = store.complete_recovery(&code.0, new_key("third")).await;
        assert!(matches!(again, Err(StoreError::LinkNotValid)), "{again:?}");
        assert_eq!(store.open_recovery(&code.0).await.unwrap(), None);

        let notices = store.unseen_recoveries(aino).await.unwrap();
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].actor.as_deref(), Some("Ohjaaja"));
        store.acknowledge_recoveries(aino).await.unwrap();
        assert!(store.unseen_recoveries(aino).await.unwrap().is_empty());
        let kinds: Vec<AccountEventKind> = store
            .events(aino, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect();
        assert_eq!(
            kinds,
            [AccountEventKind::Recovered, AccountEventKind::Joined]
        );
    })
    .await;
}

#[tokio::test]
async fn expired_replaced_and_unknown_recovery_codes_look_the_same() {
    on_each_backend(|store| async move {
        let area = area(&store).await;
        let g = group(&store, area, None).await;
        let admin = person(&store, InviteTarget::Admin, "Admin").await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        let expired = store
            .create_recovery(aino, admin, Duration::ZERO)
            .await
            .unwrap();
        let replaced = store.create_recovery(aino, admin, QUARTER).await.unwrap();
        let newest = store.create_recovery(aino, admin, QUARTER).await.unwrap();
        for code in [expired.0.as_str(), replaced.0.as_str(), "no-such-code"] {
            assert_eq!(store.open_recovery(code).await.unwrap(), None, "{code}");
            let used = store.complete_recovery(code, new_key(code)).await;
            assert!(matches!(used, Err(StoreError::LinkNotValid)));
        }
        assert!(store.open_recovery(&newest.0).await.unwrap().is_some());
        assert_eq!(
            store.passkeys(aino).await.unwrap().len(),
            1,
            "nothing was added"
        );
    })
    .await;
}

#[tokio::test]
async fn a_recovery_with_a_taken_credential_changes_nothing() {
    on_each_backend(|store| async move {
        let admin = person(&store, InviteTarget::Admin, "Admin").await;
        let (_, taken) = person_with_key(&store, InviteTarget::Admin, "Toinen").await;
        let area = area(&store).await;
        let g = group(&store, area, None).await;
        let aino = person(&store, member(g, Role::Participant), "Aino").await;
        store
            .create_session("t", "p", aino, "Android")
            .await
            .unwrap();
        let code = store.create_recovery(aino, admin, QUARTER).await.unwrap();
        let result = store.complete_recovery(&code.0, new_key(&taken)).await;
        assert!(
            matches!(result, Err(StoreError::CredentialTaken)),
            "{result:?}"
        );
        assert!(
            store.open_recovery(&code.0).await.unwrap().is_some(),
            "the link still works"
        );
        assert!(store.unseen_recoveries(aino).await.unwrap().is_empty());
        assert_eq!(store.passkeys(aino).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn the_last_passkey_stays_and_only_ones_own_can_be_changed() {
    on_each_backend(|store| async move {
        let me = person(&store, InviteTarget::Admin, "Minä").await;
        let other = person(&store, InviteTarget::Admin, "Muu").await;
        let only = store.passkeys(me).await.unwrap()[0].id;
        let theirs = store.passkeys(other).await.unwrap()[0].id;

        let last = store.remove_passkey(me, only).await;
        assert!(matches!(last, Err(StoreError::LastPasskey)), "{last:?}");
        assert!(!store.rename_passkey(me, theirs, "Mine now").await.unwrap());
        assert!(!store.remove_passkey(me, theirs).await.unwrap());
        assert_eq!(store.passkeys(other).await.unwrap()[0].label, "Android");

        store
            .add_passkey(me, "backup-key", "{}", "Backup")
            .await
            .unwrap();
        assert!(store.rename_passkey(me, only, "Old phone").await.unwrap());
        assert!(store.remove_passkey(me, only).await.unwrap());
        let left: Vec<String> = store
            .passkeys(me)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.label)
            .collect();
        assert_eq!(left, ["Backup"]);
        let kinds: Vec<AccountEventKind> = store
            .events(me, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                AccountEventKind::PasskeyRemoved,
                AccountEventKind::PasskeyAdded,
                AccountEventKind::Joined
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn confirming_a_session_marks_it_confirmed() {
    on_each_backend(|store| async move {
        let me = person(&store, InviteTarget::Admin, "Minä").await;
        store
            .create_session("tok", "pub", me, "Linux")
            .await
            .unwrap();
        let limits = app::store::SessionLimits {
            idle_secs: 999,
            absolute_secs: 999,
        };
        let before = store.live_session("tok", limits).await.unwrap().unwrap();
        assert!(
            app::store::unix_now() - before.confirmed_at <= 1,
            "sign-in confirms"
        );
        store.confirm_session("pub").await.unwrap();
        let after = store.live_session("tok", limits).await.unwrap().unwrap();
        assert!(after.confirmed_at >= before.confirmed_at);
    })
    .await;
}
