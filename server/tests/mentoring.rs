//! Peer mentoring through the real server, on SQLite and PostgreSQL: who
//! may propose, answer, end, look and encourage, as tables of callers; and
//! the mentor sees exactly what is shared with "my peer mentor".

mod support;

use app::model::Audience;
use app::store::Store;
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

/// Calls `endpoint` as everyone in `callers`, expecting `refused` from
/// each, and checks that `unchanged` reads the same before and after.
fn refused_by(
    cast: &mut Cast,
    callers: &[(Who, u16)],
    endpoint: &str,
    fields: &[(&str, &str)],
    unchanged: &dyn Fn() -> String,
) {
    let before = unchanged();
    for (who, status) in callers {
        let r = cast.who(*who).form(endpoint, fields);
        assert_eq!(r.status, *status, "{endpoint} by {who:?}: {}", r.text());
    }
    assert_eq!(
        unchanged(),
        before,
        "{endpoint}: a refused call changes nothing"
    );
}

fn step(cast: &mut Cast, title: &str, n: u32) -> i64 {
    let made = cast.participant.browser.form(
        "/api/step_create",
        &[
            ("request_id", &format!("mentoring-step-{n:04}")),
            ("title", title),
            ("dream", ""),
            ("kind", "work"),
            ("target_on", ""),
        ],
    );
    assert_eq!(made.status, 200, "{}", made.text());
    let steps: serde_json::Value = serde_json::from_slice(
        &cast
            .participant
            .browser
            .form("/api/steps", &[("done", "false")])
            .body,
    )
    .unwrap();
    steps["page"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == title)
        .and_then(|s| s["id"].as_i64())
        .unwrap()
}

