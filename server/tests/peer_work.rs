//! The peer work diary through the real server, on SQLite and PostgreSQL:
//! each function for its writer only; a shared entry shows what and when,
//! never the note; the figures count it, small numbers hidden.

mod support;

use app::model::{Audience, Day};
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

const NOTE: &str = "Saatoin hänet A-klinikalle";

#[tokio::test(flavor = "multi_thread")]
async fn the_diary_answers_its_writer_only() {
    use Who::*;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let today = Day::today().iso();
        let entry = |request: &'static str, kind: &'static str, day: String| {
            move |b: &mut support::browser::Browser| {
                b.form(
                    "/api/peer_work_create",
                    &[
                        ("request_id", request),
                        ("kind", kind),
                        ("done_on", &day),
                        ("note", NOTE),
                    ],
                )
            }
        };
        let anonymous =
            entry("work-request-0001", "accompanying", today.clone())(&mut cast.anonymous);
        assert_eq!(anonymous.status, 401);
        let made = entry("work-request-0002", "accompanying", today.clone())(
            &mut cast.participant.browser,
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let owner = cast.participant.id;
        let diary = || block_on(store.peer_work_diary(owner, None)).unwrap().items;
        for (kind, day) in [
            ("gossip", today.clone()),
            ("listening", Day::today().add_days(3).iso()),
            ("listening", "eilen".to_owned()),
        ] {
            let bad = entry("work-request-0003", kind, day.clone())(&mut cast.participant.browser);
            assert_eq!(bad.status, 400, "{kind} {day}");
        }
        assert_eq!(diary().len(), 1, "a refused entry changes nothing");
        let id = diary()[0].id.to_string();

        let read = [("id", id.as_str())];
        let update = [
            ("id", id.as_str()),
            ("kind", "listening"),
            ("done_on", today.as_str()),
            ("note", "muutettu"),
        ];
        for who in [Anonymous, Admin, Facilitator, Stranger, Mentor, Outsider] {
            let status = if who == Anonymous { 401 } else { 404 };
            let b = cast.who(who);
            assert_eq!(
                b.form("/api/peer_work_entry", &read).status,
                status,
                "{who:?}"
            );
            assert_eq!(
                b.form("/api/peer_work_update", &update).status,
                status,
                "{who:?}"
            );
            assert_eq!(
                b.form("/api/peer_work_delete", &read).status,
                status,
                "{who:?}"
            );
            let list = b.form("/api/peer_work", &[]);
            if who == Anonymous {
                assert_eq!(list.status, 401);
            } else {
                assert!(list.status == 200 && !list.text().contains(NOTE), "{who:?}");
            }
        }
        assert_eq!(diary()[0].note, NOTE, "nobody else changed it");
        let mine = cast.participant.browser.form("/api/peer_work_entry", &read);
        assert!(mine.status == 200 && mine.text().contains(NOTE));

        // Shared with the facilitators: what and when, not the note.
        block_on(store.share(owner, diary()[0].id, Audience::Facilitators, None)).unwrap();
        let page = cast
            .facilitator
            .browser
            .page(&format!("/groups/{}/people/{owner}", cast.group));
        assert!(page.contains("Saattaminen palveluun"), "{page}");
        assert!(!page.contains(NOTE), "the note stays with its writer");

        assert_eq!(
            cast.participant
                .browser
                .form("/api/peer_work_delete", &read)
                .status,
            200
        );
        assert!(diary().is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_figures_count_peer_work_and_hide_small_numbers() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let today = Day::today().iso();
        for n in 0..6 {
            let request = format!("figures-work-{n:04}");
            let kind = if n == 0 { "overdose_aid" } else { "listening" };
            let made = cast.mentor.browser.form(
                "/api/peer_work_create",
                &[
                    ("request_id", &request),
                    ("kind", kind),
                    ("done_on", &today),
                    ("note", NOTE),
                ],
            );
            assert_eq!(made.status, 200);
        }
        let csv = cast.admin.browser.get("/api/figures.csv").text();
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(
            "\"Vertaistyötä tehneet\",\"Vertaistyömerkinnät\",\"Annetut yliannostusensiavut\""
        ));
        let oulu = csv.lines().find(|l| l.starts_with("\"Oulu\"")).unwrap();
        // One person, six entries, one of them overdose first aid.
        assert!(oulu.ends_with(",<5,6,<5"), "{oulu}");
        assert!(!csv.contains(NOTE) && !csv.contains("Mikko"));
    })
    .await;
}
