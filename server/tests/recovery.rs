//! Getting back in after losing a phone, end to end with software passkeys,
//! on SQLite and PostgreSQL.

mod support;

use support::browser::{shared_code, Browser};
use support::cast::Cast;
use support::on_each_database;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;

#[tokio::test(flavor = "multi_thread")]
async fn a_recovery_link_brings_the_participant_back_once() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        assert!(cast.participant.browser.page("/").contains("Pirjo"));

        let made = cast.facilitator.browser.form(
            "/api/recovery_create",
            &[("user", &cast.participant.id.to_string())],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let code = shared_code(&made);
        let share = cast
            .facilitator
            .browser
            .page(&format!("/recover/{code}/share"));
        assert!(share.contains("<svg"), "a QR code to scan");
        assert!(share.contains(&format!("/recover/{code}")));

        // The new phone: a fresh browser and a fresh passkey.
        let mut phone = Browser::new(server.port);
        let mut new_key = SoftPasskey::new(true);
        let check = phone.form("/api/recovery_check", &[("code", &code)]);
        assert!(check.text().contains("Pirjo"), "{}", check.text());
        let (recovered, identity) = phone.recover(&mut new_key, &code);
        assert_eq!(recovered.status, 200, "{}", recovered.text());
        assert_eq!(
            identity.user_id(&store),
            cast.participant.id,
            "the same account"
        );
        let home = phone.page("/");
        assert!(home.contains("Pirjo"), "signed in on the new phone");
        assert!(
            home.contains("Pääsyavain lisättiin palautuksella"),
            "told at once"
        );
        assert!(home.contains("Fanni"), "and who made the link");

        // Every old session ended; the lost phone is signed out.
        assert!(!cast.participant.browser.page("/").contains("Pirjo"));

        // Once only.
        let mut thief = Browser::new(server.port);
        let (again, _) = thief.recover(&mut SoftPasskey::new(true), &code);
        assert_eq!(again.status, 404);
        assert!(again.text().contains("LinkNotValid"));
        let made_up = thief.form("/api/recovery_check", &[("code", "made-up-code")]);
        let used = thief.form("/api/recovery_check", &[("code", &code)]);
        assert_eq!(
            made_up.text(),
            used.text(),
            "used and unknown look the same"
        );

        // Signing in again works with the new passkey; the notice stays in the history.
        let seen = phone.form("/api/recovery_notices_seen", &[]);
        assert_eq!(seen.status, 200);
        assert!(!phone
            .page("/")
            .contains("Pääsyavain lisättiin palautuksella"));
        let devices = phone.page("/devices");
        assert!(
            devices.contains("Pääsyavain lisättiin palautuksella"),
            "in the history"
        );
        let mut laptop = Browser::new(server.port);
        let (signed_in, _) = laptop.sign_in(&mut new_key, &identity);
        assert_eq!(signed_in.status, 200);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_groups_own_facilitators_and_admins_make_recovery_links() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let target = cast.outsider.id.to_string();
        let by_stranger_ok = cast
            .stranger
            .browser
            .form("/api/recovery_create", &[("user", &target)]);
        assert_eq!(
            by_stranger_ok.status, 200,
            "the outsider is in the stranger's group"
        );
        let by_facilitator = cast
            .facilitator
            .browser
            .form("/api/recovery_create", &[("user", &target)]);
        assert_eq!(by_facilitator.status, 403);
        let of_colleague = cast.facilitator.browser.form(
            "/api/recovery_create",
            &[("user", &cast.stranger.id.to_string())],
        );
        assert_eq!(of_colleague.status, 403, "staff are recovered by an admin");
        let of_self = cast.admin.browser.form(
            "/api/recovery_create",
            &[("user", &cast.admin.id.to_string())],
        );
        assert_eq!(of_self.status, 403);
        let of_nobody = cast
            .admin
            .browser
            .form("/api/recovery_create", &[("user", "999999")]);
        assert_eq!(of_nobody.status, 404);
        // A stranger cannot even look at a link someone else made.
        let code = shared_code(&by_stranger_ok);
        let peek = cast
            .facilitator
            .browser
            .form("/api/recovery_share", &[("code", &code)]);
        assert_eq!(peek.status, 404);
    })
    .await;
}
