use leptos::prelude::*;

use super::{today, FormError};
use crate::model::{Field, Skill, SkillKind, NOTE_MAX};
use crate::ui::locale::use_texts;

/// The fields of a skill: what, since when, and a note.
#[component]
pub fn SkillFields(
    action: &'static str,
    key: &'static str,
    #[prop(optional)] skill: Option<Skill>,
) -> impl IntoView {
    let t = use_texts();
    let (kind, on, note) = skill.map_or((None, today(), String::new()), |s| {
        (Some(s.kind), s.learned_on, s.note)
    });
    view! {
        <label for=format!("skill-kind-{key}")>{t.skill_kind_label}</label>
        <select id=format!("skill-kind-{key}") name="kind">
            {SkillKind::ALL
                .into_iter()
                .map(|k| view! { <option value=k.as_str() selected=Some(k) == kind>{t.skill_kind(k)}</option> })
                .collect_view()}
        </select>
        <FormError action field=Field::SkillKind/>
        <label for=format!("learned-{key}")>{t.learned_on}</label>
        <input id=format!("learned-{key}") name="learned_on" type="date" required value=on.iso()/>
        <FormError action field=Field::LearnedOn/>
        <label for=format!("skill-note-{key}")>{t.skill_note}</label>
        <textarea id=format!("skill-note-{key}") name="note" rows="2" maxlength=NOTE_MAX.to_string()>
            {note}
        </textarea>
        <FormError action field=Field::Note/>
    }
}
