//! The store opens, migrates and answers on both backends.

mod support;

use app::store::Backend;
use support::on_each_backend;

#[tokio::test]
async fn migrations_can_run_again_on_every_start() {
    on_each_backend(|store| async move {
        store
            .migrate()
            .await
            .expect("second migration run is a no-op");
        store.ping().await.expect("database answers");
    })
    .await;
}

#[tokio::test]
async fn each_backend_is_the_one_its_url_names() {
    let (sqlite, _dir) = support::sqlite_store().await;
    assert_eq!(sqlite.backend(), Backend::Sqlite);
    let (pg, schema) = support::postgres_store().await;
    assert_eq!(pg.backend(), Backend::Postgres);
    pg.close().await;
    support::drop_postgres_schema(&schema).await;
}

#[tokio::test]
async fn a_closed_database_fails_the_health_round_trip() {
    on_each_backend(|store| async move {
        store.ping().await.expect("open store answers");
        store.close().await;
        assert!(
            store.ping().await.is_err(),
            "a closed store must not look healthy"
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_database_has_no_admin() {
    on_each_backend(|store| async move {
        assert!(!store.has_admin().await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn unknown_urls_are_refused() {
    let err = app::store::Store::connect("mysql://root@localhost/db")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("unsupported database URL"));
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_on() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("p.db").display());
    let store = app::store::Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    store.close().await;
    // Read back through a plain connection, as an operator's tool would.
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
}

/// On SQLite a write returns only after a sync of the log that began after
/// its commit, so an answered write survives a power cut; writes at the
/// same moment share a sync instead of taking turns at the disk. Both the
/// transactions and the single statements wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_writes_wait_for_a_sync_shared_by_writes_at_once() {
    use app::model::{AccountEventKind, Role};
    use support::world;

    let (store, _dir) = support::sqlite_store().await;
    let area = world::area(&store).await;
    let group = world::group(&store, area, None).await;
    let who = world::person(&store, world::member(group, Role::Participant), "Aino").await;

    let before = store.log_syncs();
    store
        .record_event(who, AccountEventKind::Recovered)
        .await
        .unwrap();
    assert_eq!(
        store.log_syncs(),
        before + 1,
        "a transaction waits for a sync"
    );
    store.create_area("Pohjoinen").await.unwrap();
    assert_eq!(
        store.log_syncs(),
        before + 2,
        "a statement waits for a sync"
    );

    let events = store.events(who, 100).await.unwrap().len();
    let areas = store.areas().await.unwrap().len();
    let before = store.log_syncs();
    let writes: Vec<_> = (0..40)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move {
                if n % 2 == 0 {
                    store.record_event(who, AccountEventKind::Recovered).await?;
                } else {
                    store.create_area(&format!("Alue {n}")).await?;
                }
                Ok::<_, app::store::StoreError>(())
            })
        })
        .collect();
    for write in writes {
        write.await.unwrap().unwrap();
    }
    let syncs = store.log_syncs() - before;
    assert!(
        (1..40).contains(&syncs),
        "40 writes at once took {syncs} syncs"
    );
    assert_eq!(store.events(who, 100).await.unwrap().len(), events + 20);
    assert_eq!(store.areas().await.unwrap().len(), areas + 20);
}

/// PostgreSQL syncs its own commits.
#[tokio::test]
async fn postgres_writes_need_no_syncs_of_ours() {
    let (store, schema) = support::postgres_store().await;
    support::world::area(&store).await;
    assert_eq!(store.log_syncs(), 0);
    store.close().await;
    support::drop_postgres_schema(&schema).await;
}

/// `.cargo/config.toml` builds SQLite without the page cache shared by all
/// connections behind one lock, without counting every allocation, and
/// with page caches that take their pages one at a time: a build that lost
/// those flags would still pass every other test, only slower or larger
/// under load.
#[tokio::test]
async fn sqlite_is_built_with_the_flags_of_cargo_config() {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
        .await
        .unwrap();
    let options: Vec<(String,)> = sqlx::query_as("PRAGMA compile_options")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    let options: Vec<String> = options.into_iter().map(|(o,)| o).collect();
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "{options:?}"
    );
    assert!(
        !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
        "{options:?}"
    );
    assert!(
        options.iter().any(|o| o == "DEFAULT_PCACHE_INITSZ=0"),
        "{options:?}"
    );
}
