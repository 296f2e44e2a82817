use leptos::prelude::*;

use crate::ui::components::{Card, Layout};
use crate::ui::locale::use_texts;

/// Help in an emergency comes first and needs nothing but the page itself.
#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.help_title>
            <Card id="emergency" title=t.help_emergency_title class="emergency">
                <a class="button call" href="tel:112">{t.help_call_112}</a>
            </Card>
            <Card id="overdose" title=t.help_overdose_title>
                <ol>{t.help_overdose_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
            </Card>
        </Layout>
    }
}
