//! Creating and using a passkey needs the browser's WebAuthn API, so these
//! are islands: the only parts of Polku that run in the browser. Each ends
//! with a full page load.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::html::{Input, Select};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::page;
use crate::error::AppError;
use crate::i18n::{ceremony_texts, endonym};
use crate::model::{Locale, DISPLAY_NAME_MAX};

#[island]
pub fn JoinForm() -> impl IntoView {
    let locale = page::locale();
    let t = ceremony_texts(locale);
    let name = NodeRef::<Input>::new();
    let language = NodeRef::<Select>::new();
    let ceremony = Attempt::new(locale, "/");
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let display_name = name.get().map(|i| i.value()).unwrap_or_default();
        let chosen = language
            .get()
            .and_then(|s| Locale::parse(&s.value()))
            .unwrap_or(locale);
        ceremony.run(browser::join(display_name, chosen));
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
            <label for="join-language">{t.join_language}</label>
            <select id="join-language" name="locale" node_ref=language>
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=l == locale>
                                {endonym(l)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {ceremony.status(t.join_button)}
        </form>
    }
}

#[island]
pub fn SignInButton() -> impl IntoView {
    let locale = page::locale();
    let ceremony = Attempt::new(locale, "/");
    ceremony.button(ceremony_texts(locale).sign_in_button, browser::sign_in)
}

/// Proves it is still you, then shows the page again with the actions that
/// needed it open.
#[island]
pub fn ConfirmButton() -> impl IntoView {
    let locale = page::locale();
    let ceremony = Attempt::new(locale, "/devices");
    ceremony.button(ceremony_texts(locale).confirm_button, browser::confirm)
}

/// Adds a passkey on this device, asking for a confirmation first if the
/// last one is too old.
#[island]
pub fn AddPasskeyButton() -> impl IntoView {
    let locale = page::locale();
    let ceremony = Attempt::new(locale, "/devices");
    ceremony.button(
        ceremony_texts(locale).add_passkey_button,
        browser::add_passkey,
    )
}

/// Makes a new passkey from a recovery link.
#[island]
pub fn RecoverButton() -> impl IntoView {
    let locale = page::locale();
    let ceremony = Attempt::new(locale, "/");
    ceremony.button(ceremony_texts(locale).recover_button, browser::recover)
}

/// One passkey ceremony at a time: busy while it runs, then either the next
/// page or the reason it failed, in the person's language.
#[derive(Clone, Copy)]
struct Attempt {
    locale: Locale,
    then: &'static str,
    busy: RwSignal<bool>,
    error: RwSignal<Option<&'static str>>,
    /// False as rendered on the server, true once the island runs: a
    /// passkey button is only enabled when it can work, and without
    /// JavaScript the page says why it cannot.
    ready: RwSignal<bool>,
}

impl Attempt {
    fn new(locale: Locale, then: &'static str) -> Self {
        let ready = RwSignal::new(false);
        Effect::new(move |_| ready.set(true));
        Self {
            locale,
            then,
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            ready,
        }
    }

    fn run(self, ceremony: impl Future<Output = Result<(), AppError>> + 'static) {
        self.busy.set(true);
        self.error.set(None);
        spawn_local(async move {
            match ceremony.await {
                Ok(()) => browser::go(self.then),
                Err(err) => {
                    self.error
                        .set(Some(err.ceremony_message(ceremony_texts(self.locale))));
                    self.busy.set(false);
                }
            }
        });
    }

    /// The submit button of a form, with its error and the no-JavaScript hint.
    fn status(self, label: &'static str) -> impl IntoView {
        let t = ceremony_texts(self.locale);
        let (busy, ready) = (self.busy, self.ready);
        view! {
            <p role="alert">{move || self.error.get()}</p>
            <p class="hint" hidden=move || ready.get()>{t.needs_javascript}</p>
            <button type="submit" class="primary" disabled=move || !ready.get() || busy.get()>
                {move || if busy.get() { t.working } else { label }}
            </button>
        }
    }

    /// A button that runs `ceremony` when tapped.
    fn button<F, Fut>(self, label: &'static str, ceremony: F) -> impl IntoView
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<(), AppError>> + 'static,
    {
        let t = ceremony_texts(self.locale);
        let (busy, ready) = (self.busy, self.ready);
        view! {
            <div class="stack">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| self.run(ceremony())
                    disabled=move || !ready.get() || busy.get()
                >
                    {move || if busy.get() { t.working } else { label }}
                </button>
                <p role="alert">{move || self.error.get()}</p>
                <p class="hint" hidden=move || ready.get()>{t.needs_javascript}</p>
            </div>
        }
    }
}

#[cfg(feature = "hydrate")]
use super::browser;

/// On the server the islands only render; their calls are never made.
#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::{AppError, Locale};

    pub async fn join(_name: String, _locale: Locale) -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub async fn sign_in() -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub async fn confirm() -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub async fn add_passkey() -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub async fn recover() -> Result<(), AppError> {
        Err(AppError::Internal)
    }

    pub fn go(_path: &str) {}
}
