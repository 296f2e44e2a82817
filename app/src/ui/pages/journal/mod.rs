//! The participant's journal: dreams, steps, reflections, group
//! milestones, check-ins, skills and peer work, each with a list page and a page of its own.

mod checkin;
mod checkins;
mod dream;
mod dreams;
mod milestones;
mod peer_work;
mod peer_work_diary;
mod reflection;
mod reflections;
mod seen;
mod share;
mod sharing;
mod skill;
mod skills;
mod step;
mod steps;

pub use checkin::CheckInPage;
pub use checkins::CheckInsPage;
pub use dream::DreamPage;
pub use dreams::DreamsPage;
pub use milestones::JournalMilestonesPage;
pub use peer_work::PeerWorkPage;
pub use peer_work_diary::PeerWorkDiaryPage;
pub use reflection::ReflectionPage;
pub use reflections::ReflectionsPage;
pub use seen::SeenPage;
pub use share::SharePage;
pub use sharing::SharingPage;
pub use skill::SkillPage;
pub use skills::SkillsPage;
pub use step::StepPage;
pub use steps::StepsPage;
