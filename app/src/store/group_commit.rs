//! Group commit on SQLite: one sync of the log makes every write durable
//! that committed before the sync began.
//!
//! With `synchronous = FULL`, SQLite syncs the write-ahead log inside each
//! commit, holding the one write lock meanwhile: writes went one sync at a
//! time (`make bench`'s share/revoke toggle: 2,800 a second, and 8,300
//! with the syncs made no-ops). The writer's connection now commits with
//! `synchronous = NORMAL`, which keeps a commit through a crash of the
//! process but not through a power cut, and every write then waits, before
//! it returns, for a sync of the log that began after its commit. The next
//! writer commits meanwhile, and the sync after that covers every commit
//! that waited for it. A write is answered only once on disk, as with
//! FULL.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::Mutex;

#[derive(Debug)]
pub(super) struct GroupCommit {
    /// The database's write-ahead log.
    wal: PathBuf,
    /// Commits that have asked to be made durable, counted in that order.
    committed: AtomicU64,
    /// How many of them the last finished sync covers. Holding the lock is
    /// the turn to sync; tokio's lock serves in the order asked.
    synced: Mutex<u64>,
    /// Syncs done, for the tests.
    syncs: AtomicU64,
}

impl GroupCommit {
    /// For the SQLite database in `file`, whose log is `file`-wal.
    pub(super) fn new(file: &Path) -> Self {
        let mut wal = file.as_os_str().to_owned();
        wal.push("-wal");
        Self {
            wal: wal.into(),
            committed: AtomicU64::new(0),
            synced: Mutex::new(0),
            syncs: AtomicU64::new(0),
        }
    }

    /// Returns once a sync of the log that began after the caller's commit
    /// has finished. Call it after the commit returned, not before.
    pub(super) async fn durable(&self) -> Result<(), sqlx::Error> {
        let mine = self.committed.fetch_add(1, Ordering::SeqCst) + 1;
        let mut synced = self.synced.lock().await;
        if *synced >= mine {
            // A sync that began after this commit finished while we waited.
            return Ok(());
        }
        // Every commit counted by now finished before the sync begins.
        let covers = self.committed.load(Ordering::SeqCst);
        let wal = self.wal.clone();
        tokio::task::spawn_blocking(move || sync(&wal))
            .await
            .map_err(|e| sqlx::Error::Io(io::Error::other(e)))??;
        self.syncs.fetch_add(1, Ordering::Relaxed);
        *synced = covers;
        Ok(())
    }

    /// How many syncs have run.
    pub(super) fn syncs(&self) -> u64 {
        self.syncs.load(Ordering::Relaxed)
    }
}

/// Syncs the log's content to disk. Opening it is safe beside SQLite: its
/// locks are on the database file and the shared-memory file, never on
/// the log, so closing this handle cannot release them.
fn sync(wal: &Path) -> io::Result<()> {
    match File::open(wal) {
        Ok(log) => log.sync_all(),
        // SQLite removes the log only as its last connection closes, after
        // copying it into the database file and syncing that.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn one_sync_covers_every_commit_that_waited_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("p.db");
        let mut log = File::create(dir.path().join("p.db-wal")).unwrap();
        log.write_all(b"frames").unwrap();
        let group = Arc::new(GroupCommit::new(&db));
        // The first commit waits for a sync of its own.
        group.durable().await.unwrap();
        assert_eq!(group.syncs(), 1);
        // Commits that come while a sync runs share the next one.
        let writers: Vec<_> = (0..64)
            .map(|_| {
                let group = group.clone();
                tokio::spawn(async move { group.durable().await })
            })
            .collect();
        for writer in writers {
            writer.await.unwrap().unwrap();
        }
        let syncs = group.syncs();
        assert!(syncs < 65, "64 commits at once each synced alone");
        // Each commit's wait ends only after a sync that began after it.
        assert_eq!(*group.synced.lock().await, 65);
    }

    #[tokio::test]
    async fn a_log_that_cannot_be_synced_fails_the_write() {
        let dir = tempfile::tempdir().unwrap();
        // The log's folder is a file, so the log cannot be opened.
        let file = dir.path().join("plain");
        File::create(&file).unwrap();
        let group = GroupCommit::new(&file.join("p.db"));
        assert!(group.durable().await.is_err());
        assert_eq!(group.syncs(), 0);
    }
}
