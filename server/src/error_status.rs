//! Server functions answer a failure with status 500 and the app's error as
//! JSON. This gives each error the status it stands for (401 not signed in,
//! 403 not allowed, 404 not found, …), in one place for every endpoint. A
//! request the server could not even decode says only that it was bad: the
//! decoder's message names fields and types, which is nobody's business.

use app::error::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Errors are a few bytes; anything larger is not one of ours.
const ERROR_BODY_MAX: usize = 4096;

pub async fn set_status(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR || !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_MAX).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(error) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
    let shown = match error {
        AppError::Call(_) if parts.status == StatusCode::BAD_REQUEST => AppError::BadInput,
        AppError::Call(_) => AppError::Internal,
        other => other,
    };
    let body = serde_json::to_vec(&shown).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}
