//! Shared pages logged as seen, many at one commit on SQLite.
//!
//! A shared page is shown only once its log rows are committed, and
//! SQLite commits one write at a time. When facilitators open pages at
//! the same moment, the pages waiting to be logged join one transaction:
//! whoever gets the writer's connection logs every page waiting, each
//! checked against the rule again for its own viewer, commits once, and
//! then tells each page what was logged.
//! PostgreSQL writes beside itself and needs none of this: there a page
//! is logged in one statement (`log_page_at_once`).

use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

use super::write_turn::WriteConn;
use super::{consent, Backend, Store, StoreError};

/// One page to log: the items just read for `viewer` and, on a page of
/// one owner's things, that owner's id, so the visit is remembered.
pub(super) struct Seen {
    pub viewer: i64,
    pub ids: Vec<i64>,
    pub visit: Option<i64>,
    pub at: i64,
}

/// What was logged of one page, or why it was not.
type Answer = Result<Vec<i64>, String>;

struct Waiting {
    seen: Seen,
    answer: oneshot::Sender<Answer>,
}

/// The pages waiting for the writer's connection.
#[derive(Clone, Default)]
pub(super) struct SeenQueue(Arc<Mutex<Vec<Waiting>>>);

impl SeenQueue {
    fn push(&self, waiting: Waiting) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(waiting);
    }

    fn take(&self) -> Vec<Waiting> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl std::fmt::Debug for SeenQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SeenQueue")
    }
}

impl Store {
    /// Logs one page as seen and remembers the visit; the ids logged,
    /// which are the ones still visible to the viewer now.
    pub(super) async fn log_seen(&self, seen: Seen) -> Result<Vec<i64>, StoreError> {
        if self.backend == Backend::Postgres {
            let mut conn = self.pool.acquire().await?;
            return consent::log_page_at_once(&mut conn, &seen).await;
        }
        let (answer, mut answered) = oneshot::channel();
        self.seen.push(Waiting { seen, answer });
        tokio::select! {
            biased;
            done = &mut answered => return reply(done),
            // Dropping `answered` on the way out tells whoever logs next
            // that this page is no longer waiting.
            conn = self.writer.acquire() => {
                // A task of its own: the other pages' answers must not be
                // lost if this request is dropped halfway (its client left).
                tokio::spawn(log_waiting(conn?, self.seen.take()));
            }
        }
        reply(answered.await)
    }
}

fn reply(done: Result<Answer, oneshot::error::RecvError>) -> Result<Vec<i64>, StoreError> {
    match done {
        Ok(Ok(logged)) => Ok(logged),
        Ok(Err(why)) => Err(sqlx::Error::Protocol(why).into()),
        Err(_) => Err(sqlx::Error::WorkerCrashed.into()),
    }
}

/// Logs every waiting page in one transaction and answers each once the
/// commit is on disk. A statement that breaks a rule undoes only itself on
/// SQLite, so such a page fails alone; an error that ends the transaction
/// (a full disk) fails the commit, and with it every page, none shown.
async fn log_waiting(conn: WriteConn, waiting: Vec<Waiting>) {
    if waiting.is_empty() {
        return;
    }
    let mut tx = match conn.begin_immediate().await {
        Ok(tx) => tx,
        Err(err) => return answer_all(waiting, &err.to_string()),
    };
    let mut answers = Vec::with_capacity(waiting.len());
    // A page that stopped waiting (its request ended) is not shown, so it
    // is not logged.
    for w in waiting.into_iter().filter(|w| !w.answer.is_closed()) {
        let logged = consent::log_page(&mut tx, &w.seen)
            .await
            .map_err(|e| e.to_string());
        answers.push((w.answer, logged));
    }
    let done = match tx.commit_unsynced().await {
        // The next writer commits while this one waits for its sync.
        Ok(committed) => committed.durable().await,
        Err(err) => Err(err),
    };
    match done {
        Ok(()) => {
            for (answer, logged) in answers {
                let _ = answer.send(logged);
            }
        }
        Err(err) => {
            let why = err.to_string();
            for (answer, _) in answers {
                let _ = answer.send(Err(why.clone()));
            }
        }
    }
}

fn answer_all(waiting: Vec<Waiting>, why: &str) {
    for w in waiting {
        let _ = w.answer.send(Err(why.to_owned()));
    }
}
