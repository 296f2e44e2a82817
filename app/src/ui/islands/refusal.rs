//! How an island reads a server function's refusal: the name of a plain
//! `AppError` variant, as JSON (`"PasskeyFailed"`). Read with the error's
//! own `Deserialize`, so the names cannot drift from the server's, but with
//! an error type that formats nothing: serde's default messages print the
//! value they did not expect, floats included, and that printing was 9.5 KB
//! of the wasm's 69.5 KB brotli.

use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{Expected, Unexpected};
use serde::Deserialize;

use crate::error::AppError;

/// The error named `name`, if it is a variant without fields.
pub fn named(name: &str) -> Option<AppError> {
    AppError::deserialize(StrDeserializer::<NotPlain>::new(name)).ok()
}

/// "Not the name of a plain variant", and nothing more.
#[derive(Debug)]
struct NotPlain;

impl fmt::Display for NotPlain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not the name of a plain error")
    }
}

impl std::error::Error for NotPlain {}

impl serde::de::Error for NotPlain {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotPlain
    }
    fn invalid_type(_: Unexpected, _: &dyn Expected) -> Self {
        NotPlain
    }
    fn invalid_value(_: Unexpected, _: &dyn Expected) -> Self {
        NotPlain
    }
    fn invalid_length(_: usize, _: &dyn Expected) -> Self {
        NotPlain
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        NotPlain
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        NotPlain
    }
    fn missing_field(_: &'static str) -> Self {
        NotPlain
    }
    fn duplicate_field(_: &'static str) -> Self {
        NotPlain
    }
}

#[cfg(test)]
mod tests {
    use super::named;
    use crate::error::AppError;
    use crate::model::Field;

    #[test]
    fn a_plain_error_is_read_by_the_name_the_server_sends() {
        for error in [
            AppError::PasskeyFailed,
            AppError::SignInFailed,
            AppError::CeremonyExpired,
            AppError::NeedsConfirmation,
            AppError::InvalidDisplayName,
            AppError::TooManyRequests,
            AppError::Internal,
        ] {
            let sent = serde_json::to_value(&error).unwrap();
            let name = sent.as_str().expect("a plain error is sent as its name");
            assert_eq!(named(name), Some(error));
        }
    }

    #[test]
    fn anything_else_is_not_a_plain_error() {
        for name in ["", "passkeyfailed", "Invalid", "Call", "Nonsense", "0"] {
            assert_eq!(named(name), None, "{name:?}");
        }
        let with_field = serde_json::to_value(AppError::Invalid(Field::Title)).unwrap();
        assert!(with_field.as_str().is_none());
    }
}
