//! Headers every response carries. A page sets its own
//! Content-Security-Policy (with its scripts' nonce); everything else gets
//! the same policy without one.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Whether the site is served over https, where browsers are told to keep
/// to it (HSTS). Over plain http the header would be ignored anyway.
#[derive(Clone, Copy)]
pub struct Https(pub bool);

/// No camera, microphone, location or payment; nothing of Polku needs them.
const PERMISSIONS: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=()";

/// Referrers go to Polku itself only, never to another site. Browsers
/// drop the Referer of a same-origin form post under `no-referrer`, and a
/// form posted without JavaScript finds its way back to its page (with the
/// error shown) by it.
const REFERRER: &str = "same-origin";

pub async fn set(State(https): State<Https>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let encoded = headers.contains_key(header::CONTENT_ENCODING);
    let mut default = |name: HeaderName, value: HeaderValue| {
        headers.entry(name).or_insert(value);
    };
    if let Ok(policy) = HeaderValue::from_str(&app::csp::policy(None)) {
        default(header::CONTENT_SECURITY_POLICY, policy);
    }
    default(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    default(header::REFERRER_POLICY, HeaderValue::from_static(REFERRER));
    default(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS),
    );
    default(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    default(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // A built file's compressed copy depends on what the browser accepts,
    // as a page compressed on its way out does (which says so itself): a
    // cache between must not hand brotli to a browser that asked for none.
    if encoded {
        default(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if https.0 {
        default(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}
