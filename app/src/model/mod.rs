//! Plain types shared by the server and the browser.

mod account;
mod date;
mod locale;
mod role;

pub use account::{validate_display_name, DISPLAY_NAME_MAX};
pub use date::format_date;
pub use locale::Locale;
pub use role::Role;
