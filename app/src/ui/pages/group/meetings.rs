use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{CancelMeeting, ScheduleMeeting};
use crate::model::{
    format_local, Meeting, MEETING_MINUTES_MAX, MEETING_PLACE_MAX, MEETING_TOPIC_MAX,
};
use crate::ui::components::{Card, FormError};
use crate::ui::locale::use_texts;

/// The group's coming meetings, and a new one. Times are Helsinki time.
#[component]
pub fn Meetings(group: i64, meetings: Vec<Meeting>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="meetings" title=t.meetings_title>
            <FormError action=CancelMeeting::url()/>
            {meetings.is_empty().then(|| view! { <p class="hint">{t.no_meetings}</p> })}
            <ul class="rows">
                {meetings
                    .into_iter()
                    .map(|m| {
                        view! {
                            <li class="meeting-row">
                                <span>
                                    <strong>{format_local(m.starts_at)}</strong>
                                    <span class="hint">{m.place} " · " {m.topic}</span>
                                </span>
                                <form method="post" action=CancelMeeting::url()>
                                    <input type="hidden" name="group" value=group/>
                                    <input type="hidden" name="id" value=m.id/>
                                    <button type="submit" class="danger">{t.cancel_meeting}</button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <form class="stack" method="post" action=ScheduleMeeting::url()>
                <input type="hidden" name="group" value=group/>
                <label for="meeting-starts">{t.meeting_time}</label>
                <input id="meeting-starts" name="starts" type="datetime-local" required/>
                <label for="meeting-minutes">{t.meeting_length}</label>
                <input
                    id="meeting-minutes"
                    name="minutes"
                    type="number"
                    inputmode="numeric"
                    min="15"
                    max=MEETING_MINUTES_MAX.to_string()
                    step="15"
                    value="90"
                    required
                />
                <label for="meeting-place">{t.meeting_place}</label>
                <input id="meeting-place" name="place" required maxlength=MEETING_PLACE_MAX.to_string()/>
                <label for="meeting-topic">{t.meeting_topic}</label>
                <input id="meeting-topic" name="topic" maxlength=MEETING_TOPIC_MAX.to_string()/>
                <FormError action=ScheduleMeeting::url()/>
                <button type="submit" class="primary">{t.schedule_meeting}</button>
            </form>
        </Card>
    }
}
