use leptos::prelude::*;

use crate::api::{share_invite, InviteShare};
use crate::model::format_date;
use crate::ui::components::{fetch, loaded, param, Layout, ShareLink};
use crate::ui::locale::use_texts;

/// Hands a new invite over: the person scans the code or gets the link.
/// The code is shown only here; the database keeps its hash.
#[component]
pub fn InviteSharePage() -> impl IntoView {
    let t = use_texts();
    let share = fetch(|| param("code"), share_invite);
    view! {
        <Layout title=t.invite_share_title>
            {loaded(share, |share| view! { <Share share/> })}
        </Layout>
    }
}

#[component]
fn Share(share: InviteShare) -> impl IntoView {
    let t = use_texts();
    view! {
        <p>
            {t.invite_share_lead} " " <strong>{t.role(share.role)}</strong>
            {share.place.map(|p| view! { " · " <strong>{p}</strong> })}
        </p>
        <ShareLink link=share.link/>
        <p class="hint">
            {t.uses_left} " " {share.uses_left} " · " {t.valid_until} " "
            {format_date(share.expires_at)}
        </p>
        <a class="button" href=share.back>{t.back}</a>
    }
}
