use leptos::prelude::*;

/// A titled section of a page; `id` links the heading to the section for
/// screen readers.
#[component]
pub fn Card(
    id: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("card {class}") aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}
