use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{my_memberships, LeaveGroup, MyGroup};
use crate::ui::components::{fetch, kind_name, loaded, phase_name, FormError, Layout, MeetingInfo};
use crate::ui::locale::use_texts;

/// The person's own groups, and leaving one by their own choice.
#[component]
pub fn MyGroupsPage() -> impl IntoView {
    let t = use_texts();
    let groups = fetch(|| (), |_| my_memberships());
    view! {
        <Layout title=t.my_groups_title>
            <FormError action=LeaveGroup::url()/>
            {loaded(
                groups,
                move |groups| {
                    if groups.is_empty() {
                        return view! { <p class="hint">{t.no_groups}</p> }.into_any();
                    }
                    groups.into_iter().map(|mine| view! { <MyGroupCard mine/> }).collect_view().into_any()
                },
            )}
        </Layout>
    }
}

#[component]
fn MyGroupCard(mine: MyGroup) -> impl IntoView {
    let t = use_texts();
    let g = mine.group;
    let roles = mine
        .roles
        .iter()
        .map(|r| t.role(*r))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="card">
            <h2>{g.name}</h2>
            <p class="hint">
                {roles} " · " {g.area_name} " · " {kind_name(g.kind)} " · " {phase_name(g.phase)}
            </p>
            {mine.next_meeting.map(|meeting| view! {
                <h3>{t.next_meeting}</h3>
                <MeetingInfo meeting/>
            })}
            {(!mine.milestones.is_empty()).then(|| view! {
                <h3>{t.milestones_title}</h3>
                <ul class="rows">
                    {mine.milestones.into_iter().map(|m| view! {
                        <li>
                            <span>
                                <strong>{m.title}</strong>
                                {m.target_on.map(|d| view! { <span class="hint">{t.target} " " {d.to_string()}</span> })}
                                <span class="hint">{m.description}</span>
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <a class="button" href=format!("/groups/{}/wishes", g.id)>{t.wishes_title}</a>
            <details>
                <summary>{t.leave_group}</summary>
                <form class="stack" method="post" action=LeaveGroup::url()>
                    <input type="hidden" name="group" value=g.id/>
                    <p>{t.leave_group_explained}</p>
                    <label class="choice">
                        <input type="checkbox" required/>
                        {t.leave_group_confirm}
                    </label>
                    <button type="submit" class="danger">{t.leave_group}</button>
                </form>
            </details>
        </section>
    }
}
