//! Cross-site request forgery: a state-changing request is served only when
//! it comes from a page of this site. Browsers say where a request comes
//! from in `Sec-Fetch-Site` (and, older ones, `Origin`); a request with
//! neither is not from a browser, so it carries no one's cookies by
//! surprise. Ports count: another app on the same host is another origin.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether a request that may change something may go on.
pub fn allowed(method: &Method, headers: &HeaderMap, origin: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        return site.as_bytes() == b"same-origin";
    }
    match headers.get(header::ORIGIN) {
        Some(sent) => sent.as_bytes() == origin.as_bytes(),
        None => true,
    }
}

pub async fn guard(State(origin): State<Arc<str>>, request: Request, next: Next) -> Response {
    if allowed(request.method(), request.headers(), &origin) {
        return next.run(request).await;
    }
    tracing::warn!(event = "cross_site_refused", path = request.uri().path());
    // The app's own error, so a page could say it in the person's language.
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        "\"Forbidden\"",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const ORIGIN: &str = "https://polku.example.fi";

    fn with(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn only_this_site_may_post() {
        let post = Method::POST;
        assert!(allowed(
            &post,
            &with(&[("sec-fetch-site", "same-origin")]),
            ORIGIN
        ));
        for site in ["same-site", "cross-site", "none"] {
            assert!(
                !allowed(&post, &with(&[("sec-fetch-site", site)]), ORIGIN),
                "{site}"
            );
        }
        // Sec-Fetch-Site decides; a form under no-referrer sends Origin: null.
        assert!(allowed(
            &post,
            &with(&[("sec-fetch-site", "same-origin"), ("origin", "null")]),
            ORIGIN
        ));
        assert!(allowed(&post, &with(&[("origin", ORIGIN)]), ORIGIN));
        for other in [
            "null",
            "https://evil.example",
            "https://polku.example.fi:8443",
            "http://polku.example.fi",
        ] {
            assert!(
                !allowed(&post, &with(&[("origin", other)]), ORIGIN),
                "{other}"
            );
        }
        assert!(allowed(&post, &HeaderMap::new(), ORIGIN), "not a browser");
        for method in [Method::PUT, Method::DELETE, Method::PATCH] {
            assert!(!allowed(
                &method,
                &with(&[("sec-fetch-site", "cross-site")]),
                ORIGIN
            ));
        }
        assert!(allowed(
            &Method::GET,
            &with(&[("sec-fetch-site", "cross-site")]),
            ORIGIN
        ));
    }
}
