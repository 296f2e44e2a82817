//! The browser's own base64url against the base64 crate the server uses.

use app::ui::islands::b64url;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;

proptest! {
    #[test]
    fn encodes_as_the_server_decodes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = b64url::encode(&bytes);
        prop_assert_eq!(&text, &URL_SAFE_NO_PAD.encode(&bytes));
        prop_assert_eq!(b64url::decode(&text), Some(bytes));
    }

    #[test]
    fn refuses_what_is_not_base64url(text in "[A-Za-z0-9_+/=.-]{0,40}") {
        prop_assert_eq!(b64url::decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
    }
}
