//! A browser as the server sees it, and the software passkey it holds.

use std::collections::BTreeMap;

use app::store::Store;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use webauthn_authenticator_rs::prelude::Url;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs_proto::{
    AllowCredentials, CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use super::{block_on, Response};

/// The WebAuthn user handle and credential id of a passkey.
#[derive(Clone, Debug, Default)]
pub struct Identity {
    pub handle: Vec<u8>,
    pub credential: Vec<u8>,
}

impl Identity {
    /// The account this passkey belongs to.
    pub fn user_id(&self, store: &Store) -> i64 {
        let webauthn_id = uuid::Uuid::from_slice(&self.handle).unwrap().to_string();
        let credential = URL_SAFE_NO_PAD.encode(&self.credential);
        block_on(store.passkey_for_sign_in(&webauthn_id, &credential))
            .unwrap()
            .expect("the passkey is stored")
            .user_id
    }

    /// The signature counter the server keeps for this passkey.
    pub fn counter(&self, store: &Store) -> u64 {
        let webauthn_id = uuid::Uuid::from_slice(&self.handle).unwrap().to_string();
        let credential = URL_SAFE_NO_PAD.encode(&self.credential);
        let stored = block_on(store.passkey_for_sign_in(&webauthn_id, &credential))
            .unwrap()
            .expect("the passkey is stored");
        let json: serde_json::Value = serde_json::from_str(&stored.passkey).unwrap();
        json["cred"]["counter"].as_u64().unwrap()
    }
}

/// A browser as the server sees it: a cookie jar and a port.
#[derive(Clone)]
pub struct Browser {
    pub port: u16,
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new(port: u16) -> Self {
        Self {
            port,
            cookies: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&mut self, response: &Response) {
        for cookie in response.set_cookies() {
            if let Some((name, value)) = cookie.split_once('=') {
                if value.is_empty() {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
    }

    fn post(&mut self, path: &str, content_type: &str, body: &str) -> Response {
        self.try_post(path, content_type, body).expect("an answer")
    }

    /// As a browser posts from one of the site's own pages; `None` when no
    /// answer came (a server killed meanwhile).
    fn try_post(&mut self, path: &str, content_type: &str, body: &str) -> Option<Response> {
        let origin = format!("http://localhost:{}", self.port);
        let from_here = [
            ("Origin", origin.as_str()),
            ("Sec-Fetch-Site", "same-origin"),
        ];
        self.try_post_from(path, content_type, body, &from_here)
    }

    /// Posts with the given headers saying where the request comes from
    /// (`Origin`, `Sec-Fetch-Site`), carrying this browser's cookies.
    pub fn post_from(
        &mut self,
        path: &str,
        content_type: &str,
        body: &str,
        from: &[(&str, &str)],
    ) -> Response {
        self.try_post_from(path, content_type, body, from)
            .expect("an answer")
    }

    fn try_post_from(
        &mut self,
        path: &str,
        content_type: &str,
        body: &str,
        from: &[(&str, &str)],
    ) -> Option<Response> {
        let cookie = self.cookie_header();
        let mut headers = vec![
            ("Content-Type", content_type),
            ("Accept", "application/json"),
            ("Cookie", &cookie),
        ];
        headers.extend_from_slice(from);
        let response = super::try_request(self.port, "POST", path, &headers, body.as_bytes())?;
        self.keep_cookies(&response);
        Some(response)
    }

    pub fn form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.post(path, FORM, &encode(fields))
    }

    /// Posts a form to a server that may die meanwhile: `None` when no
    /// answer came.
    pub fn try_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Option<Response> {
        self.try_post(path, FORM, &encode(fields))
    }

    /// Posts a form as a browser without JavaScript does: it accepts HTML,
    /// and names the page it came from.
    pub fn html_form(&mut self, path: &str, from: &str, fields: &[(&str, &str)]) -> Response {
        let body = encode(fields);
        let cookie = self.cookie_header();
        let referer = format!("http://localhost:{}{from}", self.port);
        let response = super::post(
            self.port,
            path,
            &[
                ("Content-Type", FORM),
                ("Accept", "text/html"),
                ("Referer", &referer),
                ("Cookie", &cookie),
                ("Sec-Fetch-Site", "same-origin"),
            ],
            body.as_bytes(),
        );
        self.keep_cookies(&response);
        response
    }

    pub fn json(&mut self, path: &str, body: serde_json::Value) -> Response {
        self.post(path, "application/json", &body.to_string())
    }

    pub fn page(&mut self, path: &str) -> String {
        self.get(path).text()
    }

    pub fn get(&mut self, path: &str) -> Response {
        let cookie = self.cookie_header();
        super::get(self.port, path, &[("Cookie", &cookie)])
    }

    pub fn origin(&self) -> Url {
        Url::parse(&format!("http://localhost:{}", self.port)).unwrap()
    }

    pub fn join(&mut self, key: &mut SoftPasskey, code: &str, name: &str) -> Response {
        self.join_as(key, code, name).0
    }

    /// Joins, and tells who the new passkey says it is.
    pub fn join_as(
        &mut self,
        key: &mut SoftPasskey,
        code: &str,
        name: &str,
    ) -> (Response, Identity) {
        self.join_in(key, code, name, "fi")
    }

    /// Joins choosing a language.
    pub fn join_in(
        &mut self,
        key: &mut SoftPasskey,
        code: &str,
        name: &str,
        locale: &str,
    ) -> (Response, Identity) {
        let begun = self.form(
            "/api/join_begin",
            &[("code", code), ("display_name", name), ("locale", locale)],
        );
        self.register(key, begun, "/api/join_finish")
    }

    /// Answers a registration challenge in `begun` with a new passkey on
    /// `key`, and finishes it at `finish`.
    fn register(
        &mut self,
        key: &mut SoftPasskey,
        begun: Response,
        finish: &str,
    ) -> (Response, Identity) {
        if begun.status != 200 {
            return (begun, Identity::default());
        }
        let challenge: CreationChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
        let handle = challenge.public_key.user.id.to_vec();
        let created = key.do_registration(self.origin(), challenge).unwrap();
        let identity = Identity {
            handle,
            credential: created.raw_id.to_vec(),
        };
        let finished = self.json(finish, serde_json::json!({ "credential": created }));
        (finished, identity)
    }

    pub fn finish_join(&mut self, created: &RegisterPublicKeyCredential) -> Response {
        self.json(
            "/api/join_finish",
            serde_json::json!({ "credential": created }),
        )
    }

    /// Signs in as a discoverable-credential authenticator would: the soft
    /// key needs to be told which credential to use, and adds the user handle.
    pub fn sign_in(
        &mut self,
        key: &mut SoftPasskey,
        who: &Identity,
    ) -> (Response, PublicKeyCredential) {
        let begun = self.form("/api/sign_in_begin", &[]);
        assert_eq!(begun.status, 200, "{}", begun.text());
        let mut challenge: RequestChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
        assert!(
            challenge.public_key.allow_credentials.is_empty(),
            "no user name needed"
        );
        challenge.public_key.allow_credentials = vec![AllowCredentials {
            type_: "public-key".into(),
            id: who.credential.clone(),
            transports: None,
        }];
        let mut used = key.do_authentication(self.origin(), challenge).unwrap();
        used.response.user_handle = Some(who.handle.clone());
        let finished = self.json(
            "/api/sign_in_finish",
            serde_json::json!({ "credential": used }),
        );
        (finished, used)
    }
}

impl Browser {
    /// Confirms it is still the signed-in person, with one of their keys.
    pub fn confirm(&mut self, key: &mut SoftPasskey) -> Response {
        self.confirm_as(key, None)
    }

    /// Answers a confirmation with `key` as `who`, even when the server did
    /// not ask for that credential: what an attacker's own key would try.
    pub fn confirm_as(&mut self, key: &mut SoftPasskey, who: Option<&Identity>) -> Response {
        let begun = self.form("/api/confirm_begin", &[]);
        if begun.status != 200 {
            return begun;
        }
        let mut challenge: RequestChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
        if let Some(who) = who {
            challenge.public_key.allow_credentials = vec![AllowCredentials {
                type_: "public-key".into(),
                id: who.credential.clone(),
                transports: None,
            }];
        }
        let used = key.do_authentication(self.origin(), challenge).unwrap();
        self.json(
            "/api/confirm_finish",
            serde_json::json!({ "credential": used }),
        )
    }

    /// Adds a passkey held by `key` to the signed-in account.
    pub fn add_passkey(&mut self, key: &mut SoftPasskey) -> (Response, Identity) {
        let begun = self.form("/api/passkey_add_begin", &[]);
        self.register(key, begun, "/api/passkey_add_finish")
    }

    /// Makes a new passkey from a recovery link, as the new phone would.
    pub fn recover(&mut self, key: &mut SoftPasskey, code: &str) -> (Response, Identity) {
        let begun = self.form("/api/recovery_begin", &[("code", code)]);
        self.register(key, begun, "/api/recovery_finish")
    }
}

/// The code in a `/invite/CODE/share` or `/recover/CODE/share` address a
/// server function sent its caller to.
pub fn shared_code(response: &Response) -> String {
    let location = response.header("location").expect("a redirect");
    location
        .trim_end_matches("/share")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

const FORM: &str = "application/x-www-form-urlencoded";

fn encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
