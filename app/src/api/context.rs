//! What the server gives every request (the store, the auth settings, the
//! response), read by the server functions.

use leptos::prelude::use_context;

use crate::error::AppError;
use crate::store::Store;

/// A value the server provides to each request. A page's resources run as
/// tasks of their own and go on after the phone drops the connection, when
/// the request and what it provided are gone: then this is an error nobody
/// sees, where `expect_context` panicked.
pub fn server_context<T: Clone + 'static>() -> Result<T, AppError> {
    use_context::<T>().ok_or(AppError::Internal)
}

/// The store, as every server function reads it.
pub fn store() -> Result<Store, AppError> {
    server_context()
}
