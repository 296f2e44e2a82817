use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::ui::locale::{request_locale, use_texts};
use crate::ui::pages::{
    AdminPage, AreaPage, CheckInPage, CheckInsPage, DevicesPage, DreamPage, DreamsPage,
    FiguresPage, GroupPage, GroupsPage, HelpAreaPage, HelpPage, HomePage, InvitePage,
    InviteSharePage, JournalMilestonesPage, MenteePage, MentoringPage, MyGroupsPage, MyPathPage,
    NotFoundPage, OfflinePage, OutboxPage, PeerWorkDiaryPage, PeerWorkPage, RecipePage,
    RecoverPage, RecoverySharePage, ReflectionPage, ReflectionsPage, SeenPage, SharePage,
    SharedPersonPage, SharingPage, SignInPage, SkillPage, SkillsPage, StepPage, StepsPage,
    WishesPage,
};

/// The HTML document around every page. Rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = request_locale();
    // Islands mode sends no data for the server's resources to the browser;
    // pages without an island must say so themselves, as they leave out
    // `HydrationScripts`, which would.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let wasm = crate::ui::islands::needed_on(&request_path());
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1f5f5b"/>
                // Name, icon, manifest and description follow the person's
                // choice of look: see `HomeScreenLook`.
                <link rel="stylesheet" href="/pkg/polku.css"/>
                // Not deferred: after a quick exit, Back must not show the
                // page even for a moment.
                <script src="/quick-exit.js"></script>
                // The service worker is the same for every page; only the
                // passkey pages load the WebAssembly of their islands.
                <script src="/sw-register.js" defer></script>
                {wasm.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The path of the page being rendered.
#[cfg(feature = "ssr")]
fn request_path() -> String {
    use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn request_path() -> String {
    String::new()
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
        // The nonce Leptos gives this response's inline scripts.
        if let Some(nonce) = leptos::nonce::use_nonce() {
            if let Ok(policy) = http::HeaderValue::from_str(&crate::csp::policy(Some(&nonce))) {
                response.insert_header(http::header::CONTENT_SECURITY_POLICY, policy);
            }
        }
    }
    let t = use_texts();
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", t.app_name)/>
        <Router>
            <Routes fallback=NotFoundPage>
                // Every page waits for its data, so it is whole without JavaScript.
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/help") view=HelpPage ssr=SsrMode::Async/>
                <Route path=path!("/recipe") view=RecipePage ssr=SsrMode::Async/>
                <Route path=path!("/my-path") view=MyPathPage ssr=SsrMode::Async/>
                <Route path=path!("/help/areas/:id") view=HelpAreaPage ssr=SsrMode::Async/>
                <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async/>
                <Route path=path!("/outbox") view=OutboxPage ssr=SsrMode::Async/>
                <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/devices") view=DevicesPage ssr=SsrMode::Async/>
                <Route path=path!("/invite/:code") view=InvitePage ssr=SsrMode::Async/>
                <Route path=path!("/invite/:code/share") view=InviteSharePage ssr=SsrMode::Async/>
                <Route path=path!("/recover/:code") view=RecoverPage ssr=SsrMode::Async/>
                <Route path=path!("/recover/:code/share") view=RecoverySharePage ssr=SsrMode::Async/>
                <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                <Route path=path!("/figures") view=FiguresPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/areas/:id") view=AreaPage ssr=SsrMode::Async/>
                <Route path=path!("/groups") view=GroupsPage ssr=SsrMode::Async/>
                <Route path=path!("/groups/:id") view=GroupPage ssr=SsrMode::Async/>
                <Route path=path!("/groups/:id/people/:person") view=SharedPersonPage ssr=SsrMode::Async/>
                <Route path=path!("/groups/:id/wishes") view=WishesPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/share/:id") view=SharePage ssr=SsrMode::Async/>
                <Route path=path!("/journal/sharing") view=SharingPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/seen") view=SeenPage ssr=SsrMode::Async/>
                <Route path=path!("/my-groups") view=MyGroupsPage ssr=SsrMode::Async/>
                <Route path=path!("/mentoring") view=MentoringPage ssr=SsrMode::Async/>
                <Route path=path!("/mentoring/:person") view=MenteePage ssr=SsrMode::Async/>
                <Route path=path!("/journal/dreams") view=DreamsPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/dreams/:id") view=DreamPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/steps") view=StepsPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/steps/:id") view=StepPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/reflections") view=ReflectionsPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/reflections/:id") view=ReflectionPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/milestones") view=JournalMilestonesPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/checkins") view=CheckInsPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/checkins/:id") view=CheckInPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/skills") view=SkillsPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/skills/:id") view=SkillPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/peer-work") view=PeerWorkDiaryPage ssr=SsrMode::Async/>
                <Route path=path!("/journal/peer-work/:id") view=PeerWorkPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
