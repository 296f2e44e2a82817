use leptos::prelude::*;

use super::{today, FormError};
use crate::model::{Aspect, CheckIn, Field, NOTE_MAX};
use crate::ui::locale::use_texts;

/// The fields of a check-in: its day, a 1–5 choice for each aspect, and
/// an optional note. Radio buttons: big targets, no JavaScript needed.
#[component]
pub fn CheckInFields(
    action: &'static str,
    key: &'static str,
    #[prop(optional)] checkin: Option<CheckIn>,
) -> impl IntoView {
    let t = use_texts();
    let (on, note) = checkin
        .as_ref()
        .map_or((today(), String::new()), |c| (c.checked_on, c.note.clone()));
    view! {
        <label for=format!("checked-{key}")>{t.checkin_date}</label>
        <input id=format!("checked-{key}") name="checked_on" type="date" required value=on.iso()/>
        <FormError action field=Field::CheckedOn/>
        <p class="hint">{t.checkin_scale}</p>
        {Aspect::ALL
            .into_iter()
            .map(|aspect| {
                let current = checkin.as_ref().map(|c| c.rating(aspect));
                view! {
                    <fieldset class="rating">
                        <legend>{t.aspect(aspect)}</legend>
                        <div class="scale">
                        {(1..=5u8)
                            .map(|n| view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name=aspect.as_str()
                                        value=n.to_string()
                                        required
                                        checked=current == Some(n)
                                    />
                                    {n}
                                </label>
                            })
                            .collect_view()}
                        </div>
                    </fieldset>
                }
            })
            .collect_view()}
        <FormError action field=Field::Rating/>
        <label for=format!("checkin-note-{key}")>{t.checkin_note}</label>
        <textarea id=format!("checkin-note-{key}") name="note" rows="3" maxlength=NOTE_MAX.to_string()>
            {note}
        </textarea>
        <FormError action field=Field::Note/>
    }
}
