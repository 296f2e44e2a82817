use leptos::prelude::*;

use super::{Card, FeedbackList};
use crate::api::ItemSharing;
use crate::model::{format_date, ShareChoice};
use crate::ui::locale::use_texts;

/// Who sees an item, how to change that, and what came back from them.
#[component]
pub fn SharingCard(item: i64, sharing: ItemSharing) -> impl IntoView {
    let t = use_texts();
    let state = match sharing.choice {
        ShareChoice::Nobody => t.shared_with_nobody.to_owned(),
        choice => format!("{} {}", t.shared_with, t.share_choice(choice)),
    };
    let until = sharing
        .expires_at
        .map(|at| format!(" {} {}", t.share_until, format_date(at - 1)));
    view! {
        <Card id="sharing" title=t.sharing_title>
            <p class="share-state">{state} {until}</p>
            <a class="button" href=format!("/journal/share/{item}")>{t.change_sharing}</a>
            {(!sharing.feedback.is_empty()).then(|| view! { <h3>{t.notes_for_you}</h3> })}
            <FeedbackList feedback=sharing.feedback/>
        </Card>
    }
}
