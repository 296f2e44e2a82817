use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_skill, DeleteSkill, SkillDetail, UpdateSkill};
use crate::model::format_date;
use crate::ui::components::{
    fetch, loaded, param_id, Card, DeleteForm, FormError, Layout, SharingCard, SkillFields,
    JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// One skill, its confirmation, its sharing, and changing it.
#[component]
pub fn SkillPage() -> impl IntoView {
    let t = use_texts();
    let skill = fetch(param_id, load_skill);
    view! { <Layout title=t.skills_title>{loaded(skill, |detail| view! { <SkillView detail/> })}</Layout> }
}

#[component]
fn SkillView(detail: SkillDetail) -> impl IntoView {
    let t = use_texts();
    let s = detail.skill;
    let id = s.id;
    let confirmed = match s.confirmed.clone() {
        Some((at, by)) => {
            let by = by.map(|name| format!(" ({name})")).unwrap_or_default();
            view! { <p class="reached">"✓ " {t.skill_confirmed} " " {format_date(at)} {by}</p> }
                .into_any()
        }
        None => view! { <p class="hint">{t.skill_not_confirmed}</p> }.into_any(),
    };
    view! {
        <h2 class="subtitle">{t.skill_kind(s.kind)}</h2>
        <p class="hint">{t.learned_on} " " {s.learned_on.to_string()}</p>
        {confirmed}
        {(!s.note.is_empty()).then(|| view! { <p>{s.note.clone()}</p> })}
        <SharingCard item=id sharing=detail.sharing/>
        <Card id="edit-skill" title=t.edit>
            <form class="stack" method="post" action=UpdateSkill::url()>
                <input type="hidden" name="id" value=id/>
                <SkillFields action=UpdateSkill::url() key="edit" skill=s/>
                <FormError action=UpdateSkill::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
            <DeleteForm action=DeleteSkill::url() id=id label=t.delete_skill/>
        </Card>
    }
}
