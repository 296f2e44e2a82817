use leptos::prelude::*;

use crate::model::{HelpService, SERVICE_OFFER_MAX, SERVICE_PHONE_MAX, SERVICE_TEXT_MAX};
use crate::ui::locale::use_texts;

/// The fields of a local service, empty or filled in from one.
#[component]
pub fn ServiceFields(key: String, #[prop(optional)] service: Option<HelpService>) -> impl IntoView {
    let t = use_texts();
    let s = service.unwrap_or(HelpService {
        id: 0,
        area_id: 0,
        name: String::new(),
        offer: String::new(),
        address: String::new(),
        hours: String::new(),
        phone: String::new(),
    });
    let id = |field: &str| format!("{field}-{key}");
    let text = SERVICE_TEXT_MAX.to_string();
    view! {
        <label for=id("service-name")>{t.service_name}</label>
        <input id=id("service-name") name="name" required maxlength=text.clone() value=s.name/>
        <label for=id("service-offer")>{t.service_offer}</label>
        <textarea id=id("service-offer") name="offer" rows="2" maxlength=SERVICE_OFFER_MAX.to_string()>
            {s.offer}
        </textarea>
        <label for=id("service-address")>{t.service_address}</label>
        <input id=id("service-address") name="address" maxlength=text.clone() value=s.address/>
        <label for=id("service-hours")>{t.service_hours}</label>
        <input id=id("service-hours") name="hours" maxlength=text value=s.hours/>
        <label for=id("service-phone")>{t.service_phone}</label>
        <input
            id=id("service-phone")
            name="phone"
            type="tel"
            inputmode="tel"
            maxlength=SERVICE_PHONE_MAX.to_string()
            value=s.phone
        />
    }
}
