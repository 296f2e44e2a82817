use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{
    load_journal_home, AcknowledgeRecoveries, EventView, HideNote, JournalHome, KeepSharing,
    SetStepStatus,
};
use crate::model::{format_date, ItemKind};
use crate::ui::components::{
    fetch, query, Card, FeedbackList, Layout, MeetingInfo, StepRow, StepsChart,
};
use crate::ui::locale::use_texts;

/// "My path": a signed-in person's next step, dreams, steps, achievements
/// and what is coming; for anyone else, what Polku is and promises.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    let journal = fetch(|| (), |_| load_journal_home());
    view! {
        <Layout title=t.home_title>
            <Suspense>
                {Suspend::new(async move {
                    let journal = journal.await.ok().flatten();
                    match journal {
                        Some(mut journal) => {
                            let notices = std::mem::take(&mut journal.recoveries);
                            let meeting = journal.next_meeting.take();
                            let member = journal.is_member;
                            view! {
                                <RecoveryNotice notices/>
                                {meeting.map(|meeting| view! {
                                    <Card id="next-meeting" title=t.next_meeting>
                                        <MeetingInfo meeting/>
                                    </Card>
                                })}
                                <MyPath journal/>
                                {member.then(|| view! {
                                    <a class="button" href="/my-groups">{t.my_groups_title}</a>
                                })}
                            }
                            .into_any()
                        }
                        None => view! { <Welcome/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let t = use_texts();
    view! {
        {query("erased").map(|_| view! { <p class="celebrate" role="status">{t.erased}</p> })}
        <p class="lead">{t.home_lead}</p>
        <Card id="promises" title=t.home_promises_title>
            <ul class="promises">
                {t.home_promises.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
        </Card>
    }
}

#[component]
fn MyPath(journal: JournalHome) -> impl IntoView {
    let t = use_texts();
    let next = match journal.next_step {
        Some(step) => view! {
            <section class="card next-step" aria-labelledby="next-step">
                <h2 id="next-step">{t.my_next_step}</h2>
                <p class="next-title"><a href=format!("/journal/steps/{}", step.id)>{step.title.clone()}</a></p>
                {step.dream.clone().map(|(_, d)| view! { <p class="hint">{t.towards} " " {d}</p> })}
                <form method="post" action=SetStepStatus::url() data-offline="step-done">
                    <input type="hidden" name="id" value=step.id/>
                    <input type="hidden" name="status" value="done"/>
                    <input type="hidden" name="back" value="/?done=1"/>
                    <button type="submit" class="primary big">{t.mark_done}</button>
                </form>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="card next-step" aria-labelledby="next-step">
                <h2 id="next-step">{t.my_next_step}</h2>
                <p class="hint">{t.pick_next_step_hint}</p>
                <a class="button" href="/journal/steps">{t.steps_title}</a>
            </section>
        }
        .into_any(),
    };
    let celebrate = crate::ui::components::query("done")
        .map(|_| view! { <p class="celebrate" role="status">{t.well_done}</p> });
    view! {
        {celebrate}
        {(!journal.notes.is_empty()).then(|| view! {
            <Card id="notes" title=t.notes_for_you>
                {journal
                    .notes
                    .into_iter()
                    .map(|n| {
                        let id = n.feedback.id;
                        view! {
                            <div class="note">
                                <FeedbackList feedback=vec![n.feedback]/>
                                <span class="actions">
                                    <a href=n.item_path>{t.open_item}</a>
                                    <form method="post" action=HideNote::url()>
                                        <input type="hidden" name="id" value=id/>
                                        <button type="submit" class="secondary">{t.note_hide}</button>
                                    </form>
                                </span>
                            </div>
                        }
                    })
                    .collect_view()}
            </Card>
        })}
        {journal
            .sharing_reviews
            .into_iter()
            .map(|(group, name)| view! {
                <section class="card notice" aria-labelledby=format!("review-{group}")>
                    <h2 id=format!("review-{group}")>{t.sharing_review_title}</h2>
                    <p>{name} ": " {t.sharing_review_body}</p>
                    <span class="actions">
                        <a class="button" href="/journal/sharing">{t.sharing_review_look}</a>
                        <form method="post" action=KeepSharing::url()>
                            <input type="hidden" name="group" value=group/>
                            <button type="submit">{t.sharing_review_keep}</button>
                        </form>
                    </span>
                </section>
            })
            .collect_view()}
        {(journal.mentor_proposals > 0).then(|| view! {
            <section class="card notice" aria-labelledby="mentor-proposal">
                <h2 id="mentor-proposal">{t.mentor_proposals_title}</h2>
                <p>{t.mentor_proposal_explain}</p>
                <a class="button" href="/mentoring">{t.mentor_answer}</a>
            </section>
        })}
        {next}
        {journal.checkin_due.then(|| view! {
            <section class="card" aria-labelledby="checkin-due">
                <h2 id="checkin-due">{t.checkin_title}</h2>
                <p>{t.checkin_due}</p>
                <a class="button" href="/journal/checkins">{t.new_checkin}</a>
            </section>
        })}
        <Card id="home-dreams" title=t.dreams_title>
            {journal.dreams.is_empty().then(|| view! { <p class="hint">{t.dream_hint}</p> })}
            <ul class="rows">
                {journal
                    .dreams
                    .into_iter()
                    .map(|d| view! { <li><a href=format!("/journal/dreams/{}", d.id)>{d.title}</a></li> })
                    .collect_view()}
            </ul>
            <a href="/journal/dreams">{t.all_dreams}</a>
        </Card>
        <Card id="home-steps" title=t.steps_open>
            {journal.open_steps.is_empty().then(|| view! { <p class="hint">{t.no_steps_yet}</p> })}
            <ul class="rows">
                {journal
                    .open_steps
                    .into_iter()
                    .map(|step| view! { <StepRow step back="/?done=1".to_owned()/> })
                    .collect_view()}
            </ul>
            <a href="/journal/steps">{t.all_steps}</a>
        </Card>
        <Card id="achievements" title=t.achievements_title>
            {journal.achievements.is_empty().then(|| view! { <p class="hint">{t.achievements_hint}</p> })}
            <ul class="rows">
                {journal
                    .achievements
                    .into_iter()
                    .map(|a| {
                        let href = match a.kind {
                            ItemKind::Milestone => "/journal/milestones".to_owned(),
                            _ => format!("/journal/steps/{}", a.item_id),
                        };
                        view! {
                            <li>
                                <span>"✓ " <a href=href>{a.title}</a></span>
                                <span class="hint">{a.on.to_string()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <StepsChart bars=journal.chart/>
        </Card>
        <nav class="journal-links" aria-label=t.journal_nav>
            <a class="button" href="/journal/reflections">{t.reflections_title}</a>
            <a class="button" href="/journal/milestones">{t.milestones_title}</a>
            <a class="button" href="/journal/checkins">{t.checkins_title}</a>
            <a class="button" href="/journal/skills">{t.skills_title}</a>
            <a class="button" href="/journal/peer-work">{t.peer_work_title}</a>
            <a class="button" href="/journal/sharing">{t.my_sharing_title}</a>
            <a class="button" href="/mentoring">{t.mentoring_title}</a>
        </nav>
    }
}

/// Someone got into this account through a recovery link: the person is
/// told at once, with what to do if it was not them.
#[component]
fn RecoveryNotice(notices: Vec<EventView>) -> impl IntoView {
    let t = use_texts();
    (!notices.is_empty()).then(|| {
        view! {
            <section class="card notice" role="status" aria-labelledby="recovery-notice">
                <h2 id="recovery-notice">{t.recovery_notice_title}</h2>
                {notices
                    .into_iter()
                    .map(|n| {
                        let by = n.by.map(|name| format!(" ({} {name})", t.recovery_made_by));
                        view! { <p>{t.recovery_notice} " " {format_date(n.at)} {by}</p> }
                    })
                    .collect_view()}
                <p>{t.recovery_notice_advice}</p>
                <a class="button" href="/devices">{t.devices_title}</a>
                <form method="post" action=AcknowledgeRecoveries::url()>
                    <button type="submit">{t.recovery_notice_ok}</button>
                </form>
            </section>
        }
    })
}
