//! "My devices": only one's own, and only with a session.

mod support;

use support::browser::Browser;
use support::cast::Cast;
use support::{age_confirmations, on_each_database, participant_invite, DAY};
use webauthn_authenticator_rs::softpasskey::SoftPasskey;

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

        let code = participant_invite(&store, 2, DAY);
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
async fn passkeys_are_added_renamed_and_removed_but_never_the_last() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let me = &mut cast.participant;
        let listed = |b: &mut Browser| -> serde_json::Value {
            serde_json::from_slice(&b.form("/api/devices", &[]).body).unwrap()
        };
        let first = listed(&mut me.browser)["passkeys"][0]["id"]
            .as_i64()
            .unwrap();

        let last = me
            .browser
            .form("/api/passkey_remove", &[("id", &first.to_string())]);
        assert_eq!(last.status, 409);
        assert!(last.text().contains("LastPasskey"));

        // Just signed in: confirmed, so a second passkey can be added.
        let mut backup = SoftPasskey::new(true);
        let (added, backup_id) = me.browser.add_passkey(&mut backup);
        assert_eq!(added.status, 200, "{}", added.text());
        assert_eq!(
            listed(&mut me.browser)["passkeys"]
                .as_array()
                .unwrap()
                .len(),
            2
        );

        let renamed = me.browser.form(
            "/api/passkey_rename",
            &[("id", &first.to_string()), ("label", "Vanha puhelin")],
        );
        assert_eq!(renamed.status, 200);
        let bad = me.browser.form(
            "/api/passkey_rename",
            &[("id", &first.to_string()), ("label", " ")],
        );
        assert!(bad.text().contains("PasskeyLabel"));
        assert_eq!(
            listed(&mut me.browser)["passkeys"][0]["label"],
            "Vanha puhelin"
        );

        // Another person's passkey is not theirs to touch.
        let theirs = listed(&mut cast.mentor.browser)["passkeys"][0]["id"]
            .as_i64()
            .unwrap();
        let me = &mut cast.participant;
        let rename_theirs = me.browser.form(
            "/api/passkey_rename",
            &[("id", &theirs.to_string()), ("label", "Minun")],
        );
        assert_eq!(rename_theirs.status, 404);
        let remove_theirs = me
            .browser
            .form("/api/passkey_remove", &[("id", &theirs.to_string())]);
        assert_eq!(remove_theirs.status, 404);

        assert_eq!(
            me.browser
                .form("/api/passkey_remove", &[("id", &first.to_string())])
                .status,
            200
        );
        // The removed passkey no longer signs in; the backup does.
        let mut elsewhere = Browser::new(server.port);
        let (old, _) = elsewhere.sign_in(&mut me.key, &me.me);
        assert_eq!(old.status, 401);
        let (new, _) = elsewhere.sign_in(&mut backup, &backup_id);
        assert_eq!(new.status, 200);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_old_confirmation_must_be_renewed_with_a_passkey() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let me = &mut cast.participant;
        let mut backup = SoftPasskey::new(true);
        assert_eq!(me.browser.add_passkey(&mut backup).0.status, 200);

        age_confirmations(&server.database_url, 11 * 60);
        let (refused, _) = me.browser.add_passkey(&mut SoftPasskey::new(true));
        assert_eq!(refused.status, 403);
        assert!(refused.text().contains("NeedsConfirmation"));
        let devices: serde_json::Value =
            serde_json::from_slice(&me.browser.form("/api/devices", &[]).body).unwrap();
        assert_eq!(devices["confirmed"], false);
        let first = devices["passkeys"][0]["id"].as_i64().unwrap().to_string();
        assert_eq!(
            me.browser
                .form("/api/passkey_remove", &[("id", &first)])
                .status,
            403
        );

        // Someone else's key cannot confirm this session.
        let (stranger_key, stranger) = (&mut cast.mentor.key, &cast.mentor.me);
        let me = &mut cast.participant;
        let wrong = me.browser.confirm_as(stranger_key, Some(stranger));
        assert!(wrong.status >= 400);
        assert_eq!(
            me.browser
                .form("/api/passkey_remove", &[("id", &first)])
                .status,
            403
        );

        let confirmed = me.browser.confirm(&mut backup);
        assert_eq!(confirmed.status, 200, "{}", confirmed.text());
        assert_eq!(
            me.browser
                .form("/api/passkey_remove", &[("id", &first)])
                .status,
            200
        );
    })
    .await;
}
