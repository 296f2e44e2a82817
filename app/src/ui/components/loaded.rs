use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::ui::locale::use_texts;

/// A page's data, fetched by a server function. The fetch is boxed: a
/// server function's future holds its queries' futures, kilobytes of them,
/// and a resource moves the future it starts several times
/// (PERFORMANCE.md); boxed, each move is a pointer's.
pub fn fetch<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    Resource::new(source, move |s| Box::pin(fetcher(s)))
}

/// A page's data, shown when it has arrived: the page waits for it on the
/// server, so it is whole without JavaScript. A failure is said in the
/// person's language.
///
/// The `Suspense` holds the `Suspend` itself. Given a closure instead, it
/// would call it anew on each of its walks over its children (one to find
/// the data read, one more once they have come) and on rendering, and
/// build the page's view two or three times over; a `Suspend` keeps what
/// it resolved. Pages are drawn on the server only (islands), so nothing
/// is lost by its not being reactive.
pub fn loaded<T, V>(
    data: Resource<Result<T, AppError>>,
    render: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + Send + 'static,
{
    let t = use_texts();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match data.await {
                    Ok(data) => render(data).into_any(),
                    Err(err) => view! { <p role="alert">{err.message(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A part of the page's address, like the code in `/invite/:code`.
pub fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// The number in the page's address, like the id in `/groups/:id`; 0 (no
/// such thing) when it is not a number.
pub fn param_id() -> i64 {
    param("id").parse().unwrap_or_default()
}

/// A value of the page's query string, like `before` in `?before=120`.
/// Read from the router's parsed query: `use_query_map` would make a new
/// memo and a copy of the whole query on each call, and the facilitator's
/// page asks once for each row's form.
pub fn query(name: &str) -> Option<String> {
    leptos_router::hooks::use_location()
        .query
        .with_untracked(|query| query.get(name))
}

/// Where this page is: path and query, minus a form error from before, so a
/// form can send the person back here.
pub fn here() -> String {
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    let query: Vec<String> = location
        .query
        .get_untracked()
        .into_iter()
        .filter(|(k, _)| k != "__err" && k != "__path")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}
