//! Who is calling: passkey ceremonies, sessions and their cookies. Server only.

mod assert;
mod caller;
mod ceremony;
mod cookies;
mod limiter;
mod register;
mod session;

pub use assert::{begin_confirm, begin_sign_in, finish_confirm, finish_sign_in};
pub use caller::CallerCache;
pub use cookies::request_cookie;
pub use limiter::{count_try, GuessLimits, RateLimiter};
pub use register::{
    begin_add_passkey, begin_join, begin_recovery, finish_add_passkey, finish_join, finish_recovery,
};
pub use session::{
    clear_session_cookie, current_account, current_actor, current_session, require_session,
    sign_out,
};

use std::sync::Arc;

use leptos::prelude::use_context;
use webauthn_rs::prelude::{Url, Webauthn, WebauthnBuilder};

use crate::error::AppError;
use crate::policy::Actor;
use crate::store::{SessionLimits, SessionRow, Store};

/// Adding or removing a passkey, exporting and deleting need a passkey
/// confirmation this recent, so an unlocked phone left on a table is not enough.
pub const CONFIRMATION_SECS: i64 = 10 * 60;

/// Server-wide settings for authentication, given to every request.
#[derive(Clone, Debug)]
pub struct AuthConfig {
    pub webauthn: Arc<Webauthn>,
    /// What people open, e.g. `https://polku.example.fi`; links start with it.
    /// Shared, not owned: the config is cloned into every request's context.
    pub origin: Arc<str>,
    /// Cookies get `Secure` and the `__Host-` prefix when served over https.
    pub secure_cookies: bool,
    pub limits: SessionLimits,
}

impl AuthConfig {
    /// `origin` is what people open; passkeys are bound to its host.
    pub fn new(origin: &str, limits: SessionLimits) -> Result<Self, String> {
        let url = Url::parse(origin).map_err(|e| format!("invalid origin '{origin}': {e}"))?;
        let host = url
            .host_str()
            .ok_or_else(|| format!("invalid origin '{origin}': no host"))?;
        let webauthn = WebauthnBuilder::new(host, &url)
            .and_then(|b| b.rp_name("Polku").build())
            .map_err(|e| {
                format!("origin '{origin}' cannot hold passkeys (use a domain name, not an IP address): {e}")
            })?;
        Ok(Self {
            webauthn: Arc::new(webauthn),
            origin: url.origin().ascii_serialization().into(),
            secure_cookies: url.scheme() == "https",
            limits,
        })
    }
}

/// The store and the settings, as the server gives them to every request.
fn context() -> Result<(Store, AuthConfig), AppError> {
    let store = use_context::<Store>().ok_or(AppError::Internal)?;
    let config = use_context::<AuthConfig>().ok_or(AppError::Internal)?;
    Ok((store, config))
}

/// Refuses unless the session was confirmed with a passkey lately.
pub fn require_recent_confirmation(session: &SessionRow) -> Result<(), AppError> {
    let age = crate::store::unix_now() - session.confirmed_at;
    if (0..=CONFIRMATION_SECS).contains(&age) {
        Ok(())
    } else {
        Err(AppError::NeedsConfirmation)
    }
}

/// The first line of every server function that acts on groups: who is
/// calling and what the policy needs to know about them.
pub async fn require_actor() -> Result<(SessionRow, Actor), AppError> {
    current_actor().await?.ok_or(AppError::NotSignedIn)
}
