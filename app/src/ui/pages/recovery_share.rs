use leptos::prelude::*;

use crate::api::share_recovery;
use crate::ui::components::{fetch, loaded, param, Layout, ShareLink};
use crate::ui::locale::use_texts;

/// Hands a recovery link over while the two meet. It works once, for a
/// quarter of an hour, and gives the facilitator nothing.
#[component]
pub fn RecoverySharePage() -> impl IntoView {
    let t = use_texts();
    let share = fetch(|| param("code"), share_recovery);
    view! {
        <Layout title=t.recovery_share_title>
            {loaded(
                share,
                move |share| {
                    view! {
                        <p>{t.recovery_share_lead} " " <strong>{share.display_name}</strong></p>
                        <ShareLink link=share.link/>
                        <p class="hint">{t.recovery_share_hint}</p>
                    }
                },
            )}
        </Layout>
    }
}
