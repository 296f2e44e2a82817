//! Small parts the journal pages share: a step with its one-tap "done",
//! the "older" link of a list, and deleting with a second thought.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{PickNextStep, SetStepStatus};
use crate::model::{Step, StepStatus};
use crate::ui::locale::use_texts;

/// A step in a list: its title links to it; "done" is one tap.
#[component]
pub fn StepRow(step: Step, back: String, #[prop(optional)] is_next: bool) -> impl IntoView {
    let t = use_texts();
    let done = step.status == StepStatus::Done;
    let meta = match (step.status, step.done_on, step.target_on) {
        (StepStatus::Done, Some(on), _) => format!("{} {on}", t.done_on),
        (status, _, Some(target)) => {
            format!("{} · {} {target}", t.step_status_name(status), t.target)
        }
        (status, _, None) => t.step_status_name(status).to_owned(),
    };
    view! {
        <li class="step" class:done=done>
            <span>
                <a href=format!("/journal/steps/{}", step.id)>{step.title}</a>
                {step.dream.map(|(_, dream)| view! { <span class="hint">{t.towards} " " {dream}</span> })}
                <span class="hint">{meta}</span>
            </span>
            <span class="actions">
                {(!done && !is_next)
                    .then(|| {
                        view! {
                            <form method="post" action=PickNextStep::url()>
                                <input type="hidden" name="id" value=step.id/>
                                <input type="hidden" name="back" value=back.clone()/>
                                <button type="submit">{t.make_next_step}</button>
                            </form>
                        }
                    })}
                {(!done)
                    .then(|| {
                        view! {
                            <form method="post" action=SetStepStatus::url() data-offline="step-done">
                                <input type="hidden" name="id" value=step.id/>
                                <input type="hidden" name="status" value="done"/>
                                <input type="hidden" name="back" value=back/>
                                <button type="submit" class="primary">{t.mark_done}</button>
                            </form>
                        }
                    })}
            </span>
        </li>
    }
}

/// "Older" at the foot of a list, when there is more.
#[component]
pub fn Pager(next: Option<i64>, base: String) -> impl IntoView {
    let t = use_texts();
    next.map(|before| {
        let join = if base.contains('?') { '&' } else { '?' };
        view! { <a class="button pager" href=format!("{base}{join}before={before}")>{t.older}</a> }
    })
}

/// Deleting needs a tick in a box first: one wrong tap must not lose a dream.
#[component]
pub fn DeleteForm(action: &'static str, id: i64, label: &'static str) -> impl IntoView {
    let t = use_texts();
    view! {
        <details class="delete">
            <summary>{label}</summary>
            <form class="stack" method="post" action=action>
                <input type="hidden" name="id" value=id/>
                <p>{t.delete_explained}</p>
                <label class="choice">
                    <input type="checkbox" required/>
                    {t.delete_confirm}
                </label>
                <button type="submit" class="danger">{label}</button>
            </form>
        </details>
    }
}
