//! The consent matrix, through the real server on SQLite and PostgreSQL:
//! every server function that reads or writes journal data, called by each
//! kind of person, in each state of sharing. Generated as a table: expected
//! and actual side by side, printed, and every cell asserted.

mod support;

use app::model::Audience;
use app::store::{unix_now, Store};
use support::browser::Browser;
use support::cast::{Cast, Who};
use support::{block_on, on_each_database};

/// The states of one reflection's sharing, in the order they are reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    NotShared,
    SharedWithFacilitators,
    SharedWithMentor,
    Revoked,
    Expired,
    OwnerLeftGroup,
}

const STATES: [State; 6] = [
    State::NotShared,
    State::SharedWithFacilitators,
    State::SharedWithMentor,
    State::Revoked,
    State::Expired,
    State::OwnerLeftGroup,
];

const WHO: [Who; 6] = [
    Who::Anonymous,
    Who::Participant,
    Who::Facilitator,
    Who::Stranger,
    Who::Mentor,
    Who::Admin,
];

/// What a caller gets: a refusal, or the page with or without the secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Refused(u16),
    Sees,
    SeesNothing,
}

const SECRET: &str = "Luottamuksellinen ajatus";

fn outcome(status: u16, body: &str) -> Outcome {
    match status {
        200 if body.contains(SECRET) => Outcome::Sees,
        200 => Outcome::SeesNothing,
        status => Outcome::Refused(status),
    }
}

/// The rule, as a reader would state it: who may see the reflection now.
fn facilitator_sees(state: State) -> bool {
    state == State::SharedWithFacilitators
}

/// Whether the owner has accepted the mentor and not ended the link.
fn mentor_linked(state: State) -> bool {
    !matches!(state, State::NotShared | State::SharedWithFacilitators)
}

/// One server function and what each caller should get from it.
struct Function {
    name: &'static str,
    call: fn(&mut Browser, &Ids) -> (u16, String),
    expect: fn(Who, State) -> Outcome,
}

struct Ids {
    reflection: String,
    /// A check-in, a skill and a peer work entry whose notes are the
    /// secret too; never shared.
    checkin: String,
    skill: String,
    peer_work: String,
    group: String,
    owner: String,
}

fn post(b: &mut Browser, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let r = b.form(path, fields);
    (r.status, r.text())
}

/// Owner-only functions: the owner gets it; others are told it does not
/// exist (or, for their own lists, get their own empty ones).
fn owner_only(who: Who, _: State) -> Outcome {
    match who {
        Who::Anonymous => Outcome::Refused(401),
        Who::Participant => Outcome::Sees,
        _ => Outcome::Refused(404),
    }
}

fn own_list(who: Who, _: State) -> Outcome {
    match who {
        Who::Anonymous => Outcome::Refused(401),
        Who::Participant => Outcome::Sees,
        _ => Outcome::SeesNothing,
    }
}

