//! The WebAuthn calls of the passkey islands, in the browser. The server
//! functions are called with a plain `fetch` and their JSON is handed to the
//! browser's WebAuthn API nearly as it comes, with only the binary fields
//! turned from base64url into bytes and back. Decoding the challenge into
//! Rust types first, as the typed client would, made the browser build
//! several times larger for no gain: the browser checks nothing, the server
//! checks everything.

use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{b64url, page, refusal};
use crate::error::AppError;
use crate::model::Locale;

pub async fn join(name: String, locale: Locale) -> Result<(), AppError> {
    let code = page::code();
    let challenge = begin(
        "join_begin",
        &[
            ("code", &code),
            ("display_name", &name),
            ("locale", locale.tag()),
        ],
    )
    .await?;
    finish("join_finish", create(challenge).await?).await
}

pub async fn sign_in() -> Result<(), AppError> {
    let challenge = begin("sign_in_begin", &[]).await?;
    finish("sign_in_finish", get(challenge).await?).await
}

pub async fn confirm() -> Result<(), AppError> {
    let challenge = begin("confirm_begin", &[]).await?;
    finish("confirm_finish", get(challenge).await?).await
}

pub async fn add_passkey() -> Result<(), AppError> {
    let challenge = match begin("passkey_add_begin", &[]).await {
        Err(AppError::NeedsConfirmation) => {
            confirm().await?;
            begin("passkey_add_begin", &[]).await?
        }
        other => other?,
    };
    finish("passkey_add_finish", create(challenge).await?).await
}

pub async fn recover() -> Result<(), AppError> {
    let code = page::code();
    let challenge = begin("recovery_begin", &[("code", &code)]).await?;
    finish("recovery_finish", create(challenge).await?).await
}

pub fn go(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
}

/// A `*_begin` server function: its arguments as a form, its challenge back.
async fn begin(endpoint: &str, args: &[(&str, &str)]) -> Result<JsValue, AppError> {
    let form = web_sys::UrlSearchParams::new().map_err(|_| AppError::Internal)?;
    for (name, value) in args {
        form.append(name, value);
    }
    let body: String = form.to_string().into();
    call(endpoint, "application/x-www-form-urlencoded", &body).await
}

/// A `*_finish` server function: the credential as JSON.
async fn finish(endpoint: &str, credential: Object) -> Result<(), AppError> {
    let args = Object::new();
    set(&args, "credential", &credential)?;
    let body = JSON::stringify(&args)
        .map_err(|_| AppError::Internal)?
        .as_string()
        .unwrap_or_default();
    call(endpoint, "application/json", &body).await.map(|_| ())
}

/// POSTs to a server function. Its refusals are `AppError`s as JSON; a
/// lost connection reads as an error on the server's side, as before.
async fn call(endpoint: &str, content_type: &str, body: &str) -> Result<JsValue, AppError> {
    let window = web_sys::window().ok_or(AppError::Internal)?;
    let headers = web_sys::Headers::new().map_err(|_| AppError::Internal)?;
    headers
        .set("Content-Type", content_type)
        .and_then(|()| headers.set("Accept", "application/json"))
        .map_err(|_| AppError::Internal)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    let url = format!("/api/{endpoint}");
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| AppError::Internal)?
        .unchecked_into();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    let answer = text
        .and_then(|t| t.as_string())
        .and_then(|t| JSON::parse(&t).ok())
        .unwrap_or(JsValue::NULL);
    if response.ok() {
        Ok(answer)
    } else {
        Err(refused_with(&answer))
    }
}

/// The error a server function answered with. Ceremonies only refuse with
/// plain variants (`"PasskeyFailed"`); anything else reads as the server's
/// fault.
fn refused_with(answer: &JsValue) -> AppError {
    answer
        .as_string()
        .and_then(|name| refusal::named(&name))
        .unwrap_or(AppError::Internal)
}

fn credentials() -> Result<web_sys::CredentialsContainer, AppError> {
    web_sys::window()
        .map(|w| w.navigator().credentials())
        .ok_or(AppError::Internal)
}

