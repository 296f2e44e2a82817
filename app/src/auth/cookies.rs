//! The two cookies Polku sets besides the language: the session, and the
//! browser id that binds a passkey ceremony to the browser that began it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::*;
use rand::RngCore;

use super::AuthConfig;

pub const SESSION: &str = "polku_session";
pub const BROWSER: &str = "polku_browser";

/// 256 random bits, URL-safe.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn full_name(config: &AuthConfig, name: &str) -> String {
    if config.secure_cookies {
        format!("__Host-{name}")
    } else {
        name.to_owned()
    }
}

pub fn read(config: &AuthConfig, name: &str) -> Option<String> {
    request_cookie(&full_name(config, name))
}

/// A cookie of the request being served.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
}

/// Sets a cookie scripts cannot read; `None` as age removes it.
pub fn write(config: &AuthConfig, name: &str, value: &str, max_age_secs: Option<i64>) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let age = max_age_secs.unwrap_or(0);
    let cookie = format!(
        "{}={value}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{secure}",
        full_name(config, name)
    );
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}
