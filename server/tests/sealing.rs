//! The key file and key rotation through the real binary: the server will
//! not start on sealed text without the key that opens it, and
//! `polku rotate-key` seals everything anew without losing a word.

mod support;

use app::store::Keyring;
use support::cast::Person;
use support::{key_file, on_each_database, participant_invite, polku, site_root, Server, DAY};

fn one_line_error(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(2), "exit code 2");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("polku:")).collect();
    assert_eq!(lines.len(), 1, "exactly one error line, got: {stderr}");
    lines[0].to_owned()
}

fn write_reflection(person: &mut Person, body: &str, request: &str) {
    let made = person.browser.form(
        "/api/reflection_create",
        &[
            ("request_id", request),
            ("written_on", "2026-11-23"),
            ("body", body),
        ],
    );
    assert_eq!(made.status, 200, "{}", made.text());
}

fn rotate_key(url: &str, key: &std::path::Path) -> std::process::Output {
    polku(&[
        "rotate-key",
        "--database-url",
        url,
        "--key-file",
        key.to_str().unwrap(),
    ])
}

fn serve_with_key(
    url: &str,
    site: &std::path::Path,
    key: &std::path::Path,
) -> std::process::Output {
    polku(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--database-url",
        url,
        "--site-root",
        site.to_str().unwrap(),
        "--key-file",
        key.to_str().unwrap(),
    ])
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_will_not_start_without_the_key_that_opens_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let url = format!("sqlite://{}/polku.db", dir.path().display());
    let store = support::open_store(&url, dir.path()).await;
    let server = Server::start(&url, &site);
    let code = participant_invite(&store, 1, DAY);
    let mut aino = Person::join_with_code(server.port, &store, &code, "Aino");
    write_reflection(&mut aino, "Ei kenenkään muun silmille", "seal-request-0001");
    drop(server);
    store.close().await;

    let lost = dir.path().join("lost.key");
    let line = one_line_error(&serve_with_key(&url, &site, &lost));
    assert!(line.contains("is missing"), "{line}");
    assert!(!lost.exists(), "no new key was made in its place");

    let foreign = dir.path().join("foreign.key");
    Keyring::generate().write(&foreign).unwrap();
    let line = one_line_error(&serve_with_key(&url, &site, &foreign));
    assert!(line.contains("does not open"), "{line}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = key_file(dir.path());
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let line = one_line_error(&serve_with_key(&url, &site, &key));
        assert!(line.contains("chmod 600"), "{line}");
    }
}

#[test]
fn the_first_start_makes_a_private_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/polku.db", dir.path().display());
    let server = Server::start(&url, &site_root(dir.path()));
    assert_eq!(server.get("/healthz", &[]).status, 200);
    let key = key_file(dir.path());
    let ring = Keyring::read(&key).unwrap().expect("a key file");
    assert!(ring.retired_ids().is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn rotate_key_seals_everything_anew_and_the_journal_reads_the_same() {
    on_each_database(|server, store| {
        let code = participant_invite(&store, 1, DAY);
        let mut aino = Person::join_with_code(server.port, &store, &code, "Aino");
        write_reflection(&mut aino, "Ensimmäinen avain", "rotate-request-001");
        let (url, site) = (server.database_url.clone(), server.site.clone());
        let key = key_file(site.parent().unwrap());
        let old = Keyring::read(&key).unwrap().unwrap();
        drop(server);

        let rotated = rotate_key(&url, &key);
        let said = String::from_utf8_lossy(&rotated.stdout);
        assert!(
            rotated.status.success(),
            "{said} {}",
            String::from_utf8_lossy(&rotated.stderr)
        );
        let new = Keyring::read(&key).unwrap().unwrap();
        assert_ne!(new.current_id(), old.current_id());
        assert!(new.retired_ids().is_empty(), "the old key is gone");
        assert!(said.contains(new.current_id()), "{said}");

        // A rotation found half done (the new key in the file, the old one
        // retired) goes on where it stopped.
        new.rotated().write(&key).unwrap();
        let resumed = rotate_key(&url, &key);
        assert!(resumed.status.success());
        assert!(String::from_utf8_lossy(&resumed.stdout).contains("Going on"));

        let again = Server::start(&url, &site);
        aino.browser.port = again.port;
        let page = aino.browser.page("/journal/reflections");
        assert!(page.contains("Ensimmäinen avain"), "{page}");
        write_reflection(&mut aino, "Toinen avain", "rotate-request-002");
        assert!(aino
            .browser
            .page("/journal/reflections")
            .contains("Toinen avain"));
    })
    .await;
}

#[test]
fn rotate_key_needs_an_existing_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/polku.db", dir.path().display());
    let output = rotate_key(&url, &dir.path().join("none.key"));
    let line = one_line_error(&output);
    assert!(line.contains("nothing to rotate"), "{line}");
}
