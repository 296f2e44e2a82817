//! What a phone downloads with a page. Only the passkey pages hold an
//! island, so only they load the WebAssembly; every other page is whole
//! without it, and every page registers the service worker.

mod support;

use app::model::Role;
use app::policy::InviteTarget;
use support::browser::Browser;
use support::cast::Cast;
use support::{invite, open_store, site_root, Server, DAY};

const ISLAND: &str = "<leptos-island";
const WASM: [&str; 2] = ["/pkg/polku.js", ".wasm\""];
const SW_REGISTER: &str = r#"<script src="/sw-register.js" defer"#;

fn assert_no_wasm(who: &str, path: &str, page: &str) {
    assert!(page.contains("</main>"), "{who} {path} is whole: {page}");
    assert!(!page.contains(ISLAND), "{who} {path} has no island");
    for wasm in WASM {
        assert!(!page.contains(wasm), "{who} {path} loads no {wasm}: {page}");
    }
    assert!(
        page.contains(SW_REGISTER),
        "{who} {path} registers the worker"
    );
}

fn assert_wasm(who: &str, path: &str, page: &str) {
    assert!(page.contains(ISLAND), "{who} {path} has its island: {page}");
    // Props go into the page as JSON for serde_json to decode in the
    // browser: 13 KB more wasm for every passkey page (ui/islands/page.rs).
    assert!(
        !page.contains("data-props"),
        "{who} {path}'s islands take no props: {page}"
    );
    for wasm in WASM {
        assert!(page.contains(wasm), "{who} {path} loads {wasm}");
    }
    assert!(
        page.contains(SW_REGISTER),
        "{who} {path} registers the worker"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn only_pages_with_an_island_load_the_wasm() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_root(dir.path());
    let url = format!("sqlite://{}/polku.db", dir.path().display());
    let store = open_store(&url, dir.path()).await;
    let server = Server::start(&url, &site);
    let mut cast = Cast::new(server.port, &store);
    let code = invite(
        &store,
        InviteTarget::Member {
            group: cast.group,
            role: Role::Participant,
        },
        1,
        DAY,
    );

    let mut anonymous = Browser::new(server.port);
    for path in ["/sign-in", &format!("/invite/{code}")] {
        assert_wasm("anonymous", path, &anonymous.page(path));
    }
    for path in ["/", "/help", "/recipe", "/offline", "/outbox"] {
        assert_no_wasm("anonymous", path, &anonymous.page(path));
    }

    let participant = &mut cast.participant.browser;
    assert_wasm("participant", "/devices", &participant.page("/devices"));
    for path in [
        "/",
        "/journal/reflections",
        "/journal/steps",
        "/journal/dreams",
        "/journal/sharing",
        "/my-groups",
        "/my-path",
    ] {
        assert_no_wasm("participant", path, &participant.page(path));
    }

    let participant_id = cast.participant.id;
    let facilitator = &mut cast.facilitator.browser;
    for path in [
        format!("/groups/{}", cast.group),
        format!("/groups/{}/people/{participant_id}", cast.group),
    ] {
        assert_no_wasm("facilitator", &path, &facilitator.page(&path));
    }
}
