//! Server functions, one file per feature. Each is a public HTTP endpoint: it
//! checks who is calling and whether they may, then asks the store.

mod account;
mod areas;
#[cfg(feature = "ssr")]
mod context;
mod devices;
mod export;
mod figures;
mod groups;
mod help;
mod invite;
mod journal;
mod links;
mod locale;
mod look;
mod meetings;
mod members;
mod mentoring;
mod milestones;
mod recovery;
mod shared;
mod sharing;
mod wishes;

pub use account::*;
pub use areas::*;
#[cfg(feature = "ssr")]
pub(crate) use context::{server_context, store};
pub use devices::*;
pub use export::*;
pub use figures::*;
pub use groups::*;
pub use help::*;
pub use invite::*;
pub use journal::*;
pub use links::Link;
#[cfg(feature = "ssr")]
pub use locale::{local_path, remember_locale};
pub use locale::{set_locale, SetLocale, LOCALE_COOKIE};
pub use look::*;
pub use meetings::*;
pub use members::*;
pub use mentoring::*;
pub use milestones::*;
pub use recovery::*;
pub use shared::*;
pub use sharing::*;
pub use wishes::*;
