use leptos::prelude::*;
use leptos_meta::{Link, Title};

use crate::model::touch_icon;
use crate::ui::locale::use_texts;

/// Where quick exit lands: an ordinary recipe, with nothing of Polku in
/// its title, icon or words, and no way back into the journal on it.
#[component]
pub fn RecipePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title formatter=|text: String| text text=t.recipe_title/>
        <Link rel="icon" type_="image/png" sizes="192x192" href=touch_icon(true)/>
        <main class="recipe">
            <h1>{t.recipe_title}</h1>
            <p class="lead">{t.recipe_lead}</p>
            <h2>{t.recipe_ingredients_title}</h2>
            <ul>{t.recipe_ingredients.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ul>
            <h2>{t.recipe_steps_title}</h2>
            <ol>{t.recipe_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        </main>
    }
}