/// Asks the authenticator for a new passkey.
async fn create(challenge: JsValue) -> Result<Object, AppError> {
    let failed = |_| AppError::PasskeyFailed;
    let options = Reflect::get(&challenge, &"publicKey".into()).map_err(failed)?;
    to_bytes(&options, "challenge").map_err(failed)?;
    to_bytes(
        &Reflect::get(&options, &"user".into()).map_err(failed)?,
        "id",
    )
    .map_err(failed)?;
    ids_to_bytes(&options, "excludeCredentials").map_err(failed)?;
    let options: web_sys::CredentialCreationOptions = challenge.unchecked_into();
    let promise = credentials()?
        .create_with_options(&options)
        .map_err(failed)?;
    let created = JsFuture::from(promise).await.map_err(failed)?;
    let response = Reflect::get(&created, &"response".into()).map_err(failed)?;
    let answer = credential(&created).map_err(failed)?;
    let fields = Object::new();
    copy_bytes(&response, &fields, "attestationObject").map_err(failed)?;
    copy_bytes(&response, &fields, "clientDataJSON").map_err(failed)?;
    set(&answer, "response", &fields)?;
    // Only what the server reads: whether the browser made a passkey that
    // lives on the device.
    let extensions = Object::new();
    let results = client_extension_results(&created);
    let cred_props = Reflect::get(&results, &"credProps".into()).unwrap_or(JsValue::UNDEFINED);
    if cred_props.is_object() {
        set(&extensions, "credProps", &cred_props)?;
    }
    set(&answer, "extensions", &extensions)?;
    Ok(answer)
}

/// Asks the authenticator to use a passkey.
async fn get(challenge: JsValue) -> Result<Object, AppError> {
    let failed = |_| AppError::SignInFailed;
    let options = Reflect::get(&challenge, &"publicKey".into()).map_err(failed)?;
    to_bytes(&options, "challenge").map_err(failed)?;
    ids_to_bytes(&options, "allowCredentials").map_err(failed)?;
    let options: web_sys::CredentialRequestOptions = challenge.unchecked_into();
    let promise = credentials()?.get_with_options(&options).map_err(failed)?;
    let used = JsFuture::from(promise).await.map_err(failed)?;
    let response = Reflect::get(&used, &"response".into()).map_err(failed)?;
    let answer = credential(&used).map_err(failed)?;
    let fields = Object::new();
    for name in [
        "authenticatorData",
        "clientDataJSON",
        "signature",
        "userHandle",
    ] {
        copy_bytes(&response, &fields, name).map_err(failed)?;
    }
    set(&answer, "response", &fields)?;
    set(&answer, "extensions", &Object::new())?;
    Ok(answer)
}

/// The parts every credential has: its id, twice, and its type.
fn credential(made: &JsValue) -> Result<Object, JsValue> {
    let answer = Object::new();
    Reflect::set(&answer, &"id".into(), &Reflect::get(made, &"id".into())?)?;
    copy_bytes(made, &answer, "rawId")?;
    Reflect::set(&answer, &"type".into(), &"public-key".into())?;
    Ok(answer)
}

fn client_extension_results(made: &JsValue) -> JsValue {
    Reflect::get(made, &"getClientExtensionResults".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(made).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// `object[name]`, base64url text, becomes bytes in place.
fn to_bytes(object: &JsValue, name: &str) -> Result<(), JsValue> {
    let text = Reflect::get(object, &name.into())?
        .as_string()
        .ok_or(JsValue::NULL)?;
    let bytes = b64url::decode(&text).ok_or(JsValue::NULL)?;
    Reflect::set(object, &name.into(), &Uint8Array::from(bytes.as_slice()))?;
    Ok(())
}

/// The `id` of each credential listed under `name`, if there is a list.
fn ids_to_bytes(options: &JsValue, name: &str) -> Result<(), JsValue> {
    let list = Reflect::get(options, &name.into())?;
    if let Some(list) = list.dyn_ref::<Array>() {
        for entry in list.iter() {
            to_bytes(&entry, "id")?;
        }
    }
    Ok(())
}

/// `from[name]`, an ArrayBuffer, as base64url text in `to[name]`; null
/// stays null (a passkey may give no user handle).
fn copy_bytes(from: &JsValue, to: &Object, name: &str) -> Result<(), JsValue> {
    let value = Reflect::get(from, &name.into())?;
    let text = if value.is_null() || value.is_undefined() {
        JsValue::NULL
    } else {
        b64url::encode(&Uint8Array::new(&value).to_vec()).into()
    };
    Reflect::set(to, &name.into(), &text)?;
    Ok(())
}

fn set(object: &Object, name: &str, value: &JsValue) -> Result<(), AppError> {
    Reflect::set(object, &name.into(), value)
        .map(|_| ())
        .map_err(|_| AppError::Internal)
}
