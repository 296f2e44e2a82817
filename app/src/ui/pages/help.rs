use leptos::prelude::*;

use crate::api::{load_help, AreaHelp, HelpIndex};
use crate::ui::components::{fetch, loaded, Card, Layout};
use crate::ui::locale::use_texts;
use crate::ui::pages::help_area::Services;

/// Help in an emergency comes first and needs nothing but the page itself;
/// then overdose first aid, safer use, and the local services of the
/// person's own area. The service worker keeps this page for offline use.
#[component]
pub fn HelpPage() -> impl IntoView {
    let t = use_texts();
    let index = fetch(|| (), |_| load_help());
    view! {
        <Layout title=t.help_title>
            <EmergencyHelp/>
            {loaded(index, |index| view! { <LocalHelp index/> })}
        </Layout>
    }
}

/// 112 and overdose first aid: the same on every help page.
#[component]
pub fn EmergencyHelp() -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="emergency" title=t.help_emergency_title class="emergency">
            <a class="button call" href="tel:112">{t.help_call_112}</a>
        </Card>
        <Card id="overdose" title=t.help_overdose_title>
            <ol>{t.help_overdose_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        </Card>
        <Card id="safer-use" title=t.help_safer_use_title>
            <ul>{t.help_safer_use.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
        </Card>
    }
}

#[component]
fn LocalHelp(index: HelpIndex) -> impl IntoView {
    let t = use_texts();
    view! {
        {index
            .mine
            .into_iter()
            .map(|area: AreaHelp| {
                view! {
                    <section class="card" aria-labelledby=format!("services-{}", area.id)>
                        <h2 id=format!("services-{}", area.id)>{t.services_in} " " {area.name}</h2>
                        <Services services=area.services/>
                        <a href=format!("/help/areas/{}", area.id)>
                            {if area.may_edit { t.edit_services } else { t.all_services }}
                        </a>
                    </section>
                }
            })
            .collect_view()}
        {(!index.others.is_empty())
            .then(|| {
                view! {
                    <Card id="other-areas" title=t.other_areas>
                        <ul class="rows">
                            {index
                                .others
                                .into_iter()
                                .map(|a| view! { <li><a href=format!("/help/areas/{}", a.id)>{a.name}</a></li> })
                                .collect_view()}
                        </ul>
                    </Card>
                }
            })}
    }
}
