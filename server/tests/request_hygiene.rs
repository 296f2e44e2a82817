//! Requests the server must refuse or answer with care, through the real
//! server: posts from other sites (cross-site request forgery), bodies too
//! big or malformed, pages left half-way, and the security headers on
//! every response.

mod support;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use support::cast::Cast;
use support::{block_on, on_each_database, site_root, Server};

const FORM: &str = "application/x-www-form-urlencoded";
const REFLECTION: &str = "request_id=hygiene-request-0001&written_on=2026-11-23&body=Salaisuus";

#[tokio::test(flavor = "multi_thread")]
async fn a_post_from_another_site_is_refused_and_changes_nothing() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let owner = cast.participant.id;
        let reflections = || {
            block_on(store.reflections(owner, None))
                .unwrap()
                .items
                .len()
        };
        let other = format!("http://localhost:{}", server.port + 1);
        let http = format!("http://127.0.0.1:{}", server.port);
        for from in [
            vec![("Sec-Fetch-Site", "cross-site")],
            // Another port on the same host is the same site, not the same origin.
            vec![("Sec-Fetch-Site", "same-site"), ("Origin", other.as_str())],
            vec![("Sec-Fetch-Site", "none")],
            vec![("Origin", other.as_str())],
            vec![("Origin", http.as_str())],
            vec![("Origin", "null")],
        ] {
            let r = cast.participant.browser.post_from(
                "/api/reflection_create",
                FORM,
                REFLECTION,
                &from,
            );
            assert_eq!(r.status, 403, "{from:?}");
            assert_eq!(r.text(), "\"Forbidden\"");
        }
        assert_eq!(reflections(), 0, "nothing was written");
        assert!(server.log().contains("cross_site_refused"));

        let own = format!("http://localhost:{}", server.port);
        let r = cast.participant.browser.post_from(
            "/api/reflection_create",
            FORM,
            REFLECTION,
            &[("Origin", own.as_str())],
        );
        assert_eq!(r.status, 200, "an older browser's own origin");
        assert_eq!(reflections(), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_bodies_get_a_plain_400_or_413_and_change_nothing() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let owner = cast.participant.id;
        let b = &mut cast.participant.browser;
        let huge = format!("{REFLECTION}{}", "x".repeat(300 * 1024));
        assert_eq!(
            b.post_from("/api/reflection_create", FORM, &huge, &[])
                .status,
            413
        );

        for body in [
            "written_on=2026-11-23",
            "%%%&&==",
            "request_id=a&request_id=b",
        ] {
            let r = b.post_from("/api/reflection_create", FORM, body, &[]);
            assert_eq!(r.status, 400, "{body}");
            assert_eq!(r.text(), "\"BadInput\"", "no decoder detail for {body}");
        }
        let r = b.post_from("/api/sign_in_finish", "application/json", "{\"nope\":", &[]);
        assert_eq!(r.status, 400);
        assert_eq!(r.text(), "\"BadInput\"");
        assert!(block_on(store.reflections(owner, None))
            .unwrap()
            .items
            .is_empty());
    })
    .await;
}

/// The value of `name` in a response, or a failure naming what was asked.
fn header<'a>(response: &'a support::Response, name: &str, what: &str) -> &'a str {
    response
        .header(name)
        .unwrap_or_else(|| panic!("{name} missing on {what}"))
}

#[test]
fn every_response_carries_the_security_headers() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/polku.db", dir.path().display());
    let site = site_root(dir.path());
    let server = Server::start(&db, &site);
    let page = server.get("/", &[]);
    let others = [
        ("/healthz", server.get("/healthz", &[])),
        ("/pkg/polku.css", server.get("/pkg/polku.css", &[])),
        ("/no-such-page", server.get("/no-such-page", &[])),
        (
            "/api/journal_home",
            support::post(server.port, "/api/journal_home", &[], b""),
        ),
    ];
    for (what, r) in std::iter::once(("/", &page)).chain(others.iter().map(|(w, r)| (*w, r))) {
        assert_eq!(header(r, "x-content-type-options", what), "nosniff");
        assert_eq!(header(r, "referrer-policy", what), "same-origin");
        assert!(header(r, "permissions-policy", what).contains("camera=()"));
        let csp = header(r, "content-security-policy", what);
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} on {what}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
        assert!(
            r.header("strict-transport-security").is_none(),
            "not over http"
        );
    }

    // Each inline script of a page carries the nonce of that response only.
    let nonce_of = |r: &support::Response| {
        let csp = header(r, "content-security-policy", "/").to_owned();
        let start = csp.find("'nonce-").expect("a nonce") + 7;
        csp[start..start + csp[start..].find('\'').unwrap()].to_owned()
    };
    let nonce = nonce_of(&page);
    assert_ne!(
        nonce,
        nonce_of(&server.get("/", &[])),
        "a new nonce each time"
    );
    let html = page.text();
    let inline: Vec<&str> = html
        .split("<script")
        .skip(1)
        .filter(|tag| {
            let open = &tag[..tag.find('>').unwrap()];
            !open.contains("src=") && !open.contains("application/json")
        })
        .collect();
    assert!(!inline.is_empty(), "the page has inline scripts to check");
    for tag in inline {
        assert!(
            tag[..tag.find('>').unwrap()].contains(&format!("nonce=\"{nonce}\"")),
            "an inline script without the nonce: <script{}",
            &tag[..tag.find('>').unwrap()]
        );
    }
    drop(server);

    // Served over https, browsers are told to stay there.
    let https = Server::start_with_env(&db, &site, &[("POLKU_ORIGIN", "https://localhost")]);
    let health = https.get("/healthz", &[]);
    assert!(header(&health, "strict-transport-security", "/healthz").starts_with("max-age="));
}

/// Phones on bad connections drop requests half-way. The page's parts still
/// being fetched then end quietly: no panic in the log (each one printed a
/// backtrace and, with backtraces on, kept tens of megabytes for reading
/// them), no worker thread hung (the server stops when asked), and the
/// server goes on serving.
#[tokio::test(flavor = "multi_thread")]
async fn a_page_left_half_way_ends_quietly() {
    on_each_database(|mut server, store| {
        let mut cast = Cast::new(server.port, &store);
        let cookies = &cast.participant.browser.cookies;
        let cookie = cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        for i in 0..40 {
            let mut phone = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            write!(
                phone,
                "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\r\n"
            )
            .unwrap();
            // Gone at different points of the page's work.
            std::thread::sleep(Duration::from_micros(250 * (i % 12)));
            drop(phone);
        }
        assert!(cast.participant.browser.page("/").contains("Pirjo"));
        // The tasks of the dropped pages run on for a moment.
        std::thread::sleep(Duration::from_millis(500));
        let log = server.log();
        assert!(!log.contains("panicked"), "{log}");
        assert!(server.stops_when_asked(Duration::from_secs(10)));
    })
    .await;
}
