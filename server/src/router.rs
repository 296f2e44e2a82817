use std::time::Duration;

use axum::body::Body;
use axum::extract::FromRef;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::map_request_body::MapRequestBodyLayer;
use tower_http::services::ServeDir;

use app::auth::{AuthConfig, CallerCache, GuessLimits, RateLimiter};
use app::store::Store;
use app::{shell, App};

use crate::error_status;
use crate::headers::{self, Https};
use crate::health::healthz;
use crate::run_to_end::run_to_end;
use crate::{rate_limit, same_origin};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub auth: AuthConfig,
    /// Calls per minute per address to the sign-in, invite or recovery
    /// endpoints.
    pub guesses_per_minute: u32,
}

/// Tries per minute of one code or one credential, from anywhere.
const TRIES_PER_CODE: u32 = 10;
const MINUTE: Duration = Duration::from_secs(60);
/// Pages are compressed as each is sent, so the level is CPU on every
/// request. tower-http's default (4 for brotli, 6 for gzip) doubled the
/// server's work for a page. At 1 a page is a little bigger (a home page
/// 3.5 KB instead of 3.0 in brotli), still well within the first round trip
/// of a slow connection; Chromium and Firefox, which ask for zstd, get it,
/// smaller than brotli 1 at a third of its cost (PERFORMANCE.md).
/// Built files are served already compressed at the highest level.
const PAGE_COMPRESSION: CompressionLevel = CompressionLevel::Precise(1);
/// The largest request body: a long reflection, percent-encoded, fits
/// several times over.
const BODY_MAX: usize = 256 * 1024;

/// Pages and server functions get the store through Leptos' context; plain
/// routes through axum's state.
pub fn router(state: AppState) -> Router {
    let pages = generate_route_list(App);
    let store = state.store.clone();
    let auth = state.auth.clone();
    let per_code = GuessLimits(RateLimiter::new(TRIES_PER_CODE, MINUTE));
    let origin = state.auth.origin.clone();
    let https = Https(origin.starts_with("https://"));
    let context = move || {
        provide_context(store.clone());
        provide_context(auth.clone());
        provide_context(per_code.clone());
        provide_context(CallerCache::default());
    };
    let app = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    // Anything that is not a page is a file of the built site, or else the
    // app's own "not found" page. Not leptos_axum's `file_and_error_handler`:
    // it answers a file under the reactive owner its thread happens to hold,
    // and so could hand one request's headers (its Set-Cookie, its CSP nonce)
    // to another's file. Each render here has an owner of its own.
    let not_found = leptos_axum::render_app_async_with_context(context.clone(), app.clone());
    let files = ServeDir::new(&*state.leptos_options.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(axum::handler::HandlerWithoutStateExt::into_service(
            not_found,
        ));
    let guesses = RateLimiter::new(state.guesses_per_minute, MINUTE);
    let routes = Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(&state, pages, context, app)
        .fallback_service(files)
        .with_state(state);
    // Around the whole router, not through `Router::layer`: that wraps
    // every route in each layer and boxes it again, and a request then
    // copies its route's whole stack once per layer (28 boxes for these
    // seven). Outermost first.
    let layered = ServiceBuilder::new()
        .layer(CompressionLayer::new().quality(PAGE_COMPRESSION))
        .layer(axum::middleware::from_fn_with_state(https, headers::set))
        .layer(RequestBodyLimitLayer::new(BODY_MAX))
        // The limit passes on a body type of its own; the middleware
        // below takes axum's.
        .layer(MapRequestBodyLayer::new(Body::new))
        .layer(axum::middleware::from_fn_with_state(
            origin,
            same_origin::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            guesses,
            rate_limit::limit,
        ))
        .layer(axum::middleware::from_fn(error_status::set_status))
        .layer(axum::middleware::from_fn(run_to_end))
        .service(routes);
    Router::new().fallback_service(layered)
}
