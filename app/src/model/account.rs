use crate::error::AppError;

pub const DISPLAY_NAME_MAX: usize = 40;

/// A display name is a pseudonym of the person's choosing: 1 to 40
/// characters, no control characters, surrounding space trimmed.
pub fn validate_display_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let length = name.chars().count();
    if length == 0 || length > DISPLAY_NAME_MAX || name.chars().any(char::is_control) {
        return Err(AppError::InvalidDisplayName);
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(validate_display_name("  Aurinko ").unwrap(), "Aurinko");
        assert_eq!(
            validate_display_name(&"ä".repeat(40))
                .unwrap()
                .chars()
                .count(),
            40
        );
        assert!(validate_display_name(&"ä".repeat(41)).is_err());
        assert!(validate_display_name("   ").is_err());
        assert!(validate_display_name("a\u{0}b").is_err());
    }
}

/// Something that happened to an account, shown to its owner in their
/// history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountEventKind {
    Joined,
    PasskeyAdded,
    PasskeyRemoved,
    /// A passkey was added through a recovery link.
    Recovered,
    SignedOutEverywhere,
}

impl AccountEventKind {
    pub const ALL: [AccountEventKind; 5] = [
        AccountEventKind::Joined,
        AccountEventKind::PasskeyAdded,
        AccountEventKind::PasskeyRemoved,
        AccountEventKind::Recovered,
        AccountEventKind::SignedOutEverywhere,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountEventKind::Joined => "joined",
            AccountEventKind::PasskeyAdded => "passkey_added",
            AccountEventKind::PasskeyRemoved => "passkey_removed",
            AccountEventKind::Recovered => "recovered",
            AccountEventKind::SignedOutEverywhere => "signed_out_everywhere",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A passkey's name in "My devices", chosen by its owner.
pub const PASSKEY_LABEL_MAX: usize = 40;

#[cfg(test)]
mod event_tests {
    use super::AccountEventKind;

    #[test]
    fn event_kinds_survive_their_stored_names() {
        for kind in AccountEventKind::ALL {
            assert_eq!(AccountEventKind::parse(kind.as_str()), Some(kind));
        }
    }
}
