//! The one error type of the app. Users only ever see its translated message,
//! never a database or internal text.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::Texts;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("the request was not valid")]
    BadInput,
    #[error("something went wrong on the server")]
    Internal,
    #[error("server function call failed: {0}")]
    Call(ServerFnErrorErr),
}

impl AppError {
    pub fn message(&self, t: &Texts) -> &'static str {
        match self {
            AppError::BadInput => t.error_bad_input,
            AppError::Internal | AppError::Call(_) => t.error_internal,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Call(value)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::StoreError> for AppError {
    fn from(err: crate::store::StoreError) -> Self {
        // The detail goes to the log for the operator, not to the user.
        tracing::error!(error = %err, "store error");
        AppError::Internal
    }
}
