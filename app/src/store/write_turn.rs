//! Writes, one at a time on SQLite.
//!
//! SQLite has one writer. Left to itself, every connection that wants to
//! write sleeps in SQLite's busy handler, waking after 1, 2, 5 … 100 ms to
//! try again: under load the lock sits idle between those tries, the
//! sleepers hold the readers' connections, and who writes next is luck.
//! Here the server keeps one connection for writing beside the readers'
//! pool. Writers wait for it first come first served (sqlx hands out a
//! pool's connections in the order they were asked for), never behind
//! readers for a connection, and readers never behind them. Other
//! processes on the same file (the command line) still meet SQLite's busy
//! timeout. A writer gives the connection back as it commits and then
//! waits for its commit to reach the disk (`group_commit`).

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use futures::stream::{self, BoxStream, StreamExt};
use sqlx::any::{AnyPoolOptions, AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::pool::PoolConnection;
use sqlx::{
    Any, AnyConnection, AnyPool, Connection, Describe, Either, Execute, Executor, Transaction,
};

use super::group_commit::GroupCommit;

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
/// commit, which keeps every write through a power cut; the writer's
/// connection commits with NORMAL and syncs in groups (`group_commit`).
/// The readers' pool writes too (migrations, `wal_checkpoint`), with FULL.
#[derive(Clone, Copy)]
pub(super) enum Sync {
    Full,
    Grouped,
}

/// The writer's connection beside `readers`, and the syncs its commits
/// wait for. A database in memory has no disk to wait for.
pub(super) async fn sqlite_writer(url: &str, readers: &AnyPool) -> Result<Writer, sqlx::Error> {
    let files: Vec<(i64, String, String)> = sqlx::query_as("PRAGMA database_list")
        .fetch_all(readers)
        .await?;
    let file = files
        .into_iter()
        .find_map(|(_, name, file)| (name == "main").then_some(file))
        .unwrap_or_default();
    if file.is_empty() {
        return Ok(Writer::pool(sqlite_pool(url, 1, Sync::Full).await?));
    }
    Ok(Writer {
        pool: sqlite_pool(url, 1, Sync::Grouped).await?,
        group: Some(Arc::new(GroupCommit::new(Path::new(&file)))),
    })
}

/// A pool of `size` connections to a SQLite file, each set up alike.
pub(super) async fn sqlite_pool(url: &str, size: u32, sync: Sync) -> Result<AnyPool, sqlx::Error> {
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
        .after_connect(move |conn, _| {
            Box::pin(async move {
                for pragma in PRAGMAS {
                    conn.execute(pragma).await?;
                }
                conn.execute(match sync {
                    Sync::Full => "PRAGMA synchronous = FULL",
                    Sync::Grouped => "PRAGMA synchronous = NORMAL",
                })
                .await?;
                Ok(())
            })
        })
        .connect(url)
        .await
}

/// Where the store writes: SQLite's one connection for writing, or
/// PostgreSQL's pool. A write through it returns once it is durable.
#[derive(Clone, Debug)]
pub(super) struct Writer {
    pool: AnyPool,
    /// On SQLite; PostgreSQL syncs each commit itself, and groups them.
    group: Option<Arc<GroupCommit>>,
}

impl Writer {
    /// Writes through `pool`, each commit synced in it.
    pub(super) fn pool(pool: AnyPool) -> Self {
        Self { pool, group: None }
    }

    /// A transaction begun with `begin` ("BEGIN IMMEDIATE" on SQLite), or
    /// the database's default.
    pub(super) async fn begin(
        &self,
        begin: Option<&'static str>,
    ) -> Result<WriteTx<'static>, sqlx::Error> {
        let tx = match begin {
            Some(sql) => self.pool.begin_with(sql).await?,
            None => self.pool.begin().await?,
        };
        Ok(WriteTx {
            tx,
            group: self.group.clone(),
        })
    }

    /// The connection for writing, held for several transactions.
    pub(super) async fn acquire(&self) -> Result<WriteConn, sqlx::Error> {
        Ok(WriteConn {
            conn: self.pool.acquire().await?,
            group: self.group.clone(),
        })
    }

    /// `done`, then the sync its commit waits for.
    fn then_durable<'e, T: Send + 'e>(
        &'e self,
        done: BoxFuture<'e, Result<T, sqlx::Error>>,
    ) -> BoxFuture<'e, Result<T, sqlx::Error>> {
        Box::pin(async move {
            let done = done.await?;
            durable(self.group.as_deref()).await?;
            Ok(done)
        })
    }

    /// Syncs done so far in groups; none on PostgreSQL.
    pub(super) fn syncs(&self) -> u64 {
        self.group.as_ref().map_or(0, |g| g.syncs())
    }

    pub(super) async fn close(&self) {
        self.pool.close().await;
    }
}

async fn durable(group: Option<&GroupCommit>) -> Result<(), sqlx::Error> {
    match group {
        Some(group) => group.durable().await,
        None => Ok(()),
    }
}

/// The connection for writing, taken from the pool.
pub(super) struct WriteConn {
    conn: PoolConnection<Any>,
    group: Option<Arc<GroupCommit>>,
}

impl WriteConn {
    /// A write transaction on SQLite: the write lock taken at BEGIN.
    pub(super) async fn begin_immediate(&mut self) -> Result<WriteTx<'_>, sqlx::Error> {
        Ok(WriteTx {
            tx: self.conn.begin_with("BEGIN IMMEDIATE").await?,
            group: self.group.clone(),
        })
    }
}

/// A write transaction; `commit` returns once what it wrote is durable.
pub(super) struct WriteTx<'c> {
    tx: Transaction<'c, Any>,
    group: Option<Arc<GroupCommit>>,
}

impl WriteTx<'_> {
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        self.commit_unsynced().await?.durable().await
    }

    /// Commits, for a caller that gives the connection back before it
    /// waits for the sync.
    pub(super) async fn commit_unsynced(self) -> Result<Committed, sqlx::Error> {
        self.tx.commit().await?;
        Ok(Committed { group: self.group })
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

impl Deref for WriteTx<'_> {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// A statement run on its own commits on its own, so it waits for its sync
/// before its result (or, with `RETURNING`, its last row) comes back.
impl<'c> Executor<'c> for &'c Writer {
    type Database = Any;

    fn execute<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, Result<AnyQueryResult, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        self.then_durable(self.pool.execute(query))
    }

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        let sync = stream::once(durable(self.group.as_deref()))
            .filter_map(|done| std::future::ready(done.err().map(Err)));
        Box::pin(self.pool.fetch_many(query).chain(sync))
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Any>,
    {
        self.then_durable(self.pool.fetch_optional(query))
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
    where
        'c: 'e,
    {
        self.pool.prepare_with(sql, parameters)
    }

    fn describe<'e, 'q: 'e>(self, sql: &'q str) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
    where
        'c: 'e,
    {
        self.pool.describe(sql)
    }
}
