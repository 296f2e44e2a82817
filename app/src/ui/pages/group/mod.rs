mod meetings;
mod members;
mod mentoring;
mod milestones;
mod person;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use meetings::Meetings;
use members::MemberRow;
use mentoring::Mentoring;
use milestones::Milestones;
pub use person::SharedPersonPage;

use crate::api::{
    load_group, AssignFacilitator, CreateGroupInvite, CreateRecovery, GroupDetail, RemoveMember,
    SetSwitchDate, WithdrawGroupInvite,
};
use crate::model::Role;
use crate::ui::components::{
    fetch, kind_name, loaded, param_id, phase_name, Card, FormError, InviteList, InviteOptions,
    Layout,
};
use crate::ui::locale::use_texts;

/// One group for the people who run it: its phase, its members (names and
/// roles only), invites, and its facilitators.
#[component]
pub fn GroupPage() -> impl IntoView {
    let t = use_texts();
    let detail = fetch(param_id, load_group);
    view! { <Layout title=t.group_title>{loaded(detail, |detail| view! { <Group detail/> })}</Layout> }
}

#[component]
fn Group(detail: GroupDetail) -> impl IntoView {
    let t = use_texts();
    let g = detail.group;
    let id = g.id;
    let colleagues = (!detail.colleagues.is_empty()).then(|| {
        view! {
            <form class="stack" method="post" action=AssignFacilitator::url()>
                <input type="hidden" name="group" value=id/>
                <label for="assign-user">{t.assign_facilitator}</label>
                <select id="assign-user" name="user">
                    {detail
                        .colleagues
                        .into_iter()
                        .map(|p| view! { <option value=p.user_id>{p.display_name}</option> })
                        .collect_view()}
                </select>
                <FormError action=AssignFacilitator::url()/>
                <button type="submit">{t.add}</button>
            </form>
        }
    });
    let mentoring = detail
        .mentor_links
        .map(|links| view! { <Mentoring group=id members=detail.members.clone() links/> });
    view! {
        <h2 class="subtitle">{g.name}</h2>
        <p class="hint">
            {g.area_name} " · " {kind_name(g.kind)} " · " {t.group_starts} " " {g.starts_on.to_string()}
        </p>
        <Card id="phase" title=t.phase_title>
            <p>
                <strong>{phase_name(g.phase)}</strong>
                " · " {t.monthly_from} " " {g.monthly_from.to_string()}
            </p>
            <form class="stack" method="post" action=SetSwitchDate::url()>
                <input type="hidden" name="group" value=id/>
                <label for="switch-date">{t.move_switch}</label>
                <input
                    id="switch-date"
                    name="monthly_from"
                    type="date"
                    required
                    min=g.starts_on.iso()
                    value=g.monthly_from.iso()
                />
                <FormError action=SetSwitchDate::url()/>
                <button type="submit">{t.save}</button>
            </form>
        </Card>
        <Card id="members" title=t.members_title>
            <FormError action=RemoveMember::url()/>
            <FormError action=CreateRecovery::url()/>
            <ul class="rows">
                {detail.members.into_iter().map(|m| view! { <MemberRow group=id m/> }).collect_view()}
            </ul>
            {colleagues}
        </Card>
        {mentoring}
        <p><a class="button" href=format!("/groups/{id}/wishes")>{t.wishes_title}</a></p>
        <Milestones group=id milestones=detail.milestones/>
        <Meetings group=id meetings=detail.meetings/>
        <Card id="invite" title=t.invite_members_title>
            <form class="stack" method="post" action=CreateGroupInvite::url()>
                <input type="hidden" name="group" value=id/>
                <label for="invite-role">{t.invite_role}</label>
                <select id="invite-role" name="role">
                    {[Role::Participant, Role::PeerMentor]
                        .into_iter()
                        .map(|r| view! { <option value=r.as_str()>{t.role(r)}</option> })
                        .collect_view()}
                </select>
                <InviteOptions/>
                <FormError action=CreateGroupInvite::url()/>
                <button type="submit" class="primary">{t.create_invite}</button>
            </form>
            <InviteList
                invites=detail.invites
                withdraw=WithdrawGroupInvite::url()
                place_field="group"
                place=id
            />
        </Card>
    }
}
