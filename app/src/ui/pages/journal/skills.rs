use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_skills, CreateSkill};
use crate::model::{Page, Skill};
use crate::ui::components::{
    fetch, loaded, query, Card, FormError, Layout, Pager, RequestId, SkillFields, JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// My peer skills: adding one, and those I have, confirmed ones marked.
#[component]
pub fn SkillsPage() -> impl IntoView {
    let t = use_texts();
    let skills = fetch(|| query("before").and_then(|b| b.parse().ok()), list_skills);
    view! {
        <Layout title=t.skills_title>
            <p class="hint">{t.skills_lead}</p>
            <Card id="new-skill" title=t.new_skill>
                <form class="stack" method="post" action=CreateSkill::url()>
                    <RequestId/>
                    <SkillFields action=CreateSkill::url() key="new"/>
                    <FormError action=CreateSkill::url() fields=JOURNAL_FIELDS/>
                    <button type="submit" class="primary">{t.save}</button>
                </form>
            </Card>
            {loaded(skills, |page| view! { <SkillList page/> })}
        </Layout>
    }
}

#[component]
fn SkillList(page: Page<Skill>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="skill-list" title=t.my_skills>
            {page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows skills">
                {page
                    .items
                    .into_iter()
                    .map(|s| view! {
                        <li>
                            <span>
                                <a href=format!("/journal/skills/{}", s.id)>{t.skill_kind(s.kind)}</a>
                                <span class="hint">{s.learned_on.to_string()}</span>
                            </span>
                            {s.confirmed.is_some().then(|| view! { <span class="reached">"✓ " {t.skill_confirmed}</span> })}
                        </li>
                    })
                    .collect_view()}
            </ul>
            <Pager next=page.next base="/journal/skills".to_owned()/>
        </Card>
    }
}
