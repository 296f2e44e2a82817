//! Every request runs to its end, even when the phone that sent it is gone.
//!
//! A page's resources run as tasks of their own under the request's
//! reactive owner. When a dropped connection dropped the request half-way,
//! those tasks went on under an owner being torn down: their context
//! lookups found nothing, or, when the last reference to the owner went
//! during a lookup, the teardown waited on the lookup's own lock and the
//! worker thread hung for good (seen under `make bench`, whose wrk drops
//! its connections when it stops). Run to the end in a task of its own,
//! the render awaits its resources before its owner goes, as it does for
//! a phone that waits; the answer then goes nowhere.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn run_to_end(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        // The handler panicked: the panic is in the log already.
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
