//! "My devices": only one's own, and only with a session.

mod support;

use app::model::Role;
use support::browser::Browser;
use support::{invite, on_each_database, DAY};
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
