//! Nothing answered is ever lost: a server killed with SIGKILL in the middle
//! of a stream of writes still has every write it answered with success,
//! on SQLite and PostgreSQL; and `polku backup` copies a SQLite database
//! while writes go on, and the copy restores.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use app::store::Store;
use support::browser::Browser;
use support::cast::Cast;
use support::{block_on, on_each_database, open_store, polku, site_root, Server};

/// Every reflection body of `owner`, all pages.
fn bodies(store: &Store, owner: i64) -> Vec<String> {
    let mut all = Vec::new();
    let mut cursor = None;
    loop {
        let page = block_on(store.reflections(owner, cursor)).unwrap();
        all.extend(page.items.iter().map(|r| r.body.clone()));
        match page.next {
            Some(next) => cursor = Some(next),
            None => return all,
        }
    }
}

/// Writes reflections one after another until `stop`; returns the bodies
/// the server answered 200 for.
fn writer(
    mut browser: Browser,
    tag: &'static str,
    stop: Arc<AtomicBool>,
) -> Arc<Mutex<Vec<String>>> {
    let answered = Arc::new(Mutex::new(Vec::new()));
    let list = answered.clone();
    thread::spawn(move || {
        for n in 0.. {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let body = format!("{tag} {n}");
            let request = format!("{tag}-request-{n:06}");
            let sent = browser.try_form(
                "/api/reflection_create",
                &[
                    ("request_id", &request),
                    ("written_on", "2026-11-23"),
                    ("body", &body),
                ],
            );
            match sent {
                Some(r) if r.status == 200 => list.lock().unwrap().push(body),
                Some(r) => panic!("a write was refused: {} {}", r.status, r.text()),
                None => break,
            }
        }
    });
    answered
}

#[tokio::test(flavor = "multi_thread")]
async fn every_answered_write_survives_sigkill() {
    on_each_database(|server, store| {
        let cast = Cast::new(server.port, &store);
        let owner = cast.participant.id;
        let stop = Arc::new(AtomicBool::new(false));
        let answered = writer(cast.participant.browser.clone(), "kill", stop.clone());
        while answered.lock().unwrap().len() < 30 {
            thread::sleep(Duration::from_millis(20));
        }
        let (url, site) = (server.database_url.clone(), server.site.clone());
        // Dropping the server kills it with SIGKILL, writes in flight.
        drop(server);
        stop.store(true, Ordering::Relaxed);
        thread::sleep(Duration::from_millis(200));
        let answered = answered.lock().unwrap().clone();

        let again = Server::start(&url, &site);
        assert_eq!(again.get("/healthz", &[]).status, 200);
        let kept = bodies(&store, owner);
        let lost: Vec<&String> = answered.iter().filter(|b| !kept.contains(b)).collect();
        assert!(
            lost.is_empty(),
            "lost {} of {}: {lost:?}",
            lost.len(),
            answered.len()
        );
        println!(
            "{} answered writes, all {} kept",
            answered.len(),
            kept.len()
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_made_while_writing_restores() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let path = dir.path().join("polku.db");
    let url = format!("sqlite://{}", path.display());
    let store = open_store(&url, dir.path()).await;
    let server = Server::start(&url, &site);
    let cast = Cast::new(server.port, &store);
    let owner = cast.participant.id;
    let stop = Arc::new(AtomicBool::new(false));
    let answered = writer(cast.participant.browser.clone(), "backup", stop.clone());
    while answered.lock().unwrap().len() < 10 {
        thread::sleep(Duration::from_millis(20));
    }
    let copy = dir.path().join("copy.db");
    let before = answered.lock().unwrap().len();
    let made = polku(&["backup", "--database-url", &url, copy.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let after = answered.lock().unwrap().len();
    stop.store(true, Ordering::Relaxed);
    thread::sleep(Duration::from_millis(200));
    assert!(after > before, "writes went on during the backup");

    // The same file again is refused; nothing is overwritten.
    let again = polku(&["backup", "--database-url", &url, copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    // Restore: stop, put the copy in place, start.
    drop(server);
    store.close().await;
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", path.display()));
    }
    std::fs::copy(&copy, &path).unwrap();
    let restored = open_store(&url, dir.path()).await;
    let server = Server::start(&url, &site);
    let kept = bodies(&restored, owner);
    assert!(kept.len() >= before, "{} of at least {before}", kept.len());
    // The participant's session came back with the copy.
    let mut browser = cast.participant.browser.clone();
    browser.port = server.port;
    let page = browser.page("/journal/reflections");
    assert!(page.contains(&kept[0]), "{page}");
}

#[test]
fn backup_explains_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    let copy = copy.to_str().unwrap();
    for (url, says) in [
        ("postgres://postgres@127.0.0.1:5432/test", "pg_dump"),
        ("sqlite:///nowhere/polku.db", "no database at"),
    ] {
        let output = polku(&["backup", "--database-url", url, copy]);
        assert_eq!(output.status.code(), Some(2), "{url}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
    }
}
