//! The wishes box through the real server, on SQLite and PostgreSQL: who
//! may read, post, vote, edit, withdraw and answer, as a table; and that
//! no response or log line available to a facilitator or admin says who
//! wrote a wish.

mod support;

use app::store::Store;
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

const WHAT: &str = "Retki Nuuksioon";

fn wishes(store: &Store, group: i64) -> String {
    format!("{:?}", block_on(store.wishes(group, 0)).unwrap())
}

/// Calls `endpoint` as each caller and checks the status; refused calls
/// change nothing.
fn table(
    cast: &mut Cast,
    store: &Store,
    endpoint: &str,
    fields: &[(&str, &str)],
    expect: &[(Who, u16)],
) {
    let group = cast.group;
    for (who, status) in expect {
        let before = wishes(store, group);
        let r = cast.who(*who).form(endpoint, fields);
        assert_eq!(r.status, *status, "{endpoint} by {who:?}: {}", r.text());
        if *status != 200 {
            assert_eq!(
                wishes(store, group),
                before,
                "{endpoint} by {who:?} changed nothing"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn members_share_a_wishes_box_and_only_the_facilitator_answers() {
    use Who::*;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let group = cast.group.to_string();
        let outsiders = [
            (Anonymous, 401),
            (Admin, 404),
            (Stranger, 404),
            (Outsider, 404),
        ];

        table(
            &mut cast,
            &store,
            "/api/wish_post",
            &[
                ("group", &group),
                ("what", WHAT),
                ("why", "Luontoon yhdessä"),
            ],
            &[outsiders.as_slice(), &[(Participant, 200)]].concat(),
        );
        let bad = cast.participant.browser.form(
            "/api/wish_post",
            &[("group", &group), ("what", " "), ("why", "")],
        );
        assert_eq!(bad.status, 400, "an empty wish is refused");
        let all = block_on(store.wishes(cast.group, cast.participant.id)).unwrap();
        assert_eq!(all.len(), 1);
        assert!(all[0].mine);
        let wish = all[0].id.to_string();

        table(
            &mut cast,
            &store,
            "/api/wishes",
            &[("group", &group)],
            &[
                outsiders.as_slice(),
                &[(Participant, 200), (Mentor, 200), (Facilitator, 200)],
            ]
            .concat(),
        );

        // One vote each, however many times one taps.
        for who in [Mentor, Mentor, Facilitator] {
            let r = cast
                .who(who)
                .form("/api/wish_vote", &[("wish", &wish), ("vote", "yes")]);
            assert_eq!(r.status, 200);
        }
        table(
            &mut cast,
            &store,
            "/api/wish_vote",
            &[("wish", &wish), ("vote", "yes")],
            &outsiders,
        );
        assert_eq!(block_on(store.wishes(cast.group, 0)).unwrap()[0].votes, 2);

        // The author alone edits or withdraws; the facilitator alone answers.
        let edit = [
            ("wish", wish.as_str()),
            ("what", "Retki Nuuksioon keväällä"),
            ("why", ""),
        ];
        table(
            &mut cast,
            &store,
            "/api/wish_edit",
            &edit,
            &[outsiders.as_slice(), &[(Mentor, 404), (Facilitator, 404)]].concat(),
        );
        assert_eq!(
            cast.participant
                .browser
                .form("/api/wish_edit", &edit)
                .status,
            200
        );
        table(
            &mut cast,
            &store,
            "/api/wish_status",
            &[
                ("wish", &wish),
                ("status", "planned"),
                ("reason", "Toukokuussa"),
            ],
            &[
                outsiders.as_slice(),
                &[(Participant, 403), (Mentor, 403), (Facilitator, 200)],
            ]
            .concat(),
        );
        let not_possible = cast.facilitator.browser.form(
            "/api/wish_status",
            &[("wish", &wish), ("status", "not_possible"), ("reason", "")],
        );
        assert_eq!(not_possible.status, 400, "not possible needs a reason");
        let seen = cast.mentor.browser.page(&format!("/groups/{group}/wishes"));
        assert!(seen.contains("Retki Nuuksioon keväällä") && seen.contains("Toukokuussa"));

        table(
            &mut cast,
            &store,
            "/api/wish_withdraw",
            &[("wish", &wish)],
            &[outsiders.as_slice(), &[(Mentor, 404), (Facilitator, 404)]].concat(),
        );
        let gone = cast
            .participant
            .browser
            .form("/api/wish_withdraw", &[("wish", &wish)]);
        assert_eq!(gone.status, 200);
        assert_eq!(wishes(&store, cast.group), "[]");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_a_facilitator_or_admin_can_get_names_the_author_of_a_wish() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let group = cast.group.to_string();
        let author = cast.participant.id.to_string();
        let posted = cast.participant.browser.form(
            "/api/wish_post",
            &[
                ("group", &group),
                ("what", WHAT),
                ("why", "Luontoon yhdessä"),
            ],
        );
        assert_eq!(posted.status, 200);
        let wish = block_on(store.wishes(cast.group, 0)).unwrap()[0]
            .id
            .to_string();
        cast.mentor
            .browser
            .form("/api/wish_vote", &[("wish", &wish), ("vote", "yes")]);
        cast.participant.browser.form(
            "/api/wish_edit",
            &[("wish", &wish), ("what", WHAT), ("why", "Yhdessä ulos")],
        );

        // Everything about wishes the facilitator can fetch, as data and as pages.
        let facilitator = &mut cast.facilitator.browser;
        let answers = [
            facilitator.form("/api/wishes", &[("group", &group)]).text(),
            facilitator.page(&format!("/groups/{group}/wishes")),
        ];
        for answer in &answers {
            assert!(answer.contains(WHAT), "the wish is there: {answer}");
            assert!(!answer.contains("Pirjo"), "no author name: {answer}");
            assert!(!answer.contains("author"), "no author field: {answer}");
        }
        let data: serde_json::Value = serde_json::from_str(&answers[0]).unwrap();
        assert_eq!(data["wishes"][0]["mine"], false);
        // The admin does not even see the box.
        let admin = cast.admin.browser.form("/api/wishes", &[("group", &group)]);
        assert_eq!(admin.status, 404);

        // The server's log: wish lines carry no user, and no line names the author.
        let log = without_colours(&server.log());
        let wish_lines: Vec<&str> = log.lines().filter(|l| l.contains("wish")).collect();
        assert!(!wish_lines.is_empty(), "posting a wish is logged: {log}");
        for line in wish_lines {
            assert!(!line.contains("user_id"), "{line}");
            assert!(!line.contains(&format!("={author}")), "{line}");
            assert!(!line.contains("Pirjo"), "{line}");
        }
    })
    .await;
}

/// The log as text, without terminal colour codes between names and values.
fn without_colours(log: &str) -> String {
    let mut out = String::new();
    let mut chars = log.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
