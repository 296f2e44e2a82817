//! Polku, the application: shared types, pages and server functions. With
//! `ssr` it also holds the store; with `hydrate` it is the browser's entry.

// The page views are deeply nested types; the release browser build needs
// more than the default depth to lay them out.
#![recursion_limit = "256"]

pub mod api;
mod app;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod csp;
pub mod error;
pub mod i18n;
pub mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;

pub use app::{shell, App};

/// The browser's entry point. Pages arrive rendered; only islands wake up.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
