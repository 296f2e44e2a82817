use leptos::prelude::*;

use crate::ui::components::Layout;
use crate::ui::locale::use_texts;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_texts();
    view! {
        <Layout title=t.not_found_title>
            <p>{t.not_found_body}</p>
            <a class="button" href="/">{t.back_home}</a>
        </Layout>
    }
}
