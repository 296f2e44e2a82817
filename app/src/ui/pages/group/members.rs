use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{CreateRecovery, MemberView, RemoveMember};
use crate::model::format_date;
use crate::ui::locale::use_texts;

/// A member: name, role and when they joined; a recovery link and removal
/// where the caller may.
#[component]
pub fn MemberRow(group: i64, m: MemberView) -> impl IntoView {
    let t = use_texts();
    view! {
        <li class="member">
            <span>
                <strong>{m.display_name}</strong>
                <span class="hint">{t.role(m.role)} " · " {t.joined} " " {format_date(m.joined_at)}</span>
                {m.shared.map(|(total, new)| view! {
                    <a class="shared-link" href=format!("/groups/{group}/people/{}", m.user_id)>
                        {t.shared_with_you} " " {total}
                        {(new > 0).then(|| format!(" ({} {new})", t.new_badge))}
                    </a>
                })}
            </span>
            <span class="actions">
                {m
                    .may_recover
                    .then(|| {
                        view! {
                            <form method="post" action=CreateRecovery::url()>
                                <input type="hidden" name="user" value=m.user_id/>
                                <button type="submit">{t.make_recovery_link}</button>
                            </form>
                        }
                    })}
                {m
                    .may_remove
                    .then(|| {
                        view! {
                            <form method="post" action=RemoveMember::url()>
                                <input type="hidden" name="group" value=group/>
                                <input type="hidden" name="membership" value=m.membership_id/>
                                <button type="submit" class="danger">{t.remove_member}</button>
                            </form>
                        }
                    })}
            </span>
        </li>
    }
}
