use leptos::prelude::*;

use crate::model::{Milestone, MILESTONE_DESCRIPTION_MAX, MILESTONE_TITLE_MAX};
use crate::ui::locale::use_texts;

/// The fields of a milestone, empty or filled in from one; `key` keeps the
/// ids of several such forms on one page apart.
#[component]
pub fn MilestoneFields(
    key: String,
    #[prop(optional)] milestone: Option<Milestone>,
) -> impl IntoView {
    let t = use_texts();
    let (title, description, target) = milestone
        .map(|m| {
            (
                m.title,
                m.description,
                m.target_on.map(|d| d.iso()).unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let id = |field: &str| format!("{field}-{key}");
    view! {
        <label for=id("milestone-title")>{t.milestone_title}</label>
        <input
            id=id("milestone-title")
            name="title"
            required
            maxlength=MILESTONE_TITLE_MAX.to_string()
            value=title
        />
        <label for=id("milestone-description")>{t.milestone_description}</label>
        <textarea
            id=id("milestone-description")
            name="description"
            rows="3"
            maxlength=MILESTONE_DESCRIPTION_MAX.to_string()
        >
            {description}
        </textarea>
        <label for=id("milestone-target")>{t.milestone_target}</label>
        <input id=id("milestone-target") name="target_on" type="date" value=target/>
    }
}
