//! Write transactions, one at a time on SQLite.
//!
//! SQLite has one writer. Left to itself, every connection that wants to
//! write takes a pooled connection and sleeps in SQLite's busy handler,
//! waking after 1, 2, 5 … 100 ms to try again. Under load the lock sits
//! idle between those tries, the sleepers hold the pool's connections
//! while readers wait for one, and who gets the lock next is luck. Here
//! writers queue in this process instead, first come first served, and
//! take a connection only when it is their turn. Other processes on the
//! same file (the command line) still meet SQLite's busy timeout.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Duration;

use sqlx::{Any, AnyConnection, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// As long as SQLite's busy timeout: a writer waits no longer than before
/// for its turn, and a bug that nests two writes fails instead of hanging.
const TURN_WAIT: Duration = Duration::from_secs(5);

/// The queue of writers of one database.
#[derive(Clone, Debug, Default)]
pub(super) struct WriteQueue(Arc<Mutex<()>>);

impl WriteQueue {
    /// Waits for this writer's turn.
    pub(super) async fn turn(&self) -> Result<OwnedMutexGuard<()>, sqlx::Error> {
        tokio::time::timeout(TURN_WAIT, self.0.clone().lock_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)
    }
}

/// A write transaction; on SQLite it holds the turn until it ends.
pub(super) struct WriteTx {
    // Declared first, so dropped first: an abandoned transaction (an error
    // on the way) queues its rollback, which runs as its connection goes
    // back to the pool; a writer that begins meanwhile meets SQLite's busy
    // handler, as all did before.
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub(super) fn new(tx: Transaction<'static, Any>, turn: Option<OwnedMutexGuard<()>>) -> Self {
        Self { tx, _turn: turn }
    }

    /// Commits, then lets the next writer begin.
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}
