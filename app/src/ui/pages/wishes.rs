use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_wishes, EditWish, PostWish, SetWishStatus, VoteWish, WishBox, WithdrawWish};
use crate::model::{Field, Wish, WishStatus, WISH_REASON_MAX, WISH_WHAT_MAX, WISH_WHY_MAX};
use crate::ui::components::{fetch, loaded, param_id, Card, FormError, Layout};
use crate::ui::locale::use_texts;

const WISH_FIELDS: &[Field] = &[Field::WishWhat, Field::WishWhy, Field::WishReason];

/// The group's wishes box: what members wish for, without names.
#[component]
pub fn WishesPage() -> impl IntoView {
    let t = use_texts();
    let wishes = fetch(param_id, load_wishes);
    view! { <Layout title=t.wishes_title>{loaded(wishes, |b| view! { <Wishes b/> })}</Layout> }
}

#[component]
fn Wishes(b: WishBox) -> impl IntoView {
    let t = use_texts();
    let group = b.group_id;
    let may_set = b.may_set_status;
    view! {
        <h2 class="subtitle">{b.group_name}</h2>
        <p class="hint">{t.wishes_lead}</p>
        <FormError action=VoteWish::url()/>
        <FormError action=WithdrawWish::url()/>
        <FormError action=EditWish::url() fields=WISH_FIELDS/>
        <FormError action=SetWishStatus::url() fields=WISH_FIELDS/>
        <Card id="new-wish" title=t.new_wish>
            <form class="stack" method="post" action=PostWish::url()>
                <input type="hidden" name="group" value=group/>
                <WishFields action=PostWish::url() key="new".to_owned() what=String::new() why=String::new()/>
                <FormError action=PostWish::url() fields=WISH_FIELDS/>
                <button type="submit" class="primary">{t.post_wish}</button>
            </form>
        </Card>
        <Card id="wish-list" title=t.wishes_of_group>
            {b.wishes.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="wishes">
                {b.wishes.into_iter().map(|w| view! { <WishRow w may_set/> }).collect_view()}
            </ul>
        </Card>
    }
}

#[component]
fn WishFields(action: &'static str, key: String, what: String, why: String) -> impl IntoView {
    let t = use_texts();
    view! {
        <label for=format!("what-{key}")>{t.wish_what}</label>
        <input id=format!("what-{key}") name="what" required maxlength=WISH_WHAT_MAX.to_string() value=what/>
        <FormError action field=Field::WishWhat/>
        <label for=format!("why-{key}")>{t.wish_why}</label>
        <textarea id=format!("why-{key}") name="why" rows="3" maxlength=WISH_WHY_MAX.to_string()>{why}</textarea>
        <FormError action field=Field::WishWhy/>
    }
}

#[component]
fn WishRow(w: Wish, may_set: bool) -> impl IntoView {
    let t = use_texts();
    let id = w.id;
    let (vote, vote_label) = if w.voted {
        ("no", t.wish_unvote)
    } else {
        ("yes", t.wish_vote)
    };
    let status = (w.status != WishStatus::Open).then(|| {
        view! {
            <p class="wish-status">
                <strong>{t.wish_status(w.status)}</strong>
                {(!w.reason.is_empty()).then(|| format!(" – {}", w.reason))}
            </p>
        }
    });
    let own = w.mine.then(|| {
        view! {
            <details>
                <summary>{t.edit}</summary>
                <form class="stack" method="post" action=EditWish::url()>
                    <input type="hidden" name="wish" value=id/>
                    <WishFields action=EditWish::url() key=id.to_string() what=w.what.clone() why=w.why.clone()/>
                    <button type="submit">{t.save}</button>
                </form>
                <form method="post" action=WithdrawWish::url()>
                    <input type="hidden" name="wish" value=id/>
                    <button type="submit" class="danger">{t.withdraw_wish}</button>
                </form>
            </details>
        }
    });
    let answer = may_set.then(|| {
        let reason = format!("reason-{id}");
        let select = format!("status-{id}");
        view! {
            <details>
                <summary>{t.wish_answer}</summary>
                <form class="stack" method="post" action=SetWishStatus::url()>
                    <input type="hidden" name="wish" value=id/>
                    <label for=select.clone()>{t.wish_status_label}</label>
                    <select id=select name="status">
                        {WishStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str() selected=s == w.status>{t.wish_status(s)}</option> })
                            .collect_view()}
                    </select>
                    <label for=reason.clone()>{t.wish_reason}</label>
                    <textarea id=reason name="reason" rows="2" maxlength=WISH_REASON_MAX.to_string()>{w.reason.clone()}</textarea>
                    <button type="submit">{t.save}</button>
                </form>
            </details>
        }
    });
    view! {
        <li class="card wish" id=format!("wish-{id}")>
            <h3>{w.what.clone()}</h3>
            {(!w.why.is_empty()).then(|| view! { <p>{w.why.clone()}</p> })}
            {w.mine.then(|| view! { <p class="hint">{t.wish_yours}</p> })}
            {status}
            <div class="actions">
                <span class="votes">{format!("{} {}", t.wish_votes, w.votes)}</span>
                <form method="post" action=VoteWish::url()>
                    <input type="hidden" name="wish" value=id/>
                    <button type="submit" name="vote" value=vote>{vote_label}</button>
                </form>
            </div>
            {own}
            {answer}
        </li>
    }
}
