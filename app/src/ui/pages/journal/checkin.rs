use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_checkin, CheckInDetail, DeleteCheckin, UpdateCheckin};
use crate::model::Aspect;
use crate::ui::components::{
    fetch, loaded, param_id, Card, CheckInFields, DeleteForm, FormError, Layout, SharingCard,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One check-in, its sharing, and changing it.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let t = use_texts();
    let checkin = fetch(param_id, load_checkin);
    view! {
        <Layout title=t.checkin_title>
            {loaded(checkin, |detail| view! { <CheckInView detail/> })}
        </Layout>
    }
}

#[component]
fn CheckInView(detail: CheckInDetail) -> impl IntoView {
    let t = use_texts();
    let c = detail.checkin;
    let id = c.id;
    view! {
        <h2 class="subtitle">{c.checked_on.to_string()}</h2>
        <dl class="ratings">
            {Aspect::ALL
                .into_iter()
                .map(|a| view! { <dt>{t.aspect(a)}</dt><dd>{c.rating(a)} " / 5"</dd> })
                .collect_view()}
        </dl>
        {(!c.note.is_empty()).then(|| view! { <p class="reflection-body">{c.note.clone()}</p> })}
        <SharingCard item=id sharing=detail.sharing/>
        <Card id="edit-checkin" title=t.edit>
            <form class="stack" method="post" action=UpdateCheckin::url()>
                <input type="hidden" name="id" value=id/>
                <CheckInFields action=UpdateCheckin::url() key="edit" checkin=c/>
                <FormError action=UpdateCheckin::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <DeleteForm action=DeleteCheckin::url() id=id label=t.delete_checkin/>
        </Card>
    }
}
