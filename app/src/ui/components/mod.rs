mod account_bar;
mod bottom_nav;
mod card;
mod language_switch;
mod layout;

pub use account_bar::AccountBar;
pub use bottom_nav::BottomNav;
pub use card::Card;
pub use language_switch::LanguageSwitch;
pub use layout::Layout;
