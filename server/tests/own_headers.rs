//! Every response carries its own headers, however many requests run at
//! once: a page its own nonce, language and `no-store`; a file none of a
//! page's; a cookie only the response that set it. A file handler that
//! borrowed a page's response options once stripped a page of its CSP
//! nonce (its islands then never ran) and could have handed one person's
//! cookie to another's download.

mod support;

use std::thread;

use support::cast::Cast;
use support::{get, open_store, post, site_root, Response, Server};

const ROUNDS: usize = 40;

fn nonce_of_policy(r: &Response) -> Option<String> {
    let policy = r.header("content-security-policy")?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    Some(policy[start..].split('\'').next()?.to_owned())
}

fn nonce_of_body(r: &Response) -> Option<String> {
    let body = r.text();
    let start = body.find("nonce=\"")? + "nonce=\"".len();
    Some(body[start..].split('"').next()?.to_owned())
}

fn assert_page(what: &str, r: &Response) {
    assert!(r.status == 200 || r.status == 404, "{what}: {}", r.status);
    assert_eq!(
        r.header("content-language"),
        Some("fi"),
        "{what}: {:?}",
        r.headers
    );
    assert_eq!(r.header("cache-control"), Some("no-store"), "{what}");
    let policy = nonce_of_policy(r).unwrap_or_else(|| panic!("{what}: a nonce in {:?}", r.headers));
    if let Some(body) = nonce_of_body(r) {
        assert_eq!(
            policy, body,
            "{what}: the page's scripts carry its own nonce"
        );
    }
}

fn assert_file(what: &str, r: &Response) {
    assert_eq!(r.status, 200, "{what}");
    for header in [
        "set-cookie",
        "content-language",
        "cache-control",
        "clear-site-data",
    ] {
        assert_eq!(
            r.header(header),
            None,
            "{what} has a page's {header}: {:?}",
            r.headers
        );
    }
    assert_eq!(nonce_of_policy(r), None, "{what} has a page's nonce");
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_pages_files_and_cookies_keep_their_own_headers() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    std::fs::write(site.join("sw-register.js"), "// registers\n".repeat(50)).unwrap();
    let url = format!("sqlite://{}/polku.db", dir.path().display());
    let store = open_store(&url, dir.path()).await;
    let server = Server::start(&url, &site);
    let port = server.port;
    let cast = Cast::new(port, &store);
    let origin = format!("http://localhost:{port}");

    let participant = cast.participant.browser.clone();
    let mut workers = Vec::new();
    for worker in 0..8 {
        let participant = participant.clone();
        let origin = origin.clone();
        workers.push(thread::spawn(move || {
            let mut participant = participant;
            for round in 0..ROUNDS {
                match (worker + round) % 6 {
                    0 => assert_page("/sign-in", &get(port, "/sign-in", &[])),
                    1 => assert_page("/help", &get(port, "/help", &[])),
                    2 => assert_page("the participant's home", &participant.get("/")),
                    3 => assert_page("a page that is not there", &get(port, "/no-such", &[])),
                    4 => {
                        let set = post(
                            port,
                            "/api/locale",
                            &[
                                ("Content-Type", "application/x-www-form-urlencoded"),
                                ("Origin", &origin),
                                ("Sec-Fetch-Site", "same-origin"),
                            ],
                            b"locale=fi&next=/",
                        );
                        assert!(
                            set.set_cookies()
                                .iter()
                                .any(|c| c.starts_with("polku_lang=fi")),
                            "the language choice sets its cookie: {:?}",
                            set.headers
                        );
                    }
                    _ => {
                        assert_file("/pkg/polku.css", &get(port, "/pkg/polku.css", &[]));
                        assert_file("/sw-register.js", &get(port, "/sw-register.js", &[]));
                    }
                }
            }
        }));
    }
    for worker in workers {
        worker.join().expect("every response had its own headers");
    }
}
