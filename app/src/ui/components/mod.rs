mod account_bar;
mod bottom_nav;
mod language_switch;
mod layout;

pub use account_bar::AccountBar;
pub use bottom_nav::BottomNav;
pub use language_switch::LanguageSwitch;
pub use layout::Layout;
