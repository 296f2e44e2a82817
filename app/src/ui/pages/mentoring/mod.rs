//! Peer mentoring from both sides: proposals to answer, one's own mentors,
//! and the people one mentors with what they share.

mod mentee;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
pub use mentee::MenteePage;

use crate::api::{load_mentoring, AnswerMentor, EndMentoring, MenteeView, Mentoring};
use crate::model::{format_date, MentorLink};
use crate::ui::components::{fetch, loaded, Card, FormError, Layout};
use crate::ui::locale::use_texts;

#[component]
pub fn MentoringPage() -> impl IntoView {
    let t = use_texts();
    let mentoring = fetch(|| (), |_| load_mentoring());
    view! {
        <Layout title=t.mentoring_title>
            {loaded(mentoring, |m| view! { <MentoringView m/> })}
        </Layout>
    }
}

#[component]
fn MentoringView(m: Mentoring) -> impl IntoView {
    let t = use_texts();
    let nothing = m.proposals.is_empty() && m.mentors.is_empty() && m.mentees.is_empty();
    view! {
        <FormError action=AnswerMentor::url()/>
        <FormError action=EndMentoring::url()/>
        {nothing.then(|| view! { <p class="hint">{t.mentoring_none}</p> })}
        {(!m.proposals.is_empty()).then(|| view! {
            <Card id="proposals" title=t.mentor_proposals_title>
                <p class="hint">{t.mentor_proposal_explain}</p>
                <ul class="rows">
                    {m.proposals.into_iter().map(|l| view! { <Proposal l/> }).collect_view()}
                </ul>
            </Card>
        })}
        {(!m.mentors.is_empty()).then(|| view! {
            <Card id="my-mentors" title=t.my_mentors_title>
                <p class="hint">{t.my_mentor_explain}</p>
                <ul class="rows">
                    {m
                        .mentors
                        .into_iter()
                        .map(|l| {
                            let since = l.accepted_at.map(format_date).unwrap_or_default();
                            view! {
                                <li>
                                    <span>
                                        <strong>{l.mentor_name}</strong>
                                        <span class="hint">{format!("{} {since}", t.mentor_accepted)}</span>
                                    </span>
                                    <EndLink id=l.id/>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <a href="/journal/sharing">{t.my_sharing_title}</a>
            </Card>
        })}
        {(!m.mentees.is_empty()).then(|| view! {
            <Card id="mentees" title=t.mentees_title>
                <ul class="rows">
                    {m.mentees.into_iter().map(|v| view! { <Mentee v/> }).collect_view()}
                </ul>
            </Card>
        })}
    }
}

#[component]
fn Proposal(l: MentorLink) -> impl IntoView {
    let t = use_texts();
    let group = l.group_name.map(|g| format!(" · {g}"));
    view! {
        <li class="proposal">
            <span>
                <strong>{l.mentor_name}</strong>
                <span class="hint">{group}</span>
            </span>
            <span class="actions">
                <form method="post" action=AnswerMentor::url()>
                    <input type="hidden" name="link" value=l.id/>
                    <button type="submit" name="answer" value="accept" class="primary">
                        {t.mentor_accept}
                    </button>
                </form>
                <form method="post" action=AnswerMentor::url()>
                    <input type="hidden" name="link" value=l.id/>
                    <button type="submit" name="answer" value="decline">{t.mentor_decline}</button>
                </form>
            </span>
        </li>
    }
}

#[component]
fn Mentee(v: MenteeView) -> impl IntoView {
    let t = use_texts();
    let counts = format!("{} {}", t.shared_with_you, v.shared);
    let new = (v.new > 0).then(|| format!(" · {} {}", t.new_since_visit, v.new));
    view! {
        <li>
            <span>
                <a href=format!("/mentoring/{}", v.link.mentee_id)>{v.link.mentee_name}</a>
                <span class="hint">{counts} {new}</span>
            </span>
            <EndLink id=v.link.id/>
        </li>
    }
}

/// Ends a link (or withdraws an unanswered one), from either side.
#[component]
fn EndLink(id: i64) -> impl IntoView {
    let t = use_texts();
    view! {
        <form method="post" action=EndMentoring::url()>
            <input type="hidden" name="link" value=id/>
            <button type="submit" class="secondary">{t.mentor_end}</button>
        </form>
    }
}
