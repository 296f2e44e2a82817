use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::{
    my_devices, DeleteAccount, DeviceList, EndAllSessions, EndSession, EventView, ExportDownload,
    PasskeyView, RemovePasskey, RenamePasskey, SetLook,
};
use crate::model::{format_date, Field, PASSKEY_LABEL_MAX};
use crate::ui::components::{fetch, loaded, Card, FormError, Layout};
use crate::ui::islands::{AddPasskeyButton, ConfirmButton};
use crate::ui::locale::use_texts;

/// The person's passkeys, signed-in browsers and account history; a lost
/// phone can be signed out from here. Plain forms, so it works without
/// JavaScript, but for making or confirming a passkey, which needs it.
#[component]
pub fn DevicesPage() -> impl IntoView {
    let t = use_texts();
    let devices = fetch(|| (), |_| my_devices());
    view! {
        <Layout title=t.devices_title>{loaded(devices, |list| view! { <Devices list/> })}</Layout>
    }
}

#[component]
fn Devices(list: DeviceList) -> impl IntoView {
    let t = use_texts();
    let only_one = list.passkeys.len() == 1;
    let confirmed = list.confirmed;
    let neutral = list.neutral;
    view! {
        <Card id="passkeys" title=t.passkeys_title>
            <FormError action=RenamePasskey::url()/>
            <FormError action=RemovePasskey::url()/>
            <ul class="rows">
                {list
                    .passkeys
                    .into_iter()
                    .map(|p| view! { <PasskeyRow p only_one confirmed/> })
                    .collect_view()}
            </ul>
            {if confirmed {
                None
            } else {
                Some(view! {
                    <p class="hint">{t.confirm_hint}</p>
                    <ConfirmButton/>
                })
            }}
            <AddPasskeyButton/>
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
        <Card id="history" title=t.history_title>
            <ul class="rows history">
                {list.history.into_iter().map(|e| view! { <HistoryRow e/> }).collect_view()}
            </ul>
        </Card>
        <LookCard neutral/>
        <ExportCard confirmed/>
        <EraseCard confirmed/>
    }
}

/// The neutral name and icon, and how to leave in a hurry.
#[component]
fn LookCard(neutral: bool) -> impl IntoView {
    let t = use_texts();
    view! {
        <Card id="look" title=t.look_title>
            <p>{t.look_lead}</p>
            <form class="stack" method="post" action=SetLook::url()>
                <label class="choice">
                    <input type="checkbox" name="neutral" checked=neutral/>
                    {t.look_neutral}
                </label>
                <button type="submit">{t.save}</button>
            </form>
            <p class="hint">{t.look_reinstall}</p>
            <p class="hint">{t.quick_exit_hint}</p>
        </Card>
    }
}

/// Taking everything along as a file, or a page of one's path: open once
/// the person has confirmed with a passkey.
#[component]
fn ExportCard(confirmed: bool) -> impl IntoView {
    let t = use_texts();
    let actions = confirmed.then(|| {
        view! {
            <form method="post" action=ExportDownload::url()>
                <button type="submit" class="primary">{t.export_download}</button>
            </form>
            <a class="button" href="/my-path">{t.path_open}</a>
        }
    });
    view! {
        <Card id="export" title=t.export_title>
            <p>{t.export_lead}</p>
            <FormError action=ExportDownload::url()/>
            {if confirmed { None } else { Some(view! { <p class="hint">{t.export_confirm_first}</p> }) }}
            <div class="actions">{actions}</div>
        </Card>
    }
}

/// Deleting the account: open once the person has confirmed with a passkey.
#[component]
fn EraseCard(confirmed: bool) -> impl IntoView {
    let t = use_texts();
    let form = confirmed.then(|| {
        view! {
            <form class="stack" method="post" action=DeleteAccount::url()>
                <fieldset>
                    <legend>{t.erase_wishes}</legend>
                    <label class="choice">
                        <input type="radio" name="wishes" value="keep" checked/>
                        {t.erase_wishes_keep}
                    </label>
                    <label class="choice">
                        <input type="radio" name="wishes" value="remove"/>
                        {t.erase_wishes_remove}
                    </label>
                </fieldset>
                <label class="choice">
                    <input type="checkbox" name="sure" required/>
                    {t.erase_sure}
                </label>
                <FormError action=DeleteAccount::url() field=Field::EraseSure/>
                <FormError action=DeleteAccount::url() fields=&[Field::EraseSure]/>
                <button type="submit" class="danger">{t.erase_title}</button>
            </form>
        }
    });
    view! {
        <Card id="erase" title=t.erase_title>
            <p>{t.erase_lead}</p>
            {if confirmed { None } else { Some(view! { <p class="hint">{t.erase_confirm_first}</p> }) }}
            {form}
        </Card>
    }
}

#[component]
fn PasskeyRow(p: PasskeyView, only_one: bool, confirmed: bool) -> impl IntoView {
    let t = use_texts();
    let used = p.last_used.map_or(t.not_yet.to_owned(), format_date);
    let field = format!("label-{}", p.id);
    view! {
        <li class="passkey">
            <span>
                <strong>{p.label.clone()}</strong>
                <span class="hint">
                    {t.added} " " {format_date(p.added)} " · " {t.last_used} " " {used}
                </span>
            </span>
            <details>
                <summary>{t.rename}</summary>
                <form class="stack" method="post" action=RenamePasskey::url()>
                    <input type="hidden" name="id" value=p.id/>
                    <label for=field.clone()>{t.passkey_label}</label>
                    <input
                        id=field
                        name="label"
                        required
                        maxlength=PASSKEY_LABEL_MAX.to_string()
                        value=p.label
                    />
                    <button type="submit">{t.save}</button>
                </form>
            </details>
            {(!only_one && confirmed)
                .then(|| {
                    view! {
                        <form method="post" action=RemovePasskey::url()>
                            <input type="hidden" name="id" value=p.id/>
                            <button type="submit" class="danger">{t.remove_passkey}</button>
                        </form>
                    }
                })}
        </li>
    }
}

#[component]
fn HistoryRow(e: EventView) -> impl IntoView {
    let t = use_texts();
    let by = e.by.map(|name| format!(" ({} {name})", t.recovery_made_by));
    view! {
        <li>
            <span>{t.account_event(e.kind)} {by}</span>
            <span class="hint">{format_date(e.at)}</span>
        </li>
    }
}
