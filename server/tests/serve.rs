//! The server as a person (or a load balancer) meets it.

mod support;

use sqlx::Connection;
use support::{postgres_url, site_root, Server};

#[test]
fn the_home_page_answers_in_finnish_and_health_is_ok() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/data/polku.db", dir.path().display());
    let server = Server::start(&db, &site_root(dir.path()));

    let home = server.get("/", &[]);
    assert_eq!(home.status, 200);
    let html = home.text();
    assert!(html.contains(r#"<html lang="fi""#), "Finnish by default");
    assert!(html.contains("Oma polku"));

    let english = server.get("/", &[("Accept-Language", "en-GB,en;q=0.9")]);
    assert!(english.text().contains("My path"));
    let by_cookie = server.get(
        "/",
        &[("Cookie", "polku_lang=sv"), ("Accept-Language", "en")],
    );
    assert!(
        by_cookie.text().contains("Min stig"),
        "the device's choice wins"
    );

    let health = server.get("/healthz", &[]);
    assert_eq!(health.status, 200);
}

#[test]
fn the_first_start_prints_a_one_time_admin_invite_that_a_restart_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let site = site_root(dir.path());

    let first = Server::start(&db, &site);
    let link = first
        .invite_link()
        .expect("first start prints an admin invite");
    let path = link.split_once("localhost").unwrap().1;
    let path = &path[path.find('/').unwrap()..];
    let page = first.get(path, &[]).text();
    assert!(page.contains("Tämä kutsu on voimassa."), "{page}");
    drop(first);

    let second = Server::start(&db, &site);
    let newer = second.invite_link().expect("still no admin: a new invite");
    assert_ne!(newer, link);
    let page = second.get(path, &[]).text();
    assert!(
        page.contains("Tämä kutsu ei ole voimassa."),
        "the old link stops working"
    );
}

#[test]
fn responses_are_compressed_for_browsers_that_accept_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let site = site_root(dir.path());
    // As scripts/precompress.sh leaves the stylesheet.
    let css = std::fs::read(site.join("pkg/polku.css")).unwrap();
    let mut copy = Vec::new();
    brotli::BrotliCompress(&mut css.as_slice(), &mut copy, &Default::default()).unwrap();
    std::fs::write(site.join("pkg/polku.css.br"), &copy).unwrap();
    // Older than its file, as `cp -r` leaves it: the content is what counts.
    std::fs::File::options()
        .write(true)
        .open(site.join("pkg/polku.css.br"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let server = Server::start(&db, &site);

    // A built file goes as its compressed copy, whatever else is accepted.
    for accepted in ["br, gzip", "gzip, deflate, br, zstd"] {
        let css = server.get("/pkg/polku.css", &[("Accept-Encoding", accepted)]);
        assert_eq!(css.status, 200);
        assert_eq!(css.header("content-encoding"), Some("br"));
        assert_eq!(css.header("vary"), Some("accept-encoding"));
        assert_eq!(css.body, copy, "the copy as it is");
    }
    // A page is compressed as it goes: zstd for Chromium and Firefox,
    // brotli for Safari, gzip for the rest.
    for (accepted, sent) in [
        ("gzip, deflate, br, zstd", "zstd"),
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
    ] {
        let page = server.get("/", &[("Accept-Encoding", accepted)]);
        assert_eq!(page.status, 200);
        assert_eq!(page.header("content-encoding"), Some(sent), "{accepted}");
    }
}

#[tokio::test]
async fn health_turns_503_when_the_database_is_gone() {
    let base = postgres_url();
    let name = format!("polku_gone_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .expect("PostgreSQL answers");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let url = {
        let (prefix, _) = base.rsplit_once('/').unwrap();
        format!("{prefix}/{name}")
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&url, &site_root(dir.path()));
    assert_eq!(server.get("/healthz", &[]).status, 200);

    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
    assert_eq!(server.get("/healthz", &[]).status, 503);
}
