use leptos::prelude::*;

use crate::ui::locale::use_texts;

/// Where quick exit goes: an ordinary page of nothing in particular.
pub const NEUTRAL_PAGE: &str = "/recipe";

/// The way out in a hurry, at the top of every page. quick-exit.js makes it
/// replace the page (so Back does not return to it) and adds Esc three
/// times; without JavaScript it is a plain link to the same neutral page.
#[component]
pub fn QuickExit() -> impl IntoView {
    let t = use_texts();
    view! {
        <a
            class="quick-exit"
            href=NEUTRAL_PAGE
            data-quick-exit=""
            rel="noreferrer"
            aria-label=t.quick_exit_label
        >
            {t.quick_exit}
        </a>
    }
}
