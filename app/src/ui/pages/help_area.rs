use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{load_area_help, AddService, AreaHelp, RemoveService, UpdateService};
use crate::model::{tel_href, HelpService};
use crate::ui::components::{fetch, loaded, param_id, FormError, Layout, ServiceFields};
use crate::ui::locale::use_texts;
use crate::ui::pages::help::EmergencyHelp;

/// One area's help page: emergency help first, then its services. Those who
/// keep the page can add, change and remove services here.
#[component]
pub fn HelpAreaPage() -> impl IntoView {
    let t = use_texts();
    let help = fetch(param_id, load_area_help);
    view! {
        <Layout title=t.help_title>
            <EmergencyHelp/>
            {loaded(help, |help| view! { <AreaServices help/> })}
        </Layout>
    }
}

#[component]
fn AreaServices(help: AreaHelp) -> impl IntoView {
    let t = use_texts();
    let area = help.id;
    let editing = help.may_edit.then(|| {
        view! {
            <FormError action=UpdateService::url()/>
            <FormError action=RemoveService::url()/>
            {help
                .services
                .clone()
                .into_iter()
                .map(|s| {
                    view! {
                        <details>
                            <summary>{t.edit} " " {s.name.clone()}</summary>
                            <form class="stack" method="post" action=UpdateService::url()>
                                <input type="hidden" name="area" value=area/>
                                <input type="hidden" name="id" value=s.id/>
                                <ServiceFields key=s.id.to_string() service=s.clone()/>
                                <button type="submit">{t.save}</button>
                            </form>
                            <form method="post" action=RemoveService::url()>
                                <input type="hidden" name="area" value=area/>
                                <input type="hidden" name="id" value=s.id/>
                                <button type="submit" class="danger">{t.remove}</button>
                            </form>
                        </details>
                    }
                })
                .collect_view()}
            <details>
                <summary>{t.new_service}</summary>
                <form class="stack" method="post" action=AddService::url()>
                    <input type="hidden" name="area" value=area/>
                    <ServiceFields key="new".to_owned()/>
                    <FormError action=AddService::url()/>
                    <button type="submit" class="primary">{t.add}</button>
                </form>
            </details>
        }
    });
    view! {
        <section class="card" aria-labelledby="services">
            <h2 id="services">{t.services_in} " " {help.name}</h2>
            <Services services=help.services/>
            {editing}
        </section>
    }
}

/// Services as a list: what each offers, when, where, and a number to tap.
#[component]
pub fn Services(services: Vec<HelpService>) -> impl IntoView {
    let t = use_texts();
    if services.is_empty() {
        return view! { <p class="hint">{t.no_services}</p> }.into_any();
    }
    view! {
        <ul class="services">
            {services
                .into_iter()
                .map(|s| {
                    let phone = (!s.phone.is_empty())
                        .then(|| view! { <a class="button" href=tel_href(&s.phone)>{t.call} " " {s.phone.clone()}</a> });
                    view! {
                        <li>
                            <h3>{s.name}</h3>
                            {(!s.offer.is_empty()).then(|| view! { <p>{s.offer}</p> })}
                            {(!s.hours.is_empty()).then(|| view! { <p class="hint">{s.hours}</p> })}
                            {(!s.address.is_empty()).then(|| view! { <p class="hint">{s.address}</p> })}
                            {phone}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
