//! Writes, one at a time on SQLite.
//!
//! SQLite has one writer. Left to itself, every connection that wants to
//! write sleeps in SQLite's busy handler, waking after 1, 2, 5 … 100 ms to
//! try again: under load the lock sits idle between those tries, the
//! sleepers hold the readers' connections, and who writes next is luck.
//! Here the server keeps one connection for writing beside the readers'
//! pool. Writers wait for it first come first served (tokio's lock serves
//! in the order asked), never behind readers for a connection, and
//! readers never behind them. Other
//! processes on the same file (the command line) still meet SQLite's busy
//! timeout. A writer gives the connection back as it commits and then
//! waits for its commit to reach the disk (`group_commit`).

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::group_commit::GroupCommit;

mod statements;

/// As long as SQLite's busy timeout: a writer waits no longer than before
/// for its turn, and a bug that nests two writes fails instead of hanging.
const TURN_WAIT: Duration = Duration::from_secs(5);

/// SQLite's settings, on every connection: WAL lets readers run beside the
/// writer; secure_delete overwrites what is deleted or replaced, so it does
/// not linger in the file's free pages.
const PRAGMAS: [&str; 4] = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
];

/// How a connection's commits reach the disk. FULL syncs the log in each
/// commit, which keeps it through a power cut. NORMAL keeps a commit
/// through a crash of the process but not a power cut: the writer's
/// commits then wait for a sync of their own (`group_commit`).
const FULL: &str = "PRAGMA synchronous = FULL";
const NORMAL: &str = "PRAGMA synchronous = NORMAL";

/// Sets a connection up as every one is, its commits synced as `synchronous`
/// says.
async fn set_up(conn: &mut AnyConnection, synchronous: &str) -> Result<(), sqlx::Error> {
    for pragma in PRAGMAS {
        conn.execute(pragma).await?;
    }
    conn.execute(synchronous).await?;
    Ok(())
}

/// The writer's connection beside `readers`. It commits with NORMAL sync,
/// and each write then waits for a sync of the log shared with the writes
/// that committed meanwhile (`group_commit`). A database in memory has no
/// disk to wait for.
pub(super) async fn sqlite_writer(url: &str, readers: &AnyPool) -> Result<Writer, sqlx::Error> {
    let files: Vec<(i64, String, String)> = sqlx::query_as("PRAGMA database_list")
        .fetch_all(readers)
        .await?;
    let file = files
        .into_iter()
        .find_map(|(_, name, file)| (name == "main").then_some(file))
        .unwrap_or_default();
    let mut conn = AnyConnection::connect(url).await?;
    let group = (!file.is_empty()).then(|| Arc::new(GroupCommit::new(Path::new(&file))));
    set_up(&mut conn, if group.is_some() { NORMAL } else { FULL }).await?;
    Ok(Writer::Sqlite {
        conn: Arc::new(Mutex::new(Some(conn))),
        group,
    })
}

/// The readers' pool: `size` connections to a SQLite file, each set up
/// alike. They write too (migrations, `wal_checkpoint`), with FULL sync.
pub(super) async fn sqlite_pool(url: &str, size: u32) -> Result<AnyPool, sqlx::Error> {
    AnyPoolOptions::new()
        .acquire_timeout(TURN_WAIT)
        .max_connections(size)
        // The file is in this process: a pooled connection cannot go
        // stale, so asking it first is only a wasted round trip.
        .test_before_acquire(false)
        // Nor is there anything on a server to give back. sqlx would close
        // a connection after ten idle minutes, and any after thirty; a new
        // one prepares every statement again, so the first home page after
        // a quiet spell cost 8.0 M instructions instead of 2.6 M.
        .idle_timeout(None)
        .max_lifetime(None)
        .after_connect(|conn, _| Box::pin(set_up(conn, FULL)))
        .connect(url)
        .await
}

/// Where the store writes: SQLite's one connection for writing, or
/// PostgreSQL's pool. A write through it returns once it is durable.
#[derive(Clone, Debug)]
pub(super) enum Writer {
    /// SQLite's connection for writing, behind a lock that serves writers
    /// in the order they asked. Not a pool of one: sqlx pings a pooled
    /// connection as it comes back, from a task of its own, before the next
    /// writer may have it. `None` once closed.
    Sqlite {
        conn: Arc<Mutex<Option<AnyConnection>>>,
        group: Option<Arc<GroupCommit>>,
    },
    /// PostgreSQL syncs each commit itself, and groups them.
    Pool(AnyPool),
}

/// The writer's turn: its connection, held.
type Turn = OwnedMutexGuard<Option<AnyConnection>>;

impl Writer {
    /// Writes through `pool`, each commit synced in it.
    pub(super) fn pool(pool: AnyPool) -> Self {
        Self::Pool(pool)
    }

