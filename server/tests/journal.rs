//! The journal through the real server, on SQLite and PostgreSQL: only its
//! owner reaches an item, whoever else calls and whatever id they try.

mod support;

use support::browser::Browser;
use support::cast::{Cast, Who};
use support::on_each_database;

/// A participant's journal, made through the server functions.
struct Journal {
    dream: String,
    step: String,
    reflection: String,
}

fn created_id(b: &mut Browser, path: &str, list: &str, fields: &[(&str, &str)]) -> String {
    let made = b.form(path, fields);
    assert_eq!(made.status, 200, "{path}: {}", made.text());
    let listed: serde_json::Value = serde_json::from_slice(
        &b.form(list, &[("archived", "false"), ("done", "false")])
            .body,
    )
    .unwrap();
    let items = listed.get("page").map_or(&listed["items"], |p| &p["items"]);
    items[0]["id"].as_i64().unwrap().to_string()
}

fn write_journal(b: &mut Browser) -> Journal {
    let dream = created_id(
        b,
        "/api/dream_create",
        "/api/dreams",
        &[
            ("request_id", "dream-request-0001"),
            ("title", "Oma koti"),
            ("meaning", "Rauha"),
            ("life_area", "home"),
        ],
    );
    let step = created_id(
        b,
        "/api/step_create",
        "/api/steps",
        &[
            ("request_id", "step-request-00001"),
            ("title", "Soita asuntotoimistoon"),
            ("dream", &dream),
            ("kind", "everyday"),
            ("target_on", ""),
        ],
    );
    let reflection = created_id(
        b,
        "/api/reflection_create",
        "/api/reflections",
        &[
            ("request_id", "reflection-req-001"),
            ("written_on", "2026-11-23"),
            ("body", "Salainen ajatus"),
            ("mood", "3"),
        ],
    );
    Journal {
        dream,
        step,
        reflection,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_owner_reaches_a_journal_item() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let j = write_journal(&mut cast.participant.browser);
        let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("dream", vec![("id", &j.dream)]),
            (
                "dream_update",
                vec![
                    ("id", &j.dream),
                    ("title", "Vieras"),
                    ("meaning", ""),
                    ("life_area", "work"),
                ],
            ),
            (
                "dream_archive",
                vec![("id", &j.dream), ("archived", "true")],
            ),
            ("step", vec![("id", &j.step)]),
            (
                "step_update",
                vec![("id", &j.step), ("title", "Vieras"), ("kind", "work")],
            ),
            ("step_next", vec![("id", &j.step)]),
            ("step_status", vec![("id", &j.step), ("status", "done")]),
            ("reflection", vec![("id", &j.reflection)]),
            (
                "reflection_update",
                vec![
                    ("id", &j.reflection),
                    ("written_on", "2026-11-22"),
                    ("body", "Vieras"),
                ],
            ),
            ("dream_delete", vec![("id", &j.dream)]),
            ("step_delete", vec![("id", &j.step)]),
            ("reflection_delete", vec![("id", &j.reflection)]),
        ];
        for (endpoint, fields) in &calls {
            let path = format!("/api/{endpoint}");
            for who in Who::ALL.into_iter().filter(|w| *w != Who::Participant) {
                let answer = cast.who(who).form(&path, fields);
                let expected = if who == Who::Anonymous { 401 } else { 404 };
                assert_eq!(
                    answer.status,
                    expected,
                    "{endpoint} by {who:?}: {}",
                    answer.text()
                );
            }
        }
        // Nobody else's list shows any of it.
        for who in [Who::Admin, Who::Facilitator, Who::Mentor, Who::Outsider] {
            for list in [
                "/api/dreams",
                "/api/steps",
                "/api/reflections",
                "/api/journal_home",
            ] {
                let text = cast
                    .who(who)
                    .form(list, &[("archived", "false"), ("done", "false")])
                    .text();
                assert!(
                    !text.contains("Oma koti") && !text.contains("Salainen"),
                    "{list} by {who:?}"
                );
            }
            let page = cast
                .who(who)
                .page(&format!("/journal/reflections/{}", j.reflection));
            assert!(!page.contains("Salainen ajatus"), "the page of {who:?}");
        }
        // Everything is as the owner left it; and the owner can do it all.
        let owner = &mut cast.participant.browser;
        assert!(owner
            .page(&format!("/journal/reflections/{}", j.reflection))
            .contains("Salainen ajatus"));
        for (endpoint, fields) in calls {
            let answer = owner.form(&format!("/api/{endpoint}"), &fields);
            assert_eq!(
                answer.status,
                200,
                "{endpoint} by the owner: {}",
                answer.text()
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_entries_are_explained_field_by_field_and_change_nothing() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let b = &mut cast.participant.browser;
        let long = "x".repeat(10_001);
        for (path, fields, field) in [
            (
                "/api/dream_create",
                vec![
                    ("request_id", "bad-request-00001"),
                    ("title", ""),
                    ("meaning", ""),
                    ("life_area", "home"),
                ],
                "Title",
            ),
            (
                "/api/dream_create",
                vec![
                    ("request_id", "bad-request-00002"),
                    ("title", "K"),
                    ("meaning", ""),
                    ("life_area", "moon"),
                ],
                "LifeArea",
            ),
            (
                "/api/step_create",
                vec![
                    ("request_id", "bad-request-00003"),
                    ("title", "A"),
                    ("kind", "nap"),
                ],
                "StepKind",
            ),
            (
                "/api/step_create",
                vec![
                    ("request_id", "bad-request-00004"),
                    ("title", "A"),
                    ("kind", "work"),
                    ("target_on", "ensi viikolla"),
                ],
                "TargetDate",
            ),
            (
                "/api/step_create",
                vec![
                    ("request_id", "bad-request-00005"),
                    ("title", "A"),
                    ("kind", "work"),
                    ("dream", "999999"),
                ],
                "Dream",
            ),
            (
                "/api/reflection_create",
                vec![
                    ("request_id", "bad-request-00006"),
                    ("written_on", "2026-11-23"),
                    ("body", long.as_str()),
                ],
                "ReflectionBody",
            ),
            (
                "/api/reflection_create",
                vec![
                    ("request_id", "bad-request-00007"),
                    ("written_on", "2026-11-23"),
                    ("body", "x"),
                    ("mood", "9"),
                ],
                "Mood",
            ),
            (
                "/api/reflection_create",
                vec![
                    ("request_id", "bad-request-00008"),
                    ("written_on", "31.12."),
                    ("body", "x"),
                ],
                "WrittenOn",
            ),
            (
                "/api/reflection_create",
                vec![
                    ("request_id", "short"),
                    ("written_on", "2026-11-23"),
                    ("body", "x"),
                ],
                "BadInput",
            ),
        ] {
            let answer = b.form(path, &fields);
            assert_eq!(answer.status, 400, "{path}: {}", answer.text());
            assert!(
                answer.text().contains(field),
                "{path} names {field}: {}",
                answer.text()
            );
        }
        for list in ["/api/dreams", "/api/steps", "/api/reflections"] {
            let listed: serde_json::Value = serde_json::from_slice(
                &b.form(list, &[("archived", "false"), ("done", "false")])
                    .body,
            )
            .unwrap();
            let items = listed.get("page").map_or(&listed["items"], |p| &p["items"]);
            assert_eq!(items.as_array().unwrap().len(), 0, "{list} is still empty");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_post_twice_saves_once() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let b = &mut cast.participant.browser;
        let fields = [
            ("request_id", "same-request-00001"),
            ("written_on", "2026-11-23"),
            ("body", "Vain kerran"),
        ];
        assert_eq!(b.form("/api/reflection_create", &fields).status, 200);
        assert_eq!(b.form("/api/reflection_create", &fields).status, 200);
        let listed: serde_json::Value =
            serde_json::from_slice(&b.form("/api/reflections", &[]).body).unwrap();
        assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plain_form_post_without_javascript_comes_back_with_its_error() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let b = &mut cast.participant.browser;
        let answer = b.html_form(
            "/api/reflection_create",
            "/journal/reflections",
            &[
                ("request_id", "plain-form-000001"),
                ("written_on", "2026-11-23"),
                ("body", " "),
            ],
        );
        assert_eq!(answer.status, 302);
        let back = answer.header("location").unwrap().to_owned();
        assert!(back.contains("/journal/reflections?"), "{back}");
        let page = b.page(back.trim_start_matches(&format!("http://localhost:{}", server.port)));
        assert!(
            page.contains("Kirjoita jotain, enintään 10 000 merkkiä."),
            "the error, in Finnish, by the field"
        );
        let ok = b.html_form(
            "/api/reflection_create",
            "/journal/reflections",
            &[
                ("request_id", "plain-form-000002"),
                ("written_on", "2026-11-23"),
                ("body", "Ilman JavaScriptiä"),
            ],
        );
        assert_eq!(ok.status, 302);
        assert_eq!(ok.header("location"), Some("/journal/reflections"));
        assert!(b
            .page("/journal/reflections")
            .contains("Ilman JavaScriptiä"));
    })
    .await;
}

/// A step's form keeps the step's dream as a choice when that dream is put
/// away, so saving the form does not unlink it unasked; and the home page
/// and the step forms carry a dream's title, never its meaning.
#[tokio::test(flavor = "multi_thread")]
async fn a_step_keeps_its_put_away_dream_and_only_dream_titles_travel() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let owner = &mut cast.participant.browser;
        let j = write_journal(owner);
        let step = [("id", j.step.as_str())];
        let reads: [(&str, &[(&str, &str)]); 3] = [
            ("/api/journal_home", &[]),
            ("/api/steps", &[("done", "false")]),
            ("/api/step", &step),
        ];
        for (path, fields) in reads {
            let text = owner.form(path, fields).text();
            assert!(text.contains("Oma koti"), "{path} names the dream: {text}");
            assert!(
                !text.contains("Rauha"),
                "{path} carries its meaning: {text}"
            );
        }

        let archived = owner.form(
            "/api/dream_archive",
            &[("id", &j.dream), ("archived", "true")],
        );
        assert_eq!(archived.status, 200, "{}", archived.text());
        let page = owner.page(&format!("/journal/steps/{}", j.step));
        let option = format!(r#"<option value="{}" selected"#, j.dream);
        let at = page
            .find(&option)
            .unwrap_or_else(|| panic!("no chosen dream in the step's form: {page}"));
        let end = at + page[at..].find("</option>").unwrap();
        assert!(page[at..end].ends_with(">Oma koti"), "{}", &page[at..end]);
        // On a page of new steps, only current dreams are offered.
        let steps = owner.page("/journal/steps");
        let offered = format!(r#"<option value="{}""#, j.dream);
        assert!(!steps.contains(&offered), "{steps}");
    })
    .await;
}
