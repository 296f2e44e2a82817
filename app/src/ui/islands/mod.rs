//! The only parts of a page that run in the browser. Everything else is
//! rendered on the server and works without JavaScript.

pub mod b64url;
#[cfg(feature = "hydrate")]
mod browser;
mod passkey;

pub use passkey::{AddPasskeyButton, ConfirmButton, JoinForm, RecoverButton, SignInButton};
