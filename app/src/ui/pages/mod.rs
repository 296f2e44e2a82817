mod admin;
mod area;
mod devices;
mod figures;
mod group;
mod groups;
mod help;
mod help_area;
mod home;
mod invite;
mod invite_share;
mod journal;
mod mentoring;
mod my_groups;
mod my_path;
mod not_found;
mod offline;
mod outbox;
mod recipe;
mod recover;
mod recovery_share;
mod sign_in;
mod wishes;

pub use admin::AdminPage;
pub use area::AreaPage;
pub use devices::DevicesPage;
pub use figures::FiguresPage;
pub use group::{GroupPage, SharedPersonPage};
pub use groups::GroupsPage;
pub use help::HelpPage;
pub use help_area::HelpAreaPage;
pub use home::HomePage;
pub use invite::InvitePage;
pub use invite_share::InviteSharePage;
pub use journal::{
    CheckInPage, CheckInsPage, DreamPage, DreamsPage, JournalMilestonesPage, PeerWorkDiaryPage,
    PeerWorkPage, ReflectionPage, ReflectionsPage, SeenPage, SharePage, SharingPage, SkillPage,
    SkillsPage, StepPage, StepsPage,
};
pub use mentoring::{MenteePage, MentoringPage};
pub use my_groups::MyGroupsPage;
pub use my_path::MyPathPage;
pub use not_found::NotFoundPage;
pub use offline::OfflinePage;
pub use outbox::OutboxPage;
pub use recipe::RecipePage;
pub use recover::RecoverPage;
pub use recovery_share::RecoverySharePage;
pub use sign_in::SignInPage;
pub use wishes::WishesPage;
