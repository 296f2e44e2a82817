use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{MemberView, ProposeMentor};
use crate::model::{Field, MentorLink, Role};
use crate::ui::components::{Card, FormError};
use crate::ui::locale::use_texts;

/// The group's peer mentor links, and a proposal of a new one: a peer
/// mentor of the group for one of its participants.
#[component]
pub fn Mentoring(group: i64, members: Vec<MemberView>, links: Vec<MentorLink>) -> impl IntoView {
    let t = use_texts();
    let options = |role| {
        members
            .iter()
            .filter(|m| m.role == role)
            .map(|m| view! { <option value=m.user_id>{m.display_name.clone()}</option> })
            .collect_view()
    };
    let mentors = options(Role::PeerMentor);
    let mentees = options(Role::Participant);
    view! {
        <Card id="mentoring" title=t.mentoring_title>
            <ul class="rows">
                {links
                    .into_iter()
                    .map(|l| {
                        let state = if l.accepted_at.is_some() {
                            t.mentor_accepted
                        } else {
                            t.mentor_proposed
                        };
                        view! {
                            <li>
                                <span>{l.mentor_name} " → " {l.mentee_name}</span>
                                <span class="hint">{state}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <form class="stack" method="post" action=ProposeMentor::url()>
                <input type="hidden" name="group" value=group/>
                <label for="propose-mentor">{t.role_peer_mentor}</label>
                <select id="propose-mentor" name="mentor" required>{mentors}</select>
                <FormError action=ProposeMentor::url() field=Field::Mentor/>
                <label for="propose-mentee">{t.role_participant}</label>
                <select id="propose-mentee" name="mentee" required>{mentees}</select>
                <FormError action=ProposeMentor::url() field=Field::Mentee/>
                <FormError action=ProposeMentor::url() fields=&[Field::Mentor, Field::Mentee]/>
                <p class="hint">{t.mentor_propose_hint}</p>
                <button type="submit">{t.mentor_propose}</button>
            </form>
        </Card>
    }
}