fn functions() -> Vec<Function> {
    vec![
        Function {
            name: "reflection",
            call: |b, ids| post(b, "/api/reflection", &[("id", &ids.reflection)]),
            expect: owner_only,
        },
        Function {
            name: "checkin",
            call: |b, ids| post(b, "/api/checkin", &[("id", &ids.checkin)]),
            expect: owner_only,
        },
        Function {
            name: "checkins",
            call: |b, _| post(b, "/api/checkins", &[]),
            expect: own_list,
        },
        Function {
            name: "skill",
            call: |b, ids| post(b, "/api/skill", &[("id", &ids.skill)]),
            expect: owner_only,
        },
        Function {
            name: "skills",
            call: |b, _| post(b, "/api/skills", &[]),
            expect: own_list,
        },
        Function {
            name: "peer_work_entry",
            call: |b, ids| post(b, "/api/peer_work_entry", &[("id", &ids.peer_work)]),
            expect: owner_only,
        },
        Function {
            name: "peer_work",
            call: |b, _| post(b, "/api/peer_work", &[]),
            expect: own_list,
        },
        Function {
            name: "reflections",
            call: |b, _| post(b, "/api/reflections", &[]),
            expect: own_list,
        },
        // Taking one's data along: joining counted as the passkey
        // confirmation, and everyone gets only their own.
        Function {
            name: "export.json",
            call: |b, _| post(b, "/api/export.json", &[]),
            expect: own_list,
        },
        Function {
            name: "my_path",
            call: |b, _| post(b, "/api/my_path", &[]),
            expect: own_list,
        },
        Function {
            name: "journal_home",
            call: |b, _| post(b, "/api/journal_home", &[]),
            expect: |who, _| match who {
                Who::Anonymous => Outcome::SeesNothing,
                _ => Outcome::SeesNothing,
            },
        },
        Function {
            name: "reflection_update",
            call: |b, ids| {
                post(
                    b,
                    "/api/reflection_update",
                    &[
                        ("id", &ids.reflection),
                        ("written_on", "2026-11-23"),
                        ("body", SECRET),
                    ],
                )
            },
            expect: |who, _| match who {
                Who::Anonymous => Outcome::Refused(401),
                Who::Participant => Outcome::SeesNothing,
                _ => Outcome::Refused(404),
            },
        },
        Function {
            name: "checkin_update",
            call: |b, ids| {
                post(
                    b,
                    "/api/checkin_update",
                    &[
                        ("id", &ids.checkin),
                        ("checked_on", "2026-11-23"),
                        ("control", "4"),
                        ("heard", "4"),
                        ("for_others", "4"),
                        ("routines", "4"),
                        ("health", "4"),
                        ("relationships", "4"),
                        ("readiness", "4"),
                        ("note", SECRET),
                    ],
                )
            },
            expect: |who, _| match who {
                Who::Anonymous => Outcome::Refused(401),
                Who::Participant => Outcome::SeesNothing,
                _ => Outcome::Refused(404),
            },
        },
        Function {
            name: "share_draft",
            call: |b, ids| post(b, "/api/share_draft", &[("id", &ids.reflection)]),
            expect: owner_only,
        },
        Function {
            name: "seen",
            call: |b, _| post(b, "/api/seen", &[]),
            expect: |who, _| match who {
                Who::Anonymous => Outcome::Refused(401),
                _ => Outcome::SeesNothing,
            },
        },
        Function {
            name: "shared",
            call: |b, ids| {
                post(
                    b,
                    "/api/shared",
                    &[("group", &ids.group), ("person", &ids.owner)],
                )
            },
            expect: |who, state| match who {
                Who::Anonymous => Outcome::Refused(401),
                Who::Facilitator if state == State::OwnerLeftGroup => Outcome::Refused(404),
                Who::Facilitator if facilitator_sees(state) => Outcome::Sees,
                Who::Facilitator => Outcome::SeesNothing,
                _ => Outcome::Refused(404),
            },
        },
        Function {
            name: "mentee",
            call: |b, ids| post(b, "/api/mentee", &[("person", &ids.owner)]),
            expect: |who, state| match who {
                Who::Anonymous => Outcome::Refused(401),
                Who::Mentor if state == State::SharedWithMentor => Outcome::Sees,
                Who::Mentor if mentor_linked(state) => Outcome::SeesNothing,
                _ => Outcome::Refused(404),
            },
        },
        Function {
            name: "feedback_give",
            call: |b, ids| {
                post(
                    b,
                    "/api/feedback_give",
                    &[
                        ("group", &ids.group),
                        ("person", &ids.owner),
                        ("item", &ids.reflection),
                        ("note", ""),
                    ],
                )
            },
            expect: |who, state| match who {
                Who::Anonymous => Outcome::Refused(401),
                Who::Facilitator if facilitator_sees(state) => Outcome::SeesNothing,
                _ => Outcome::Refused(404),
            },
        },
    ]
}

