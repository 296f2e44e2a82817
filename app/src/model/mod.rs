//! Plain types shared by the server and the browser.

mod account;
mod checkin;
mod consent;
mod date;
mod export;
mod field;
mod figures;
mod group;
mod help;
mod journal;
mod local_time;
mod locale;
mod manifest;
mod meeting;
mod mentoring;
mod milestone;
mod peer_work;
mod role;
mod skill;
mod wish;

pub use account::{validate_display_name, AccountEventKind, DISPLAY_NAME_MAX, PASSKEY_LABEL_MAX};
pub use checkin::{next_checkin, Aspect, CheckIn, CheckInText, CHART_CHECKINS, CHECKIN_EVERY_DAYS};
pub use consent::{
    validate_feedback, AccessView, Audience, FeedbackKind, FeedbackView, ShareCategory,
    ShareChoice, ShareView, SharedContent, SharedItem, FEEDBACK_MAX,
};
pub use date::{format_date, Day};
pub use export::{
    parse_picked, Export, FeedbackRecord, MarkRecord, PathSheet, ShareRecord, WishRecord,
    EXPORT_FORMAT, PICK_MAX,
};
pub use field::{validate_text, Field};
pub use figures::{to_csv, AreaFigures, Cell, SHOWN_FROM};
pub use group::{default_switch, phase_on, GroupKind, GroupSummary, Phase, INTENSIVE_MONTHS};
pub use help::{
    tel_href, HelpService, ServiceText, SERVICE_OFFER_MAX, SERVICE_PHONE_MAX, SERVICE_TEXT_MAX,
};
pub use journal::{
    validate_request_id, Dream, DreamText, DreamTitle, ItemKind, LifeArea, MarkText,
    MilestoneEntry, MilestoneMark, Page, Reflection, ReflectionText, Step, StepKind, StepStatus,
    StepText, MEANING_MAX, MOODS, NOTE_MAX, PAGE_SIZE, REFLECTION_MAX, TITLE_MAX,
};
pub use local_time::{format_local, from_local, local_input, parse_local, to_local};
pub use locale::Locale;
pub use manifest::{manifest, touch_icon, Manifest};
pub use meeting::{
    to_ics, Meeting, MeetingText, MEETING_MINUTES_MAX, MEETING_PLACE_MAX, MEETING_TOPIC_MAX,
};
pub use mentoring::{validate_encouragement, MentorLink, Phrase, ENCOURAGEMENT_MAX};
pub use milestone::{
    validate_multiline, Milestone, MilestoneText, MILESTONE_DESCRIPTION_MAX, MILESTONE_TITLE_MAX,
};
pub use peer_work::{PeerWork, PeerWorkKind, PeerWorkText};
pub use role::Role;
pub use skill::{Skill, SkillKind, SkillText};
pub use wish::{
    parse_wish_status, Wish, WishStatus, WishText, WISH_REASON_MAX, WISH_WHAT_MAX, WISH_WHY_MAX,
};
