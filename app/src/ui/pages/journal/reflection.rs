use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_reflection, DeleteReflection, ReflectionDetail, UpdateReflection};
use crate::ui::components::{
    fetch, loaded, param_id, Card, DeleteForm, FormError, Layout, ReflectionFields, SharingCard,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One reflection, whole, and changing it.
#[component]
pub fn ReflectionPage() -> impl IntoView {
    let t = use_texts();
    let reflection = fetch(param_id, load_reflection);
    view! {
        <Layout title=t.reflection_title>
            {loaded(reflection, |detail| view! { <ReflectionView detail/> })}
        </Layout>
    }
}

#[component]
fn ReflectionView(detail: ReflectionDetail) -> impl IntoView {
    let t = use_texts();
    let r = detail.reflection;
    let id = r.id;
    view! {
        <h2 class="subtitle">{r.written_on.to_string()}</h2>
        {r.mood.map(|m| view! { <p class="hint">{t.mood_question} " " {t.mood_name(m)}</p> })}
        <p class="reflection-body">{r.body.clone()}</p>
        <SharingCard item=id sharing=detail.sharing/>
        <Card id="edit-reflection" title=t.edit>
            <form class="stack" method="post" action=UpdateReflection::url()>
                <input type="hidden" name="id" value=id/>
                <ReflectionFields action=UpdateReflection::url() key="edit".to_owned() reflection=r/>
                <FormError action=UpdateReflection::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <DeleteForm action=DeleteReflection::url() id=id label=t.delete_reflection/>
        </Card>
    }
}
