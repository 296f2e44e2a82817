//! Plain types shared by the server and the browser.

mod locale;
mod role;

pub use locale::Locale;
pub use role::Role;
