use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Field;
use crate::ui::components::{query, Layout};
use crate::ui::locale::use_texts;

/// Writes made without a connection, kept on the phone until they are sent.
/// The list is filled in on the phone (outbox.js), which reads it from
/// IndexedDB; this page gives it its words, in the person's language, so the
/// service worker can show it offline too.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let t = use_texts();
    // Offline, the page comes from the phone without its query: outbox.js
    // shows this line then.
    let queued = query("queued").is_some();
    view! {
        <Layout title=t.outbox_title>
            <p id="outbox-queued" class="celebrate" role="status" hidden=!queued>{t.outbox_queued}</p>
            <p>{t.outbox_lead}</p>
            <ul id="outbox-list" class="rows outbox" aria-live="polite"></ul>
            <p id="outbox-empty" class="hint">{t.outbox_empty}</p>
            <noscript><p class="hint">{t.outbox_needs_javascript}</p></noscript>
            <script type="application/json" id="outbox-texts">{outbox_texts()}</script>
        </Layout>
    }
}

/// The words outbox.js needs, as JSON: the kinds of write, their states,
/// and every reason the server may give for refusing one.
fn outbox_texts() -> String {
    let t = use_texts();
    let mut errors = serde_json::Map::new();
    for error in [
        AppError::BadInput,
        AppError::NotSignedIn,
        AppError::NotFound,
        AppError::Forbidden,
        AppError::TooManyRequests,
        AppError::Internal,
    ] {
        let key = serde_json::to_value(&error)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        errors.insert(key, error.message(t).into());
    }
    for field in Field::ALL {
        errors.insert(format!("Invalid:{field:?}"), t.field_error(*field).into());
    }
    serde_json::json!({
        "kinds": {
            "reflection": t.outbox_kind_reflection,
            "step": t.outbox_kind_step,
            "step-done": t.outbox_kind_step_done,
        },
        "waiting": t.outbox_waiting_one,
        "refused": t.outbox_refused,
        "discard": t.outbox_discard,
        "errors": errors,
    })
    .to_string()
    // Inside a <script> element, "</" must not end it early.
    .replace("</", "<\\/")
}
