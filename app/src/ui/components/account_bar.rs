use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{SignOut, SignedIn};
use crate::ui::locale::use_texts;

/// Who is signed in, with a way out; or the way in.
#[component]
pub fn AccountBar(me: Option<SignedIn>) -> impl IntoView {
    let t = use_texts();
    match me {
        Some(me) => view! {
            <div class="account-bar">
                <span>{t.signed_in_as} " " <strong>{me.display_name}</strong></span>
                <a href="/devices">{t.devices_title}</a>
                <form method="post" action=SignOut::url() data-unsent-warning=t.outbox_sign_out_warning>
                    <button type="submit">{t.sign_out}</button>
                </form>
            </div>
        }
        .into_any(),
        None => view! {
            <div class="account-bar">
                <a class="button" href="/sign-in">{t.sign_in_title}</a>
            </div>
        }
        .into_any(),
    }
}
