use leptos::prelude::*;

use crate::api::{check_recovery, RecoveryStatus};
use crate::ui::components::{fetch, loaded, param, Layout};
use crate::ui::islands::RecoverButton;
use crate::ui::locale::use_texts;

/// Opened on the new phone: makes a passkey there for the account.
#[component]
pub fn RecoverPage() -> impl IntoView {
    let t = use_texts();
    let status = fetch(|| param("code"), check_recovery);
    view! {
        <Layout title=t.recover_title>
            {loaded(
                status,
                move |status| match status {
                    RecoveryStatus::Valid { display_name } => {
                        view! {
                            <p>{t.recover_lead} " " <strong>{display_name}</strong></p>
                            <p class="hint">{t.recover_hint}</p>
                            <RecoverButton/>
                        }
                            .into_any()
                    }
                    RecoveryStatus::NotValid => {
                        view! { <p class="invite-invalid">{t.recovery_invalid}</p> }.into_any()
                    }
                },
            )}
        </Layout>
    }
}
