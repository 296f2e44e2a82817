use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_location;

use crate::api::SetLocale;
use crate::i18n::endonym;
use crate::model::Locale;
use crate::ui::locale::{use_locale, use_texts};

/// A plain form: choosing a language is a full page load, with or without
/// JavaScript, and the choice is kept in a cookie on this device.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let current = use_locale();
    let here = use_location().pathname.get_untracked();
    view! {
        <form class="language-switch" method="post" action=SetLocale::url()>
            <input type="hidden" name="next" value=here/>
            <label for="language">{t.language}</label>
            <select id="language" name="locale">
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=l == current>
                                {endonym(l)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit">{t.change_language}</button>
        </form>
    }
}
