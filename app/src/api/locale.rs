use leptos::prelude::*;

use crate::error::AppError;

/// The chosen language on this device. A signed-in person's choice is also
/// kept with their account, so their other devices follow it at sign-in.
pub const LOCALE_COOKIE: &str = "polku_lang";

/// Sets the language and sends the browser back to the page it came from.
/// Posted by a plain form, so it works with JavaScript off.
#[server(endpoint = "locale")]
pub async fn set_locale(locale: String, next: String) -> Result<(), AppError> {
    use crate::model::Locale;

    let locale = Locale::parse(&locale).ok_or(AppError::BadInput)?;
    remember_locale(locale);
    if let Some(me) = crate::auth::current_session().await? {
        let store = crate::api::store()?;
        store.set_locale(me.user_id, locale).await?;
    }
    leptos_axum::redirect(local_path(&next));
    Ok(())
}

/// Sets this device's language cookie.
#[cfg(feature = "ssr")]
pub fn remember_locale(locale: crate::model::Locale) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let cookie = format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale.tag()
    );
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

#[cfg(feature = "ssr")]
/// Only paths on this site are followed, so the form cannot be used to send
/// someone elsewhere.
pub fn local_path(next: &str) -> &str {
    let is_local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if is_local {
        next
    } else {
        "/"
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert_eq!(local_path("/help"), "/help");
        assert_eq!(local_path("//evil.example/x"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
