//! Guessing invite codes or passkeys is slowed down.

mod support;

use support::browser::Browser;
use support::{site_root, Server};

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

#[tokio::test(flavor = "multi_thread")]
async fn the_budget_per_address_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let server = Server::start_with_env(
        &db,
        &site_root(dir.path()),
        &[("POLKU_GUESSES_PER_MINUTE", "3")],
    );
    let mut browser = Browser::new(server.port);
    let statuses: Vec<u16> = (0..4)
        .map(|_| browser.form("/api/sign_in_begin", &[]).status)
        .collect();
    assert_eq!(statuses, [200, 200, 200, 429]);

    let refused = support::polku(&["serve", "--database-url", &db, "--guesses-per-minute", "0"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("guesses-per-minute"), "{said}");
}
