use serde::{Deserialize, Serialize};

/// The languages Polku speaks. Finnish is the default of the welfare region.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Fi,
    Sv,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fi, Locale::Sv, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and the language cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fi => "fi",
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first supported language in an `Accept-Language` header, in the
    /// order the browser prefers them (q-values are honoured).
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, Locale)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, locale))
            })
            .collect();
        // A stable sort keeps the header's order among equal weights.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_tags_map_to_their_language() {
        assert_eq!(Locale::parse("sv-FI"), Some(Locale::Sv));
        assert_eq!(Locale::parse("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
    }

    #[test]
    fn negotiation_follows_the_browsers_weights() {
        assert_eq!(
            Locale::negotiate("de-DE, sv;q=0.5, en;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::negotiate("fi-FI,fi;q=0.9,en;q=0.8"),
            Some(Locale::Fi)
        );
        assert_eq!(Locale::negotiate("en;q=0, de"), None);
        assert_eq!(Locale::negotiate(""), None);
    }
}
