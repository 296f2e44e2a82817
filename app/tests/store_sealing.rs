//! Free text at rest, on both backends: what a person writes is sealed in
//! the database, a copy of the database alone reveals none of it, the key
//! file is checked against the database, and a key rotation loses nothing
//! even when it stops half way.

mod support;

use std::path::Path;

use app::model::{CheckInText, DreamText, ReflectionText, Role, StepText, WishText};
use app::store::{Keyring, Store, StoreError};
use sqlx::{AnyConnection, Connection};
use support::world::{area, group, member, person};
use support::{drop_postgres_schema, postgres_url};

const SECRETS: [&str; 6] = [
    "Kirjoitin isälleni kirjeen",
    "Haaveilen omasta kodista",
    "Se tarkoittaa rauhaa",
    "Soitan sosiaalityöntekijälle",
    "Retki saaristoon",
    "Uni oli levotonta",
];

/// A database with no store open on it, a folder for its key file, and a
/// way to read it raw, as someone with a copy of it would.
struct Place {
    url: String,
    dir: tempfile::TempDir,
    schema: Option<String>,
}

impl Place {
    fn sqlite() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("polku.db").display());
        Place {
            url,
            dir,
            schema: None,
        }
    }

    async fn postgres() -> Place {
        let base = postgres_url();
        let schema = format!(
            "seal_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        );
        let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut admin)
            .await
            .unwrap();
        let sep = if base.contains('?') { '&' } else { '?' };
        Place {
            url: format!("{base}{sep}options[search_path]={schema}"),
            dir: tempfile::tempdir().unwrap(),
            schema: Some(schema),
        }
    }

    fn key_file(&self) -> std::path::PathBuf {
        self.dir.path().join("polku.key")
    }

    async fn open(&self, key_file: &Path) -> Result<Store, StoreError> {
        let store = Store::connect(&self.url).await?;
        store.migrate().await?;
        store.unlock(key_file).await
    }

    /// Every row of every table as text, plus for SQLite the raw bytes of
    /// the database and its write-ahead log.
    async fn raw(&self) -> String {
        sqlx::any::install_default_drivers();
        let mut db = AnyConnection::connect(&self.url).await.unwrap();
        let tables: Vec<(String,)> = match &self.schema {
            None => sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table'"),
            Some(_) => sqlx::query_as(
                "SELECT table_name::text FROM information_schema.tables
                  WHERE table_schema = current_schema()",
            ),
        }
        .fetch_all(&mut db)
        .await
        .unwrap();
        let mut all = String::new();
        if self.schema.is_none() {
            for file in ["polku.db", "polku.db-wal"] {
                if let Ok(bytes) = std::fs::read(self.dir.path().join(file)) {
                    all.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
        }
        for (table,) in tables {
            if self.schema.is_none() {
                // Every column of every row, as SQLite's own quoted text.
                let columns: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT name FROM pragma_table_info('{table}')"))
                        .fetch_all(&mut db)
                        .await
                        .unwrap();
                for (column,) in columns {
                    let rows: Vec<(String,)> =
                        sqlx::query_as(&format!("SELECT quote({column}) FROM {table}"))
                            .fetch_all(&mut db)
                            .await
                            .unwrap();
                    rows.into_iter().for_each(|(v,)| all.push_str(&v));
                }
            } else {
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT t::text FROM {table} t"))
                        .fetch_all(&mut db)
                        .await
                        .unwrap();
                rows.into_iter().for_each(|(v,)| all.push_str(&v));
            }
        }
        all
    }

    async fn drop(self) {
        if let Some(schema) = &self.schema {
            drop_postgres_schema(schema).await;
        }
    }
}

async fn each_place<F, Fut>(test: F)
where
    F: Fn(Place) -> Fut,
    Fut: std::future::Future<Output = Place>,
{
    test(Place::sqlite()).await.drop().await;
    test(Place::postgres().await).await.drop().await;
}

/// Aino writes one thing of each kind; returns her id and her group.
async fn write_everything(store: &Store) -> (i64, i64) {
    let g = group(store, area(store).await, None).await;
    let aino = person(store, member(g, Role::Participant), "Aino").await;
    let reflection = ReflectionText::parse("2026-11-23", SECRETS[0], "4").unwrap();
    store
        .create_reflection(aino, "req-00000001", &reflection)
        .await
        .unwrap();
    let dream = DreamText::parse(SECRETS[1], SECRETS[2], "home").unwrap();
    let d = store
        .create_dream(aino, "req-00000002", &dream)
        .await
        .unwrap();
    let step = StepText::parse(SECRETS[3], &d.to_string(), "everyday", "").unwrap();
    store
        .create_step(aino, "req-00000003", &step)
        .await
        .unwrap();
    let wish = WishText::parse(SECRETS[4], "Yhdessä").unwrap();
    store.post_wish(g, aino, &wish).await.unwrap();
    let checkin = CheckInText::parse("2026-11-23", ["3"; 7], SECRETS[5]).unwrap();
    store
        .create_checkin(aino, "req-00000004", &checkin)
        .await
        .unwrap();
    (aino, g)
}

/// What Aino reads back of her own things, as one text.
async fn read_back(store: &Store, aino: i64, g: i64) -> String {
    let mut text = String::new();
    for r in store.reflections(aino, None).await.unwrap().items {
        text.push_str(&r.body);
    }
    for d in store.dreams(aino, false, None).await.unwrap().items {
        text.push_str(&d.title);
        text.push_str(&d.meaning);
    }
    for s in store.steps(aino, false, None).await.unwrap().items {
        text.push_str(&s.title);
    }
    for w in store.wishes(g, aino).await.unwrap() {
        text.push_str(&w.what);
    }
    for c in store.checkins(aino, None).await.unwrap().items {
        text.push_str(&c.note);
    }
    text
}

fn holds_every_secret(text: &str) -> bool {
    SECRETS.iter().all(|s| text.contains(s))
}

#[tokio::test]
async fn the_raw_database_holds_no_plaintext_of_what_was_written() {
    each_place(|place| async move {
        let store = place.open(&place.key_file()).await.unwrap();
        let (aino, g) = write_everything(&store).await;
        assert!(holds_every_secret(&read_back(&store, aino, g).await));
        store.close().await;
        let raw = place.raw().await;
        assert!(raw.contains("Aino"), "the raw read does see the database");
        for secret in SECRETS {
            assert!(!raw.contains(secret), "{secret:?} is in the raw database");
        }
        // Nor any piece of a longer word of it.
        assert!(!raw.contains("isälleni"));
        place
    })
    .await;
}

#[tokio::test]
async fn a_missing_or_foreign_key_file_is_refused_and_no_new_key_is_made() {
    each_place(|place| async move {
        let store = place.open(&place.key_file()).await.unwrap();
        write_everything(&store).await;
        store.close().await;

        let elsewhere = place.dir.path().join("lost.key");
        let err = place.open(&elsewhere).await.unwrap_err().to_string();
        assert!(err.contains("is missing"), "{err}");
        assert!(!elsewhere.exists(), "no new key file was made");

        let foreign = place.dir.path().join("foreign.key");
        Keyring::generate().write(&foreign).unwrap();
        let err = place.open(&foreign).await.unwrap_err().to_string();
        assert!(err.contains("does not open"), "{err}");
        place
    })
    .await;
}

#[tokio::test]
async fn a_rotation_stopped_half_way_loses_nothing_and_finishes_when_run_again() {
    each_place(|place| async move {
        let key_file = place.key_file();
        let store = place.open(&key_file).await.unwrap();
        let (aino, g) = write_everything(&store).await;
        store.close().await;
        let old = Keyring::read(&key_file).unwrap().unwrap();

        // The rotation begins: the new key is in the file, the old one
        // retired, and nothing is sealed anew yet — then it stops.
        old.rotated().write(&key_file).unwrap();
        let store = place.open(&key_file).await.unwrap();
        assert!(holds_every_secret(&read_back(&store, aino, g).await));
        // Written meanwhile: sealed under the new key already.
        let more = ReflectionText::parse("2026-11-24", "Uusi avain, uusi päivä", "").unwrap();
        store
            .create_reflection(aino, "req-00000009", &more)
            .await
            .unwrap();

        // Run again: it goes on and finishes.
        let done = store.reseal_under_current_key().await.unwrap();
        assert!(done.values >= SECRETS.len() as u64, "{done:?}");
        let finished = Keyring::read(&key_file).unwrap().unwrap().without_retired();
        finished.write(&key_file).unwrap();
        store.close().await;

        // The old key is gone and nothing needs it: all opens with the new.
        let store = place.open(&key_file).await.unwrap();
        let text = read_back(&store, aino, g).await;
        assert!(holds_every_secret(&text), "{text}");
        assert!(text.contains("Uusi avain, uusi päivä"));
        store.close().await;
        assert!(!place.raw().await.contains(old.current_id()));

        // A key file from before the rotation no longer fits.
        let before = place.dir.path().join("before.key");
        old.write(&before).unwrap();
        let err = place.open(&before).await.unwrap_err().to_string();
        assert!(err.contains("does not open"), "{err}");
        place
    })
    .await;
}

#[tokio::test]
async fn text_written_before_sealing_is_sealed_at_the_first_start() {
    each_place(|place| async move {
        let store = place.open(&place.key_file()).await.unwrap();
        let (aino, g) = write_everything(&store).await;
        store.close().await;
        // As a database from before sealing: plain text and no keys.
        sqlx::any::install_default_drivers();
        let mut db = AnyConnection::connect(&place.url).await.unwrap();
        for (sql, plain) in [
            ("UPDATE reflections SET body = $1", SECRETS[0]),
            ("UPDATE dreams SET title = $1", SECRETS[1]),
            ("UPDATE dreams SET meaning = $1", SECRETS[2]),
            ("UPDATE steps SET title = $1", SECRETS[3]),
            (
                "UPDATE wishes SET what = $1, why = 'Yhdessä', reason = ''",
                SECRETS[4],
            ),
            ("UPDATE checkins SET note = $1", SECRETS[5]),
        ] {
            sqlx::query(sql).bind(plain).execute(&mut db).await.unwrap();
        }
        sqlx::query("DELETE FROM sealing_keys")
            .execute(&mut db)
            .await
            .unwrap();
        db.close().await.unwrap();
        std::fs::remove_file(place.key_file()).unwrap();

        let store = place.open(&place.key_file()).await.unwrap();
        assert!(holds_every_secret(&read_back(&store, aino, g).await));
        store.close().await;
        let raw = place.raw().await;
        for secret in SECRETS {
            assert!(!raw.contains(secret), "{secret:?} stayed in plain text");
        }
        place
    })
    .await;
}

#[tokio::test]
async fn a_value_altered_in_the_database_is_an_error_not_shown() {
    each_place(|place| async move {
        let store = place.open(&place.key_file()).await.unwrap();
        let (aino, _) = write_everything(&store).await;
        sqlx::any::install_default_drivers();
        let mut db = AnyConnection::connect(&place.url).await.unwrap();
        // A value copied from another column does not open here.
        sqlx::query("UPDATE reflections SET body = (SELECT title FROM dreams LIMIT 1)")
            .execute(&mut db)
            .await
            .unwrap();
        db.close().await.unwrap();
        assert!(matches!(
            store.reflections(aino, None).await,
            Err(StoreError::Unreadable(_))
        ));
        store.close().await;
        place
    })
    .await;
}
