//! Full passkey round trips against the real server, with a software
//! authenticator, on SQLite and on PostgreSQL.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use app::model::Role;
use app::store::{NewInvite, Store};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sqlx::Connection;
use support::{postgres_url, site_root, Response, Server};
use webauthn_authenticator_rs::prelude::Url;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs_proto::{
    AllowCredentials, CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

/// The WebAuthn user handle and credential id of a passkey.
#[derive(Clone, Debug, Default)]
struct Identity {
    handle: Vec<u8>,
    credential: Vec<u8>,
}

impl Identity {
    /// The signature counter the server keeps for this passkey.
    fn counter(&self, store: &Store) -> u64 {
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
struct Browser {
    port: u16,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    fn new(port: u16) -> Self {
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
        let response = support::post(
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

    fn form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.post(path, "application/x-www-form-urlencoded", &body)
    }

    fn json(&mut self, path: &str, body: serde_json::Value) -> Response {
        self.post(path, "application/json", &body.to_string())
    }

    fn page(&mut self, path: &str) -> String {
        let cookie = self.cookie_header();
        support::get(self.port, path, &[("Cookie", &cookie)]).text()
    }

    fn origin(&self) -> Url {
        Url::parse(&format!("http://localhost:{}", self.port)).unwrap()
    }

    fn join(&mut self, key: &mut SoftPasskey, code: &str, name: &str) -> Response {
        self.join_as(key, code, name).0
    }

    /// Joins, and tells who the new passkey says it is.
    fn join_as(&mut self, key: &mut SoftPasskey, code: &str, name: &str) -> (Response, Identity) {
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

    fn finish_join(&mut self, created: &RegisterPublicKeyCredential) -> Response {
        self.json(
            "/api/join_finish",
            serde_json::json!({ "credential": created }),
        )
    }

    /// Signs in as a discoverable-credential authenticator would: the soft
    /// key needs to be told which credential to use, and adds the user handle.
    fn sign_in(
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

/// Runs `test` against a server on a fresh SQLite file and on a fresh
/// PostgreSQL schema.
async fn on_each_database<F: Fn(Server, Store)>(test: F) {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let sqlite = format!("sqlite://{}/polku.db", dir.path().display());
    let store = Store::connect(&sqlite).await.unwrap();
    store.migrate().await.unwrap();
    test(Server::start(&sqlite, &site), store);

    let base = postgres_url();
    let schema = format!("srv_{}_{}", std::process::id(), rand_suffix());
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .expect("PostgreSQL answers");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options[search_path]={schema}");
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    test(Server::start(&url, &site), store.clone());
    store.close().await;
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut admin)
        .await
        .unwrap();
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))
}

fn invite(store: &Store, role: Role, uses: u32, valid_for: Duration) -> String {
    block_on(store.create_invite(NewInvite {
        role,
        uses,
        valid_for,
    }))
    .unwrap()
    .0
}

const DAY: Duration = Duration::from_secs(86_400);

#[tokio::test(flavor = "multi_thread")]
async fn join_sign_out_and_sign_in_again_with_a_passkey() {
    on_each_database(|server, store| {
        let code = invite(&store, Role::Participant, 1, DAY);
        let mut phone = Browser::new(server.port);
        let mut key = SoftPasskey::new(true);

        let (joined, me) = phone.join_as(&mut key, &code, "Aurinko");
        assert_eq!(joined.status, 200, "{}", joined.text());
        assert!(phone.cookies.contains_key("polku_session"));
        assert!(
            phone.page("/").contains("Aurinko"),
            "signed in after joining"
        );

        let out = phone.form("/api/sign_out", &[]);
        assert!(out.status < 400);
        assert!(!phone.cookies.contains_key("polku_session"));
        assert!(!phone.page("/").contains("Aurinko"), "signed out");

        let (signed_in, _) = phone.sign_in(&mut key, &me);
        assert_eq!(signed_in.status, 200, "{}", signed_in.text());
        assert!(phone.page("/").contains("Aurinko"), "signed in again");
        let first = me.counter(&store);
        assert!(first >= 1, "the signature counter is stored");

        let mut laptop = Browser::new(server.port);
        let (again, _) = laptop.sign_in(&mut key, &me);
        assert_eq!(again.status, 200);
        assert!(me.counter(&store) > first, "the counter moves on");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_replayed_ceremony_is_refused() {
    on_each_database(|server, store| {
        let code = invite(&store, Role::Participant, 5, DAY);
        let mut phone = Browser::new(server.port);
        let mut key = SoftPasskey::new(true);
        let begun = phone.form(
            "/api/join_begin",
            &[("code", &code), ("display_name", "Kuu"), ("locale", "sv")],
        );
        let challenge: CreationChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
        let me = Identity {
            handle: challenge.public_key.user.id.to_vec(),
            credential: Vec::new(),
        };
        let created = key.do_registration(phone.origin(), challenge).unwrap();
        let me = Identity {
            credential: created.raw_id.to_vec(),
            ..me
        };
        assert_eq!(phone.finish_join(&created).status, 200);
        let replay = phone.finish_join(&created);
        assert!(replay.status >= 400);
        assert!(
            replay.text().contains("CeremonyExpired"),
            "{}",
            replay.text()
        );

        // A sign-in answer cannot be used twice either.
        let (first, used) = phone.sign_in(&mut key, &me);
        assert_eq!(first.status, 200);
        let replay = phone.json(
            "/api/sign_in_finish",
            serde_json::json!({ "credential": used }),
        );
        assert!(replay.status >= 400);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_passkey_made_for_another_origin_is_refused() {
    on_each_database(|server, store| {
        let code = invite(&store, Role::Participant, 1, DAY);
        let mut phone = Browser::new(server.port);
        let mut key = SoftPasskey::new(true);
        let begun = phone.form(
            "/api/join_begin",
            &[("code", &code), ("display_name", "Tähti"), ("locale", "en")],
        );
        let challenge: CreationChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
        let elsewhere = Url::parse(&format!("http://localhost:{}", server.port + 1)).unwrap();
        let created = key.do_registration(elsewhere, challenge).unwrap();
        let finished = phone.finish_join(&created);
        assert!(finished.status >= 400);
        assert!(
            finished.text().contains("PasskeyFailed"),
            "{}",
            finished.text()
        );
        assert!(!phone.cookies.contains_key("polku_session"));
        // The invite was not used up by the failed attempt.
        assert!(block_on(store.open_invite(&code)).unwrap().is_some());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn expired_used_up_and_unknown_invites_get_the_same_answer() {
    on_each_database(|server, store| {
        let used_up = invite(&store, Role::Participant, 1, DAY);
        let expired = invite(&store, Role::Participant, 1, Duration::ZERO);
        let mut first = Browser::new(server.port);
        assert_eq!(
            first
                .join(&mut SoftPasskey::new(true), &used_up, "Eka")
                .status,
            200
        );

        let mut answers = Vec::new();
        for code in [
            used_up.as_str(),
            expired.as_str(),
            "no-such-invite-code-at-all",
        ] {
            let mut browser = Browser::new(server.port);
            let response = browser.join(&mut SoftPasskey::new(true), code, "Toka");
            answers.push((response.status, response.text()));
        }
        assert!(answers[0].0 >= 400);
        assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_display_name_changes_nothing() {
    on_each_database(|server, store| {
        let code = invite(&store, Role::Participant, 1, DAY);
        let mut browser = Browser::new(server.port);
        let response = browser.join(&mut SoftPasskey::new(true), &code, &"x".repeat(41));
        assert!(response.status >= 400);
        assert!(response.text().contains("InvalidDisplayName"));
        assert!(
            block_on(store.open_invite(&code)).unwrap().is_some(),
            "invite untouched"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn anonymous_callers_are_nobody() {
    on_each_database(|server, _store| {
        let mut browser = Browser::new(server.port);
        let me = browser.form("/api/current_user", &[]);
        assert_eq!(me.status, 200);
        assert_eq!(me.text(), "null");
        // A made-up session cookie is nobody too.
        browser
            .cookies
            .insert("polku_session".into(), "made-up".into());
        assert_eq!(browser.form("/api/current_user", &[]).text(), "null");
        // Finishing a ceremony that was never begun is refused.
        let finished = browser.json(
            "/api/sign_in_finish",
            serde_json::json!({ "credential": {} }),
        );
        assert!(finished.status >= 400);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn my_devices_shows_only_my_own_and_needs_a_session() {
    on_each_database(|server, store| {
        let mut nobody = Browser::new(server.port);
        for path in ["/api/devices", "/api/session_end", "/api/sessions_end_all"] {
            let refused = nobody.form(path, &[("id", "x")]);
            assert!(refused.status >= 400, "{path} without a session");
            assert!(
                refused.text().contains("NotSignedIn"),
                "{path}: {}",
                refused.text()
            );
        }

        let code = invite(&store, Role::Participant, 2, DAY);
        let mut key = SoftPasskey::new(true);
        let mut phone = Browser::new(server.port);
        let (_, me) = phone.join_as(&mut key, &code, "Aurinko");
        let mut laptop = Browser::new(server.port);
        assert_eq!(laptop.sign_in(&mut key, &me).0.status, 200);
        let mut other = Browser::new(server.port);
        other.join(&mut SoftPasskey::new(true), &code, "Kuu");

        let listed: serde_json::Value =
            serde_json::from_slice(&phone.form("/api/devices", &[]).body).unwrap();
        assert_eq!(listed["passkeys"].as_array().unwrap().len(), 1);
        let sessions = listed["sessions"].as_array().unwrap();
        assert_eq!(
            sessions.len(),
            2,
            "phone and laptop, not the other person's"
        );
        assert_eq!(
            sessions.iter().filter(|s| s["this_device"] == true).count(),
            1
        );

        // Someone else's session id does nothing.
        let theirs: serde_json::Value =
            serde_json::from_slice(&other.form("/api/devices", &[]).body).unwrap();
        let their_id = theirs["sessions"][0]["id"].as_str().unwrap().to_owned();
        phone.form("/api/session_end", &[("id", &their_id)]);
        assert!(
            other.page("/").contains("Kuu"),
            "the other person stays signed in"
        );

        // Signing out everywhere ends the laptop's session too.
        phone.form("/api/sessions_end_all", &[]);
        assert!(!laptop.page("/").contains("Aurinko"));
        assert!(!phone.page("/").contains("Aurinko"));
        assert!(other.page("/").contains("Kuu"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn guessing_is_slowed_down_per_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let server = Server::start(&db, &site_root(dir.path()));
    let mut browser = Browser::new(server.port);
    let statuses: Vec<u16> = (0..31)
        .map(|_| browser.form("/api/sign_in_begin", &[]).status)
        .collect();
    assert!(statuses[..30].iter().all(|s| *s == 200), "{statuses:?}");
    let refused = browser.form("/api/sign_in_begin", &[]);
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after"), Some("60"));
    assert!(refused.text().contains("TooManyRequests"));
    // Other budgets and plain pages are untouched.
    assert_eq!(
        browser
            .form("/api/check_invite", &[("code", "nothing")])
            .status,
        200
    );
    assert_eq!(server.get("/healthz", &[]).status, 200);
}