/// Brings the world to `state`, step by step from the one before.
fn enter(state: State, store: &Store, cast: &mut Cast, reflection: i64, link: &mut Option<i64>) {
    let owner = cast.participant.id;
    match state {
        State::NotShared => {}
        State::SharedWithFacilitators => {
            block_on(store.share(owner, reflection, Audience::Facilitators, None)).unwrap();
        }
        State::SharedWithMentor => {
            block_on(store.revoke_share(owner, reflection, Audience::Facilitators)).unwrap();
            let id = block_on(store.propose_mentor(
                cast.mentor.id,
                owner,
                Some(cast.group),
                cast.facilitator.id,
            ))
            .unwrap();
            block_on(store.answer_mentor(owner, id, true)).unwrap();
            *link = Some(id);
            block_on(store.share(owner, reflection, Audience::Mentor, None)).unwrap();
        }
        State::Revoked => {
            block_on(store.revoke_share(owner, reflection, Audience::Mentor)).unwrap();
        }
        State::Expired => {
            block_on(store.share(
                owner,
                reflection,
                Audience::Facilitators,
                Some(unix_now() - 1),
            ))
            .unwrap();
        }
        State::OwnerLeftGroup => {
            block_on(store.share(owner, reflection, Audience::Facilitators, None)).unwrap();
            block_on(store.leave_group(cast.group, owner)).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_consent_matrix_holds_cell_by_cell() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let made = cast.participant.browser.form(
            "/api/reflection_create",
            &[
                ("request_id", "matrix-request-0001"),
                ("written_on", "2026-11-23"),
                ("body", SECRET),
            ],
        );
        assert_eq!(made.status, 200);
        let listed: serde_json::Value =
            serde_json::from_slice(&cast.participant.browser.form("/api/reflections", &[]).body)
                .unwrap();
        let reflection = listed["items"][0]["id"].as_i64().unwrap();
        let made = cast.participant.browser.form(
            "/api/checkin_create",
            &[
                ("request_id", "matrix-request-0002"),
                ("checked_on", "2026-11-23"),
                ("control", "3"),
                ("heard", "3"),
                ("for_others", "3"),
                ("routines", "3"),
                ("health", "3"),
                ("relationships", "3"),
                ("readiness", "3"),
                ("note", SECRET),
            ],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let checkins: serde_json::Value =
            serde_json::from_slice(&cast.participant.browser.form("/api/checkins", &[]).body)
                .unwrap();
        let checkin = checkins["page"]["items"][0]["id"].as_i64().unwrap();
        let made = cast.participant.browser.form(
            "/api/skill_create",
            &[
                ("request_id", "matrix-request-0003"),
                ("kind", "first_aid"),
                ("learned_on", "2026-11-02"),
                ("note", SECRET),
            ],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let skills: serde_json::Value =
            serde_json::from_slice(&cast.participant.browser.form("/api/skills", &[]).body)
                .unwrap();
        let skill = skills["items"][0]["id"].as_i64().unwrap();
        let made = cast.participant.browser.form(
            "/api/peer_work_create",
            &[
                ("request_id", "matrix-request-0004"),
                ("kind", "listening"),
                ("done_on", "2026-11-02"),
                ("note", SECRET),
            ],
        );
        assert_eq!(made.status, 200, "{}", made.text());
        let diary: serde_json::Value =
            serde_json::from_slice(&cast.participant.browser.form("/api/peer_work", &[]).body)
                .unwrap();
        let peer_work = diary["items"][0]["id"].as_i64().unwrap();
        let ids = Ids {
            peer_work: peer_work.to_string(),
            skill: skill.to_string(),
            checkin: checkin.to_string(),
            reflection: reflection.to_string(),
            group: cast.group.to_string(),
            owner: cast.participant.id.to_string(),
        };
        let mut link = None;
        let mut table = vec![format!(
            "{:<18} {}",
            "function \\ who",
            WHO.map(|w| format!("{:<12}", format!("{w:?}"))).join("")
        )];
        for state in STATES {
            enter(state, &store, &mut cast, reflection, &mut link);
            table.push(format!("-- {state:?}"));
            for f in functions() {
                let mut cells = Vec::new();
                for who in WHO {
                    let (status, body) = (f.call)(cast.who(who), &ids);
                    let got = outcome(status, &body);
                    let want = (f.expect)(who, state);
                    assert_eq!(
                        got, want,
                        "{} by {who:?} when {state:?}: {status} {body}",
                        f.name
                    );
                    cells.push(format!("{:<12}", short(got)));
                }
                table.push(format!("{:<18} {}", f.name, cells.join("")));
            }
        }
        println!("{}", table.join("\n"));
        // The owner's log shows the facilitator's reads, and only theirs.
        let seen = cast.participant.browser.page("/journal/seen");
        assert!(seen.contains("Fanni"), "the facilitator's view is listed");
        assert!(seen.contains("Mikko"), "the mentor's view is listed");
        assert!(
            !seen.contains("Sami") && !seen.contains("Aila"),
            "nobody else saw anything"
        );
    })
    .await;
}

fn short(outcome: Outcome) -> String {
    match outcome {
        Outcome::Refused(status) => status.to_string(),
        Outcome::Sees => "sees".to_owned(),
        Outcome::SeesNothing => "nothing".to_owned(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_move_to_monthly_meetings_asks_the_participant_to_look_over_sharing() {
    use app::model::Day;
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        support::age_memberships(&server.database_url, 30 * 86_400);
        let yesterday = Day::today().add_days(-1);
        assert!(block_on(store.set_monthly_from(cast.group, yesterday)).unwrap());
        let asked = "Ryhmäsi on siirtynyt kuukausitapaamisiin";
        assert!(cast.participant.browser.page("/").contains(asked));
        assert!(
            !cast.mentor.browser.page("/").contains(asked),
            "participants only"
        );

        let group = cast.group.to_string();
        let keep = [("group", group.as_str())];
        assert_eq!(cast.anonymous.form("/api/sharing_keep", &keep).status, 401);
        // Anyone else's "keep" is about their own memberships only.
        for who in [Who::Facilitator, Who::Admin, Who::Outsider] {
            cast.who(who).form("/api/sharing_keep", &keep);
        }
        assert!(cast.participant.browser.page("/").contains(asked));
        let kept = cast.participant.browser.form("/api/sharing_keep", &keep);
        assert_eq!(kept.status, 200);
        assert!(
            !cast.participant.browser.page("/").contains(asked),
            "asked once"
        );
    })
    .await;
}
