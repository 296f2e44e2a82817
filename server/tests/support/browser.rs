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
        let cookie = self.cookie_header();
        let response = super::post(
            self.port,
            path,
            &[
                ("Content-Type", content_type),
                ("Accept", "application/json"),
                ("Cookie", &cookie),
            ],
            body.as_bytes(),
        );
        self.keep_cookies(&response);
        response
    }

    pub fn form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post(path, "application/x-www-form-urlencoded", &body)
    }

    pub fn json(&mut self, path: &str, body: serde_json::Value) -> Response {
        self.post(path, "application/json", &body.to_string())
    }

    pub fn page(&mut self, path: &str) -> String {
        let cookie = self.cookie_header();
        super::get(self.port, path, &[("Cookie", &cookie)]).text()
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
        let begun = self.form(
            "/api/join_begin",
            &[("code", code), ("display_name", name), ("locale", "fi")],
        );
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
        (self.finish_join(&created), identity)
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
