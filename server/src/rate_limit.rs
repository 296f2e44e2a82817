//! Slows down guessing: each client address gets a budget of calls per
//! minute to the endpoints where an invite, a code or a passkey is tried.
//! Kept in memory per instance, which is enough to make guessing pointless
//! against codes of 128 random bits.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Which budget a path draws on, if any.
fn budget_of(path: &str) -> Option<&'static str> {
    match path {
        "/api/sign_in_begin" | "/api/sign_in_finish" => Some("sign_in"),
        "/api/join_begin" | "/api/join_finish" | "/api/check_invite" => Some("invite"),
        _ => None,
    }
}

/// When each address's window began, and how many calls it has made in it.
type Windows = HashMap<(IpAddr, &'static str), (Instant, u32)>;

#[derive(Clone)]
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

    /// Counts a call; false once the address has used up this window.
    fn allow(&self, ip: IpAddr, budget: &'static str) -> bool {
        let now = Instant::now();
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 100_000 {
            seen.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = seen.entry((ip, budget)).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_window
    }
}

pub async fn limit(
    State(limiter): State<RateLimiter>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let Some(budget) = budget_of(request.uri().path()) else {
        return next.run(request).await;
    };
    if !limiter.allow(peer.ip(), budget) {
        tracing::warn!(event = "rate_limited", budget, ip = %peer.ip());
        // The body is the app's own error, so the page can say it in the
        // person's language.
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            "\"TooManyRequests\"",
        )
            .into_response();
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(limiter.window.as_secs()),
        );
        return response;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_and_budget_has_its_own_count() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert!(limiter.allow(a, "sign_in"));
        assert!(limiter.allow(a, "sign_in"));
        assert!(!limiter.allow(a, "sign_in"));
        assert!(limiter.allow(a, "invite"), "another budget");
        assert!(limiter.allow(b, "sign_in"), "another address");
    }

    #[test]
    fn a_new_window_starts_afresh() {
        let limiter = RateLimiter::new(1, Duration::ZERO);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(limiter.allow(a, "sign_in"));
        assert!(limiter.allow(a, "sign_in"));
    }

    #[test]
    fn only_guessable_endpoints_are_limited() {
        assert_eq!(budget_of("/api/sign_in_begin"), Some("sign_in"));
        assert_eq!(budget_of("/api/join_finish"), Some("invite"));
        assert_eq!(budget_of("/healthz"), None);
        assert_eq!(budget_of("/"), None);
    }
}
