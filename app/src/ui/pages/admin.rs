use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{areas, AreaView, CreateArea, AREA_NAME_MAX};
use crate::ui::components::{fetch, loaded, Card, FormError, Layout};
use crate::ui::locale::use_texts;

/// The organisation: its areas (towns). Admins only.
#[component]
pub fn AdminPage() -> impl IntoView {
    let t = use_texts();
    let areas = fetch(|| (), |_| areas());
    view! { <Layout title=t.admin_title>{loaded(areas, |areas| view! { <Areas areas/> })}</Layout> }
}

#[component]
fn Areas(areas: Vec<AreaView>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="areas" title=t.areas_title>
            <ul class="rows">
                {areas
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li>
                                <a href=format!("/admin/areas/{}", a.id)>{a.name}</a>
                                <span class="hint">
                                    {t.groups_count} " " {a.groups} " · " {t.facilitators_count} " "
                                    {a.facilitators}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Card>
        <Card id="new-area" title=t.new_area_title>
            <form class="stack" method="post" action=CreateArea::url()>
                <label for="area-name">{t.area_name}</label>
                <input id="area-name" name="name" required maxlength=AREA_NAME_MAX.to_string()/>
                <FormError action=CreateArea::url()/>
                <button type="submit" class="primary">{t.create}</button>
            </form>
        </Card>
        <a class="button" href="/groups">{t.groups_title}</a>
    }
}
