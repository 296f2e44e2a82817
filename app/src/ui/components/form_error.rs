use leptos::prelude::*;
use leptos::server_fn::error::ServerFnUrlError;

use crate::error::AppError;
use crate::model::Field;
use crate::ui::locale::use_texts;

/// The error of a plain form post, which comes back as `__path` and `__err`
/// on the page's address. Shown only by the form whose action failed. With
/// `field`, only when that field was refused, so it sits next to the field
/// (with the id `error-FIELD` for `aria-describedby`); with `fields`, every
/// error but those, which have places of their own.
#[component]
pub fn FormError(
    action: &'static str,
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] fields: &'static [Field],
) -> impl IntoView {
    let t = use_texts();
    let error = failure(action).filter(|err| match (field, err) {
        (Some(field), err) => *err == AppError::Invalid(field),
        (None, AppError::Invalid(f)) => !fields.contains(f),
        (None, _) => true,
    });
    let id = field.map(|f| format!("error-{f:?}"));
    error.map(|err| view! { <p class="form-error" role="alert" id=id>{err.message(t)}</p> })
}

/// Why the last post of `action` failed, if it did.
pub fn failure(action: &str) -> Option<AppError> {
    let err = super::query("__err")?;
    (super::query("__path").as_deref() == Some(action))
        .then(|| ServerFnUrlError::<AppError>::decode_err(&err))
}

/// `aria-invalid` and `aria-describedby` for a field the last post refused.
pub fn field_state(action: &str, field: Field) -> (Option<&'static str>, Option<String>) {
    match failure(action) {
        Some(AppError::Invalid(f)) if f == field => {
            (Some("true"), Some(format!("error-{field:?}")))
        }
        _ => (None, None),
    }
}
