use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_step, DeleteStep, PickNextStep, SetStepStatus, StepDetail, UpdateStep};
use crate::model::StepStatus;
use crate::ui::components::{
    fetch, loaded, param_id, Card, DeleteForm, FormError, Layout, SharingCard, StepFields,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One step: where it stands, moving it on, changing it.
#[component]
pub fn StepPage() -> impl IntoView {
    let t = use_texts();
    let step = fetch(param_id, load_step);
    view! { <Layout title=t.step_title>{loaded(step, |detail| view! { <StepView detail/> })}</Layout> }
}

#[component]
fn StepView(detail: StepDetail) -> impl IntoView {
    let t = use_texts();
    let s = detail.step;
    let id = s.id;
    let here = format!("/journal/steps/{id}");
    view! {
        <h2 class="subtitle">{s.title.clone()}</h2>
        <p class="hint">
            {t.step_kind_name(s.kind)} " · " {t.step_status_name(s.status)}
            {s.done_on.map(|d| format!(" · {} {d}", t.done_on))}
            {s.target_on.map(|d| format!(" · {} {d}", t.target))}
        </p>
        {s.dream.clone().map(|(dream, title)| view! {
            <p>{t.towards} " " <a href=format!("/journal/dreams/{dream}")>{title}</a></p>
        })}
        {detail.is_next.then(|| view! { <p class="badge">{t.my_next_step}</p> })}
        <SharingCard item=id sharing=detail.sharing.clone()/>
        <Card id="step-status" title=t.step_status>
            <FormError action=SetStepStatus::url()/>
            <div class="status-buttons">
                {StepStatus::ALL
                    .iter()
                    .filter(|st| **st != s.status)
                    .map(|st| {
                        let class = if *st == StepStatus::Done { "primary" } else { "" };
                        view! {
                            <form method="post" action=SetStepStatus::url()>
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="status" value=st.as_str()/>
                                <input type="hidden" name="back" value=here.clone()/>
                                <button type="submit" class=class>{t.set_status(*st)}</button>
                            </form>
                        }
                    })
                    .collect_view()}
            </div>
            {(!detail.is_next && s.status != StepStatus::Done).then(|| view! {
                <form method="post" action=PickNextStep::url()>
                    <input type="hidden" name="id" value=id/>
                    <input type="hidden" name="back" value=here.clone()/>
                    <button type="submit">{t.make_next_step}</button>
                </form>
            })}
        </Card>
        <Card id="edit-step" title=t.edit>
            <form class="stack" method="post" action=UpdateStep::url()>
                <input type="hidden" name="id" value=id/>
                <StepFields action=UpdateStep::url() key="edit".to_owned() dreams=detail.dreams step=s/>
                <FormError action=UpdateStep::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <DeleteForm action=DeleteStep::url() id=id label=t.delete_step/>
        </Card>
    }
}
