//! The only parts of a page that run in the browser. Everything else is
//! rendered on the server and works without JavaScript.

pub mod b64url;
#[cfg(feature = "hydrate")]
mod browser;
mod page;
mod passkey;
#[cfg(any(feature = "hydrate", test))]
mod refusal;

pub use passkey::{AddPasskeyButton, ConfirmButton, JoinForm, RecoverButton, SignInButton};

/// Whether the page at `path` holds an island, and so needs the
/// WebAssembly. Only the passkey pages do; every other page ships none, so
/// a phone on slow 4G downloads nothing it would not run.
pub fn needed_on(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    matches!(
        segments.as_slice(),
        ["sign-in"] | ["devices"] | ["invite", _] | ["recover", _]
    )
}

#[cfg(test)]
mod tests {
    use super::needed_on;

    #[test]
    fn only_the_passkey_pages_need_the_wasm() {
        for path in [
            "/sign-in",
            "/devices",
            "/invite/abc",
            "/recover/xyz",
            "/devices/",
        ] {
            assert!(needed_on(path), "{path}");
        }
        for path in [
            "/",
            "",
            "/journal/reflections",
            "/invite/abc/share",
            "/recover/xyz/share",
            "/invite",
            "/help",
            "/groups/1/people/2",
            "/sign-in/else",
        ] {
            assert!(!needed_on(path), "{path}");
        }
    }
}
