use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{
    load_area, AreaDetail, CreateFacilitatorInvite, CreateRecovery, RenameArea,
    WithdrawFacilitatorInvite, AREA_NAME_MAX,
};
use crate::ui::components::{
    fetch, loaded, param_id, Card, FormError, GroupList, InviteList, InviteOptions, Layout,
};
use crate::ui::locale::use_texts;

/// One area: its name, the facilitators who work there, invites for new
/// ones, and its groups. Admins only.
#[component]
pub fn AreaPage() -> impl IntoView {
    let t = use_texts();
    let area = fetch(param_id, load_area);
    view! { <Layout title=t.area_title>{loaded(area, |area| view! { <Area area/> })}</Layout> }
}

#[component]
fn Area(area: AreaDetail) -> impl IntoView {
    let t = use_texts();
    let id = area.id;
    view! {
        <h2 class="subtitle">{area.name.clone()}</h2>
        <Card id="facilitators" title=t.facilitators_title>
            <ul class="rows">
                {area
                    .facilitators
                    .into_iter()
                    .map(|f| {
                        view! {
                            <li>
                                <span>{f.display_name}</span>
                                <form method="post" action=CreateRecovery::url()>
                                    <input type="hidden" name="user" value=f.user_id/>
                                    <button type="submit">{t.make_recovery_link}</button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <FormError action=CreateRecovery::url()/>
        </Card>
        <Card id="invite-facilitator" title=t.invite_facilitator_title>
            <form class="stack" method="post" action=CreateFacilitatorInvite::url()>
                <input type="hidden" name="area" value=id/>
                <InviteOptions/>
                <FormError action=CreateFacilitatorInvite::url()/>
                <button type="submit" class="primary">{t.create_invite}</button>
            </form>
            <InviteList
                invites=area.invites
                withdraw=WithdrawFacilitatorInvite::url()
                place_field="area"
                place=id
            />
        </Card>
        <Card id="area-groups" title=t.groups_title>
            <GroupList groups=area.groups/>
        </Card>
        <Card id="rename-area" title=t.rename_area_title>
            <form class="stack" method="post" action=RenameArea::url()>
                <input type="hidden" name="id" value=id/>
                <label for="area-name">{t.area_name}</label>
                <input
                    id="area-name"
                    name="name"
                    required
                    maxlength=AREA_NAME_MAX.to_string()
                    value=area.name
                />
                <FormError action=RenameArea::url()/>
                <button type="submit">{t.save}</button>
            </form>
        </Card>
    }
}
