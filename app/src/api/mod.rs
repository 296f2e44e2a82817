//! Server functions, one file per feature. Each is a public HTTP endpoint: it
//! checks who is calling and whether they may, then asks the store.

mod invite;
mod locale;

pub use invite::{check_invite, CheckInvite, InviteStatus};
pub use locale::{set_locale, SetLocale, LOCALE_COOKIE};
