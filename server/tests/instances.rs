//! Several instances behind one public address, on one PostgreSQL
//! database: whatever a person began on one instance, any other finishes,
//! and a share taken back through one is gone through every other at once.
//! Nothing of a person is kept in a process.

mod support;

use support::browser::Browser;
use support::cast::Cast;
use support::{PgSchema, Server};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_rs_proto::{AllowCredentials, RequestChallengeResponse};

const SECRET: &str = "Ajatus, jonka vain ohjaaja näkee";

/// The same browser, sent by the load balancer to the other instance.
fn at(browser: &Browser, port: u16) -> Browser {
    Browser {
        port,
        ..browser.clone()
    }
}

fn shared_with(facilitator: &mut Browser, group: i64, person: i64) -> String {
    let r = facilitator.form(
        "/api/shared",
        &[
            ("group", &group.to_string()),
            ("person", &person.to_string()),
        ],
    );
    assert_eq!(r.status, 200, "{}", r.text());
    r.text()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_on_one_postgres_act_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let schema = PgSchema::new(dir.path()).await;
    let site = support::site_root(dir.path());
    let one = Server::start(&schema.url, &site);
    // Both answer for the same public origin, as behind a load balancer.
    let origin = format!("http://localhost:{}", one.port);
    let two = Server::start_with_env(&schema.url, &site, &[("POLKU_ORIGIN", &origin)]);
    let store = schema.store.clone();

    // Everyone joins through the first instance.
    let mut cast = Cast::new(one.port, &store);

    // A session made on one instance is valid on the other.
    let mut phone_on_two = at(&cast.participant.browser, two.port);
    assert!(
        phone_on_two.page("/").contains("Pirjo"),
        "signed in on the other instance"
    );

    // A passkey sign-in begun on one instance is finished on the other.
    let mut laptop = Browser::new(one.port);
    let begun = laptop.form("/api/sign_in_begin", &[]);
    assert_eq!(begun.status, 200, "{}", begun.text());
    let mut challenge: RequestChallengeResponse = serde_json::from_slice(&begun.body).unwrap();
    challenge.public_key.allow_credentials = vec![AllowCredentials {
        type_: "public-key".into(),
        id: cast.participant.me.credential.clone(),
        transports: None,
    }];
    let mut used = cast
        .participant
        .key
        .do_authentication(laptop.origin(), challenge)
        .unwrap();
    used.response.user_handle = Some(cast.participant.me.handle.clone());
    let mut laptop = at(&laptop, two.port);
    let finished = laptop.json(
        "/api/sign_in_finish",
        serde_json::json!({ "credential": used }),
    );
    assert_eq!(finished.status, 200, "{}", finished.text());
    assert!(laptop.page("/").contains("Pirjo"), "signed in on two");
    assert!(
        at(&laptop, one.port).page("/").contains("Pirjo"),
        "and that session is good on one"
    );

    // A share taken back through one instance is gone through the other.
    let made = cast.participant.browser.form(
        "/api/reflection_create",
        &[
            ("request_id", "instances-request-0001"),
            ("written_on", "2026-11-23"),
            ("body", SECRET),
        ],
    );
    assert_eq!(made.status, 200, "{}", made.text());
    let listed: serde_json::Value =
        serde_json::from_slice(&cast.participant.browser.form("/api/reflections", &[]).body)
            .unwrap();
    let reflection = listed["items"][0]["id"].as_i64().unwrap().to_string();
    let share = |browser: &mut Browser, choice: &str| {
        let r = browser.form("/api/share_set", &[("id", &reflection), ("choice", choice)]);
        assert!(r.status < 400, "{choice}: {}", r.text());
    };
    let mut facilitator_on_two = at(&cast.facilitator.browser, two.port);
    let (group, person) = (cast.group, cast.participant.id);

    share(&mut cast.participant.browser, "facilitators");
    assert!(shared_with(&mut facilitator_on_two, group, person).contains(SECRET));
    share(&mut cast.participant.browser, "nobody");
    assert!(
        !shared_with(&mut facilitator_on_two, group, person).contains(SECRET),
        "taken back on one, gone on two at once"
    );
    // And the other way round.
    share(&mut phone_on_two, "facilitators");
    assert!(shared_with(&mut cast.facilitator.browser, group, person).contains(SECRET));
    share(&mut phone_on_two, "nobody");
    assert!(!shared_with(&mut cast.facilitator.browser, group, person).contains(SECRET));

    drop((one, two));
    schema.drop().await;
}
