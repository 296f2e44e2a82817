use axum::extract::FromRef;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;

use app::auth::AuthConfig;
use app::store::Store;
use app::{shell, App};

use crate::health::healthz;
use crate::rate_limit::{self, RateLimiter};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub auth: AuthConfig,
}

/// Pages and server functions get the store through Leptos' context; plain
/// routes through axum's state.
/// Calls per minute per address to the sign-in or the invite endpoints.
const GUESSES_PER_MINUTE: u32 = 30;

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let store = state.store.clone();
    let auth = state.auth.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(store.clone());
                provide_context(auth.clone());
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn_with_state(
            RateLimiter::new(GUESSES_PER_MINUTE, std::time::Duration::from_secs(60)),
            rate_limit::limit,
        ))
        .layer(CompressionLayer::new())
        .with_state(state)
}
