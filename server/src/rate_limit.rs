//! Slows down guessing: each client address gets a budget of calls per
//! minute to the endpoints where an invite, a code or a passkey is tried.
//! The ceremonies add budgets per code and per credential (`app::auth`).

use std::net::SocketAddr;

use app::auth::RateLimiter;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Which budget a path draws on, if any.
fn budget_of(path: &str) -> Option<&'static str> {
    match path {
        "/api/sign_in_begin"
        | "/api/sign_in_finish"
        | "/api/confirm_begin"
        | "/api/confirm_finish" => Some("sign_in"),
        "/api/join_begin" | "/api/join_finish" | "/api/check_invite" | "/api/invite_accept" => {
            Some("invite")
        }
        "/api/recovery_check" | "/api/recovery_begin" | "/api/recovery_finish" => Some("recovery"),
        _ => None,
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
    if !limiter.allow(&format!("{}|{budget}", peer.ip())) {
        tracing::warn!(event = "rate_limited", budget, ip = %peer.ip());
        return too_many(&limiter);
    }
    next.run(request).await
}

/// The body is the app's own error, so the page can say it in the person's
/// language.
fn too_many(limiter: &RateLimiter) -> Response {
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::CONTENT_TYPE, "application/json")],
        "\"TooManyRequests\"",
    )
        .into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(limiter.window().as_secs()),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_guessable_endpoints_are_limited() {
        assert_eq!(budget_of("/api/sign_in_begin"), Some("sign_in"));
        assert_eq!(budget_of("/api/join_finish"), Some("invite"));
        assert_eq!(budget_of("/api/recovery_begin"), Some("recovery"));
        assert_eq!(budget_of("/healthz"), None);
        assert_eq!(budget_of("/"), None);
        assert_eq!(budget_of("/api/devices"), None);
    }
}
