use leptos::prelude::*;

use crate::ui::components::Layout;
use crate::ui::locale::use_texts;

/// Help in an emergency comes first and needs nothing but the page itself.
#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.help_title>
            <section class="card emergency" aria-labelledby="emergency">
                <h2 id="emergency">{t.help_emergency_title}</h2>
                <a class="button call" href="tel:112">{t.help_call_112}</a>
            </section>
            <section class="card" aria-labelledby="overdose">
                <h2 id="overdose">{t.help_overdose_title}</h2>
                <ol>{t.help_overdose_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
            </section>
        </Layout>
    }
}
