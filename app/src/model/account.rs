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
