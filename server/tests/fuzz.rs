//! Fuzzing every server function through the real server: thousands of
//! bodies built from real field names and hostile values (and plain
//! garbage), sent by a signed-in participant and by an admin. No answer may
//! be a 500 and the server must never panic. The values are drawn from a
//! fixed seed, so a failure can be replayed.

mod support;

use support::cast::Cast;
use support::on_each_database;

/// Every server function, but those that end the caller's own session
/// (a body that happened to be valid would end the run early).
const ENDPOINTS: &[&str] = &[
    "account_delete",
    "area",
    "area_create",
    "area_rename",
    "areas",
    "check_invite",
    "checkin",
    "checkin_create",
    "checkin_delete",
    "checkin_update",
    "checkins",
    "confirm_begin",
    "confirm_finish",
    "current_user",
    "devices",
    "dream",
    "dream_archive",
    "dream_create",
    "dream_delete",
    "dream_update",
    "dreams",
    "encourage",
    "export.json",
    "facilitator_invite_create",
    "facilitator_invite_withdraw",
    "feedback_give",
    "figures",
    "group",
    "group_create",
    "group_facilitator_add",
    "group_invite_create",
    "group_invite_withdraw",
    "group_leave",
    "group_member_remove",
    "group_switch",
    "groups",
    "help",
    "help_area",
    "invite_accept",
    "invite_share",
    "join_begin",
    "join_finish",
    "journal_home",
    "locale",
    "look",
    "manifest.webmanifest",
    "meeting_cancel",
    "meeting_schedule",
    "mentee",
    "mentor_answer",
    "mentor_end",
    "mentor_propose",
    "mentoring",
    "milestone_archive",
    "milestone_create",
    "milestone_mark",
    "milestone_unmark",
    "milestone_update",
    "my_memberships",
    "my_milestones",
    "my_path",
    "my_path_sheet",
    "note_hide",
    "passkey_add_begin",
    "passkey_add_finish",
    "passkey_rename",
    "peer_work",
    "peer_work_create",
    "peer_work_delete",
    "peer_work_entry",
    "peer_work_update",
    "recovery_begin",
    "recovery_check",
    "recovery_create",
    "recovery_finish",
    "recovery_notices_seen",
    "recovery_share",
    "reflection",
    "reflection_create",
    "reflection_delete",
    "reflection_update",
    "reflections",
    "seen",
    "service_add",
    "service_remove",
    "service_update",
    "share_draft",
    "share_set",
    "shared",
    "sharing",
    "sharing_defaults",
    "sharing_keep",
    "sign_in_begin",
    "sign_in_finish",
    "skill",
    "skill_confirm",
    "skill_create",
    "skill_delete",
    "skill_update",
    "skills",
    "step",
    "step_create",
    "step_delete",
    "step_next",
    "step_status",
    "step_update",
    "steps",
    "wish_edit",
    "wish_post",
    "wish_status",
    "wish_vote",
    "wish_withdraw",
    "wishes",
];

const NAMES: &[&str] = &[
    "id",
    "request_id",
    "written_on",
    "body",
    "mood",
    "kind",
    "title",
    "meaning",
    "life_area",
    "dream",
    "target_on",
    "status",
    "group",
    "person",
    "item",
    "note",
    "name",
    "area",
    "role",
    "uses",
    "valid_days",
    "starts",
    "minutes",
    "place",
    "topic",
    "what",
    "why",
    "reason",
    "vote",
    "audience",
    "expires",
    "choice",
    "learned_on",
    "done_on",
    "checked_on",
    "control",
    "wishes",
    "sure",
    "code",
    "display_name",
    "locale",
    "look",
    "manifest.webmanifest",
    "phrase",
    "from",
    "to",
    "accept",
    "label",
    "mentee",
    "mentor",
    "starts_on",
    "monthly_from",
    "before",
    "items",
    "neutral",
];

const VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "1",
    "3",
    "5",
    "6",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "2026-11-23",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31T23:59",
    "2026-11-23T25:61",
    "%00",
    "%FF%FE",
    "%E4",
    "a%",
    "%%",
    "ä😀",
    "\u{202e}",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "Robert'); DROP TABLE users;--",
    "work",
    "done",
    "facilitators",
    "mentor",
    "both",
    "nobody",
    "keep",
    "remove",
    "on",
    "fi",
    "sv",
    "en",
    "first_aid",
    "listening",
    "overdose_aid",
    "planned",
    "not_possible",
    "well_done",
];

/// A small, seeded generator: the same run every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

fn encode(value: &str) -> String {
    // Values with % are sent as they are, to test the decoder itself.
    if value.contains('%') {
        return value.to_owned();
    }
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A body: form fields, sometimes JSON or bytes of nothing in particular.
fn body(rng: &mut Rng) -> (&'static str, Vec<u8>) {
    match rng.next() % 10 {
        0 => {
            let len = (rng.next() % 200) as usize;
            (
                "application/x-www-form-urlencoded",
                (0..len).map(|_| rng.next() as u8).collect(),
            )
        }
        1 => {
            let (name, value) = (rng.pick(NAMES), rng.pick(VALUES));
            (
                "application/json",
                format!("{{\"{name}\": \"{value}\", \"credential\": {{\"id\": 1}}}}").into_bytes(),
            )
        }
        2 => {
            let long = "x".repeat((rng.next() % 20_000) as usize);
            (
                "application/x-www-form-urlencoded",
                format!("{}={long}", rng.pick(NAMES)).into_bytes(),
            )
        }
        // Every field name at once: unknown fields are ignored, so this
        // gets past decoding to the validators and the store.
        3..=5 => {
            let text = NAMES
                .iter()
                .map(|name| format!("{name}={}", encode(rng.pick(VALUES))))
                .collect::<Vec<_>>()
                .join("&");
            ("application/x-www-form-urlencoded", text.into_bytes())
        }
        _ => {
            let fields = 1 + rng.next() % 8;
            let text = (0..fields)
                .map(|_| format!("{}={}", rng.pick(NAMES), encode(rng.pick(VALUES))))
                .collect::<Vec<_>>()
                .join("&");
            ("application/x-www-form-urlencoded", text.into_bytes())
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_body_makes_a_server_function_fail_or_panic() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let mut rng = Rng(0x5eed_2026_1123);
        let (mut sent, mut decoded) = (0, 0);
        for round in 0..12 {
            for endpoint in ENDPOINTS {
                let path = format!("/api/{endpoint}");
                let (content_type, bytes) = body(&mut rng);
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let who = if round % 2 == 0 {
                    &mut cast.participant.browser
                } else {
                    &mut cast.admin.browser
                };
                let answer = who.post_from(
                    &path,
                    content_type,
                    &text,
                    &[("Sec-Fetch-Site", "same-origin")],
                );
                assert!(
                    answer.status < 500,
                    "{path} {content_type} {text:?}: {} {}",
                    answer.status,
                    answer.text()
                );
                sent += 1;
                if answer.text() != "\"BadInput\"" {
                    decoded += 1;
                }
            }
        }
        let log = server.log();
        assert!(!log.contains("panicked"), "the server panicked: {log}");
        println!("{sent} bodies, {decoded} past decoding, no 500, no panic");
    })
    .await;
}
