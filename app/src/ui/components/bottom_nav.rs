use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::locale::use_texts;

/// The participant's main destinations, at the bottom where a thumb reaches.
#[component]
pub fn BottomNav() -> impl IntoView {
    let t = use_texts();
    let here = use_location().pathname.get_untracked();
    let items = [("/", t.nav_home, "⌂"), ("/help", t.nav_help, "✚")];
    view! {
        <nav class="bottom-nav" aria-label=t.nav_label>
            <ul>
                {items
                    .into_iter()
                    .map(|(href, label, icon)| {
                        let current = (here == href).then_some("page");
                        view! {
                            <li>
                                <a href=href aria-current=current>
                                    <span class="icon" aria-hidden="true">{icon}</span>
                                    <span>{label}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
