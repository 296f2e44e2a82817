use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{my_milestones, MarkMilestone, UnmarkMilestone};
use crate::model::{MilestoneEntry, NOTE_MAX};
use crate::ui::components::{fetch, loaded, today, FormError, Layout, RequestId};
use crate::ui::locale::use_texts;

/// The milestones of my groups: mark one reached, with a date and a note.
#[component]
pub fn JournalMilestonesPage() -> impl IntoView {
    let t = use_texts();
    let entries = fetch(|| (), |_| my_milestones());
    view! {
        <Layout title=t.milestones_title>
            <FormError action=MarkMilestone::url()/>
            <FormError action=UnmarkMilestone::url()/>
            {loaded(
                entries,
                move |entries| {
                    if entries.is_empty() {
                        return view! { <p class="hint">{t.no_milestones}</p> }.into_any();
                    }
                    view! {
                        <ul class="rows milestones">
                            {entries.into_iter().map(|e| view! { <Entry e/> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
        </Layout>
    }
}

#[component]
fn Entry(e: MilestoneEntry) -> impl IntoView {
    let t = use_texts();
    let key = e.milestone_id;
    let state = match e.mark {
        Some(mark) => view! {
            <p class="reached">"✓ " {t.reached_on} " " {mark.reached_on.to_string()}</p>
            {(!mark.note.is_empty()).then(|| view! { <p class="hint">{mark.note}</p> })}
            <a href=format!("/journal/share/{}", mark.id)>{t.change_sharing}</a>
            <form method="post" action=UnmarkMilestone::url()>
                <input type="hidden" name="id" value=mark.id/>
                <button type="submit">{t.unmark}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <details>
                <summary>{t.mark_reached}</summary>
                <form class="stack" method="post" action=MarkMilestone::url()>
                    <RequestId/>
                    <input type="hidden" name="milestone" value=e.milestone_id/>
                    <label for=format!("reached-{key}")>{t.reached_on_label}</label>
                    <input id=format!("reached-{key}") name="reached_on" type="date" required value=today().iso()/>
                    <label for=format!("note-{key}")>{t.note_label}</label>
                    <textarea id=format!("note-{key}") name="note" rows="2" maxlength=NOTE_MAX.to_string()></textarea>
                    <button type="submit" class="primary">{t.mark_reached}</button>
                </form>
            </details>
        }
        .into_any(),
    };
    view! {
        <li class="milestone-entry">
            <span>
                <strong>{e.title}</strong>
                <span class="hint">
                    {e.group_name} {e.target_on.map(|d| format!(" · {} {d}", t.target))}
                </span>
                {(!e.description.is_empty()).then(|| view! { <span class="hint">{e.description}</span> })}
            </span>
            {state}
        </li>
    }
}
