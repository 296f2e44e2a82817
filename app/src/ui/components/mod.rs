mod account_bar;
mod bottom_nav;
mod card;
mod form_error;
mod group_list;
mod invites;
mod journal_forms;
mod journal_parts;
mod language_switch;
mod layout;
mod loaded;
mod meeting_card;
mod milestone_form;
mod service_form;
mod share_link;
mod shared_content;
mod sharing_card;
mod steps_chart;

pub use account_bar::AccountBar;
pub use bottom_nav::BottomNav;
pub use card::Card;
pub use form_error::{failure, field_state, FormError};
pub use group_list::{kind_name, phase_name, GroupList};
pub use invites::{InviteList, InviteOptions};
pub use journal_forms::{
    today, DreamFields, ReflectionFields, RequestId, StepFields, JOURNAL_FIELDS,
};
pub use journal_parts::{DeleteForm, Pager, StepRow};
pub use language_switch::LanguageSwitch;
pub use layout::Layout;
pub use loaded::{here, loaded, param, param_id, query};
pub use meeting_card::MeetingInfo;
pub use milestone_form::MilestoneFields;
pub use service_form::ServiceFields;
pub use share_link::ShareLink;
pub use shared_content::{FeedbackList, SharedContentView};
pub use sharing_card::SharingCard;
pub use steps_chart::StepsChart;
