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
//! timeout.

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

/// As long as SQLite's busy timeout: a writer waits no longer than before
/// for its turn, and a bug that nests two writes fails instead of hanging.
const TURN_WAIT: Duration = Duration::from_secs(5);

/// SQLite's settings, on every connection: WAL lets readers run beside the
/// writer; FULL sync keeps every acknowledged write even through a power
/// cut; secure_delete overwrites what is deleted or replaced, so it does
/// not linger in the file's free pages.
const PRAGMAS: [&str; 5] = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
];

/// A pool of `size` connections to a SQLite file, each set up alike.
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
        .after_connect(|conn, _| {
            Box::pin(async move {
                for pragma in PRAGMAS {
                    conn.execute(pragma).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
}
