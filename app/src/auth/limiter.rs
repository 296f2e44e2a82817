//! Slows down guessing. The server's middleware gives each client address a
//! budget per endpoint family; the ceremonies add a budget per code and per
//! credential, so spreading guesses over many addresses does not help either.
//! Kept in memory per instance, which is enough to make guessing pointless
//! against codes of 128 random bits.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use leptos::prelude::use_context;

use crate::error::AppError;
use crate::store::hash_code;

/// When each key's window began, and how many calls it has made in it.
type Windows = HashMap<String, (Instant, u32)>;

#[derive(Clone, Debug)]
pub struct RateLimiter {
    per_window: u32,
    window: Duration,
    seen: Arc<Mutex<Windows>>,
}

impl RateLimiter {
    pub fn new(per_window: u32, window: Duration) -> Self {
        Self {
            per_window,
            window,
            seen: Arc::default(),
        }
    }

    pub fn window(&self) -> Duration {
        self.window
    }

    /// Counts a call; false once the key has used up this window.
    pub fn allow(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_window
    }
}

/// The budget of tries per code or credential, given to every request.
#[derive(Clone, Debug)]
pub struct GuessLimits(pub RateLimiter);

/// Counts one try of `secret` (a code or a credential id) in `scope`; the
/// key is hashed so no secret sits in memory longer than the request.
pub fn count_try(scope: &str, secret: &str) -> Result<(), AppError> {
    let Some(GuessLimits(limiter)) = use_context::<GuessLimits>() else {
        return Ok(());
    };
    if limiter.allow(&format!("{scope}:{}", hash_code(secret))) {
        Ok(())
    } else {
        tracing::warn!(event = "rate_limited", scope);
        Err(AppError::TooManyRequests)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_has_its_own_count() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.allow("10.0.0.1|sign_in"));
        assert!(limiter.allow("10.0.0.1|sign_in"));
        assert!(!limiter.allow("10.0.0.1|sign_in"));
        assert!(limiter.allow("10.0.0.1|invite"), "another budget");
        assert!(limiter.allow("10.0.0.2|sign_in"), "another address");
    }

    #[test]
    fn a_new_window_starts_afresh() {
        let limiter = RateLimiter::new(1, Duration::ZERO);
        assert!(limiter.allow("a"));
        assert!(limiter.allow("a"));
    }
}
