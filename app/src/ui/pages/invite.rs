use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{check_invite, InviteStatus};
use crate::ui::components::Layout;
use crate::ui::islands::JoinForm;
use crate::ui::locale::{use_locale, use_texts};

#[component]
pub fn InvitePage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let status = Resource::new(
        {
            let code = code.clone();
            move || code.clone()
        },
        check_invite,
    );
    view! {
        <Layout title=t.invite_title>
            <Suspense>
                {move || {
                    let code = code.clone();
                    Suspend::new(async move {
                        match status.await {
                            Ok(InviteStatus::Valid(role)) => {
                                view! {
                                    <p class="invite-valid">
                                        {t.invite_valid} " " <strong>{t.role(role)}</strong>
                                    </p>
                                    <JoinForm code=code locale=locale/>
                                }
                                    .into_any()
                            }
                            Ok(InviteStatus::NotValid) => {
                                view! { <p class="invite-invalid">{t.invite_invalid}</p> }.into_any()
                            }
                            Err(err) => view! { <p role="alert">{err.message(t)}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}
