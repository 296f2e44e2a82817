//! Taking one's data along, through the real server, on SQLite and
//! PostgreSQL: the JSON file and "My path on paper" answer only a person
//! who confirmed with a passkey lately, and hold only that person's own
//! things, every kind of them.

mod support;

use app::model::{
    Audience, CheckInText, Day, DreamText, FeedbackKind, MarkText, MilestoneText, PeerWorkText,
    ReflectionText, SkillText, StepText, WishText,
};
use app::store::Store;
use support::cast::{Cast, Who};
use support::{age_confirmations, block_on, on_each_database};

/// What a person writes in Polku: one thing of every kind, each text
/// carrying `tag`, one item shared and read by `reader` who leaves a note.
/// Returns the ids of the dream and the step.
fn a_life(store: &Store, owner: i64, group: i64, reader: i64, tag: &str) -> (i64, i64) {
    let req = |n: u32| format!("{tag}-request-{n:04}");
    let dream = block_on(store.create_dream(
        owner,
        &req(1),
        &DreamText::parse(&format!("{tag} dream"), &format!("{tag} meaning"), "work").unwrap(),
    ))
    .unwrap();
    let step = block_on(store.create_step(
        owner,
        &req(2),
        &StepText::parse(&format!("{tag} step"), &dream.to_string(), "study", "").unwrap(),
    ))
    .unwrap();
    block_on(store.create_reflection(
        owner,
        &req(3),
        &ReflectionText::parse("2026-11-20", &format!("{tag} reflection"), "4").unwrap(),
    ))
    .unwrap();
    let milestone = block_on(store.create_milestone(
        group,
        &MilestoneText::parse(&format!("{tag} milestone"), "", "").unwrap(),
    ))
    .unwrap();
    block_on(store.mark_milestone(
        owner,
        &req(4),
        milestone,
        &MarkText::parse("2026-11-21", &format!("{tag} mark note")).unwrap(),
    ))
    .unwrap();
    block_on(store.create_checkin(
        owner,
        &req(5),
        &CheckInText::parse("2026-11-22", ["3"; 7], &format!("{tag} checkin note")).unwrap(),
    ))
    .unwrap();
    block_on(store.create_skill(
        owner,
        &req(6),
        &SkillText::parse("naloxone", "2026-11-02", &format!("{tag} skill note")).unwrap(),
    ))
    .unwrap();
    block_on(
        store.create_peer_work(
            owner,
            &req(7),
            &PeerWorkText::parse(
                "listening",
                "2026-11-20",
                &format!("{tag} peer work note"),
                Day::today(),
            )
            .unwrap(),
        ),
    )
    .unwrap();
    block_on(store.post_wish(
        group,
        owner,
        &WishText::parse(&format!("{tag} wish"), &format!("{tag} why")).unwrap(),
    ))
    .unwrap();
    assert!(block_on(store.share(owner, step, Audience::Facilitators, None)).unwrap());
    assert!(block_on(store.read_shared_item(reader, step))
        .unwrap()
        .is_some());
    assert!(block_on(store.add_feedback(
        reader,
        step,
        FeedbackKind::Note,
        &format!("{tag} feedback")
    ))
    .unwrap());
    (dream, step)
}

const PIRJO: &str = "Alpha7";
const OLLI: &str = "Omega9";

