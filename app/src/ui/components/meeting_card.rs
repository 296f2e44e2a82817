use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::MeetingCalendar;
use crate::model::{format_local, Meeting};
use crate::ui::locale::use_texts;

/// A coming meeting as a member sees it, with a way into the phone's
/// calendar (a plain download link).
#[component]
pub fn MeetingInfo(meeting: Meeting) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="meeting">
            <p>
                <strong>{format_local(meeting.starts_at)}</strong>
                " · " {meeting.group_name}
            </p>
            <p>{meeting.place}</p>
            {(!meeting.topic.is_empty()).then(|| view! { <p class="hint">{meeting.topic}</p> })}
            <a class="button" href=format!("{}?id={}", MeetingCalendar::url(), meeting.id) download="polku-meeting.ics">
                {t.add_to_calendar}
            </a>
        </div>
    }
}
