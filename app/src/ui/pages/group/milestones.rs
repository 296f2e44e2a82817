use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{ArchiveMilestone, CreateMilestone, UpdateMilestone};
use crate::model::Milestone;
use crate::ui::components::{Card, FormError, MilestoneFields};
use crate::ui::locale::use_texts;

/// The group's milestones, agreed with the group: add, change, take off.
#[component]
pub fn Milestones(group: i64, milestones: Vec<Milestone>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="milestones" title=t.milestones_title>
            <FormError action=UpdateMilestone::url()/>
            <FormError action=ArchiveMilestone::url()/>
            {milestones.is_empty().then(|| view! { <p class="hint">{t.no_milestones}</p> })}
            <ul class="rows">
                {milestones
                    .into_iter()
                    .map(|m| {
                        let key = m.id.to_string();
                        view! {
                            <li class="milestone">
                                <span>
                                    <strong>{m.title.clone()}</strong>
                                    {m
                                        .target_on
                                        .map(|d| view! { <span class="hint">{t.target} " " {d.to_string()}</span> })}
                                    <span class="hint">{m.description.clone()}</span>
                                </span>
                                <details>
                                    <summary>{t.edit}</summary>
                                    <form class="stack" method="post" action=UpdateMilestone::url()>
                                        <input type="hidden" name="group" value=group/>
                                        <input type="hidden" name="id" value=m.id/>
                                        <MilestoneFields key milestone=m.clone()/>
                                        <button type="submit">{t.save}</button>
                                    </form>
                                    <form method="post" action=ArchiveMilestone::url()>
                                        <input type="hidden" name="group" value=group/>
                                        <input type="hidden" name="id" value=m.id/>
                                        <button type="submit" class="danger">{t.remove}</button>
                                    </form>
                                </details>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <details>
                <summary>{t.new_milestone}</summary>
                <form class="stack" method="post" action=CreateMilestone::url()>
                    <input type="hidden" name="group" value=group/>
                    <MilestoneFields key="new".to_owned()/>
                    <FormError action=CreateMilestone::url()/>
                    <button type="submit" class="primary">{t.add}</button>
                </form>
            </details>
        </Card>
    }
}
