use leptos::prelude::*;

use super::{today, FormError};
use crate::model::{Field, PeerWork, PeerWorkKind, NOTE_MAX};
use crate::ui::locale::use_texts;

/// The fields of a peer work entry: what, which day, and a note kept to
/// oneself.
#[component]
pub fn PeerWorkFields(
    action: &'static str,
    key: &'static str,
    #[prop(optional)] entry: Option<PeerWork>,
) -> impl IntoView {
    let t = use_texts();
    let (kind, on, note) = entry.map_or((None, today(), String::new()), |e| {
        (Some(e.kind), e.done_on, e.note)
    });
    view! {
        <label for=format!("work-kind-{key}")>{t.peer_work_kind_label}</label>
        <select id=format!("work-kind-{key}") name="kind">
            {PeerWorkKind::ALL
                .into_iter()
                .map(|k| view! { <option value=k.as_str() selected=Some(k) == kind>{t.peer_work_kind(k)}</option> })
                .collect_view()}
        </select>
        <FormError action field=Field::PeerWorkKind/>
        <label for=format!("work-on-{key}")>{t.peer_work_done_on}</label>
        <input id=format!("work-on-{key}") name="done_on" type="date" required value=on.iso()/>
        <FormError action field=Field::DoneOn/>
        <label for=format!("work-note-{key}")>{t.peer_work_note}</label>
        <textarea id=format!("work-note-{key}") name="note" rows="2" maxlength=NOTE_MAX.to_string()>
            {note}
        </textarea>
        <FormError action field=Field::Note/>
    }
}
