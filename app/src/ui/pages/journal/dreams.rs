use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_dreams, CreateDream};
use crate::model::{Dream, Page};
use crate::ui::components::{
    fetch, loaded, query, Card, DreamFields, FormError, Layout, Pager, RequestId, JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// My dreams: a new one at the top, then the current ones (or those put
/// away), newest first.
#[component]
pub fn DreamsPage() -> impl IntoView {
    let t = use_texts();
    let archived = query("archived").is_some();
    let dreams = fetch(
        move || (archived, query("before").and_then(|b| b.parse().ok())),
        |(archived, before)| list_dreams(archived, before),
    );
    view! {
        <Layout title=t.dreams_title>
            {(!archived).then(|| view! {
                <Card id="new-dream" title=t.new_dream>
                    <p class="hint">{t.dream_hint}</p>
                    <form class="stack" method="post" action=CreateDream::url() data-offline="dream">
                        <RequestId/>
                        <DreamFields action=CreateDream::url() key="new".to_owned()/>
                        <FormError action=CreateDream::url() fields=JOURNAL_FIELDS/>
                        <button type="submit" class="primary">{t.save}</button>
                    </form>
                </Card>
            })}
            {loaded(dreams, move |page| view! { <DreamList page archived/> })}
        </Layout>
    }
}

#[component]
fn DreamList(page: Page<Dream>, archived: bool) -> impl IntoView {
    let t = use_texts();
    let (title, other, other_href) = if archived {
        (t.dreams_put_away, t.dreams_current, "/journal/dreams")
    } else {
        (
            t.dreams_current,
            t.dreams_put_away,
            "/journal/dreams?archived=1",
        )
    };
    let base = if archived {
        "/journal/dreams?archived=1"
    } else {
        "/journal/dreams"
    };
    view! {
        <Card id="dream-list" title=title>
            {page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows">
                {page
                    .items
                    .into_iter()
                    .map(|d| {
                        view! {
                            <li>
                                <span>
                                    <a href=format!("/journal/dreams/{}", d.id)>{d.title}</a>
                                    <span class="hint">{t.life_area_name(d.life_area)}</span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Pager next=page.next base=base.to_owned()/>
            <a href=other_href>{other}</a>
        </Card>
    }
}
