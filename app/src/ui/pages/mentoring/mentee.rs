use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_mentee, Encourage, MenteePage as Mentee};
use crate::model::{Field, ItemKind, Phrase, SharedItem, ENCOURAGEMENT_MAX};
use crate::ui::components::{
    fetch, loaded, param, query, FeedbackList, FormError, Layout, Pager, SharedContentView,
};
use crate::ui::locale::use_texts;

/// What one mentee shares with their peer mentor now, newest first; each
/// item shown is in the mentee's "who has seen my things".
#[component]
pub fn MenteePage() -> impl IntoView {
    let t = use_texts();
    let mentee = fetch(
        || {
            (
                param("person").parse().unwrap_or_default(),
                query("before").and_then(|b| b.parse().ok()),
            )
        },
        |(person, before)| load_mentee(person, before),
    );
    view! { <Layout title=t.mentees_title>{loaded(mentee, |m| view! { <MenteeView m/> })}</Layout> }
}

#[component]
fn MenteeView(m: Mentee) -> impl IntoView {
    let t = use_texts();
    let who = m.link.mentee_id;
    view! {
        <h2 class="subtitle">{m.link.mentee_name}</h2>
        <p class="hint"><a href="/mentoring">{t.mentoring_title}</a></p>
        <FormError action=Encourage::url()/>
        {m.page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_shared}</p> })}
        <ul class="shared-items">
            {m.page.items.into_iter().map(|item| view! { <Item who item/> }).collect_view()}
        </ul>
        <Pager next=m.page.next base=format!("/mentoring/{who}")/>
    }
}

#[component]
fn Item(who: i64, item: SharedItem) -> impl IntoView {
    let t = use_texts();
    let id = item.id;
    // Encouragement is for steps and milestones: the things one does.
    let encourage = matches!(item.kind, ItemKind::Step | ItemKind::Milestone).then(|| {
        let message = format!("message-{id}");
        view! {
            <form class="stack" method="post" action=Encourage::url()>
                <input type="hidden" name="person" value=who/>
                <input type="hidden" name="item" value=id/>
                <fieldset>
                    <legend>{t.encourage_legend}</legend>
                    {Phrase::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(n, p)| view! {
                            <label class="choice">
                                <input type="radio" name="phrase" value=p.as_str() checked=n == 0/>
                                {t.phrase(p)}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <label for=message.clone()>{t.encourage_message}</label>
                <textarea
                    id=message
                    name="message"
                    rows="2"
                    maxlength=ENCOURAGEMENT_MAX.to_string()
                ></textarea>
                <FormError action=Encourage::url() field=Field::Feedback/>
                <button type="submit" class="primary">{t.encourage_send}</button>
            </form>
        }
    });
    view! {
        <li class="card shared-item" id=format!("item-{id}")>
            {item.is_new.then(|| view! { <p class="badge">{t.new_badge}</p> })}
            <SharedContentView content=item.content/>
            <FeedbackList feedback=item.feedback/>
            {encourage}
        </li>
    }
}
