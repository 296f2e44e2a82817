use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{my_path_choices, my_path_sheet};
use crate::model::{Dream, MarkRecord, PathSheet, Skill, Step};
use crate::ui::components::{fetch, loaded, query, today, Layout};
use crate::ui::locale::use_texts;

/// "My path on paper": the person picks dreams, steps, skills and
/// milestones (a plain GET form), and gets a page of only those, to print
/// or to show a study or employment adviser. `?show=1` is the sheet.
#[component]
pub fn MyPathPage() -> impl IntoView {
    let t = use_texts();
    let picked = use_query_map()
        .get_untracked()
        .get_all("item")
        .unwrap_or_default();
    let content = if query("show").is_some() {
        let list = picked.join(",");
        let sheet = fetch(move || list.clone(), my_path_sheet);
        loaded(sheet, move |sheet| {
            view! { <Sheet sheet picked=picked.clone()/> }
        })
        .into_any()
    } else {
        let choices = fetch(|| (), |_| my_path_choices());
        loaded(choices, move |all| {
            view! { <Picker all picked=picked.clone()/> }
        })
        .into_any()
    };
    view! {
        <Layout title=t.path_title>
            {content}
            // Shown with the "confirm first" message: the confirmation is there.
            <a class="button no-print" href="/devices#export">{t.devices_title}</a>
        </Layout>
    }
}

/// The form: a box for each thing that could go on the page.
#[component]
fn Picker(all: PathSheet, picked: Vec<String>) -> impl IntoView {
    let t = use_texts();
    if all.is_empty() {
        return view! { <p>{t.path_empty}</p> }.into_any();
    }
    let boxes = move |title: &'static str, rows: Vec<(i64, String)>| {
        let picked = picked.clone();
        (!rows.is_empty()).then(|| {
            view! {
                <fieldset class="card">
                    <legend>{title}</legend>
                    {rows
                        .into_iter()
                        .map(|(id, label)| {
                            let on = picked.contains(&id.to_string());
                            view! {
                                <label class="choice">
                                    <input type="checkbox" name="item" value=id checked=on/>
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        })
    };
    let dreams = all.dreams.into_iter().map(|d| (d.id, d.title)).collect();
    let steps = all.steps.into_iter().map(|s| (s.id, s.title)).collect();
    let skills = all
        .skills
        .into_iter()
        .map(|s| (s.id, format!("{} ({})", t.skill_kind(s.kind), s.learned_on)))
        .collect();
    let milestones = all
        .milestones
        .into_iter()
        .map(|m| (m.id, format!("{} ({})", m.milestone, m.reached_on)))
        .collect();
    view! {
        <p class="lead">{t.path_lead}</p>
        <form class="stack" method="get" action="/my-path">
            <input type="hidden" name="show" value="1"/>
            {boxes(t.dreams_title, dreams)}
            {boxes(t.steps_title, steps)}
            {boxes(t.skills_title, skills)}
            {boxes(t.milestones_title, milestones)}
            <button type="submit" class="primary">{t.path_make}</button>
        </form>
    }
    .into_any()
}

/// The page to print: only what was picked, in plain words.
#[component]
fn Sheet(sheet: PathSheet, picked: Vec<String>) -> impl IntoView {
    let t = use_texts();
    let change = format!(
        "/my-path?{}",
        picked
            .iter()
            .map(|id| format!("item={id}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    let nothing = sheet
        .is_empty()
        .then(|| view! { <p role="alert">{t.path_nothing}</p> });
    view! {
        <div class="path-actions no-print">
            <a class="button" href=change>{t.path_change}</a>
            // Shown by print.js; without it, the browser's own Print works.
            <button type="button" class="primary" data-print="" hidden>{t.path_print}</button>
        </div>
        <article class="path-sheet">
            <p class="hint">{t.path_made_on} " " {today().to_string()}</p>
            {nothing}
            <Section title=t.dreams_title rows=sheet.dreams.into_iter().map(dream_row).collect()/>
            <Section title=t.steps_title rows=sheet.steps.into_iter().map(step_row).collect()/>
            <Section title=t.skills_title rows=sheet.skills.into_iter().map(skill_row).collect()/>
            <Section
                title=t.milestones_title
                rows=sheet.milestones.into_iter().map(milestone_row).collect()
            />
        </article>
        <script src="/print.js" defer></script>
    }
}

/// A heading and its lines; nothing at all when there are none.
#[component]
fn Section(title: &'static str, rows: Vec<AnyView>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <section class="path-section">
                <h2>{title}</h2>
                <ul class="rows">{rows}</ul>
            </section>
        }
    })
}

fn dream_row(d: Dream) -> AnyView {
    let t = use_texts();
    view! {
        <li class="path-item">
            <strong>{d.title}</strong>
            <span class="hint">{t.life_area_name(d.life_area)}</span>
            {(!d.meaning.is_empty()).then(move || view! { <p>{d.meaning}</p> })}
        </li>
    }
    .into_any()
}

fn step_row(s: Step) -> AnyView {
    let t = use_texts();
    let when = match (s.done_on, s.target_on) {
        (Some(done), _) => format!(" · {} {done}", t.done_on),
        (None, Some(target)) => format!(" · {} {target}", t.target),
        (None, None) => String::new(),
    };
    view! {
        <li class="path-item">
            <strong>{s.title}</strong>
            <span class="hint">
                {t.step_kind_name(s.kind)} " · " {t.step_status_name(s.status)} {when}
            </span>
        </li>
    }
    .into_any()
}

fn skill_row(s: Skill) -> AnyView {
    let t = use_texts();
    let confirmed = s
        .confirmed
        .is_some()
        .then(|| format!(" · {}", t.skill_confirmed));
    view! {
        <li class="path-item">
            <strong>{t.skill_kind(s.kind)}</strong>
            <span class="hint">{t.learned_on} " " {s.learned_on.to_string()} {confirmed}</span>
        </li>
    }
    .into_any()
}

fn milestone_row(m: MarkRecord) -> AnyView {
    let t = use_texts();
    view! {
        <li class="path-item">
            <strong>{m.milestone}</strong>
            <span class="hint">{t.reached_on} " " {m.reached_on.to_string()}</span>
        </li>
    }
    .into_any()
}
