use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::SignedIn;
use crate::ui::locale::use_texts;

/// The main destinations, at the bottom where a thumb reaches. Those who run
/// groups also get their groups; admins the organisation.
#[component]
pub fn BottomNav(me: Option<SignedIn>) -> impl IntoView {
    let t = use_texts();
    let here = use_location().pathname.get_untracked();
    let mut items = vec![("/", t.nav_home, "⌂")];
    if me.as_ref().is_some_and(|m| m.is_member) {
        items.push(("/journal/steps", t.nav_steps, "➜"));
        items.push(("/journal/reflections", t.nav_reflections, "✎"));
    }
    if me.as_ref().is_some_and(|m| m.is_staff) {
        items.push(("/groups", t.nav_groups, "◎"));
    }
    if me.as_ref().is_some_and(|m| m.is_admin) {
        items.push(("/admin", t.nav_admin, "⚙"));
    }
    items.push(("/help", t.nav_help, "✚"));
    view! {
        <nav class="bottom-nav" aria-label=t.nav_label>
            <ul>
                {items
                    .into_iter()
                    .map(|(href, label, icon)| {
                        let current = (here == href
                            || (href != "/" && here.starts_with(&format!("{href}/"))))
                            .then_some("page");
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
