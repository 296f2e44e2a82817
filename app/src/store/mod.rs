//! The store: the only place SQL is written. One API over SQLite (the embedded
//! default) and PostgreSQL (several instances), through sqlx's `Any` driver so
//! every query is written once and tested on both.

mod actors;
mod areas;
mod ceremonies;
mod consent;
mod erasure;
mod events;
mod export;
mod figures;
mod group_commit;
mod group_page;
mod groups;
mod help;
mod invites;
mod journal;
mod keyring;
mod lists;
mod meetings;
mod memberships;
mod mentors;
mod milestones;
mod passkeys;
mod plans;
mod recoveries;
mod sealed;
/// Bulk rows for `polku seed` (benchmarks).
pub mod seed;
mod seen_log;
mod sessions;
mod users;
mod wishes;
mod write_turn;

pub use areas::{AreaRow, PersonRow};
pub use ceremonies::Ceremony;
pub use erasure::WishesOnErasure;
pub use events::EventRow;
pub use figures::AreaCounts;
pub use group_page::GroupReads;
pub use groups::NewGroup;
pub use invites::{hash_code, InviteCode, InviteRow, NewInvite, OpenInvite};
pub use journal::{Achievement, HomeReads, HomeSizes, MonthCount};
pub use keyring::Keyring;
pub use memberships::MemberRow;
pub use passkeys::{PasskeyRow, StoredPasskey};
pub use recoveries::{OpenRecovery, RecoveredPasskey};
pub use sealed::{Column, Resealed};
pub use sessions::{Caller, SessionLimits, SessionRow};
pub use users::{Account, NewAccount};

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

/// PostgreSQL may plan a prepared query afresh at every call, for the
/// values given. It did so for some of ours (at 5,000,000 items the shared
/// page's content query took up to 18 ms to plan and under 1 ms to run),
/// which `make bench` showed in the p99 of the pages. Our queries look rows
/// up by key, so one plan per connection fits every value.
///
/// PostgreSQL's default cost of reading a page at random (4) is that of a
/// disk that seeks; with the rows in memory it chose to hash whole tables
/// (all 1,508 feedback rows, all 1,132 people at 50,000 items) to find one
/// person's few rows for the home page. At 1.1 it looks them up by index:
/// those two queries ran in 0.11 ms instead of 0.36 and 0.25 ms.
const SESSION_SETTINGS: [&str; 2] = [
    "SET plan_cache_mode = force_generic_plan",
    "SET random_page_cost = 1.1",
];

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Which backend a database URL names, or `None` for anything else.
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite:… or postgres://…)")]
    UnsupportedUrl,
    #[error("the invite is not valid")]
    InviteNotValid,
    #[error("this passkey is already registered")]
    CredentialTaken,
    #[error("the recovery link is not valid")]
    LinkNotValid,
    #[error("the name is taken")]
    NameTaken,
    #[error("already a member")]
    AlreadyMember,
    #[error("the last passkey cannot be removed")]
    LastPasskey,
    #[error("{0:?} does not name one of the person's own things")]
    Invalid(crate::model::Field),
    #[error("the store was opened without its key file")]
    Locked,
    #[error("{0}")]
    KeyFile(String),
    #[error("a sealed value in {0:?} does not open with the key file")]
    Unreadable(Column),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Maps a unique-constraint violation to `to`, other errors as they are.
    fn from_unique(to: StoreError) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |err| match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => to,
            _ => StoreError::Database(err),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Seals and opens free text; `None` until `unlock`.
    keys: Option<Arc<Keyring>>,
    /// Where writes go: on SQLite its one connection for writing, which
    /// writers take in turn (`write_turn`); on PostgreSQL, which locks rows
    /// and not the database, the same pool as `pool`.
    writer: write_turn::Writer,
    /// Shared pages waiting to be logged as seen (`seen_log`).
    seen: seen_log::SeenQueue,
}

impl Store {
    /// Opens a pool. SQLite files are created when missing; the caller makes
    /// sure their folder exists. Free text can be read and written only
    /// after `unlock`.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        install_default_drivers();
        let backend = Backend::of_url(url).ok_or(StoreError::UnsupportedUrl)?;
        let (pool, writer) = match backend {
            Backend::Sqlite => {
                let url = sqlite_create_url(url);
                // SQLite allows one writer at a time; a few readers beside it are plenty
                // (2, 4 and 8 served the same requests/s in `make bench`).
                let readers = write_turn::sqlite_pool(&url, 8).await?;
                let writer = write_turn::sqlite_writer(&url, &readers).await?;
                (readers, writer)
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .acquire_timeout(Duration::from_secs(5))
                    .max_connections(16)
                    // sqlx already pings every connection as it comes back to
                    // the pool and drops a broken one; a second ping as it goes
                    // out made each query two round trips. A connection that
                    // breaks while idle (the server restarted) fails one query,
                    // which changes nothing, and is dropped.
                    .test_before_acquire(false)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            for setting in SESSION_SETTINGS {
                                conn.execute(setting).await?;
                            }
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?;
                (pool.clone(), write_turn::Writer::pool(pool))
            }
        };
        Ok(Self {
            pool,
            writer,
            backend,
            keys: None,
            seen: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Brings the schema up to date. Safe to run on every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// A transaction that writes: every one in the store does. On SQLite it
    /// takes the write lock at BEGIN (IMMEDIATE). A deferred one that reads
    /// first cannot take it once another write has landed since its read,
    /// and fails at once with "database is locked", busy timeout or not:
    /// under load, a share toggled by two people at once lost one of them.
    /// SQLite's writers wait for their turn first (`write_turn`).
    /// Its `commit` returns once what it wrote is durable (`group_commit`).
    async fn begin_write(&self) -> Result<write_turn::WriteTx, sqlx::Error> {
        self.writer.begin().await
    }

    /// How many syncs of SQLite's log writes have waited for; none on
    /// PostgreSQL. Writes that commit together share one
    /// (`group_commit`).
    pub fn log_syncs(&self) -> u64 {
        self.writer.syncs()
    }

    /// One round trip to the database, for health checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }

    /// Writes a consistent copy of a SQLite database to a new file while
    /// the server goes on using it: one read transaction sees one state.
    /// PostgreSQL has its own tools (`pg_dump`).
    pub async fn backup_sqlite(&self, to: &str) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        sqlx::query("VACUUM INTO $1")
            .bind(to)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// SQLite opens read-write-create only when asked to.
fn sqlite_create_url(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// Seconds since the Unix epoch: the one time format both backends store.
pub fn unix_now() -> i64 {
    now()
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
