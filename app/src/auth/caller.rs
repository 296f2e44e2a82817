//! What one request has already learned about its caller. A page calls many
//! server functions while it renders, and each one authenticates on its own;
//! without this, each would read the same session and memberships again.
//! It lives for one request only, and only a GET request (a page being
//! drawn, a calendar or manifest fetched) keeps it: those change nothing
//! about who the caller is, so what was read at the start stays true to the
//! end. A POST may change the caller's session or memberships (signing in
//! and out are POSTs); it reads them afresh each time.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::error::AppError;
use crate::store::Caller;

#[derive(Clone, Default)]
pub struct CallerCache(Arc<Cells>);

/// A once-cell, so the server functions of one page that run at the same
/// time wait for one read instead of each making its own.
#[derive(Default)]
struct Cells {
    caller: OnceCell<Option<Caller>>,
}

impl CallerCache {
    /// The session, its account and its actor, read together.
    pub async fn caller<F>(&self, read: F) -> Result<Option<Caller>, AppError>
    where
        F: Future<Output = Result<Option<Caller>, AppError>>,
    {
        self.0.caller.get_or_try_init(|| read).await.cloned()
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
