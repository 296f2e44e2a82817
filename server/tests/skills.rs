//! Confirming a peer skill through the real server, on SQLite and
//! PostgreSQL: only a facilitator of the participant's group, only for a
//! skill shared with them, once.

mod support;

use app::model::Audience;
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

#[tokio::test(flavor = "multi_thread")]
async fn only_the_groups_facilitator_confirms_a_shared_skill() {
    use Who::*;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let made = cast.participant.browser.form(
            "/api/skill_create",
            &[
                ("request_id", "skill-request-0001"),
                ("kind", "naloxone"),
                ("learned_on", "2026-11-02"),
                ("note", ""),
            ],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let bad = cast.participant.browser.form(
            "/api/skill_create",
            &[
                ("request_id", "skill-request-0002"),
                ("kind", "juggling"),
                ("learned_on", "2026-11-02"),
                ("note", ""),
            ],
        );
        assert_eq!(bad.status, 400);
        let owner = cast.participant.id;
        let id = block_on(store.skills(owner, None)).unwrap().items[0].id;
        let (group, person, item) = (cast.group.to_string(), owner.to_string(), id.to_string());
        let confirm = [
            ("group", group.as_str()),
            ("person", person.as_str()),
            ("item", item.as_str()),
        ];
        let confirmed = || block_on(store.skill(owner, id)).unwrap().unwrap().confirmed;

        let r = cast
            .facilitator
            .browser
            .form("/api/skill_confirm", &confirm);
        assert_eq!(r.status, 404, "not shared yet");
        block_on(store.share(owner, id, Audience::Facilitators, None)).unwrap();
        for (who, status) in [
            (Anonymous, 401),
            (Admin, 404),
            (Stranger, 404),
            (Participant, 404),
            (Mentor, 404),
            (Outsider, 404),
        ] {
            let r = cast.who(who).form("/api/skill_confirm", &confirm);
            assert_eq!(r.status, status, "skill_confirm by {who:?}");
            assert!(confirmed().is_none());
        }
        let page = cast
            .facilitator
            .browser
            .page(&format!("/groups/{group}/people/{person}"));
        assert!(page.contains("Vahvista: olen nähnyt taidon itse"), "{page}");
        let r = cast
            .facilitator
            .browser
            .form("/api/skill_confirm", &confirm);
        assert_eq!(r.status, 200);
        assert!(confirmed().is_some());
        let again = cast
            .facilitator
            .browser
            .form("/api/skill_confirm", &confirm);
        assert_eq!(again.status, 404, "once");
        let mine = cast
            .participant
            .browser
            .page(&format!("/journal/skills/{id}"));
        assert!(
            mine.contains("vahvistettu kasvokkain") && mine.contains("Fanni"),
            "{mine}"
        );
    })
    .await;
}
