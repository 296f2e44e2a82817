//! Links handed to a person (invites, recovery), as text and as a QR code
//! drawn on the server so it shows without JavaScript.

use serde::{Deserialize, Serialize};

/// A link and its QR code as an inline SVG.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub url: String,
    pub qr_svg: String,
}

#[cfg(feature = "ssr")]
pub fn link(path: &str) -> Result<Link, crate::error::AppError> {
    use crate::error::AppError;
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};

    let config =
        leptos::prelude::use_context::<crate::auth::AuthConfig>().ok_or(AppError::Internal)?;
    let url = format!("{}{path}", config.origin);
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|_| AppError::Internal)?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    // Inline in HTML: no XML declaration. The link is written out beside it,
    // so screen readers skip the picture.
    let start = image.find("<svg").ok_or(AppError::Internal)?;
    let qr_svg = image[start..].replacen("<svg ", r#"<svg aria-hidden="true" "#, 1);
    Ok(Link { url, qr_svg })
}
