use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{my_devices, EndAllSessions, EndSession};
use crate::model::format_date;
use crate::ui::components::{Card, Layout};
use crate::ui::locale::use_texts;

/// The person's passkeys and signed-in browsers; a lost phone can be signed
/// out from here. Plain forms, so it works without JavaScript.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let t = use_texts();
    let devices = Resource::new(|| (), |_| my_devices());
    view! {
        <Layout title=t.devices_title>
            <Suspense>
                {move || Suspend::new(async move {
                    match devices.await {
                        Ok(list) => {
                            view! {
                                <Card id="passkeys" title=t.passkeys_title>
                                    <ul class="rows">
                                        {list
                                            .passkeys
                                            .into_iter()
                                            .map(|p| {
                                                let used = p.last_used.map_or(t.not_yet.to_owned(), format_date);
                                                view! {
                                                    <li>
                                                        <strong>{p.label}</strong>
                                                        <span class="hint">
                                                            {t.added} " " {format_date(p.added)} " · " {t.last_used} " " {used}
                                                        </span>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </Card>
                                <Card id="sessions" title=t.sessions_title>
                                    <ul class="rows">
                                        {list
                                            .sessions
                                            .into_iter()
                                            .map(|s| {
                                                view! {
                                                    <li class="session">
                                                        <span>
                                                            <strong>{s.device}</strong>
                                                            {s.this_device.then(|| format!(" ({})", t.this_device))}
                                                            <span class="hint">
                                                                {format_date(s.started)} " · " {t.last_used} " "
                                                                {format_date(s.last_seen)}
                                                            </span>
                                                        </span>
                                                        <form method="post" action=EndSession::url()>
                                                            <input type="hidden" name="id" value=s.id/>
                                                            <button type="submit">{t.end_session}</button>
                                                        </form>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <form method="post" action=EndAllSessions::url()>
                                        <button type="submit">{t.end_all_sessions}</button>
                                    </form>
                                </Card>
                            }
                                .into_any()
                        }
                        Err(err) => {
                            view! {
                                <p role="alert">{err.message(t)}</p>
                                <a class="button" href="/sign-in">{t.sign_in_title}</a>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </Layout>
    }
}
