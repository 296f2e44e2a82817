use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::model::touch_icon;
use crate::ui::locale::use_texts;

/// What the browser tab and the home screen show of a page: Polku's name
/// and icon, or, for a person who asked, a neutral name and icon and no
/// page name in the title. The manifest is the person's own.
#[component]
pub fn HomeScreenLook(neutral: bool) -> impl IntoView {
    let t = use_texts();
    let icon = touch_icon(neutral);
    let name = if neutral {
        t.neutral_app_name
    } else {
        t.app_name
    };
    view! {
        // Browsers fetch a manifest without cookies unless told to.
        <Link rel="manifest" href="/api/manifest.webmanifest" crossorigin="use-credentials"/>
        <Link rel="icon" type_="image/png" sizes="192x192" href=icon/>
        <Link rel="apple-touch-icon" href=icon/>
        <Meta name="apple-mobile-web-app-title" content=name/>
        {if neutral {
            view! { <Title formatter=move |_: String| name.to_owned()/> }.into_any()
        } else {
            view! { <Meta name="description" content=t.home_lead/> }.into_any()
        }}
    }
}
