use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_peer_work, CreatePeerWork};
use crate::model::{Page, PeerWork};
use crate::ui::components::{
    fetch, loaded, query, Card, FormError, Layout, Pager, PeerWorkFields, RequestId, JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// The peer work diary: writing down what one did, and what one has done.
#[component]
pub fn PeerWorkDiaryPage() -> impl IntoView {
    let t = use_texts();
    let diary = fetch(
        || query("before").and_then(|b| b.parse().ok()),
        list_peer_work,
    );
    view! {
        <Layout title=t.peer_work_title>
            <p class="hint">{t.peer_work_lead}</p>
            <Card id="new-peer-work" title=t.new_peer_work>
                <form class="stack" method="post" action=CreatePeerWork::url()>
                    <RequestId/>
                    <PeerWorkFields action=CreatePeerWork::url() key="new"/>
                    <FormError action=CreatePeerWork::url() fields=JOURNAL_FIELDS/>
                    <button type="submit" class="primary">{t.save}</button>
                </form>
            </Card>
            {loaded(diary, |page| view! { <Entries page/> })}
        </Layout>
    }
}

#[component]
fn Entries(page: Page<PeerWork>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="peer-work-list" title=t.my_peer_work>
            {page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows">
                {page
                    .items
                    .into_iter()
                    .map(|e| view! {
                        <li>
                            <a href=format!("/journal/peer-work/{}", e.id)>{t.peer_work_kind(e.kind)}</a>
                            <span class="hint">{e.done_on.to_string()}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <Pager next=page.next base="/journal/peer-work".to_owned()/>
        </Card>
    }
}
