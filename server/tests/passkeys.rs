//! Full passkey round trips against the real server, with a software
//! authenticator, on SQLite and on PostgreSQL.

mod support;

use std::time::Duration;

use support::browser::{Browser, Identity};
use support::{block_on, on_each_database, participant_invite, DAY};
use webauthn_authenticator_rs::prelude::Url;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs_proto::CreationChallengeResponse;

#[tokio::test(flavor = "multi_thread")]
async fn join_sign_out_and_sign_in_again_with_a_passkey() {
    on_each_database(|server, store| {
        let code = participant_invite(&store, 1, DAY);
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
        let code = participant_invite(&store, 5, DAY);
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
        let code = participant_invite(&store, 1, DAY);
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
        let used_up = participant_invite(&store, 1, DAY);
        let expired = participant_invite(&store, 1, Duration::ZERO);
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
        let code = participant_invite(&store, 1, DAY);
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
async fn the_chosen_language_follows_the_person_to_every_device() {
    on_each_database(|server, store| {
        let code = participant_invite(&store, 1, DAY);
        let mut phone = Browser::new(server.port);
        let mut key = SoftPasskey::new(true);
        let (joined, me) = phone.join_in(&mut key, &code, "Stina", "sv");
        assert_eq!(joined.status, 200);
        assert_eq!(
            phone.cookies.get("polku_lang").map(String::as_str),
            Some("sv")
        );
        assert!(phone.page("/").contains("Min stig"));

        let mut laptop = Browser::new(server.port);
        laptop.sign_in(&mut key, &me);
        assert_eq!(
            laptop.cookies.get("polku_lang").map(String::as_str),
            Some("sv")
        );

        // Switching language while signed in changes it for the next device too.
        laptop.form("/api/locale", &[("locale", "en"), ("next", "/")]);
        let mut tablet = Browser::new(server.port);
        tablet.sign_in(&mut key, &me);
        assert_eq!(
            tablet.cookies.get("polku_lang").map(String::as_str),
            Some("en")
        );
        assert!(tablet.page("/").contains("My path"));
        let user = me.user_id(&store);
        assert_eq!(
            block_on(store.account(user)).unwrap().unwrap().locale,
            app::model::Locale::En
        );
    })
    .await;
}
