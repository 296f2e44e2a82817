use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_dream, ArchiveDream, DeleteDream, DreamDetail, UpdateDream};
use crate::ui::components::{
    fetch, here, loaded, param_id, Card, DeleteForm, DreamFields, FormError, Layout, SharingCard,
    StepRow, JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One dream: what it means, the steps toward it, and changing it.
#[component]
pub fn DreamPage() -> impl IntoView {
    let t = use_texts();
    let dream = fetch(param_id, load_dream);
    view! { <Layout title=t.dream_title>{loaded(dream, |detail| view! { <Dream detail/> })}</Layout> }
}

#[component]
fn Dream(detail: DreamDetail) -> impl IntoView {
    let t = use_texts();
    let d = detail.dream;
    let back = here();
    view! {
        <h2 class="subtitle">{d.title.clone()}</h2>
        <p class="hint">{t.life_area_name(d.life_area)} {d.archived.then(|| format!(" · {}", t.put_away))}</p>
        {(!d.meaning.is_empty()).then(|| view! { <p class="meaning">{d.meaning.clone()}</p> })}
        <SharingCard item=d.id sharing=detail.sharing/>
        <Card id="dream-steps" title=t.steps_toward>
            {detail.steps.is_empty().then(|| view! { <p class="hint">{t.no_steps_yet}</p> })}
            <ul class="rows">
                {detail
                    .steps
                    .into_iter()
                    .map(|step| view! { <StepRow step back=back.clone()/> })
                    .collect_view()}
            </ul>
            <a class="button" href=format!("/journal/steps?dream={}#new-step", d.id)>{t.new_step}</a>
        </Card>
        <Card id="edit-dream" title=t.edit>
            <form class="stack" method="post" action=UpdateDream::url()>
                <input type="hidden" name="id" value=d.id/>
                <DreamFields action=UpdateDream::url() key="edit".to_owned() dream=d.clone()/>
                <FormError action=UpdateDream::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <form method="post" action=ArchiveDream::url()>
                <input type="hidden" name="id" value=d.id/>
                <input type="hidden" name="archived" value=(!d.archived).to_string()/>
                <button type="submit">{if d.archived { t.bring_back } else { t.put_away_action }}</button>
            </form>
            <DeleteForm action=DeleteDream::url() id=d.id label=t.delete_dream/>
        </Card>
    }
}
