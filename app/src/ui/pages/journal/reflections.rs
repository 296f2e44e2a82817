use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_reflections, CreateReflection};
use crate::model::{Page, Reflection};
use crate::ui::components::{
    fetch, loaded, query, Card, FormError, Layout, Pager, ReflectionFields, RequestId,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// My reflections: writing one, then those written, newest first.
#[component]
pub fn ReflectionsPage() -> impl IntoView {
    let t = use_texts();
    let reflections = fetch(
        || query("before").and_then(|b| b.parse().ok()),
        list_reflections,
    );
    view! {
        <Layout title=t.reflections_title>
            <Card id="new-reflection" title=t.new_reflection>
                <form class="stack" method="post" action=CreateReflection::url() data-offline="reflection">
                    <RequestId/>
                    <ReflectionFields action=CreateReflection::url() key="new".to_owned()/>
                    <FormError action=CreateReflection::url() fields=JOURNAL_FIELDS/>
                    <button type="submit" class="primary">{t.save}</button>
                </form>
            </Card>
            {loaded(reflections, |page| view! { <ReflectionList page/> })}
        </Layout>
    }
}

#[component]
fn ReflectionList(page: Page<Reflection>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="reflection-list" title=t.written>
            {page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows reflections">
                {page
                    .items
                    .into_iter()
                    .map(|r| {
                        let preview: String = r.body.chars().take(140).collect();
                        let more = r.body.chars().count() > 140;
                        view! {
                            <li>
                                <a href=format!("/journal/reflections/{}", r.id)>
                                    <strong>{r.written_on.to_string()}</strong>
                                    {r.mood.map(|m| format!(" · {}", t.mood_name(m)))}
                                </a>
                                <p class="preview">{preview} {more.then_some("…")}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Pager next=page.next base="/journal/reflections".to_owned()/>
        </Card>
    }
}
