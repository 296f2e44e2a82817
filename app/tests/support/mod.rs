//! Runs each store test on a fresh SQLite file and on a fresh PostgreSQL
//! schema. PostgreSQL is never skipped: if it does not answer, the test fails.

#![allow(dead_code)]

use std::future::Future;

use app::store::Store;
use sqlx::Connection;

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

pub fn postgres_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG.to_owned())
}

/// A migrated store on a temporary SQLite file, kept alive with its folder.
pub async fn sqlite_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}", dir.path().join("polku.db").display());
    let store = Store::connect(&url).await.expect("open SQLite");
    store.migrate().await.expect("migrate SQLite");
    (store, dir)
}

/// A migrated store in a schema of its own, so parallel tests and runs never
/// see each other's rows. Returns the schema name for cleanup.
pub async fn postgres_store() -> (Store, String) {
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
    let url = format!("{base}{sep}options[search_path]={schema}");
    let store = Store::connect(&url).await.expect("open PostgreSQL");
    store.migrate().await.expect("migrate PostgreSQL");
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
