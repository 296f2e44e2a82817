//! The fields of journal entries, shared by the "new" and "edit" forms.
//! Each field's error, if the server refused it, stands right below it.

use leptos::prelude::*;

use super::form_error::{field_state, FormError};
use crate::model::{
    Day, Dream, DreamTitle, Field, LifeArea, Reflection, Step, StepKind, MEANING_MAX, MOODS,
    REFLECTION_MAX, TITLE_MAX,
};
use crate::ui::locale::use_texts;

/// A fresh id for a form that creates something, so posting it twice (a
/// double tap, a replay after being offline) saves it once.
#[component]
pub fn RequestId() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let id = {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    #[cfg(not(feature = "ssr"))]
    let id = String::new();
    view! { <input type="hidden" name="request_id" value=id/> }
}

/// A text field with its label and its error.
#[component]
fn TitleField(action: &'static str, key: String, value: String) -> impl IntoView {
    let t = use_texts();
    let (invalid, described) = field_state(action, Field::Title);
    let id = format!("title-{key}");
    view! {
        <label for=id.clone()>{t.title_label}</label>
        <input
            id=id
            name="title"
            required
            maxlength=TITLE_MAX.to_string()
            value=value
            aria-invalid=invalid
            aria-describedby=described
        />
        <FormError action field=Field::Title/>
    }
}

#[component]
pub fn DreamFields(
    action: &'static str,
    key: String,
    #[prop(optional)] dream: Option<Dream>,
) -> impl IntoView {
    let t = use_texts();
    let (title, meaning, area) = dream.map(|d| (d.title, d.meaning, d.life_area)).unwrap_or((
        String::new(),
        String::new(),
        LifeArea::Other,
    ));
    let (invalid, described) = field_state(action, Field::Meaning);
    view! {
        <TitleField action key=key.clone() value=title/>
        <label for=format!("meaning-{key}")>{t.dream_meaning}</label>
        <textarea
            id=format!("meaning-{key}")
            name="meaning"
            rows="4"
            maxlength=MEANING_MAX.to_string()
            aria-invalid=invalid
            aria-describedby=described
        >
            {meaning}
        </textarea>
        <FormError action field=Field::Meaning/>
        <label for=format!("area-{key}")>{t.life_area}</label>
        <select id=format!("area-{key}") name="life_area">
            {LifeArea::ALL
                .iter()
                .map(|a| view! { <option value=a.as_str() selected=*a == area>{t.life_area_name(*a)}</option> })
                .collect_view()}
        </select>
        <FormError action field=Field::LifeArea/>
    }
}

#[component]
pub fn StepFields(
    action: &'static str,
    key: String,
    mut dreams: Vec<DreamTitle>,
    #[prop(optional)] step: Option<Step>,
    #[prop(optional)] dream: Option<i64>,
) -> impl IntoView {
    let t = use_texts();
    // The step's own dream stays a choice when it is put away or not among
    // the newest: else saving the form would unlink it unasked.
    if let Some((id, title)) = step.as_ref().and_then(|s| s.dream.clone()) {
        if !dreams.iter().any(|d| d.id == id) {
            dreams.push(DreamTitle { id, title });
        }
    }
    let chosen_dream = step
        .as_ref()
        .and_then(|s| s.dream.as_ref().map(|d| d.0))
        .or(dream);
    let kind = step.as_ref().map_or(StepKind::Everyday, |s| s.kind);
    let target = step
        .as_ref()
        .and_then(|s| s.target_on)
        .map(Day::iso)
        .unwrap_or_default();
    let title = step.map(|s| s.title).unwrap_or_default();
    view! {
        <TitleField action key=key.clone() value=title/>
        <label for=format!("kind-{key}")>{t.step_kind}</label>
        <select id=format!("kind-{key}") name="kind">
            {StepKind::ALL
                .iter()
                .map(|k| view! { <option value=k.as_str() selected=*k == kind>{t.step_kind_name(*k)}</option> })
                .collect_view()}
        </select>
        <label for=format!("dream-{key}")>{t.step_dream}</label>
        <select id=format!("dream-{key}") name="dream">
            <option value="">{t.no_dream}</option>
            {dreams
                .into_iter()
                .map(|d| view! { <option value=d.id selected=Some(d.id) == chosen_dream>{d.title}</option> })
                .collect_view()}
        </select>
        <FormError action field=Field::Dream/>
        <label for=format!("target-{key}")>{t.step_target}</label>
        <input id=format!("target-{key}") name="target_on" type="date" value=target/>
        <FormError action field=Field::TargetDate/>
    }
}

#[component]
pub fn ReflectionFields(
    action: &'static str,
    key: String,
    #[prop(optional)] reflection: Option<Reflection>,
) -> impl IntoView {
    let t = use_texts();
    let (on, body, mood) = match reflection {
        Some(r) => (r.written_on, r.body, r.mood),
        None => (today(), String::new(), None),
    };
    let (invalid, described) = field_state(action, Field::ReflectionBody);
    view! {
        <label for=format!("written-{key}")>{t.reflection_date}</label>
        <input id=format!("written-{key}") name="written_on" type="date" required value=on.iso()/>
        <FormError action field=Field::WrittenOn/>
        <label for=format!("body-{key}")>{t.reflection_body}</label>
        <textarea
            id=format!("body-{key}")
            name="body"
            rows="8"
            required
            maxlength=REFLECTION_MAX.to_string()
            aria-invalid=invalid
            aria-describedby=described
        >
            {body}
        </textarea>
        <FormError action field=Field::ReflectionBody/>
        <fieldset class="mood">
            <legend>{t.mood_question}</legend>
            {MOODS
                .iter()
                .map(|m| {
                    view! {
                        <label class="choice">
                            <input type="radio" name="mood" value=m.to_string() checked=Some(*m) == mood/>
                            {t.mood_name(*m)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <FormError action field=Field::Mood/>
    }
}

/// Today, as the server sees it; in the browser (never rendered there in
/// islands mode) the epoch.
pub fn today() -> Day {
    #[cfg(feature = "ssr")]
    return Day::today();
    #[cfg(not(feature = "ssr"))]
    Day::of_unix(0)
}

/// The fields a field-level error is shown for in the forms above; the
/// form's general error shows the rest.
pub const JOURNAL_FIELDS: &[Field] = &[
    Field::Title,
    Field::Meaning,
    Field::LifeArea,
    Field::Dream,
    Field::TargetDate,
    Field::WrittenOn,
    Field::ReflectionBody,
    Field::Mood,
    Field::CheckedOn,
    Field::Rating,
    Field::Note,
    Field::SkillKind,
    Field::LearnedOn,
    Field::PeerWorkKind,
    Field::DoneOn,
];
