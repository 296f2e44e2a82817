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
    #[error("not signed in")]
    NotSignedIn,
    #[error("the display name is not valid")]
    InvalidDisplayName,
    #[error("the invite is not valid")]
    InviteNotValid,
    #[error("the passkey ceremony expired or was already used")]
    CeremonyExpired,
    #[error("the passkey could not be created")]
    PasskeyFailed,
    #[error("this passkey is already registered")]
    PasskeyTaken,
    #[error("signing in failed")]
    SignInFailed,
    #[error("too many tries")]
    TooManyRequests,
    #[error("something went wrong on the server")]
    Internal,
    #[error("server function call failed: {0}")]
    Call(ServerFnErrorErr),
}

impl AppError {
    pub fn message(&self, t: &Texts) -> &'static str {
        match self {
            AppError::BadInput => t.error_bad_input,
            AppError::NotSignedIn => t.error_not_signed_in,
            AppError::InvalidDisplayName => t.error_display_name,
            AppError::InviteNotValid => t.invite_invalid,
            AppError::CeremonyExpired => t.error_ceremony_expired,
            AppError::PasskeyFailed => t.error_passkey_failed,
            AppError::PasskeyTaken => t.error_passkey_taken,
            AppError::SignInFailed => t.error_sign_in_failed,
            AppError::TooManyRequests => t.error_too_many_requests,
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
