//! Server functions, one file per feature. Each is a public HTTP endpoint: it
//! checks who is calling and whether they may, then asks the store.

mod account;
mod devices;
mod invite;
mod locale;

pub use account::{
    begin_join, begin_sign_in, current_user, finish_join, finish_sign_in, sign_out, BeginJoin,
    BeginSignIn, FinishJoin, FinishSignIn, SignOut, SignedIn,
};
pub use devices::{
    end_all_sessions, end_session, my_devices, DeviceList, EndAllSessions, EndSession, MyDevices,
    PasskeyView, SessionView,
};
pub use invite::{check_invite, CheckInvite, InviteStatus};
pub use locale::{set_locale, SetLocale, LOCALE_COOKIE};
