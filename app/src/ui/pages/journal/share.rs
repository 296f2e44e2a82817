use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_share_draft, SetSharing, ShareDraft};
use crate::model::{Field, ShareChoice};
use crate::ui::components::{fetch, loaded, param_id, Card, FormError, Layout, SharedContentView};
use crate::ui::locale::use_texts;

/// Sharing one item: first exactly what the other person will see, then
/// with whom, and for how long. Nobody is the default.
#[component]
pub fn SharePage() -> impl IntoView {
    let t = use_texts();
    let draft = fetch(param_id, load_share_draft);
    view! { <Layout title=t.sharing_title>{loaded(draft, |draft| view! { <Share draft/> })}</Layout> }
}

#[component]
fn Share(draft: ShareDraft) -> impl IntoView {
    let t = use_texts();
    let expires = draft.expires_on.map(|d| d.iso()).unwrap_or_default();
    view! {
        <section class="card preview" aria-labelledby="preview">
            <h2 id="preview">{t.share_preview_title}</h2>
            <p class="hint">{t.share_preview_lead}</p>
            <div class="shared-item"><SharedContentView content=draft.content/></div>
        </section>
        <Card id="share-choice" title=t.share_with_whom>
            <form class="stack" method="post" action=SetSharing::url()>
                <input type="hidden" name="id" value=draft.item_id/>
                <fieldset>
                    <legend>{t.share_with_whom}</legend>
                    {ShareChoice::ALL
                        .into_iter()
                        .map(|c| view! {
                            <label class="choice">
                                <input type="radio" name="choice" value=c.as_str() checked=c == draft.choice/>
                                {t.share_choice(c)}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <FormError action=SetSharing::url() field=Field::Audience/>
                <label for="expires-on">{t.share_expires}</label>
                <input id="expires-on" name="expires_on" type="date" value=expires/>
                <FormError action=SetSharing::url() field=Field::ExpiresOn/>
                <p class="hint">{t.share_take_back_hint}</p>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <a href=draft.back>{t.back}</a>
        </Card>
    }
}
