use leptos::prelude::*;

use crate::api::Link;
use crate::ui::locale::use_texts;

/// A link to hand over in person: the QR code to scan, and the address
/// written out to copy or read aloud.
#[component]
pub fn ShareLink(link: Link) -> impl IntoView {
    let t = use_texts();
    view! {
        <figure class="share-link">
            <div class="qr" inner_html=link.qr_svg></div>
            <figcaption>
                <label for="share-url">{t.share_link_label}</label>
                <input id="share-url" readonly value=link.url/>
            </figcaption>
        </figure>
    }
}
