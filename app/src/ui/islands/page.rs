//! What an island knows of the page it is on. The islands take no props: a
//! prop goes to the browser as JSON in the page and is decoded there with
//! serde_json, which, with the float formatting its errors bring, was 13 KB
//! of the wasm's 83 KB brotli. An island's language is its page's, and the
//! code a ceremony needs is in the page's address.

use crate::model::Locale;

/// The page's language: on the server the request's, in the browser the
/// `lang` the server gave the page, so both render the same island.
#[cfg(not(feature = "hydrate"))]
pub fn locale() -> Locale {
    crate::ui::locale::use_locale()
}

#[cfg(feature = "hydrate")]
pub fn locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag))
        .unwrap_or_default()
}

/// The last part of the page's address: the code of `/invite/CODE` and
/// `/recover/CODE`, which the server checks.
#[cfg(feature = "hydrate")]
pub fn code() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    js_sys::decode_uri_component(last)
        .ok()
        .and_then(|code| code.as_string())
        .unwrap_or_default()
}
