use leptos::prelude::*;

use crate::ui::components::Layout;
use crate::ui::locale::use_texts;

/// Kept by the service worker and shown when a page cannot be reached.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.offline_title>
            <p class="offline">{t.offline_body}</p>
            <a class="button" href="/">{t.try_again}</a>
        </Layout>
    }
}
