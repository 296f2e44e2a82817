//! Invites: stored only as a hash; every way of not being valid looks the same.

mod support;

use std::time::Duration;

use app::model::Role;
use app::store::NewInvite;
use support::on_each_backend;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

fn invite(role: Role, uses: u32, valid_for: Duration) -> NewInvite {
    NewInvite {
        role,
        uses,
        valid_for,
    }
}

#[tokio::test]
async fn a_fresh_invite_opens_with_its_role() {
    on_each_backend(|store| async move {
        for role in Role::ALL {
            let code = store.create_invite(invite(role, 1, DAY)).await.unwrap();
            assert_eq!(store.open_invite(&code.0).await.unwrap(), Some(role));
        }
    })
    .await;
}

#[tokio::test]
async fn codes_are_long_random_and_unique() {
    on_each_backend(|store| async move {
        let a = store
            .create_invite(invite(Role::Participant, 1, DAY))
            .await
            .unwrap();
        let b = store
            .create_invite(invite(Role::Participant, 1, DAY))
            .await
            .unwrap();
        assert_ne!(a, b);
        assert!(a.0.len() >= 22, "128 bits in URL-safe base64");
        assert!(a
            .0
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    })
    .await;
}

#[tokio::test]
async fn unknown_and_expired_codes_look_the_same() {
    on_each_backend(|store| async move {
        let expired = store
            .create_invite(invite(Role::Participant, 1, Duration::ZERO))
            .await
            .unwrap();
        assert_eq!(store.open_invite(&expired.0).await.unwrap(), None);
        assert_eq!(store.open_invite("no-such-code").await.unwrap(), None);
        assert_eq!(store.open_invite("").await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn a_new_admin_invite_withdraws_the_old_ones() {
    on_each_backend(|store| async move {
        let old = store
            .create_invite(invite(Role::Admin, 1, DAY))
            .await
            .unwrap();
        let other = store
            .create_invite(invite(Role::Facilitator, 5, DAY))
            .await
            .unwrap();
        assert_eq!(store.revoke_open_admin_invites().await.unwrap(), 1);
        assert_eq!(store.open_invite(&old.0).await.unwrap(), None);
        assert_eq!(
            store.open_invite(&other.0).await.unwrap(),
            Some(Role::Facilitator),
            "only admin invites are withdrawn"
        );
    })
    .await;
}

#[tokio::test]
async fn the_database_never_holds_a_plain_code() {
    let (store, dir) = support::sqlite_store().await;
    let code = store
        .create_invite(invite(Role::Admin, 1, DAY))
        .await
        .unwrap();
    store.close().await;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        // The WAL may vanish as the last connection checkpoints it.
        let Ok(bytes) = std::fs::read(entry.unwrap().path()) else {
            continue;
        };
        let found = bytes.windows(code.0.len()).any(|w| w == code.0.as_bytes());
        assert!(!found, "the plain invite code must not be on disk");
    }
}
