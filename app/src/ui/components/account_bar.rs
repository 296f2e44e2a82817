use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{current_user, SignOut};
use crate::ui::locale::use_texts;

/// Who is signed in, with a way out; or the way in.
#[component]
pub fn AccountBar() -> impl IntoView {
    let t = use_texts();
    let account = Resource::new(|| (), |_| current_user());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match account.await.ok().flatten() {
                    Some(me) => {
                        view! {
                            <div class="account-bar">
                                <span>{t.signed_in_as} " " <strong>{me.display_name}</strong></span>
                                <a href="/devices">{t.devices_title}</a>
                                <form method="post" action=SignOut::url()>
                                    <button type="submit">{t.sign_out}</button>
                                </form>
                            </div>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <div class="account-bar">
                                <a class="button" href="/sign-in">{t.sign_in_title}</a>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
