use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_steps, CreateStep, StepList};
use crate::ui::components::{
    fetch, here, loaded, query, Card, FormError, Layout, Pager, RequestId, StepFields, StepRow,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// My steps: a new one, then the open ones (or those done), newest first.
#[component]
pub fn StepsPage() -> impl IntoView {
    let t = use_texts();
    let done = query("done").is_some();
    let steps = fetch(
        move || (done, query("before").and_then(|b| b.parse().ok())),
        |(done, before)| list_steps(done, before),
    );
    view! {
        <Layout title=t.steps_title>
            {loaded(steps, move |list| view! { <Steps list done/> })}
        </Layout>
    }
}

#[component]
fn Steps(list: StepList, done: bool) -> impl IntoView {
    let t = use_texts();
    let back = here();
    let for_dream = query("dream").and_then(|d| d.parse().ok());
    let (title, other, other_href, base) = if done {
        (
            t.steps_done,
            t.steps_open,
            "/journal/steps",
            "/journal/steps?done=1",
        )
    } else {
        (
            t.steps_open,
            t.steps_done,
            "/journal/steps?done=1",
            "/journal/steps",
        )
    };
    let next = list.next_step;
    view! {
        {(!done).then(|| view! {
            <Card id="new-step" title=t.new_step>
                <form class="stack" method="post" action=CreateStep::url() data-offline="step">
                    <RequestId/>
                    <input type="hidden" name="back" value="/journal/steps"/>
                    <StepFields action=CreateStep::url() key="new".to_owned() dreams=list.dreams.clone() dream=for_dream.unwrap_or_default()/>
                    <FormError action=CreateStep::url() fields=JOURNAL_FIELDS/>
                    <button type="submit" class="primary">{t.save}</button>
                </form>
            </Card>
        })}
        <Card id="step-list" title=title>
            {list.page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows">
                {list
                    .page
                    .items
                    .into_iter()
                    .map(|step| {
                        let is_next = Some(step.id) == next;
                        view! { <StepRow step back=back.clone() is_next/> }
                    })
                    .collect_view()}
            </ul>
            <Pager next=list.page.next base=base.to_owned()/>
            <a href=other_href>{other}</a>
        </Card>
    }
}
