//! Every word the user reads, in Finnish, Swedish and English. Each language
//! is one file filling the same struct, so a missing translation is a
//! compile error rather than a blank on someone's screen.

mod en;
mod fi;
mod sv;

use crate::model::{Locale, Role};

pub struct Texts {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_help: &'static str,
    pub language: &'static str,
    pub change_language: &'static str,
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_promises_title: &'static str,
    pub home_promises: [&'static str; 4],
    pub invite_title: &'static str,
    pub invite_valid: &'static str,
    pub invite_invalid: &'static str,
    pub offline_title: &'static str,
    pub offline_body: &'static str,
    pub try_again: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub role_admin: &'static str,
    pub role_facilitator: &'static str,
    pub role_peer_mentor: &'static str,
    pub role_participant: &'static str,
    pub error_bad_input: &'static str,
    pub error_internal: &'static str,
    pub error_not_signed_in: &'static str,
    pub error_display_name: &'static str,
    pub error_ceremony_expired: &'static str,
    pub error_passkey_failed: &'static str,
    pub error_passkey_taken: &'static str,
    pub error_sign_in_failed: &'static str,
    pub join_name_label: &'static str,
    pub join_name_hint: &'static str,
    pub join_button: &'static str,
    pub working: &'static str,
    pub needs_javascript: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_lead: &'static str,
    pub sign_in_button: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub devices_title: &'static str,
    pub passkeys_title: &'static str,
    pub added: &'static str,
    pub last_used: &'static str,
    pub not_yet: &'static str,
    pub sessions_title: &'static str,
    pub this_device: &'static str,
    pub end_session: &'static str,
    pub end_all_sessions: &'static str,
    pub error_too_many_requests: &'static str,
    pub help_title: &'static str,
    pub help_emergency_title: &'static str,
    pub help_call_112: &'static str,
    pub help_overdose_title: &'static str,
    pub help_overdose_steps: [&'static str; 5],
}

impl Texts {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::Facilitator => self.role_facilitator,
            Role::PeerMentor => self.role_peer_mentor,
            Role::Participant => self.role_participant,
        }
    }
}

pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Fi => &fi::TEXTS,
        Locale::Sv => &sv::TEXTS,
        Locale::En => &en::TEXTS,
    }
}

/// A language's name in that language, as a language switch shows it.
pub fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::Fi => "Suomi",
        Locale::Sv => "Svenska",
        Locale::En => "English",
    }
}
