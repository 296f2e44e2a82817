use leptos::prelude::*;

use crate::i18n::{texts, Texts};
use crate::model::Locale;

/// The language of this request: the device's choice, else the browser's
/// preference, else Finnish.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Locale::default();
    };
    let chosen = crate::auth::request_cookie(crate::api::LOCALE_COOKIE)
        .and_then(|value| Locale::parse(&value));
    chosen
        .or_else(|| {
            let header = parts.headers.get(http::header::ACCEPT_LANGUAGE)?;
            Locale::negotiate(header.to_str().ok()?)
        })
        .unwrap_or_default()
}

/// Pages are not rendered in the browser in islands mode; islands read
/// their language from the page (`ui/islands/page.rs`).
#[cfg(not(feature = "ssr"))]
pub fn request_locale() -> Locale {
    Locale::default()
}

pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

pub fn use_texts() -> &'static Texts {
    texts(use_locale())
}
