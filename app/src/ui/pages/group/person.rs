use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_shared, ConfirmSkill, GiveFeedback, SharedPerson};
use crate::model::{Field, SharedContent, SharedItem, FEEDBACK_MAX};
use crate::ui::components::{
    fetch, loaded, param, param_id, query, FeedbackList, FormError, Layout, Pager,
    SharedContentView,
};
use crate::ui::locale::use_texts;

/// What one participant shares with the facilitator now, newest first, and
/// nothing else: no titles, counts or dates of anything unshared. Each item
/// shown is in the participant's "who has seen my things".
#[component]
pub fn SharedPersonPage() -> impl IntoView {
    let t = use_texts();
    let shared = fetch(
        || {
            let person = param("person").parse().unwrap_or_default();
            (
                param_id(),
                person,
                query("before").and_then(|b| b.parse().ok()),
            )
        },
        |(group, person, before)| load_shared(group, person, before),
    );
    view! { <Layout title=t.shared_title>{loaded(shared, |person| view! { <Person person/> })}</Layout> }
}

#[component]
fn Person(person: SharedPerson) -> impl IntoView {
    let t = use_texts();
    let (group, who) = (person.group_id, person.user_id);
    let new = person.page.items.iter().filter(|i| i.is_new).count();
    view! {
        <h2 class="subtitle">{person.display_name}</h2>
        <p class="hint">
            <a href=format!("/groups/{group}")>{person.group_name}</a>
            {(new > 0).then(|| format!(" · {} {new}", t.new_since_visit))}
        </p>
        <FormError action=GiveFeedback::url()/>
        <FormError action=ConfirmSkill::url()/>
        {person.page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_shared}</p> })}
        <ul class="shared-items">
            {person
                .page
                .items
                .into_iter()
                .map(|item| view! { <SharedRow group who item/> })
                .collect_view()}
        </ul>
        <Pager next=person.page.next base=format!("/groups/{group}/people/{who}")/>
    }
}

#[component]
fn SharedRow(group: i64, who: i64, item: SharedItem) -> impl IntoView {
    let t = use_texts();
    let id = item.id;
    let note = format!("note-{id}");
    // A skill shared with the facilitator can be confirmed, once, after
    // seeing it in person.
    let unconfirmed = matches!(
        item.content,
        SharedContent::Skill {
            confirmed: false,
            ..
        }
    );
    view! {
        <li class="card shared-item" id=format!("item-{id}")>
            {item.is_new.then(|| view! { <p class="badge">{t.new_badge}</p> })}
            {unconfirmed.then(|| view! {
                <form method="post" action=ConfirmSkill::url()>
                    <input type="hidden" name="group" value=group/>
                    <input type="hidden" name="person" value=who/>
                    <input type="hidden" name="item" value=id/>
                    <button type="submit">{t.confirm_skill}</button>
                </form>
            })}
            <SharedContentView content=item.content/>
            <FeedbackList feedback=item.feedback/>
            <form class="stack" method="post" action=GiveFeedback::url()>
                <input type="hidden" name="group" value=group/>
                <input type="hidden" name="person" value=who/>
                <input type="hidden" name="item" value=id/>
                <label for=note.clone()>{t.feedback_label}</label>
                <textarea id=note name="note" rows="2" maxlength=FEEDBACK_MAX.to_string()></textarea>
                <FormError action=GiveFeedback::url() field=Field::Feedback/>
                <button type="submit">{t.feedback_send}</button>
            </form>
        </li>
    }
}
