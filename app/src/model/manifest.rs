//! The web app manifest: what a phone's home screen shows for Polku. A
//! person who asked for a neutral look gets a bland name and icon, so the
//! home screen does not say what the app is.

use serde::Serialize;

use super::Locale;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub name: &'static str,
    pub short_name: &'static str,
    pub description: &'static str,
    pub lang: &'static str,
    pub id: &'static str,
    pub start_url: &'static str,
    pub scope: &'static str,
    pub display: &'static str,
    pub orientation: &'static str,
    pub background_color: &'static str,
    pub theme_color: &'static str,
    pub icons: Vec<Icon>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Icon {
    pub src: &'static str,
    pub sizes: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
}

/// The home-screen icon a page links to (also Apple's touch icon).
pub fn touch_icon(neutral: bool) -> &'static str {
    if neutral {
        "/icons/neutral-192.png"
    } else {
        "/icons/icon-192.png"
    }
}

/// The manifest in `locale`, named `name` and described by `description`
/// (both from the translations), with Polku's icons or neutral ones.
pub fn manifest(
    locale: Locale,
    name: &'static str,
    description: &'static str,
    neutral: bool,
) -> Manifest {
    let icon = |src, sizes, purpose| Icon {
        src,
        sizes,
        kind: "image/png",
        purpose,
    };
    let icons = if neutral {
        vec![
            icon("/icons/neutral-192.png", "192x192", "any"),
            icon("/icons/neutral-512.png", "512x512", "any"),
            icon("/icons/neutral-192.png", "192x192", "maskable"),
            icon("/icons/neutral-512.png", "512x512", "maskable"),
        ]
    } else {
        vec![
            icon("/icons/icon-192.png", "192x192", "any"),
            icon("/icons/icon-512.png", "512x512", "any"),
            icon("/icons/maskable-192.png", "192x192", "maskable"),
            icon("/icons/maskable-512.png", "512x512", "maskable"),
        ]
    };
    Manifest {
        name,
        short_name: name,
        description,
        lang: locale.tag(),
        id: "/",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        // A neutral look is grey, not Polku's green.
        background_color: if neutral { "#f4f4f4" } else { "#f6f4ef" },
        theme_color: if neutral { "#5f6368" } else { "#1f5f5b" },
        icons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_neutral_manifest_has_no_polku_icon() {
        let neutral = manifest(Locale::Fi, "Muistio", "", true);
        assert!(neutral.icons.iter().all(|i| i.src.contains("neutral")));
        assert_eq!(neutral.short_name, "Muistio");
        let polku = manifest(Locale::Fi, "Polku", "", false);
        assert!(polku.icons.iter().all(|i| !i.src.contains("neutral")));
        assert_eq!(touch_icon(true), neutral.icons[0].src);
    }
}
