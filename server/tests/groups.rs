//! Who may run which group function, as a table: every server function of
//! areas, groups, members, invites and recovery links, called by every kind
//! of person, on SQLite and PostgreSQL. A refused call changes nothing.

mod support;

use app::model::Role;
use app::policy::InviteTarget;
use app::store::Store;
use support::browser::shared_code;
use support::cast::{Cast, Person, Who};
use support::{block_on, invite, on_each_database, DAY};

/// One server function: what it is called with, who may call it, and what
/// everyone else gets.
struct Case {
    endpoint: &'static str,
    fields: Vec<(&'static str, String)>,
    allowed: &'static [Who],
    /// The status a signed-in caller who may not gets: 403, or 404 where
    /// even the existence of the thing is not theirs to know.
    refused: u16,
    /// Can be done once only (withdraw, remove, leave): only the first
    /// allowed caller calls it.
    once: bool,
}

/// What a refused call must not have changed.
fn fingerprint(store: &Store, cast: &Cast) -> String {
    let areas = block_on(store.areas()).unwrap();
    let groups = block_on(store.all_groups()).unwrap();
    let roster = block_on(store.roster(cast.group)).unwrap();
    let invites = block_on(store.open_group_invites(cast.group)).unwrap();
    let area_invites = block_on(store.open_area_invites(cast.area)).unwrap();
    let participant = block_on(store.actor(cast.participant.id)).unwrap();
    let milestones = block_on(store.milestones(cast.group)).unwrap();
    let meetings = block_on(store.coming_meetings(cast.group)).unwrap();
    let services = block_on(store.services(cast.area)).unwrap();
    format!("{areas:?}{groups:?}{roster:?}{invites:?}{area_invites:?}{participant:?}{milestones:?}{meetings:?}{services:?}")
}

fn cases(store: &Store, cast: &Cast, colleague: i64, extra_membership: i64) -> Vec<Case> {
    use Who::*;
    let (area, group) = (cast.area.to_string(), cast.group.to_string());
    let group_invite = invite(
        store,
        InviteTarget::Member {
            group: cast.group,
            role: Role::Participant,
        },
        3,
        DAY,
    );
    let group_invite_id = block_on(store.open_group_invites(cast.group)).unwrap()[0].id;
    invite(store, InviteTarget::Facilitator { area: cast.area }, 1, DAY);
    let area_invite_id = block_on(store.open_area_invites(cast.area)).unwrap()[0].id;
    let recovery = block_on(store.create_recovery(
        cast.participant.id,
        cast.facilitator.id,
        std::time::Duration::from_secs(900),
    ))
    .unwrap()
    .0;
    let milestone = block_on(store.create_milestone(
        cast.group,
        &app::model::MilestoneText::parse("Retki", "", "").unwrap(),
    ))
    .unwrap();
    let meeting = block_on(store.schedule_meeting(
        cast.group,
        &app::model::MeetingText::parse("2030-01-10T18:00", 90, "Kirjasto", "").unwrap(),
    ))
    .unwrap();
    let service = block_on(store.add_service(
        cast.area,
        &app::model::ServiceText::parse("Vinkki", "", "", "", "").unwrap(),
    ))
    .unwrap();
    let s = |v: &str| v.to_owned();
    let call = |endpoint, fields, allowed, refused| Case {
        endpoint,
        fields,
        allowed,
        refused,
        once: false,
    };
    let once = |endpoint, fields, allowed, refused| Case {
        endpoint,
        fields,
        allowed,
        refused,
        once: true,
    };
    let staff_of_group: &[Who] = &[Facilitator, Admin];
    vec![
        call("areas", vec![], &[Admin], 403),
        once("area_create", vec![("name", s("Tornio"))], &[Admin], 403),
        call(
            "area_rename",
            vec![("id", area.clone()), ("name", s("Oulun seutu"))],
            &[Admin],
            403,
        ),
        call("area", vec![("id", area.clone())], &[Admin], 403),
        call(
            "facilitator_invite_create",
            vec![
                ("area", area.clone()),
                ("uses", s("1")),
                ("valid_days", s("7")),
            ],
            &[Admin],
            403,
        ),
        once(
            "facilitator_invite_withdraw",
            vec![("area", area.clone()), ("id", area_invite_id.to_string())],
            &[Admin],
            403,
        ),
        call("groups", vec![], &[Admin, Facilitator, Stranger], 403),
        call(
            "group_create",
            vec![
                ("area", area.clone()),
                ("name", s("Uusi ryhmä")),
                ("kind", s("women")),
                ("starts_on", s("2026-02-01")),
            ],
            staff_of_group,
            403,
        ),
        call("group", vec![("id", group.clone())], staff_of_group, 404),
        call(
            "group_switch",
            vec![("group", group.clone()), ("monthly_from", s("2026-06-01"))],
            staff_of_group,
            403,
        ),
        call(
            "group_invite_create",
            vec![
                ("group", group.clone()),
                ("role", s("participant")),
                ("uses", s("2")),
                ("valid_days", s("7")),
            ],
            staff_of_group,
            403,
        ),
        call(
            "invite_share",
            vec![("code", group_invite)],
            staff_of_group,
            404,
        ),
        once(
            "group_invite_withdraw",
            vec![
                ("group", group.clone()),
                ("id", group_invite_id.to_string()),
            ],
            staff_of_group,
            403,
        ),
        call(
            "group_facilitator_add",
            vec![("group", group.clone()), ("user", colleague.to_string())],
            staff_of_group,
            403,
        ),
        once(
            "group_member_remove",
            vec![
                ("group", group.clone()),
                ("membership", extra_membership.to_string()),
            ],
            staff_of_group,
            403,
        ),
        call(
            "recovery_share",
            vec![("code", recovery)],
            staff_of_group,
            404,
        ),
        call(
            "recovery_create",
            vec![("user", cast.participant.id.to_string())],
            staff_of_group,
            403,
        ),
        call(
            "milestone_create",
            vec![
                ("group", group.clone()),
                ("title", s("Ensiapukurssi")),
                ("description", s("")),
                ("target_on", s("2026-12-01")),
            ],
            staff_of_group,
            403,
        ),
        call(
            "milestone_update",
            vec![
                ("group", group.clone()),
                ("id", milestone.to_string()),
                ("title", s("Syysretki")),
                ("description", s("Yhdessä")),
                ("target_on", s("")),
            ],
            staff_of_group,
            403,
        ),
        once(
            "milestone_archive",
            vec![("group", group.clone()), ("id", milestone.to_string())],
            staff_of_group,
            403,
        ),
        call(
            "meeting_schedule",
            vec![
                ("group", group.clone()),
                ("starts", s("2030-02-01T18:00")),
                ("minutes", s("90")),
                ("place", s("Kirjasto")),
                ("topic", s("")),
            ],
            staff_of_group,
            403,
        ),
        once(
            "meeting_cancel",
            vec![("group", group.clone()), ("id", meeting.to_string())],
            staff_of_group,
            403,
        ),
        call(
            "service_add",
            vec![
                ("area", area.clone()),
                ("name", s("A-klinikka")),
                ("offer", s("")),
                ("address", s("")),
                ("hours", s("")),
                ("phone", s("040 1")),
            ],
            staff_of_group,
            403,
        ),
        call(
            "service_update",
            vec![
                ("area", area.clone()),
                ("id", service.to_string()),
                ("name", s("Vinkki Oulu")),
                ("offer", s("")),
                ("address", s("")),
                ("hours", s("")),
                ("phone", s("")),
            ],
            staff_of_group,
            403,
        ),
        once(
            "service_remove",
            vec![("area", area.clone()), ("id", service.to_string())],
            staff_of_group,
            403,
        ),
        call(
            "my_memberships",
            vec![],
            &[Admin, Facilitator, Stranger, Participant, Mentor, Outsider],
            403,
        ),
        once(
            "group_leave",
            vec![("group", group)],
            &[Participant, Mentor, Facilitator],
            404,
        ),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn every_group_function_answers_only_those_it_should() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let colleague = Person::join(
            server.port,
            &store,
            InviteTarget::Facilitator { area: cast.area },
            "Kaisa",
        )
        .id;
        let extra = Person::join(
            server.port,
            &store,
            InviteTarget::Member {
                group: cast.group,
                role: Role::Participant,
            },
            "Eeva",
        )
        .id;
        let extra_membership = block_on(store.roster(cast.group))
            .unwrap()
            .into_iter()
            .find(|(m, _)| m.user_id == extra)
            .unwrap()
            .0
            .membership_id;

        let mut table = vec![format!(
            "{:<28} {}",
            "function",
            Who::ALL.map(|w| format!("{w:?}")).join(" ")
        )];
        for case in cases(&store, &cast, colleague, extra_membership) {
            let path = format!("/api/{}", case.endpoint);
            let fields: Vec<(&str, &str)> =
                case.fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let mut row = Vec::new();
            // Everyone who may not goes first; nothing may change.
            for who in Who::ALL.into_iter().filter(|w| !case.allowed.contains(w)) {
                let before = fingerprint(&store, &cast);
                let answer = cast.who(who).form(&path, &fields);
                let expected = if who == Who::Anonymous {
                    401
                } else {
                    case.refused
                };
                assert_eq!(
                    answer.status,
                    expected,
                    "{} by {who:?}: {}",
                    case.endpoint,
                    answer.text()
                );
                assert_eq!(
                    before,
                    fingerprint(&store, &cast),
                    "{} by {who:?} changed something",
                    case.endpoint
                );
                row.push((who, answer.status));
            }
            for who in case
                .allowed
                .iter()
                .copied()
                .take(if case.once { 1 } else { usize::MAX })
            {
                let answer = cast.who(who).form(&path, &fields);
                assert_eq!(
                    answer.status,
                    200,
                    "{} by {who:?}: {}",
                    case.endpoint,
                    answer.text()
                );
                row.push((who, answer.status));
            }
            let cells = Who::ALL.map(|w| {
                row.iter()
                    .find(|(who, _)| *who == w)
                    .map_or("  —".to_owned(), |(_, status)| format!("{status:>3}"))
            });
            table.push(format!("{:<28} {}", case.endpoint, cells.join("  ")));
        }
        println!("{}", table.join("\n"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_facilitators_invite_brings_a_participant_into_the_group() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let made = cast.facilitator.browser.form(
            "/api/group_invite_create",
            &[
                ("group", &cast.group.to_string()),
                ("role", "peer_mentor"),
                ("uses", "1"),
                ("valid_days", "3"),
            ],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let code = shared_code(&made);

        let share: serde_json::Value = serde_json::from_slice(
            &cast
                .facilitator
                .browser
                .form("/api/invite_share", &[("code", &code)])
                .body,
        )
        .unwrap();
        assert_eq!(share["role"], "peer_mentor");
        assert!(share["link"]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/invite/{code}")));
        assert!(share["link"]["qr_svg"]
            .as_str()
            .unwrap()
            .starts_with("<svg"));

        let newcomer = Person::join_with_code(server.port, &store, &code, "Uusi");
        let roster = block_on(store.roster(cast.group)).unwrap();
        assert!(roster
            .iter()
            .any(|(m, _)| m.user_id == newcomer.id && m.role == Role::PeerMentor));
        let page = cast
            .facilitator
            .browser
            .page(&format!("/groups/{}", cast.group));
        assert!(page.contains("Uusi"), "the roster shows the newcomer");
        // Used up: the link no longer opens.
        let check = cast.anonymous.form("/api/check_invite", &[("code", &code)]);
        assert_eq!(check.text(), "\"NotValid\"");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn another_facilitators_group_looks_like_no_group_at_all() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let theirs = cast
            .stranger
            .browser
            .form("/api/group", &[("id", &cast.group.to_string())]);
        let none = cast
            .stranger
            .browser
            .form("/api/group", &[("id", "999999")]);
        assert_eq!((theirs.status, theirs.text()), (none.status, none.text()));
        let page = cast
            .stranger
            .browser
            .page(&format!("/groups/{}", cast.group));
        assert!(
            !page.contains("Pirjo"),
            "no member names leak into the page"
        );
    })
    .await;
}

/// The facilitator's group page offers a recovery link for each member
/// they may recover (both roles of its people), but not for one of the
/// group's facilitators; the admin's page likewise.
#[tokio::test(flavor = "multi_thread")]
async fn the_group_page_offers_recovery_for_members_but_not_facilitators() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        block_on(store.add_facilitator(cast.group, cast.stranger.id)).unwrap();
        let group = cast.group.to_string();
        for viewer in [Who::Facilitator, Who::Admin] {
            let page = cast.who(viewer).form("/api/group", &[("id", &group)]);
            assert_eq!(page.status, 200, "{viewer:?}: {}", page.text());
            let detail: serde_json::Value = serde_json::from_slice(&page.body).unwrap();
            let mut offered: Vec<(&str, bool)> = detail["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let name = m["display_name"].as_str().unwrap();
                    (name, m["may_recover"].as_bool().unwrap())
                })
                .collect();
            offered.sort();
            assert_eq!(
                offered,
                [
                    ("Fanni", false),
                    ("Mikko", true),
                    ("Pirjo", true),
                    ("Sami", false)
                ],
                "{viewer:?}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_participant_who_leaves_is_out_of_reach_of_the_facilitator() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let left = cast
            .participant
            .browser
            .form("/api/group_leave", &[("group", &cast.group.to_string())]);
        assert_eq!(left.status, 200);
        let roster = block_on(store.roster(cast.group)).unwrap();
        assert!(roster.iter().all(|(m, _)| m.user_id != cast.participant.id));
        let recovery = cast.facilitator.browser.form(
            "/api/recovery_create",
            &[("user", &cast.participant.id.to_string())],
        );
        assert_eq!(recovery.status, 403, "no longer theirs to recover");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_group_input_is_explained_and_changes_nothing() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let area = cast.area.to_string();
        let before = block_on(store.all_groups()).unwrap();
        for (fields, error) in [
            (
                [
                    ("name", "x".repeat(81)),
                    ("kind", "mixed".into()),
                    ("starts_on", "2026-02-01".into()),
                ],
                "GroupName",
            ),
            (
                [
                    ("name", "Ryhmä".into()),
                    ("kind", "men".into()),
                    ("starts_on", "2026-02-01".into()),
                ],
                "GroupKind",
            ),
            (
                [
                    ("name", "Ryhmä".into()),
                    ("kind", "mixed".into()),
                    ("starts_on", "1.2.2026".into()),
                ],
                "StartDate",
            ),
        ] {
            let mut all = vec![("area", area.as_str())];
            all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            let answer = cast.facilitator.browser.form("/api/group_create", &all);
            assert_eq!(answer.status, 400, "{}", answer.text());
            assert!(answer.text().contains(error), "{}", answer.text());
        }
        let switch = cast.facilitator.browser.form(
            "/api/group_switch",
            &[
                ("group", &cast.group.to_string()),
                ("monthly_from", "2025-12-31"),
            ],
        );
        assert!(
            switch.text().contains("SwitchDate"),
            "before the start: {}",
            switch.text()
        );
        let uses = cast.facilitator.browser.form(
            "/api/group_invite_create",
            &[
                ("group", &cast.group.to_string()),
                ("role", "participant"),
                ("uses", "0"),
                ("valid_days", "7"),
            ],
        );
        assert!(uses.text().contains("Uses"), "{}", uses.text());
        let role = cast.facilitator.browser.form(
            "/api/group_invite_create",
            &[
                ("group", &cast.group.to_string()),
                ("role", "admin"),
                ("uses", "1"),
                ("valid_days", "7"),
            ],
        );
        assert_eq!(
            role.status,
            403,
            "a facilitator cannot invite admins: {}",
            role.text()
        );
        assert_eq!(before, block_on(store.all_groups()).unwrap());
        assert!(block_on(store.open_group_invites(cast.group))
            .unwrap()
            .is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_meeting_goes_into_the_calendar_of_its_members_only() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let id = block_on(store.schedule_meeting(
            cast.group,
            &app::model::MeetingText::parse("2030-01-10T18:00", 90, "Kirjasto", "Joulu").unwrap(),
        ))
        .unwrap();
        let path = format!("/api/meeting.ics?id={id}");
        for who in [Who::Facilitator, Who::Participant, Who::Mentor] {
            let ics = cast.who(who).get(&path);
            assert_eq!(ics.status, 200, "{who:?}: {}", ics.text());
            assert!(ics
                .header("content-type")
                .unwrap()
                .starts_with("text/calendar"));
            assert!(ics
                .header("content-disposition")
                .unwrap()
                .contains("attachment"));
            assert!(
                ics.text().contains("DTSTART:20300110T160000Z"),
                "{}",
                ics.text()
            );
            assert!(ics.text().contains("LOCATION:Kirjasto"));
        }
        for (who, status) in [
            (Who::Anonymous, 401),
            (Who::Admin, 404),
            (Who::Stranger, 404),
            (Who::Outsider, 404),
        ] {
            assert_eq!(cast.who(who).get(&path).status, status, "{who:?}");
        }
        let home = cast.participant.browser.page("/");
        assert!(
            home.contains("Kirjasto"),
            "the next meeting is on the home page"
        );
        assert!(!cast.outsider.browser.page("/").contains("Kirjasto"));
        // The meeting comes with the home page's reads, which are nothing
        // to someone signed out.
        let home = cast.anonymous.form("/api/journal_home", &[]);
        assert_eq!((home.status, home.text().as_str()), (200, "null"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn help_is_open_to_everyone_and_kept_by_the_area() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let added = cast.facilitator.browser.form(
            "/api/service_add",
            &[
                ("area", &cast.area.to_string()),
                ("name", "Vinkki"),
                ("offer", "Neulanvaihto ja neuvonta"),
                ("address", "Katu 1"),
                ("hours", "ma–pe 9–15"),
                ("phone", "040 123 4567"),
            ],
        );
        assert_eq!(added.status, 200, "{}", added.text());
        let page = cast.anonymous.page(&format!("/help/areas/{}", cast.area));
        assert!(page.contains("tel:112"), "112 always first");
        assert!(page.find("tel:112") < page.find("Vinkki"));
        assert!(page.contains("tel:0401234567"));
        // A participant's help page shows the services of their own area.
        let mine = cast.participant.browser.page("/help");
        assert!(mine.contains("Neulanvaihto ja neuvonta"), "{mine}");
        let theirs = cast.outsider.browser.page("/help");
        assert!(!theirs.contains("Neulanvaihto ja neuvonta"));
        let bad = cast.facilitator.browser.form(
            "/api/service_add",
            &[
                ("area", &cast.area.to_string()),
                ("name", "X"),
                ("offer", ""),
                ("address", ""),
                ("hours", ""),
                ("phone", "call me"),
            ],
        );
        assert_eq!(bad.status, 400);
        assert!(bad.text().contains("ServicePhone"));
        assert_eq!(block_on(store.services(cast.area)).unwrap().len(), 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn figures_show_counts_only_and_never_a_count_from_one_to_four() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        for n in 0..6 {
            Person::join(
                server.port,
                &store,
                InviteTarget::Member {
                    group: cast.group,
                    role: Role::Participant,
                },
                &format!("Osallistuja {n}"),
            );
        }
        // The area now has 7 participants (Pirjo and six more); Kemi has 1.
        for who in [Who::Participant, Who::Mentor, Who::Outsider] {
            assert_eq!(
                cast.who(who).form("/api/figures", &[]).status,
                403,
                "{who:?}"
            );
            assert_eq!(cast.who(who).get("/api/figures.csv").status, 403, "{who:?}");
        }
        assert_eq!(cast.anonymous.form("/api/figures", &[]).status, 401);

        let admin: serde_json::Value =
            serde_json::from_slice(&cast.admin.browser.form("/api/figures", &[]).body).unwrap();
        let rows = admin["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 2, "the admin sees every area");
        let oulu = rows.iter().find(|r| r["area"] == "Oulu").unwrap();
        assert_eq!(oulu["participants"]["Count"], 7);
        assert_eq!(oulu["groups"], "UnderFive", "one group is under five");

        let mine: serde_json::Value =
            serde_json::from_slice(&cast.facilitator.browser.form("/api/figures", &[]).body)
                .unwrap();
        assert_eq!(
            mine["rows"].as_array().unwrap().len(),
            1,
            "a facilitator sees their own area"
        );

        let csv = cast.admin.browser.get("/api/figures.csv");
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        let text = csv.text();
        for line in text.lines().skip(1) {
            for cell in line.rsplitn(8, ',').take(7) {
                let small = cell.parse::<i64>().is_ok_and(|n| (1..5).contains(&n));
                assert!(!small, "a count from 1 to 4 in {line:?}");
            }
        }
        assert!(text.contains(",7,"), "{text}");
        let page = cast.admin.browser.page("/figures");
        assert!(page.contains("&lt;5") || page.contains("<5"));
        let bad = cast.admin.browser.form(
            "/api/figures",
            &[("from", "2026-12-31"), ("to", "2026-01-01")],
        );
        assert!(bad.text().contains("PeriodEnd"));
    })
    .await;
}
