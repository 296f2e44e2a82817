use leptos::prelude::*;

use crate::ui::components::{Card, Layout};
use crate::ui::locale::use_texts;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.home_title>
            <p class="lead">{t.home_lead}</p>
            <Card id="promises" title=t.home_promises_title>
                <ul class="promises">
                    {t.home_promises.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
                </ul>
            </Card>
        </Layout>
    }
}
