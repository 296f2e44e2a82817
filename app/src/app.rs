use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::i18n::texts;
use crate::ui::locale::{request_locale, use_texts};
use crate::ui::pages::{
    DevicesPage, HelpPage, HomePage, InvitePage, NotFoundPage, OfflinePage, SignInPage,
};

/// The HTML document around every page. Rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = request_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f5f5b"/>
                <meta name="description" content=texts(locale).home_lead/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" type="image/png" sizes="192x192" href="/icons/icon-192.png"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <link rel="stylesheet" href="/pkg/polku.css"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = request_locale();
    provide_context(locale);
    // The service worker keeps its offline page in the language last seen.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CONTENT_LANGUAGE,
            http::HeaderValue::from_static(locale.tag()),
        );
        // Pages can be personal: never keep them in a shared or browser cache.
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
    let t = use_texts();
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", t.app_name)/>
        <Router>
            <Routes fallback=NotFoundPage>
                // Every page waits for its data, so it is whole without JavaScript.
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/help") view=HelpPage ssr=SsrMode::Async/>
                <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async/>
                <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/devices") view=DevicesPage ssr=SsrMode::Async/>
                <Route path=path!("/invite/:code") view=InvitePage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
