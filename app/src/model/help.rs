use serde::{Deserialize, Serialize};

use super::{validate_text, Field};
use crate::error::AppError;

pub const SERVICE_TEXT_MAX: usize = 200;
pub const SERVICE_OFFER_MAX: usize = 500;
pub const SERVICE_PHONE_MAX: usize = 30;

/// A low-threshold service of an area: what people can get there, and how
/// to reach it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpService {
    pub id: i64,
    pub area_id: i64,
    pub name: String,
    pub offer: String,
    pub address: String,
    pub hours: String,
    pub phone: String,
}

/// A service as written in a form, checked. Only the name is required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceText {
    pub name: String,
    pub offer: String,
    pub address: String,
    pub hours: String,
    pub phone: String,
}

impl ServiceText {
    pub fn parse(
        name: &str,
        offer: &str,
        address: &str,
        hours: &str,
        phone: &str,
    ) -> Result<Self, AppError> {
        let phone = validate_text(phone, Field::ServicePhone, 0, SERVICE_PHONE_MAX)?;
        let dialable = phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
        if !dialable {
            return Err(AppError::Invalid(Field::ServicePhone));
        }
        Ok(Self {
            name: validate_text(name, Field::ServiceName, 1, SERVICE_TEXT_MAX)?,
            offer: validate_text(offer, Field::ServiceOffer, 0, SERVICE_OFFER_MAX)?,
            address: validate_text(address, Field::ServiceAddress, 0, SERVICE_TEXT_MAX)?,
            hours: validate_text(hours, Field::ServiceHours, 0, SERVICE_TEXT_MAX)?,
            phone,
        })
    }
}

/// A phone number as a `tel:` link wants it: digits and a leading plus.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_needs_a_name_and_a_dialable_phone() {
        let ok = ServiceText::parse(
            "Vinkki",
            "Neulanvaihto",
            "Katu 1",
            "ma–pe 9–15",
            "+358 40 123 4567",
        )
        .unwrap();
        assert_eq!(tel_href(&ok.phone), "tel:+358401234567");
        assert_eq!(
            ServiceText::parse("", "", "", "", ""),
            Err(AppError::Invalid(Field::ServiceName))
        );
        assert_eq!(
            ServiceText::parse("Vinkki", "", "", "", "soita minulle"),
            Err(AppError::Invalid(Field::ServicePhone))
        );
    }
}
