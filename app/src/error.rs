//! The one error type of the app. Users only ever see its translated message,
//! never a database or internal text.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::{CeremonyTexts, Texts};
use crate::model::Field;

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
    #[error("the value of {0:?} is not valid")]
    Invalid(Field),
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("a recent passkey confirmation is needed")]
    NeedsConfirmation,
    #[error("the last passkey cannot be removed")]
    LastPasskey,
    #[error("the recovery link is not valid")]
    LinkNotValid,
    #[error("the name is taken")]
    NameTaken,
    #[error("already a member")]
    AlreadyMember,
    #[error("something went wrong on the server")]
    Internal,
    #[error("server function call failed: {0}")]
    Call(ServerFnErrorErr),
}

impl AppError {
    pub fn message(&self, t: &Texts) -> &'static str {
        match self {
            AppError::Invalid(field) => t.field_error(*field),
            other => other.ceremony_message(&CeremonyTexts::of(t)),
        }
    }

    /// The message from the few words a passkey island carries; a field
    /// error, which no ceremony gives, reads as bad input there.
    pub fn ceremony_message(&self, t: &CeremonyTexts) -> &'static str {
        match self {
            AppError::BadInput | AppError::Invalid(_) => t.error_bad_input,
            AppError::NotSignedIn => t.error_not_signed_in,
            AppError::InvalidDisplayName => t.error_display_name,
            AppError::InviteNotValid => t.invite_invalid,
            AppError::CeremonyExpired => t.error_ceremony_expired,
            AppError::PasskeyFailed => t.error_passkey_failed,
            AppError::PasskeyTaken => t.error_passkey_taken,
            AppError::SignInFailed => t.error_sign_in_failed,
            AppError::TooManyRequests => t.error_too_many_requests,
            AppError::Forbidden => t.error_forbidden,
            AppError::NotFound => t.error_not_found,
            AppError::NeedsConfirmation => t.error_needs_confirmation,
            AppError::LastPasskey => t.error_last_passkey,
            AppError::LinkNotValid => t.recovery_invalid,
            AppError::NameTaken => t.error_name_taken,
            AppError::AlreadyMember => t.error_already_member,
            AppError::Call(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_),
            ) => t.error_bad_input,
            AppError::Internal | AppError::Call(_) => t.error_internal,
        }
    }

    /// The HTTP status a server function answers with when it fails.
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadInput
            | AppError::Invalid(_)
            | AppError::InvalidDisplayName
            | AppError::CeremonyExpired
            | AppError::PasskeyFailed
            | AppError::Call(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_),
            ) => 400,
            AppError::NotSignedIn | AppError::SignInFailed => 401,
            AppError::Forbidden | AppError::NeedsConfirmation => 403,
            AppError::NotFound | AppError::InviteNotValid | AppError::LinkNotValid => 404,
            AppError::PasskeyTaken
            | AppError::NameTaken
            | AppError::AlreadyMember
            | AppError::LastPasskey => 409,
            AppError::TooManyRequests => 429,
            AppError::Internal | AppError::Call(_) => 500,
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
        use crate::store::StoreError;
        match err {
            StoreError::InviteNotValid => AppError::InviteNotValid,
            StoreError::CredentialTaken => AppError::PasskeyTaken,
            StoreError::LinkNotValid => AppError::LinkNotValid,
            StoreError::NameTaken => AppError::NameTaken,
            StoreError::AlreadyMember => AppError::AlreadyMember,
            StoreError::LastPasskey => AppError::LastPasskey,
            StoreError::Invalid(field) => AppError::Invalid(field),
            err => {
                // The detail goes to the log for the operator, not to the user.
                tracing::error!(error = %err, "store error");
                AppError::Internal
            }
        }
    }
}
