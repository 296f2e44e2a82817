//! What one request has already learned about its caller. A page calls many
//! server functions while it renders, and each one authenticates on its own;
//! without this, each would read the same session and memberships again.
//! It lives for one request only, and only a GET request (a page being
//! drawn, a calendar or manifest fetched) keeps it: those change nothing
//! about who the caller is, so what was read at the start stays true to the
//! end. A POST may change the caller's session or memberships; it reads
//! them afresh each time.

use std::future::Future;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use crate::error::AppError;
use crate::policy::Actor;
use crate::store::{Account, SessionRow};

#[derive(Clone, Default)]
pub struct CallerCache(Arc<Mutex<Cells>>);

/// Once-cells, so the server functions of one page that run at the same
/// time wait for one read instead of each making its own.
#[derive(Clone, Default)]
struct Cells {
    session: Arc<OnceCell<Option<SessionRow>>>,
    actor: Arc<OnceCell<Actor>>,
    account: Arc<OnceCell<Option<Account>>>,
}

impl CallerCache {
    fn cells(&self) -> Cells {
        // Every field is replaced whole, so a panic elsewhere cannot leave
        // a half-written value behind.
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub async fn session<F>(&self, read: F) -> Result<Option<SessionRow>, AppError>
    where
        F: Future<Output = Result<Option<SessionRow>, AppError>>,
    {
        let cell = self.cells().session;
        cell.get_or_try_init(|| read).await.cloned()
    }

    /// The actor of `user_id`; read afresh if what is kept is someone else's.
    pub async fn actor<F>(&self, user_id: i64, read: F) -> Result<Actor, AppError>
    where
        F: Future<Output = Result<Actor, AppError>>,
    {
        let cell = self.cells().actor;
        match cell.get() {
            Some(actor) if actor.user_id != user_id => read.await,
            _ => cell.get_or_try_init(|| read).await.cloned(),
        }
    }

    /// The account of `user_id`; read afresh if what is kept is someone else's.
    pub async fn account<F>(&self, user_id: i64, read: F) -> Result<Option<Account>, AppError>
    where
        F: Future<Output = Result<Option<Account>, AppError>>,
    {
        let cell = self.cells().account;
        match cell.get() {
            Some(Some(account)) if account.id != user_id => read.await,
            _ => cell.get_or_try_init(|| read).await.cloned(),
        }
    }

    pub fn forget(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Cells::default();
    }
}

/// This request's cache if it is a GET; otherwise (and outside a request)
/// a fresh one, which remembers nothing.
pub fn cache() -> CallerCache {
    use leptos::prelude::use_context;
    let reads_only = use_context::<http::request::Parts>()
        .is_some_and(|p| p.method == http::Method::GET || p.method == http::Method::HEAD);
    match use_context::<CallerCache>() {
        Some(cache) if reads_only => cache,
        _ => CallerCache::default(),
    }
}

/// After signing in or out: the next look reads the session again.
pub fn forget_caller() {
    if let Some(cache) = leptos::prelude::use_context::<CallerCache>() {
        cache.forget();
    }
}
