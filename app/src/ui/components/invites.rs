use leptos::prelude::*;

use crate::api::{InviteView, INVITE_DAYS_MAX, INVITE_USES_MAX};
use crate::model::format_date;
use crate::ui::locale::use_texts;

/// How many people an invite lets in, and for how many days.
#[component]
pub fn InviteOptions() -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="row-fields">
            <span class="field">
                <label for="invite-uses">{t.invite_uses}</label>
                <input
                    id="invite-uses"
                    name="uses"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=INVITE_USES_MAX.to_string()
                    value="1"
                    required
                />
            </span>
            <span class="field">
                <label for="invite-days">{t.invite_days}</label>
                <input
                    id="invite-days"
                    name="valid_days"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max=INVITE_DAYS_MAX.to_string()
                    value="7"
                    required
                />
            </span>
        </div>
    }
}

/// Invites that can still be used, each with a way to withdraw it. The code
/// itself is not shown again: only its hash is kept.
#[component]
pub fn InviteList(
    invites: Vec<InviteView>,
    withdraw: &'static str,
    place_field: &'static str,
    place: i64,
) -> impl IntoView {
    let t = use_texts();
    (!invites.is_empty()).then(|| {
        view! {
            <h3>{t.open_invites}</h3>
            <ul class="rows">
                {invites
                    .into_iter()
                    .map(|i| {
                        view! {
                            <li>
                                <span>
                                    {t.role(i.role)}
                                    <span class="hint">
                                        {t.uses_left} " " {i.uses_left} " · " {t.valid_until} " "
                                        {format_date(i.expires_at)}
                                    </span>
                                </span>
                                <form method="post" action=withdraw>
                                    <input type="hidden" name=place_field value=place/>
                                    <input type="hidden" name="id" value=i.id/>
                                    <button type="submit">{t.withdraw}</button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
