use axum::extract::State;
use axum::http::StatusCode;

use app::store::Store;

/// 200 after a real round trip to the database; 503 when it does not answer,
/// so a load balancer stops sending people here.
pub async fn healthz(State(store): State<Store>) -> (StatusCode, &'static str) {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
