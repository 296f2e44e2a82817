use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{my_groups, CreateGroup, GroupsOverview, GROUP_NAME_MAX};
use crate::model::GroupKind;
use crate::ui::components::{fetch, kind_name, loaded, Card, FormError, GroupList, Layout};
use crate::ui::locale::use_texts;

/// The groups a facilitator runs (an admin sees all), and a new one.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let t = use_texts();
    let overview = fetch(|| (), |_| my_groups());
    view! {
        <Layout title=t.groups_title>
            {loaded(overview, |overview| view! { <Groups overview/> })}
        </Layout>
    }
}

#[component]
fn Groups(overview: GroupsOverview) -> impl IntoView {
    let t = use_texts();
    let new_group = (!overview.areas.is_empty()).then(|| {
        view! {
            <Card id="new-group" title=t.new_group_title>
                <form class="stack" method="post" action=CreateGroup::url()>
                    <label for="group-area">{t.area_title}</label>
                    <select id="group-area" name="area" required>
                        {overview
                            .areas
                            .into_iter()
                            .map(|a| view! { <option value=a.id>{a.name}</option> })
                            .collect_view()}
                    </select>
                    <label for="group-name">{t.group_name}</label>
                    <input id="group-name" name="name" required maxlength=GROUP_NAME_MAX.to_string()/>
                    <fieldset>
                        <legend>{t.group_kind}</legend>
                        {GroupKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <label class="choice">
                                        <input
                                            type="radio"
                                            name="kind"
                                            value=k.as_str()
                                            checked=k == GroupKind::Mixed
                                        />
                                        {kind_name(k)}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <label for="group-start">{t.group_starts}</label>
                    <input id="group-start" name="starts_on" type="date" required/>
                    <p class="hint">{t.group_phase_hint}</p>
                    <FormError action=CreateGroup::url()/>
                    <button type="submit" class="primary">{t.create}</button>
                </form>
            </Card>
        }
    });
    view! {
        <Card id="my-groups" title=t.groups_title>
            <GroupList groups=overview.groups/>
        </Card>
        {new_group}
        <a class="button" href="/figures">{t.figures_title}</a>
    }
}
