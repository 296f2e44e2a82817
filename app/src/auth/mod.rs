//! Who is calling: passkey ceremonies, sessions and their cookies. Server only.

mod ceremony;
mod cookies;
mod session;

pub use ceremony::{begin_join, begin_sign_in, finish_join, finish_sign_in};
pub use cookies::request_cookie;
pub use session::{
    clear_session_cookie, current_account, current_session, require_session, sign_out,
};

use std::sync::Arc;

use leptos::prelude::use_context;
use webauthn_rs::prelude::{Url, Webauthn, WebauthnBuilder};

use crate::error::AppError;
use crate::store::{SessionLimits, Store};

/// Server-wide settings for authentication, given to every request.
#[derive(Clone, Debug)]
pub struct AuthConfig {
    pub webauthn: Arc<Webauthn>,
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
