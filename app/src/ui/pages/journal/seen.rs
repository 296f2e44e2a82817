use leptos::prelude::*;

use crate::api::{item_path, load_seen};
use crate::model::{format_local, AccessView, Page};
use crate::ui::components::{fetch, loaded, query, Card, Layout, Pager};
use crate::ui::locale::use_texts;

/// Who has seen my things, and when: every time anyone but me was shown
/// something of mine, newest first.
#[component]
pub fn SeenPage() -> impl IntoView {
    let t = use_texts();
    let log = fetch(|| query("before").and_then(|b| b.parse().ok()), load_seen);
    view! { <Layout title=t.seen_title>{loaded(log, |page| view! { <Seen page/> })}</Layout> }
}

#[component]
fn Seen(page: Page<AccessView>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="seen-list" title=t.seen_title>
            {page.items.is_empty().then(|| view! { <p class="hint">{t.seen_nobody}</p> })}
            <ul class="rows seen">
                {page
                    .items
                    .into_iter()
                    .map(|a| {
                        let who = a.viewer.unwrap_or_else(|| t.someone_who_left.to_owned());
                        view! {
                            <li>
                                <span>
                                    <strong>{who}</strong>
                                    " " {t.saw} " "
                                    <a href=item_path(a.kind, a.item_id)>{a.title}</a>
                                </span>
                                <span class="hint">{format_local(a.at)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Pager next=page.next base="/journal/seen".to_owned()/>
        </Card>
    }
}
