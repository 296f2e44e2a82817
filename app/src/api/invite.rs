use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::Role;

/// What the invite page may tell a visitor. An unknown, expired, used-up and
/// withdrawn code look the same from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStatus {
    Valid(Role),
    NotValid,
}

/// Open to anyone: holding the code is the credential.
#[server(endpoint = "check_invite")]
pub async fn check_invite(code: String) -> Result<InviteStatus, AppError> {
    let store = expect_context::<crate::store::Store>();
    // Codes are 22 characters; anything far off is not worth a query.
    if code.is_empty() || code.len() > 64 {
        return Ok(InviteStatus::NotValid);
    }
    Ok(match store.open_invite(&code).await? {
        Some(role) => InviteStatus::Valid(role),
        None => InviteStatus::NotValid,
    })
}
