//! The words of the passkey islands, the only part of Polku that runs in
//! the browser. They are picked out of `Texts` at compile time, so the
//! browser build carries these few dozen strings instead of every word of
//! Polku in three languages.

use super::{en, fi, sv, Texts};
use crate::model::Locale;

pub struct CeremonyTexts {
    pub working: &'static str,
    pub needs_javascript: &'static str,
    pub join_name_label: &'static str,
    pub join_name_hint: &'static str,
    pub join_language: &'static str,
    pub join_button: &'static str,
    pub sign_in_button: &'static str,
    pub confirm_button: &'static str,
    pub add_passkey_button: &'static str,
    pub recover_button: &'static str,
    pub error_bad_input: &'static str,
    pub error_internal: &'static str,
    pub error_not_signed_in: &'static str,
    pub error_display_name: &'static str,
    pub error_ceremony_expired: &'static str,
    pub error_passkey_failed: &'static str,
    pub error_passkey_taken: &'static str,
    pub error_sign_in_failed: &'static str,
    pub error_too_many_requests: &'static str,
    pub error_forbidden: &'static str,
    pub error_not_found: &'static str,
    pub error_needs_confirmation: &'static str,
    pub error_last_passkey: &'static str,
    pub error_name_taken: &'static str,
    pub error_already_member: &'static str,
    pub invite_invalid: &'static str,
    pub recovery_invalid: &'static str,
}

impl CeremonyTexts {
    pub const fn of(t: &Texts) -> Self {
        Self {
            working: t.working,
            needs_javascript: t.needs_javascript,
            join_name_label: t.join_name_label,
            join_name_hint: t.join_name_hint,
            join_language: t.join_language,
            join_button: t.join_button,
            sign_in_button: t.sign_in_button,
            confirm_button: t.confirm_button,
            add_passkey_button: t.add_passkey_button,
            recover_button: t.recover_button,
            error_bad_input: t.error_bad_input,
            error_internal: t.error_internal,
            error_not_signed_in: t.error_not_signed_in,
            error_display_name: t.error_display_name,
            error_ceremony_expired: t.error_ceremony_expired,
            error_passkey_failed: t.error_passkey_failed,
            error_passkey_taken: t.error_passkey_taken,
            error_sign_in_failed: t.error_sign_in_failed,
            error_too_many_requests: t.error_too_many_requests,
            error_forbidden: t.error_forbidden,
            error_not_found: t.error_not_found,
            error_needs_confirmation: t.error_needs_confirmation,
            error_last_passkey: t.error_last_passkey,
            error_name_taken: t.error_name_taken,
            error_already_member: t.error_already_member,
            invite_invalid: t.invite_invalid,
            recovery_invalid: t.recovery_invalid,
        }
    }
}

const FI: CeremonyTexts = CeremonyTexts::of(&fi::TEXTS);
const SV: CeremonyTexts = CeremonyTexts::of(&sv::TEXTS);
const EN: CeremonyTexts = CeremonyTexts::of(&en::TEXTS);

pub fn ceremony_texts(locale: Locale) -> &'static CeremonyTexts {
    match locale {
        Locale::Fi => &FI,
        Locale::Sv => &SV,
        Locale::En => &EN,
    }
}
