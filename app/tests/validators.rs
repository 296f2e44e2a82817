//! Every validator of what a server function takes, against hostile input:
//! none panics, a refusal always has a message in the person's language,
//! and what passes is what the store may keep — trimmed, within its
//! length, with no control characters it should not hold. The server-level fuzz test (server/tests/fuzz.rs) reaches these
//! through HTTP; this one reaches every branch.

use app::error::AppError;
use app::model::{
    parse_local, parse_wish_status, validate_display_name, validate_encouragement,
    validate_feedback, validate_request_id, CheckInText, Day, DreamText, MarkText, MeetingText,
    MilestoneText, PeerWorkText, ReflectionText, ServiceText, SkillText, StepText, WishText,
    DISPLAY_NAME_MAX, ENCOURAGEMENT_MAX, FEEDBACK_MAX,
};
use proptest::prelude::*;

/// Text as an attacker, a broken phone or a paste from a chat would send it.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t\\r\\n]{0,3}[a-zåäö0-9 ,.!?-]{0,40}[ \\t\\r\\n]{0,3}",
        "[\\x00-\\x1f\\x7f\\u{200b}\\u{202e}\\u{feff}a\\n]{0,30}",
        "-?[0-9]{1,25}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?",
        "(<script>|' OR 1=1 --|%00|%ZZ|\\{\\{|\\$1){1,5}",
        "[a-z\\n]{0,10}".prop_map(|s| s.repeat(1_500)),
        Just(String::new()),
        Just(" ".repeat(20_000)),
    ]
}

fn is_line(s: &str, max: usize) -> bool {
    s == s.trim() && s.chars().count() <= max && !s.chars().any(char::is_control)
}

fn is_multiline(s: &str, max: usize) -> bool {
    s == s.trim()
        && s.chars().count() <= max
        && !s.contains("\r\n")
        && !s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A refusal a person can be told about in their language: a field, or
/// for a request id no person types, bad input; never an internal error.
fn names_a_field<T: std::fmt::Debug>(result: &Result<T, AppError>) -> bool {
    match result {
        Ok(_) => true,
        Err(AppError::Invalid(_) | AppError::InvalidDisplayName | AppError::BadInput) => true,
        Err(other) => panic!("refused without naming a field: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn journal_texts(a in hostile(), b in hostile(), c in hostile(), d in hostile()) {
        let dream = DreamText::parse(&a, &b, &c);
        prop_assert!(names_a_field(&dream));
        if let Ok(dream) = dream {
            prop_assert!(is_line(&dream.title, 120) && !dream.title.is_empty());
            prop_assert!(is_multiline(&dream.meaning, 2_000));
        }
        let step = StepText::parse(&a, &b, &c, &d);
        prop_assert!(names_a_field(&step));
        if let Ok(step) = step {
            prop_assert!(is_line(&step.title, 120) && !step.title.is_empty());
        }
        let reflection = ReflectionText::parse(&a, &b, &c);
        prop_assert!(names_a_field(&reflection));
        if let Ok(r) = reflection {
            prop_assert!(is_multiline(&r.body, 10_000) && !r.body.is_empty());
            prop_assert!(r.mood.is_none_or(|m| (1..=5).contains(&m)));
        }
        let mark = MarkText::parse(&a, &b);
        prop_assert!(names_a_field(&mark));
        if let Ok(mark) = mark {
            prop_assert!(is_multiline(&mark.note, 1_000));
        }
    }

    #[test]
    fn dated_texts(day in hostile(), kind in hostile(), note in hostile(), r in hostile()) {
        let today = Day::parse("2026-12-01").unwrap();
        let work = PeerWorkText::parse(&kind, &day, &note, today);
        prop_assert!(names_a_field(&work));
        if let Ok(work) = work {
            prop_assert!(work.done_on <= today.add_days(1));
            prop_assert!(is_multiline(&work.note, 1_000));
        }
        let skill = SkillText::parse(&kind, &day, &note);
        prop_assert!(names_a_field(&skill));
        if let Ok(skill) = skill {
            prop_assert!(is_multiline(&skill.note, 1_000));
        }
        let ratings = [r.as_str(), "3", &kind, "1", "5", &note, "2"];
        let checkin = CheckInText::parse(&day, ratings, &note);
        prop_assert!(names_a_field(&checkin));
        if let Ok(checkin) = checkin {
            prop_assert!(checkin.ratings.iter().all(|r| (1..=5).contains(r)));
            prop_assert!(is_multiline(&checkin.note, 1_000));
        }
        prop_assert!(Day::parse(&day).is_none_or(|d| Day::parse(&d.iso()) == Some(d)));
        let _ = parse_local(&day);
    }

    #[test]
    fn group_texts(a in hostile(), b in hostile(), c in hostile(), minutes in any::<u32>()) {
        let wish = WishText::parse(&a, &b);
        prop_assert!(names_a_field(&wish));
        if let Ok(wish) = wish {
            prop_assert!(is_line(&wish.what, 200) && !wish.what.is_empty());
            prop_assert!(is_multiline(&wish.why, 1_000));
        }
        let status = parse_wish_status(&a, &b);
        prop_assert!(names_a_field(&status));
        if let Ok((_, reason)) = status {
            prop_assert!(is_multiline(&reason, 500));
        }
        let milestone = MilestoneText::parse(&a, &b, &c);
        prop_assert!(names_a_field(&milestone));
        if let Ok(m) = milestone {
            prop_assert!(is_line(&m.title, 120) && !m.title.is_empty());
            prop_assert!(is_multiline(&m.description, 1_000));
        }
        let meeting = MeetingText::parse(&a, minutes, &b, &c);
        prop_assert!(names_a_field(&meeting));
        if let Ok(m) = meeting {
            prop_assert!(is_line(&m.place, 200) && is_line(&m.topic, 200));
            prop_assert!((1..=720).contains(&m.minutes));
        }
        let service = ServiceText::parse(&a, &b, &c, &a, &b);
        prop_assert!(names_a_field(&service));
        if let Ok(s) = service {
            prop_assert!(s.phone.chars().all(|c| c.is_ascii_digit() || "+ -()".contains(c)));
        }
    }

    #[test]
    fn short_words(a in hostile()) {
        let name = validate_display_name(&a);
        prop_assert!(names_a_field(&name));
        if let Ok(name) = name {
            prop_assert!(is_line(&name, DISPLAY_NAME_MAX) && !name.is_empty());
        }
        let feedback = validate_feedback(&a);
        prop_assert!(names_a_field(&feedback));
        if let Ok(f) = feedback {
            prop_assert!(is_multiline(&f, FEEDBACK_MAX));
        }
        let encouragement = validate_encouragement(&a);
        prop_assert!(names_a_field(&encouragement));
        if let Ok(e) = encouragement {
            prop_assert!(is_multiline(&e, ENCOURAGEMENT_MAX));
        }
        let request = validate_request_id(&a);
        prop_assert!(names_a_field(&request));
        if let Ok(id) = request {
            prop_assert!((16..=64).contains(&id.len()));
            prop_assert!(!id.chars().any(|c| c.is_control() || c.is_whitespace()));
        }
    }
}
