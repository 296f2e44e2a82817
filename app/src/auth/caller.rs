//! What one request has already learned about its caller. A page calls many
//! server functions while it renders, and each one authenticates on its own;
//! without this, each would read the same session and memberships again.
//! It lives for one request only, and only a GET request (a page being
//! drawn, a calendar or manifest fetched) keeps it: those change nothing
//! about who the caller is, so what was read at the start stays true to the
//! end. A POST may change the caller's session or memberships; it reads
//! them afresh each time.

use std::sync::{Arc, Mutex};

use crate::policy::Actor;
use crate::store::SessionRow;

#[derive(Clone, Default)]
pub struct CallerCache(Arc<Mutex<Known>>);

#[derive(Default)]
struct Known {
    /// `Some(None)`: looked up, and this request has no live session.
    session: Option<Option<SessionRow>>,
    actor: Option<Actor>,
}

impl CallerCache {
    fn known(&self) -> std::sync::MutexGuard<'_, Known> {
        // A panic elsewhere cannot leave this in a half-written state worth
        // refusing: every field is replaced whole.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn session(&self) -> Option<Option<SessionRow>> {
        self.known().session.clone()
    }

    pub fn keep_session(&self, session: Option<SessionRow>) {
        self.known().session = Some(session);
    }

    /// The actor, if it was read for this same person.
    pub fn actor(&self, user_id: i64) -> Option<Actor> {
        self.known().actor.clone().filter(|a| a.user_id == user_id)
    }

    pub fn keep_actor(&self, actor: Actor) {
        self.known().actor = Some(actor);
    }

    pub fn forget(&self) {
        *self.known() = Known::default();
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
