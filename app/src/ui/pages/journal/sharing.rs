use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{
    load_sharing_settings, SetSharingDefaults, SharingSettings, StopSharingEverything,
};
use crate::model::ShareChoice;
use crate::ui::components::{fetch, loaded, query, Card, FormError, Layout};
use crate::ui::locale::use_texts;

/// My sharing: defaults for new items (all off at first), stopping
/// everything at once, and who has seen what.
#[component]
pub fn SharingPage() -> impl IntoView {
    let t = use_texts();
    let settings = fetch(|| (), |_| load_sharing_settings());
    view! {
        <Layout title=t.my_sharing_title>
            {query("saved").map(|_| view! { <p class="celebrate" role="status">{t.defaults_saved}</p> })}
            {query("stopped").map(|_| view! { <p class="celebrate" role="status">{t.sharing_stopped}</p> })}
            {loaded(settings, |settings| view! { <Settings settings/> })}
        </Layout>
    }
}

#[component]
fn Settings(settings: SharingSettings) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="seen" title=t.seen_title>
            <p>{t.seen_lead}</p>
            <a class="button" href="/journal/seen">{t.seen_title}</a>
        </Card>
        <Card id="defaults" title=t.defaults_title>
            <p class="hint">{t.defaults_lead}</p>
            <form class="stack" method="post" action=SetSharingDefaults::url()>
                {settings
                    .defaults
                    .into_iter()
                    .map(|(category, choice)| {
                        let id = format!("default-{}", category.as_str());
                        view! {
                            <label for=id.clone()>{t.share_category(category)}</label>
                            <select id=id name=category.as_str()>
                                {ShareChoice::ALL
                                    .into_iter()
                                    .map(|c| view! { <option value=c.as_str() selected=c == choice>{t.share_choice(c)}</option> })
                                    .collect_view()}
                            </select>
                        }
                    })
                    .collect_view()}
                <FormError action=SetSharingDefaults::url()/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
        </Card>
        <Card id="stop-all" title=t.stop_sharing_title>
            <p>{t.stop_sharing_lead}</p>
            <form class="stack" method="post" action=StopSharingEverything::url()>
                <label class="choice">
                    <input type="checkbox" required/>
                    {t.stop_sharing_confirm}
                </label>
                <button type="submit" class="danger">{t.stop_sharing_title}</button>
            </form>
        </Card>
    }
}
