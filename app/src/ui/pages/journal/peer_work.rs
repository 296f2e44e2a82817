use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_peer_work, DeletePeerWork, PeerWorkDetail, UpdatePeerWork};
use crate::ui::components::{
    fetch, loaded, param_id, Card, DeleteForm, FormError, Layout, PeerWorkFields, SharingCard,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One peer work entry, its sharing, and changing it.
#[component]
pub fn PeerWorkPage() -> impl IntoView {
    let t = use_texts();
    let entry = fetch(param_id, load_peer_work);
    view! { <Layout title=t.peer_work_title>{loaded(entry, |detail| view! { <EntryView detail/> })}</Layout> }
}

#[component]
fn EntryView(detail: PeerWorkDetail) -> impl IntoView {
    let t = use_texts();
    let e = detail.entry;
    let id = e.id;
    view! {
        <h2 class="subtitle">{t.peer_work_kind(e.kind)}</h2>
        <p class="hint">{e.done_on.to_string()}</p>
        {(!e.note.is_empty()).then(|| view! { <p>{e.note.clone()}</p> })}
        <SharingCard item=id sharing=detail.sharing/>
        <Card id="edit-peer-work" title=t.edit>
            <form class="stack" method="post" action=UpdatePeerWork::url()>
                <input type="hidden" name="id" value=id/>
                <PeerWorkFields action=UpdatePeerWork::url() key="edit" entry=e/>
                <FormError action=UpdatePeerWork::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <DeleteForm action=DeletePeerWork::url() id=id label=t.delete_peer_work/>
        </Card>
    }
}
