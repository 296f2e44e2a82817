//! The only parts of a page that run in the browser. Everything else is
//! rendered on the server and works without JavaScript.

mod passkey;

pub use passkey::{AddPasskeyButton, ConfirmButton, JoinForm, RecoverButton, SignInButton};
