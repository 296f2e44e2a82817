use leptos::prelude::*;

use crate::model::{GroupKind, GroupSummary, Phase};
use crate::ui::locale::use_texts;

/// Groups as links, each with its area, kind and phase.
#[component]
pub fn GroupList(groups: Vec<GroupSummary>) -> impl IntoView {
    let t = use_texts();
    if groups.is_empty() {
        return view! { <p class="hint">{t.no_groups}</p> }.into_any();
    }
    view! {
        <ul class="rows">
            {groups
                .into_iter()
                .map(|g| {
                    view! {
                        <li>
                            <a href=format!("/groups/{}", g.id)>{g.name}</a>
                            <span class="hint">
                                {g.area_name} " · " {kind_name(g.kind)} " · " {phase_name(g.phase)}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

pub fn kind_name(kind: GroupKind) -> &'static str {
    let t = use_texts();
    match kind {
        GroupKind::Mixed => t.kind_mixed,
        GroupKind::Women => t.kind_women,
    }
}

pub fn phase_name(phase: Phase) -> &'static str {
    let t = use_texts();
    match phase {
        Phase::Intensive => t.phase_intensive,
        Phase::Monthly => t.phase_monthly,
    }
}