    /// A transaction: on SQLite one that takes the write lock at BEGIN
    /// (IMMEDIATE), on PostgreSQL the database's default.
    pub(super) async fn begin(&self) -> Result<WriteTx, sqlx::Error> {
        match self {
            Self::Sqlite { .. } => self.acquire().await?.begin_immediate().await,
            Self::Pool(pool) => Ok(WriteTx {
                tx: Tx::Pool(Some(pool.begin().await?)),
                group: None,
            }),
        }
    }

    /// SQLite's connection for writing, held for a transaction. Waiting
    /// for it may be given up (dropped) at any point.
    pub(super) async fn acquire(&self) -> Result<WriteConn, sqlx::Error> {
        let Self::Sqlite { conn, group } = self else {
            return Err(sqlx::Error::Configuration(
                "PostgreSQL's writers take no turns".into(),
            ));
        };
        let turn = tokio::time::timeout(TURN_WAIT, conn.clone().lock_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?;
        if turn.is_none() {
            return Err(sqlx::Error::PoolClosed);
        }
        Ok(WriteConn {
            turn,
            group: group.clone(),
        })
    }

    fn group(&self) -> Option<&GroupCommit> {
        match self {
            Self::Sqlite { group, .. } => group.as_deref(),
            Self::Pool(_) => None,
        }
    }

    /// Syncs done so far in groups; none on PostgreSQL.
    pub(super) fn syncs(&self) -> u64 {
        self.group().map_or(0, |g| g.syncs())
    }

    pub(super) async fn close(&self) {
        match self {
            Self::Sqlite { conn, .. } => {
                if let Some(conn) = conn.lock().await.take() {
                    let _ = conn.close().await;
                }
            }
            Self::Pool(pool) => pool.close().await,
        }
    }
}

async fn durable(group: Option<&GroupCommit>) -> Result<(), sqlx::Error> {
    match group {
        Some(group) => group.durable().await,
        None => Ok(()),
    }
}

/// SQLite's connection for writing, held.
pub(super) struct WriteConn {
    turn: Turn,
    group: Option<Arc<GroupCommit>>,
}

impl WriteConn {
    /// A write transaction: the write lock taken at BEGIN.
    pub(super) async fn begin_immediate(mut self) -> Result<WriteTx, sqlx::Error> {
        connection(&mut self.turn)?
            .execute("BEGIN IMMEDIATE")
            .await?;
        Ok(WriteTx {
            tx: Tx::Sqlite(Some(self.turn)),
            group: self.group,
        })
    }
}

fn connection(turn: &mut Turn) -> Result<&mut AnyConnection, sqlx::Error> {
    turn.as_mut().ok_or(sqlx::Error::PoolClosed)
}

/// A write transaction; `commit` returns once what it wrote is durable,
/// and dropping it uncommitted rolls it back.
pub(super) struct WriteTx {
    tx: Tx,
    group: Option<Arc<GroupCommit>>,
}

/// `None` once committed.
enum Tx {
    /// The turn, given back at commit.
    Sqlite(Option<Turn>),
    Pool(Option<Transaction<'static, Any>>),
}

impl WriteTx {
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        self.commit_unsynced().await?.durable().await
    }

    /// Commits and gives the connection back, for a caller that answers
    /// only once the commit is on disk (`Committed::durable`).
    pub(super) async fn commit_unsynced(mut self) -> Result<Committed, sqlx::Error> {
        match &mut self.tx {
            Tx::Sqlite(turn) => {
                if let Some(held) = turn {
                    connection(held)?.execute("COMMIT").await?;
                }
                // Taken only once committed: after an error, dropping the
                // transaction rolls it back.
                turn.take();
            }
            Tx::Pool(tx) => {
                if let Some(tx) = tx.take() {
                    tx.commit().await?;
                }
            }
        }
        Ok(Committed {
            group: self.group.take(),
        })
    }
}

impl Drop for WriteTx {
    /// An uncommitted transaction on SQLite is rolled back before the next
    /// writer has the connection: the turn goes with the rollback.
    fn drop(&mut self) {
        let Tx::Sqlite(Some(mut turn)) = std::mem::replace(&mut self.tx, Tx::Pool(None)) else {
            return;
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Some(conn) = turn.as_mut() {
                    let _ = conn.execute("ROLLBACK").await;
                }
            });
        }
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match &self.tx {
            Tx::Sqlite(Some(turn)) => turn.as_ref().expect("checked as the turn began"),
            Tx::Pool(Some(tx)) => tx,
            Tx::Sqlite(None) | Tx::Pool(None) => unreachable!("used after commit"),
        }
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.tx {
            Tx::Sqlite(Some(turn)) => turn.as_mut().expect("checked as the turn began"),
            Tx::Pool(Some(tx)) => tx,
            Tx::Sqlite(None) | Tx::Pool(None) => unreachable!("used after commit"),
        }
    }
}

/// A commit not yet known to be on disk.
pub(super) struct Committed {
    group: Option<Arc<GroupCommit>>,
}

impl Committed {
    pub(super) async fn durable(self) -> Result<(), sqlx::Error> {
        durable(self.group.as_deref()).await
    }
}