/// Everyone loses their confirmation, then `who` confirms again.
fn only_confirmed(cast: &mut Cast, database_url: &str, who: &[Who]) {
    age_confirmations(database_url, 11 * 60);
    for who in who {
        let person = match who {
            Who::Participant => &mut cast.participant,
            Who::Outsider => &mut cast.outsider,
            Who::Facilitator => &mut cast.facilitator,
            Who::Mentor => &mut cast.mentor,
            Who::Admin => &mut cast.admin,
            Who::Stranger => &mut cast.stranger,
            Who::Anonymous => continue,
        };
        assert_eq!(person.browser.confirm(&mut person.key).status, 200);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn export_and_my_path_need_a_recent_passkey_confirmation() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        a_life(
            &store,
            cast.participant.id,
            cast.group,
            cast.facilitator.id,
            PIRJO,
        );
        let calls: [(&str, &[(&str, &str)]); 3] = [
            ("/api/export.json", &[]),
            ("/api/my_path", &[]),
            ("/api/my_path_sheet", &[("items", "1,2,3")]),
        ];
        for (path, fields) in calls {
            assert_eq!(cast.anonymous.form(path, fields).status, 401, "{path}");
        }
        only_confirmed(&mut cast, &server.database_url, &[]);
        for who in Who::ALL.into_iter().filter(|w| *w != Who::Anonymous) {
            for (path, fields) in calls {
                let answer = cast.who(who).form(path, fields);
                assert_eq!(answer.status, 403, "{who:?} {path}");
                assert!(!answer.text().contains(PIRJO), "{who:?} {path}");
            }
        }
        // Without a confirmation the page says what to do, and shows nothing.
        let page = cast.participant.browser.page("/my-path");
        assert!(page.contains("Vahvista ensin"), "{page}");
        assert!(!page.contains(PIRJO));

        only_confirmed(&mut cast, &server.database_url, &[Who::Participant]);
        for (path, fields) in calls {
            let answer = cast.participant.browser.form(path, fields);
            assert_eq!(answer.status, 200, "{path}: {}", answer.text());
        }
        assert_eq!(
            cast.mentor.browser.form("/api/export.json", &[]).status,
            403,
            "one person's confirmation opens nothing for another"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_file_holds_every_kind_of_the_owners_things_and_nothing_of_anyone_else() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let me = cast.participant.id;
        a_life(&store, me, cast.group, cast.facilitator.id, PIRJO);
        a_life(
            &store,
            cast.outsider.id,
            cast.other_group,
            cast.stranger.id,
            OLLI,
        );

        // Posted as a plain form without JavaScript: the file itself, not
        // a redirect back to the page.
        let file = cast
            .participant
            .browser
            .html_form("/api/export.json", "/devices", &[]);
        assert_eq!(file.status, 200, "{}", file.text());
        assert!(file
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"polku-"));
        assert_eq!(file.header("cache-control"), Some("no-store"));
        assert!(file
            .header("content-type")
            .unwrap()
            .starts_with("application/json"));
        let text = file.text();
        assert!(!text.contains(OLLI), "nothing of another person: {text}");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["format"], "polku-export-1");
        assert_eq!(json["display_name"], "Pirjo");
        let has = |section: &str, needle: &str| {
            let list = json[section]
                .as_array()
                .unwrap_or_else(|| panic!("{section}"));
            assert!(
                list.iter().any(|v| v.to_string().contains(needle)),
                "{section} has {needle}: {list:?}"
            );
        };
        has("dreams", &format!("{PIRJO} meaning"));
        has("steps", &format!("{PIRJO} step"));
        has("reflections", &format!("{PIRJO} reflection"));
        has("milestones", &format!("{PIRJO} mark note"));
        has("milestones", &format!("{PIRJO} milestone"));
        has("checkins", &format!("{PIRJO} checkin note"));
        has("skills", &format!("{PIRJO} skill note"));
        has("peer_work", &format!("{PIRJO} peer work note"));
        has("wishes", &format!("{PIRJO} why"));
        has("feedback", &format!("{PIRJO} feedback"));
        has("access_log", "Fanni");
        has("shares", "facilitators");

        // Everyone else gets their own, and nothing of Pirjo's.
        only_confirmed(
            &mut cast,
            &server.database_url,
            &[Who::Outsider, Who::Facilitator, Who::Mentor, Who::Admin],
        );
        let olli = cast.outsider.browser.form("/api/export.json", &[]).text();
        assert!(olli.contains(&format!("{OLLI} reflection")));
        assert!(!olli.contains(PIRJO), "{olli}");
        for who in [Who::Facilitator, Who::Mentor, Who::Admin] {
            let theirs = cast.who(who).form("/api/export.json", &[]);
            assert_eq!(theirs.status, 200, "{who:?}");
            let theirs = theirs.text();
            assert!(
                !theirs.contains(PIRJO) && !theirs.contains(OLLI),
                "{who:?}: {theirs}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn my_path_shows_only_what_was_picked() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let me = cast.participant.id;
        let (dream, step) = a_life(&store, me, cast.group, cast.facilitator.id, PIRJO);
        let unpicked = block_on(store.create_dream(
            me,
            "unpicked-request-0001",
            &DreamText::parse("Secret dream", "", "home").unwrap(),
        ))
        .unwrap();
        let (olli_dream, _) = a_life(
            &store,
            cast.outsider.id,
            cast.other_group,
            cast.stranger.id,
            OLLI,
        );

        let picker = cast.participant.browser.page("/my-path");
        for shown in [
            format!("{PIRJO} dream"),
            "Secret dream".to_owned(),
            format!("{PIRJO} step"),
            format!("{PIRJO} milestone"),
        ] {
            assert!(picker.contains(&shown), "{shown} to pick from");
        }
        assert!(!picker.contains(OLLI));
        assert!(
            !picker.contains(&format!("{PIRJO} reflection")),
            "reflections are not for the sheet"
        );

        let sheet = cast.participant.browser.page(&format!(
            "/my-path?show=1&item={dream}&item={step}&item={olli_dream}"
        ));
        assert!(sheet.contains(&format!("{PIRJO} dream")), "{sheet}");
        assert!(sheet.contains(&format!("{PIRJO} meaning")));
        assert!(sheet.contains(&format!("{PIRJO} step")));
        assert!(!sheet.contains("Secret dream"), "not picked");
        assert!(!sheet.contains(&format!("{PIRJO} milestone")), "not picked");
        assert!(!sheet.contains(OLLI), "another person's id finds nothing");
        assert!(!sheet.contains(&format!("item={unpicked}")));

        let nothing = cast.participant.browser.page("/my-path?show=1");
        assert!(nothing.contains("Et valinnut mitään"), "{nothing}");

        // Another person asking for Pirjo's ids gets nothing of hers.
        only_confirmed(&mut cast, &server.database_url, &[Who::Outsider]);
        let theirs = cast.outsider.browser.form(
            "/api/my_path_sheet",
            &[("items", &format!("{dream},{step}"))],
        );
        assert_eq!(theirs.status, 200);
        assert!(!theirs.text().contains(PIRJO), "{}", theirs.text());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_neutral_look_changes_only_the_persons_own_manifest_and_pages() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let manifest = |b: &mut support::browser::Browser| {
            let answer = b.get("/api/manifest.webmanifest");
            assert_eq!(answer.status, 200);
            assert_eq!(answer.header("cache-control"), Some("no-store"));
            serde_json::from_slice::<serde_json::Value>(&answer.body).unwrap()
        };
        assert_eq!(manifest(&mut cast.anonymous)["name"], "Polku");
        assert_eq!(manifest(&mut cast.participant.browser)["name"], "Polku");

        assert_eq!(
            cast.anonymous
                .form("/api/look", &[("neutral", "on")])
                .status,
            401
        );
        assert_eq!(
            cast.participant
                .browser
                .form("/api/look", &[("neutral", "yes please")])
                .status,
            400
        );
        let set = cast
            .participant
            .browser
            .form("/api/look", &[("neutral", "on")]);
        assert_eq!(set.status, 200, "{}", set.text());

        let neutral = manifest(&mut cast.participant.browser);
        assert_eq!(neutral["name"], "Muistio");
        assert_eq!(neutral["short_name"], "Muistio");
        assert!(neutral["icons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["src"].as_str().unwrap().contains("neutral")));
        let page = cast.participant.browser.page("/journal/reflections");
        assert!(page.contains("<title>Muistio</title>"), "{page}");
        assert!(page.contains(r#"<link href="/icons/neutral-192.png" rel="apple-touch-icon">"#));

        // Nobody else's look changed.
        assert_eq!(manifest(&mut cast.anonymous)["name"], "Polku");
        for who in [Who::Mentor, Who::Facilitator, Who::Admin] {
            assert_eq!(manifest(cast.who(who))["name"], "Polku", "{who:?}");
            let theirs = cast.who(who).page("/");
            assert!(
                theirs.contains(r#"<link href="/icons/icon-192.png" rel="apple-touch-icon">"#),
                "{who:?}"
            );
        }

        // And off again: an unticked box sends nothing.
        assert_eq!(cast.participant.browser.form("/api/look", &[]).status, 200);
        assert_eq!(manifest(&mut cast.participant.browser)["name"], "Polku");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_has_a_quick_exit_to_a_page_that_says_nothing_of_polku() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        for path in ["/", "/journal/reflections", "/devices", "/help"] {
            let page = cast.participant.browser.page(path);
            assert!(
                page.contains(r#"href="/recipe" data-quick-exit"#),
                "{path}: {page}"
            );
            assert!(page.contains(r#"<script src="/quick-exit.js"></script>"#));
        }
        let neutral = cast.anonymous.get("/recipe");
        assert_eq!(neutral.status, 200);
        let text = neutral.text();
        assert!(text.contains("<title>Kaurapuuro</title>"), "{text}");
        assert!(!text.contains("Polku"), "{text}");
        assert!(!text.contains("data-quick-exit"));
    })
    .await;
}
