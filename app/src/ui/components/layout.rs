use leptos::prelude::*;
use leptos_meta::Title;

use super::{fetch, AccountBar, BottomNav, HomeScreenLook, LanguageSwitch, QuickExit};
use crate::api::current_user;
use crate::ui::locale::use_texts;

/// The frame of every page: a header with quick exit and the language
/// switch, who is signed in, the page's content, and the bottom navigation
/// within reach of a thumb. The person is looked up once for all of them,
/// and decides the name and icon shown (see `HomeScreenLook`). Each
/// `Suspense` holds its `Suspend` itself, not a closure making one (see
/// `loaded`), and erases its view's type: typed, it is spelled out in every
/// route's type name, and those names took the debug build's strings past
/// the 4 GB its debug info can address.
#[component]
pub fn Layout(title: &'static str, children: Children) -> impl IntoView {
    let t = use_texts();
    let me = fetch(|| (), |_| current_user());
    let signed_in = move || async move { me.await.ok().flatten() };
    view! {
        <Title text=title/>
        <a class="skip-link" href="#content">{t.skip_to_content}</a>
        <header class="top-bar">
            <Suspense>
                {Suspend::new(async move {
                    let neutral = signed_in().await.is_some_and(|me| me.neutral);
                    let name = if neutral { t.neutral_app_name } else { t.app_name };
                    view! {
                        <HomeScreenLook neutral/>
                        <a class="brand" href="/">{name}</a>
                    }
                    .into_any()
                })}
            </Suspense>
            <QuickExit/>
            <LanguageSwitch/>
        </header>
        <main id="content" class="page">
            // Shown by outbox.js when writes made offline wait to be sent.
            <a id="outbox-banner" class="outbox-banner" href="/outbox" hidden>
                {t.outbox_banner} " " <span class="count"></span>
            </a>
            <Suspense>
                {Suspend::new(async move { view! { <AccountBar me=signed_in().await/> }.into_any() })}
            </Suspense>
            <h1>{title}</h1>
            {children()}
        </main>
        <Suspense>
            {Suspend::new(async move { view! { <BottomNav me=signed_in().await/> }.into_any() })}
        </Suspense>
        <script src="/outbox-db.js" defer></script>
        <script src="/outbox.js" defer></script>
    }
}
