mod devices;
mod help;
mod home;
mod invite;
mod not_found;
mod offline;
mod sign_in;

pub use devices::DevicesPage;
pub use help::HelpPage;
pub use home::HomePage;
pub use invite::InvitePage;
pub use not_found::NotFoundPage;
pub use offline::OfflinePage;
pub use sign_in::SignInPage;
