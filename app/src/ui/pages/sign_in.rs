use leptos::prelude::*;

use crate::ui::components::Layout;
use crate::ui::islands::SignInButton;
use crate::ui::locale::use_texts;

#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Layout title=t.sign_in_title>
            <p>{t.sign_in_lead}</p>
            <SignInButton/>
        </Layout>
    }
}
