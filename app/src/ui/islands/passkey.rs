//! Creating and using a passkey needs the browser's WebAuthn API, so these
//! two are islands. Both end with a full page load to the start page.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::error::AppError;
use crate::i18n::texts;
use crate::model::{Locale, DISPLAY_NAME_MAX};

#[island]
pub fn JoinForm(code: String, locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let name = NodeRef::<Input>::new();
    let ready = hydrated();
    let ceremony = Attempt::new(locale);
    let (busy, error) = (ceremony.busy, ceremony.error);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let display_name = name.get().map(|i| i.value()).unwrap_or_default();
        ceremony.run(browser::join(code.clone(), display_name, locale));
    };
    view! {
        <form class="stack" on:submit=on_submit>
            <label for="display-name">{t.join_name_label}</label>
            <input
                id="display-name"
                name="display_name"
                node_ref=name
                required
                maxlength=DISPLAY_NAME_MAX.to_string()
                autocomplete="nickname"
                aria-describedby="display-name-hint"
            />
            <p id="display-name-hint" class="hint">{t.join_name_hint}</p>
            <p role="alert">{move || error.get()}</p>
            <p class="hint" hidden=move || ready.get()>{t.needs_javascript}</p>
            <button type="submit" class="primary" disabled=move || !ready.get() || busy.get()>
                {move || if busy.get() { t.working } else { t.join_button }}
            </button>
        </form>
    }
}

#[island]
pub fn SignInButton(locale: Locale) -> impl IntoView {
    let t = texts(locale);
    let ready = hydrated();
    let ceremony = Attempt::new(locale);
    let (busy, error) = (ceremony.busy, ceremony.error);
    let on_click = move |_| ceremony.run(browser::sign_in());
    view! {
        <div class="stack">
            <button
                type="button"
                class="primary"
                on:click=on_click
                disabled=move || !ready.get() || busy.get()
            >
                {move || if busy.get() { t.working } else { t.sign_in_button }}
            </button>
            <p role="alert">{move || error.get()}</p>
            <p class="hint" hidden=move || ready.get()>{t.needs_javascript}</p>
        </div>
    }
}

/// One passkey ceremony at a time: busy while it runs, then either the start
/// page or the reason it failed, in the person's language.
#[derive(Clone, Copy)]
struct Attempt {
    locale: Locale,
    busy: RwSignal<bool>,
    error: RwSignal<Option<&'static str>>,
}

impl Attempt {
    fn new(locale: Locale) -> Self {
        Self {
            locale,
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    fn run(self, ceremony: impl Future<Output = Result<(), AppError>> + 'static) {
        self.busy.set(true);
        self.error.set(None);
        spawn_local(async move {
            match ceremony.await {
                Ok(()) => browser::go_home(),
                Err(err) => {
                    self.error.set(Some(err.message(texts(self.locale))));
                    self.busy.set(false);
                }
            }
        });
    }
}

/// False as rendered on the server, true once the island runs in the browser:
/// a passkey button is only enabled when it can work, and without JavaScript
/// the page says why it cannot.
fn hydrated() -> RwSignal<bool> {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    ready
}

/// The WebAuthn calls themselves. On the server these are never run: islands
/// only render there.
#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use webauthn_rs_proto::{PublicKeyCredential, RegisterPublicKeyCredential};

    use super::{AppError, Locale};
    use crate::api::{begin_join, begin_sign_in, finish_join, finish_sign_in};

    fn credentials() -> Result<web_sys::CredentialsContainer, AppError> {
        web_sys::window()
            .map(|w| w.navigator().credentials())
            .ok_or(AppError::Internal)
    }

    pub async fn join(code: String, name: String, locale: Locale) -> Result<(), AppError> {
        let challenge = begin_join(code, name, locale).await?;
        let options: web_sys::CredentialCreationOptions = challenge.into();
        let promise = credentials()?
            .create_with_options(&options)
            .map_err(|_| AppError::PasskeyFailed)?;
        let created = JsFuture::from(promise)
            .await
            .map_err(|_| AppError::PasskeyFailed)?;
        let created: web_sys::PublicKeyCredential = created.unchecked_into();
        finish_join(RegisterPublicKeyCredential::from(created)).await
    }

    pub async fn sign_in() -> Result<(), AppError> {
        let challenge = begin_sign_in().await?;
        let options: web_sys::CredentialRequestOptions = challenge.into();
        let promise = credentials()?
            .get_with_options(&options)
            .map_err(|_| AppError::SignInFailed)?;
        let used = JsFuture::from(promise)
            .await
            .map_err(|_| AppError::SignInFailed)?;
        let used: web_sys::PublicKeyCredential = used.unchecked_into();
        finish_sign_in(PublicKeyCredential::from(used)).await
    }

    pub fn go_home() {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign("/");
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::{AppError, Locale};

    pub async fn join(_code: String, _name: String, _locale: Locale) -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub async fn sign_in() -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub fn go_home() {}
}
