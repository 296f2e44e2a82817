use leptos::prelude::*;

use crate::model::{format_date, Aspect, FeedbackKind, FeedbackView, SharedContent};
use crate::ui::locale::use_texts;

/// An item as someone it is shared with sees it. The owner's preview uses
/// this same view, so "what they will see" is exactly what they see.
#[component]
pub fn SharedContentView(content: SharedContent) -> impl IntoView {
    let t = use_texts();
    match content {
        SharedContent::Dream {
            title,
            meaning,
            life_area,
        } => view! {
            <p class="shared-kind">{t.dream_title} " · " {t.life_area_name(life_area)}</p>
            <h3>{title}</h3>
            {(!meaning.is_empty()).then(|| view! { <p class="meaning">{meaning}</p> })}
        }
        .into_any(),
        SharedContent::Step {
            title,
            kind,
            status,
            target_on,
            done_on,
        } => view! {
            <p class="shared-kind">{t.step_title} " · " {t.step_kind_name(kind)}</p>
            <h3>{title}</h3>
            <p class="hint">
                {t.step_status_name(status)}
                {done_on.map(|d| format!(" · {} {d}", t.done_on))}
                {target_on.map(|d| format!(" · {} {d}", t.target))}
            </p>
        }
        .into_any(),
        SharedContent::Reflection {
            written_on,
            body,
            mood,
        } => view! {
            <p class="shared-kind">{t.reflection_title} " · " {written_on.to_string()}</p>
            {mood.map(|m| view! { <p class="hint">{t.mood_question} " " {t.mood_name(m)}</p> })}
            <p class="reflection-body">{body}</p>
        }
        .into_any(),
        SharedContent::Milestone {
            title,
            reached_on,
            note,
        } => view! {
            <p class="shared-kind">{t.milestones_title}</p>
            <h3>{title}</h3>
            <p class="reached">"✓ " {t.reached_on} " " {reached_on.to_string()}</p>
            {(!note.is_empty()).then(|| view! { <p>{note}</p> })}
        }
        .into_any(),
        SharedContent::CheckIn {
            checked_on,
            ratings,
            note,
        } => view! {
            <p class="shared-kind">{t.checkin_title} " · " {checked_on.to_string()}</p>
            <dl class="ratings">
                {Aspect::ALL
                    .into_iter()
                    .zip(ratings)
                    .map(|(a, r)| view! { <dt>{t.aspect(a)}</dt><dd>{r} " / 5"</dd> })
                    .collect_view()}
            </dl>
            {(!note.is_empty()).then(|| view! { <p>{note}</p> })}
        }
        .into_any(),
        SharedContent::Skill {
            kind,
            learned_on,
            note,
            confirmed,
        } => view! {
            <p class="shared-kind">{t.skills_title} " · " {learned_on.to_string()}</p>
            <h3>{t.skill_kind(kind)}</h3>
            {confirmed.then(|| view! { <p class="reached">"✓ " {t.skill_confirmed}</p> })}
            {(!note.is_empty()).then(|| view! { <p>{note}</p> })}
        }
        .into_any(),
        SharedContent::PeerWork { kind, done_on } => view! {
            <p class="shared-kind">{t.peer_work_entry} " · " {done_on.to_string()}</p>
            <h3>{t.peer_work_kind(kind)}</h3>
        }
        .into_any(),
    }
}

/// Feedback lines: who, when, and the note (or that they saw it).
#[component]
pub fn FeedbackList(feedback: Vec<FeedbackView>) -> impl IntoView {
    let t = use_texts();
    (!feedback.is_empty()).then(|| {
        view! {
            <ul class="rows feedback">
                {feedback
                    .into_iter()
                    .map(|f| {
                        let who = f.author.unwrap_or_else(|| t.someone_who_left.to_owned());
                        let what = match (f.kind, f.phrase) {
                            (FeedbackKind::Ack, _) => t.feedback_ack.to_owned(),
                            (_, Some(phrase)) if f.body.is_empty() => t.phrase(phrase).to_owned(),
                            (_, Some(phrase)) => format!("{} {}", t.phrase(phrase), f.body),
                            (_, None) => f.body,
                        };
                        view! {
                            <li>
                                <span>
                                    <strong>{who}</strong>
                                    <span class="hint">{format_date(f.at)}</span>
                                    <span class="feedback-body">{what}</span>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
