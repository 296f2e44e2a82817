use leptos::prelude::*;

use crate::ui::components::Layout;
use crate::ui::locale::use_texts;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.home_title>
            <p class="lead">{t.home_lead}</p>
            <section class="card" aria-labelledby="promises">
                <h2 id="promises">{t.home_promises_title}</h2>
                <ul class="promises">
                    {t.home_promises.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
                </ul>
            </section>
        </Layout>
    }
}
