use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{list_checkins, CheckInList, CreateCheckin};
use crate::ui::components::{
    fetch, loaded, query, today, Card, CheckInChart, CheckInFields, FormError, Layout, Pager,
    RequestId, JOURNAL_FIELDS,
};
use crate::ui::locale::use_texts;

/// How things are going: a new check-in, the chart of the latest, and the
/// list, newest first.
#[component]
pub fn CheckInsPage() -> impl IntoView {
    let t = use_texts();
    let list = fetch(
        || query("before").and_then(|b| b.parse().ok()),
        list_checkins,
    );
    view! {
        <Layout title=t.checkins_title>
            {query("saved").map(|_| view! { <p class="celebrate" role="status">{t.checkin_saved}</p> })}
            {loaded(list, |list| view! { <CheckIns list/> })}
        </Layout>
    }
}

#[component]
fn CheckIns(list: CheckInList) -> impl IntoView {
    let t = use_texts();
    let due = list.next_on.is_none_or(|day| day <= today());
    let when = match list.next_on {
        Some(day) if !due => format!("{} {day}", t.checkin_next_on),
        _ => t.checkin_due.to_owned(),
    };
    view! {
        <p class="hint">{t.checkins_lead}</p>
        {(list.series.len() >= 2).then(|| view! { <CheckInChart series=list.series.clone()/> })}
        <Card id="new-checkin" title=t.new_checkin>
            <p class="hint">{when}</p>
            <form class="stack" method="post" action=CreateCheckin::url()>
                <RequestId/>
                <CheckInFields action=CreateCheckin::url() key="new"/>
                <FormError action=CreateCheckin::url() fields=JOURNAL_FIELDS/>
                <button type="submit" class="primary">{t.save}</button>
            </form>
        </Card>
        <Card id="checkin-list" title=t.checkins_made>
            {list.page.items.is_empty().then(|| view! { <p class="hint">{t.nothing_yet}</p> })}
            <ul class="rows checkins">
                {list
                    .page
                    .items
                    .into_iter()
                    .map(|c| {
                        let average = c.ratings.iter().map(|r| u32::from(*r)).sum::<u32>() as f32 / 7.0;
                        view! {
                            <li>
                                <a href=format!("/journal/checkins/{}", c.id)>
                                    <strong>{c.checked_on.to_string()}</strong>
                                </a>
                                <span class="hint">{format!("{} {average:.1}", t.checkin_average)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Pager next=list.page.next base="/journal/checkins".to_owned()/>
        </Card>
    }
}
