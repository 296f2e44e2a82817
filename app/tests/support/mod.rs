//! Runs each store test on a fresh SQLite file and on a fresh PostgreSQL
//! schema. PostgreSQL is never skipped: if it does not answer, the test fails.

#![allow(dead_code)]

use std::future::Future;
use std::path::Path;

use app::store::Store;
use sqlx::Connection;

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

pub fn postgres_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG.to_owned())
}

/// Opens the store at `url`, brings its schema up to date and unlocks it
/// with the key file `key` (made on first use), as `polku serve` starts.
pub async fn open_store(url: &str, key: &Path) -> Store {
    let store = Store::connect(url).await.expect("open the store");
    store.migrate().await.expect("migrate");
    store.unlock(key).await.expect("unlock")
}

/// The URL of a temporary SQLite file, and the folder that holds it and
/// its key file.
pub fn sqlite_place() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}", dir.path().join("polku.db").display());
    (url, dir)
}

/// A migrated store on a temporary SQLite file, kept alive with its folder.
pub async fn sqlite_store() -> (Store, tempfile::TempDir) {
    let (url, dir) = sqlite_place();
    let store = open_store(&url, &dir.path().join("polku.key")).await;
    (store, dir)
}

/// A new, empty schema of its own, so parallel tests and runs never see
/// each other's rows, and the URL that opens it. Returns the schema name
/// for cleanup.
pub async fn postgres_place() -> (String, String) {
    let base = postgres_url();
    let schema = format!(
        "t_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {base} must answer for the tests: {e}"));
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .expect("create schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    (format!("{base}{sep}options[search_path]={schema}"), schema)
}

/// A migrated store in a schema of its own (`postgres_place`).
pub async fn postgres_store() -> (Store, String) {
    let (url, schema) = postgres_place().await;
    // The keys stay in the store; the file is needed only to unlock.
    let keys = tempfile::tempdir().expect("temporary folder");
    let store = open_store(&url, &keys.path().join("polku.key")).await;
    (store, schema)
}

pub async fn drop_postgres_schema(schema: &str) {
    let mut admin = sqlx::PgConnection::connect(&postgres_url()).await.unwrap();
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut admin)
        .await
        .expect("drop schema");
}

/// Runs `test` on SQLite, then on PostgreSQL.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let (store, _dir) = sqlite_store().await;
    test(store.clone()).await;
    store.close().await;

    let (store, schema) = postgres_store().await;
    test(store.clone()).await;
    store.close().await;
    drop_postgres_schema(&schema).await;
}

pub mod consent;

/// A small world to test in: people made through real invites, with the
/// passkey part stubbed (the store keeps passkeys as opaque JSON).
pub mod world {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    use app::model::{Day, GroupKind, Locale, Role};
    use app::policy::InviteTarget;
    use app::store::{NewAccount, NewGroup, NewInvite, Store};

    pub const DAY: Duration = Duration::from_secs(86_400);

    static NEXT: AtomicU64 = AtomicU64::new(1);

    fn unique(prefix: &str) -> String {
        format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
    }

    pub async fn invite(store: &Store, target: InviteTarget, uses: u32) -> String {
        store
            .create_invite(NewInvite {
                target,
                uses,
                valid_for: DAY,
                created_by: None,
            })
            .await
            .unwrap()
            .0
    }

    /// An account opened with a fresh invite to `target`.
    pub async fn person(store: &Store, target: InviteTarget, name: &str) -> i64 {
        person_with_key(store, target, name).await.0
    }

    /// An account, and the credential id of its passkey.
    pub async fn person_with_key(store: &Store, target: InviteTarget, name: &str) -> (i64, String) {
        let code = invite(store, target, 1).await;
        let (handle, credential) = (unique("user"), unique("cred"));
        let (user, _) = store
            .create_account(NewAccount {
                invite_code: &code,
                display_name: name,
                locale: Locale::Fi,
                webauthn_id: &handle,
                credential_id: &credential,
                passkey: "{}",
                passkey_label: "Android",
            })
            .await
            .unwrap();
        (user, credential)
    }

    pub async fn area(store: &Store) -> i64 {
        store.create_area(&unique("Area")).await.unwrap()
    }

    /// A mixed group starting on 2026-01-15 in `area`, run by `facilitator`.
    pub async fn group(store: &Store, area: i64, facilitator: Option<i64>) -> i64 {
        let starts_on = Day::parse("2026-01-15").unwrap();
        store
            .create_group(
                NewGroup {
                    area_id: area,
                    name: &unique("Group"),
                    kind: GroupKind::Mixed,
                    starts_on,
                    monthly_from: starts_on.add_months(6),
                },
                facilitator,
            )
            .await
            .unwrap()
    }

    pub fn member(group: i64, role: Role) -> InviteTarget {
        InviteTarget::Member { group, role }
    }
}
