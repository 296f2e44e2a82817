use leptos::prelude::*;
use leptos_meta::Title;

use super::{AccountBar, BottomNav, LanguageSwitch};
use crate::ui::locale::use_texts;

/// The frame of every page: a header with the language switch, the page's
/// content, and the bottom navigation within reach of a thumb.
#[component]
pub fn Layout(title: &'static str, children: Children) -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=title/>
        <a class="skip-link" href="#content">{t.skip_to_content}</a>
        <header class="top-bar">
            <a class="brand" href="/">{t.app_name}</a>
            <LanguageSwitch/>
        </header>
        <main id="content" class="page">
            <AccountBar/>
            <h1>{title}</h1>
            {children()}
        </main>
        <BottomNav/>
    }
}
