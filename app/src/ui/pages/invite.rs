use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{check_invite, AcceptInvite, InviteStatus};
use crate::ui::components::{fetch, loaded, param, FormError, Layout};
use crate::ui::islands::JoinForm;
use crate::ui::locale::use_texts;

/// Opening an invite: a new person chooses a name and makes a passkey; a
/// person already signed in takes it for their own account.
#[component]
pub fn InvitePage() -> impl IntoView {
    let t = use_texts();
    let status = fetch(|| param("code"), check_invite);
    view! {
        <Layout title=t.invite_title>
            {loaded(status, |status| view! { <Invite status/> })}
        </Layout>
    }
}

#[component]
fn Invite(status: InviteStatus) -> impl IntoView {
    let t = use_texts();
    let InviteStatus::Valid {
        role,
        place,
        signed_in,
    } = status
    else {
        return view! { <p class="invite-invalid">{t.invite_invalid}</p> }.into_any();
    };
    let code = param("code");
    let form = if signed_in {
        view! {
            <form class="stack" method="post" action=AcceptInvite::url()>
                <input type="hidden" name="code" value=code/>
                <FormError action=AcceptInvite::url()/>
                <button type="submit" class="primary">{t.invite_accept}</button>
            </form>
        }
        .into_any()
    } else {
        view! { <JoinForm/> }.into_any()
    };
    view! {
        <p class="invite-valid">
            {t.invite_valid} " " <strong>{t.role(role)}</strong>
            {place.map(|p| view! { " · " <strong>{p}</strong> })}
        </p>
        {form}
    }
    .into_any()
}
