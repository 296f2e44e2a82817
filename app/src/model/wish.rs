//! The wishes box: what a group's members wish for its activity. A wish
//! never carries its author, only whether it is the reader's own.

use serde::{Deserialize, Serialize};

use super::{validate_multiline, validate_text, Field};
use crate::error::AppError;

pub const WISH_WHAT_MAX: usize = 200;
pub const WISH_WHY_MAX: usize = 1_000;
pub const WISH_REASON_MAX: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WishStatus {
    Open,
    Planned,
    Done,
    NotPossible,
}

impl WishStatus {
    pub const ALL: [WishStatus; 4] = [
        WishStatus::Open,
        WishStatus::Planned,
        WishStatus::Done,
        WishStatus::NotPossible,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WishStatus::Open => "open",
            WishStatus::Planned => "planned",
            WishStatus::Done => "done",
            WishStatus::NotPossible => "not_possible",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// A wish as any member of its group sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wish {
    pub id: i64,
    pub what: String,
    pub why: String,
    pub status: WishStatus,
    /// The facilitator's word to the group on the status.
    pub reason: String,
    pub votes: i64,
    pub voted: bool,
    /// The reader wrote it: they may edit or withdraw it.
    pub mine: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishText {
    pub what: String,
    pub why: String,
}

impl WishText {
    pub fn parse(what: &str, why: &str) -> Result<Self, AppError> {
        Ok(Self {
            what: validate_text(what, Field::WishWhat, 1, WISH_WHAT_MAX)?,
            why: validate_multiline(why, Field::WishWhy, WISH_WHY_MAX)?,
        })
    }
}

/// A status and its reason: "not possible" must say why.
pub fn parse_wish_status(status: &str, reason: &str) -> Result<(WishStatus, String), AppError> {
    let status = WishStatus::parse(status).ok_or(AppError::Invalid(Field::WishStatus))?;
    let reason = validate_multiline(reason, Field::WishReason, WISH_REASON_MAX)?;
    if status == WishStatus::NotPossible && reason.is_empty() {
        return Err(AppError::Invalid(Field::WishReason));
    }
    Ok((status, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wish_needs_what_and_not_possible_needs_a_reason() {
        let w = WishText::parse(" Retki luontoon ", "Yhdessä ulos.").unwrap();
        assert_eq!(w.what, "Retki luontoon");
        assert_eq!(
            WishText::parse("  ", ""),
            Err(AppError::Invalid(Field::WishWhat))
        );
        assert_eq!(
            parse_wish_status("not_possible", " "),
            Err(AppError::Invalid(Field::WishReason))
        );
        assert_eq!(
            parse_wish_status("planned", "").unwrap(),
            (WishStatus::Planned, String::new())
        );
        assert_eq!(
            parse_wish_status("maybe", ""),
            Err(AppError::Invalid(Field::WishStatus))
        );
    }
}