fn links(store: &Store, group: i64) -> String {
    format!(
        "{:?}",
        block_on(store.mentor_links_in_group(group)).unwrap()
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn only_the_groups_facilitator_proposes_and_only_the_mentee_answers() {
    use Who::*;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let (group, mentor, mentee) = (
            cast.group.to_string(),
            cast.mentor.id.to_string(),
            cast.participant.id.to_string(),
        );
        let propose = [
            ("group", group.as_str()),
            ("mentor", mentor.as_str()),
            ("mentee", mentee.as_str()),
        ];
        let g = cast.group;
        refused_by(
            &mut cast,
            &[
                (Anonymous, 401),
                (Admin, 404),
                (Stranger, 404),
                (Participant, 404),
                (Mentor, 404),
                (Outsider, 404),
            ],
            "/api/mentor_propose",
            &propose,
            &|| links(&store, g),
        );
        // Only the group's own peer mentors and participants can be paired.
        let outsider = cast.outsider.id.to_string();
        for (m, e) in [
            (mentee.as_str(), mentor.as_str()),
            (mentor.as_str(), outsider.as_str()),
            (mentor.as_str(), mentor.as_str()),
        ] {
            let r = cast.facilitator.browser.form(
                "/api/mentor_propose",
                &[("group", &group), ("mentor", m), ("mentee", e)],
            );
            assert_eq!(r.status, 400, "{m} for {e}: {}", r.text());
        }
        assert_eq!(links(&store, g), "[]");
        let r = cast
            .facilitator
            .browser
            .form("/api/mentor_propose", &propose);
        assert_eq!(r.status, 200, "{}", r.text());
        let again = cast
            .facilitator
            .browser
            .form("/api/mentor_propose", &propose);
        assert_eq!(again.status, 400, "one open proposal per pair");
        let link = block_on(store.mentor_links_in_group(g)).unwrap()[0]
            .id
            .to_string();

        // The mentor is not told: a proposal can be declined quietly.
        let told = cast.mentor.browser.form("/api/mentoring", &[]).text();
        assert!(!told.contains("Pirjo"), "{told}");

        // The proposal is the mentee's to answer.
        refused_by(
            &mut cast,
            &[
                (Anonymous, 401),
                (Admin, 404),
                (Facilitator, 404),
                (Stranger, 404),
                (Mentor, 404),
                (Outsider, 404),
            ],
            "/api/mentor_answer",
            &[("link", &link), ("answer", "accept")],
            &|| links(&store, g),
        );
        let bad = cast.participant.browser.form(
            "/api/mentor_answer",
            &[("link", &link), ("answer", "maybe")],
        );
        assert_eq!(bad.status, 400);
        let page: serde_json::Value =
            serde_json::from_slice(&cast.participant.browser.form("/api/mentoring", &[]).body)
                .unwrap();
        assert_eq!(page["proposals"][0]["mentor_name"], "Mikko");
        let yes = cast.participant.browser.form(
            "/api/mentor_answer",
            &[("link", &link), ("answer", "accept")],
        );
        assert_eq!(yes.status, 200, "{}", yes.text());
        let mentor_side: serde_json::Value =
            serde_json::from_slice(&cast.mentor.browser.form("/api/mentoring", &[]).body).unwrap();
        assert_eq!(mentor_side["mentees"][0]["link"]["mentee_name"], "Pirjo");

        // Either side may end it; nobody else.
        refused_by(
            &mut cast,
            &[
                (Anonymous, 401),
                (Admin, 404),
                (Facilitator, 404),
                (Stranger, 404),
                (Outsider, 404),
            ],
            "/api/mentor_end",
            &[("link", &link)],
            &|| links(&store, g),
        );
        let ended = cast
            .mentor
            .browser
            .form("/api/mentor_end", &[("link", &link)]);
        assert_eq!(ended.status, 200);
        assert_eq!(links(&store, g), "[]");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mentor_sees_and_encourages_only_what_is_shared_with_the_mentor() {
    use Who::*;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let owner = cast.participant.id;
        let for_mentor = step(&mut cast, "Kysyn työkokeilusta", 1);
        let for_facilitators = step(&mut cast, "Käyn kirjastossa", 2);
        let private = step(&mut cast, "Salainen askel", 3);
        block_on(store.share(owner, for_mentor, Audience::Mentor, None)).unwrap();
        block_on(store.share(owner, for_facilitators, Audience::Facilitators, None)).unwrap();
        let person = owner.to_string();
        let view = [("person", person.as_str())];

        // Before any link, the mentor page is nobody's.
        for (who, status) in [
            (Anonymous, 401),
            (Mentor, 404),
            (Facilitator, 404),
            (Admin, 404),
            (Outsider, 404),
        ] {
            let r = cast.who(who).form("/api/mentee", &view);
            assert_eq!(r.status, status, "mentee by {who:?}");
        }
        let link = block_on(store.propose_mentor(
            cast.mentor.id,
            owner,
            Some(cast.group),
            cast.facilitator.id,
        ))
        .unwrap();
        let r = cast.mentor.browser.form("/api/mentee", &view);
        assert_eq!(r.status, 404, "nothing before the mentee accepts");
        block_on(store.answer_mentor(owner, link, true)).unwrap();

        let page = cast.mentor.browser.page(&format!("/mentoring/{owner}"));
        assert!(page.contains("Kysyn työkokeilusta"), "{page}");
        assert!(
            !page.contains("Käyn kirjastossa"),
            "facilitators' share is not the mentor's"
        );
        assert!(!page.contains("Salainen askel"));
        let facilitator_view = cast
            .facilitator
            .browser
            .page(&format!("/groups/{}/people/{owner}", cast.group));
        assert!(facilitator_view.contains("Käyn kirjastossa"));
        assert!(!facilitator_view.contains("Kysyn työkokeilusta"));

        // Encouragement: the mentor, on what is shared with them.
        let encourage = |item: i64, phrase: &str| {
            vec![
                ("person", person.clone()),
                ("item", item.to_string()),
                ("phrase", phrase.to_owned()),
                ("message", "Hienoa, jatka!".to_owned()),
            ]
        };
        let as_fields = |v: &Vec<(&'static str, String)>| {
            v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
        };
        let call = |cast: &mut Cast, who: Who, fields: &Vec<(&'static str, String)>| {
            let f = as_fields(fields);
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            cast.who(who).form("/api/encourage", &f).status
        };
        let feedback = || format!("{:?}", block_on(store.recent_feedback(owner, 10)).unwrap());
        let before = feedback();
        for (who, status) in [
            (Anonymous, 401),
            (Facilitator, 404),
            (Stranger, 404),
            (Admin, 404),
            (Participant, 404),
            (Outsider, 404),
        ] {
            assert_eq!(
                call(&mut cast, who, &encourage(for_mentor, "well_done")),
                status,
                "{who:?}"
            );
        }
        assert_eq!(
            call(&mut cast, Mentor, &encourage(for_facilitators, "well_done")),
            404
        );
        assert_eq!(
            call(&mut cast, Mentor, &encourage(private, "well_done")),
            404
        );
        assert_eq!(
            call(&mut cast, Mentor, &encourage(for_mentor, "you_rock")),
            400
        );
        assert_eq!(feedback(), before, "refused encouragement leaves nothing");
        assert_eq!(
            call(&mut cast, Mentor, &encourage(for_mentor, "proud_of_you")),
            200
        );

        // The mentee reads it on the home page, in their language, and hides it.
        let home = cast.participant.browser.page("/");
        assert!(home.contains("Olen ylpeä sinusta."), "{home}");
        assert!(home.contains("Hienoa, jatka!"));
        let note = block_on(store.recent_feedback(owner, 1)).unwrap()[0]
            .2
            .id
            .to_string();
        for (who, status) in [(Anonymous, 401), (Mentor, 404), (Facilitator, 404)] {
            let r = cast.who(who).form("/api/note_hide", &[("id", &note)]);
            assert_eq!(r.status, status, "note_hide by {who:?}");
        }
        assert_eq!(
            cast.participant
                .browser
                .form("/api/note_hide", &[("id", &note)])
                .status,
            200
        );
        assert!(!cast
            .participant
            .browser
            .page("/")
            .contains("Hienoa, jatka!"));

        // The mentee ends the link: the mentor's next look shows nothing.
        cast.participant
            .browser
            .form("/api/mentor_end", &[("link", &link.to_string())]);
        let r = cast.mentor.browser.form("/api/mentee", &view);
        assert_eq!(r.status, 404);
        assert!(!cast
            .mentor
            .browser
            .page(&format!("/mentoring/{owner}"))
            .contains("Kysyn työkokeilusta"));
        // What the mentor saw is in the mentee's log.
        assert!(cast
            .participant
            .browser
            .page("/journal/seen")
            .contains("Mikko"));
    })
    .await;
}
