//! Anonymous figures for the funders: counts per area and period, with every
//! count under five hidden. The only view that counts what is not shared,
//! and it shows numbers only.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, StreamingText, TextStream};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::model::{AreaFigures, Day};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresView {
    pub from: Day,
    pub to: Day,
    pub rows: Vec<AreaFigures>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::model::{Cell, Field};

    /// The period asked for; by default this year so far.
    pub fn period(from: Option<String>, to: Option<String>) -> Result<(Day, Day), AppError> {
        let today = Day::today();
        let start_of_year = Day::from_ymd(today.ymd().0, 1, 1).unwrap_or(today);
        let day =
            |text: Option<String>, default: Day, field: Field| match text.as_deref().map(str::trim)
            {
                None | Some("") => Ok(default),
                Some(text) => Day::parse(text).ok_or(AppError::Invalid(field)),
            };
        let from = day(from, start_of_year, Field::PeriodStart)?;
        let to = day(to, today, Field::PeriodEnd)?;
        if to < from {
            return Err(AppError::Invalid(Field::PeriodEnd));
        }
        Ok((from, to))
    }

    /// The caller's areas' figures, small counts hidden.
    pub async fn figures(from: Day, to: Day) -> Result<Vec<AreaFigures>, AppError> {
        let (_, actor) = crate::auth::require_actor().await?;
        if !actor.is_admin && actor.areas.is_empty() {
            return Err(AppError::Forbidden);
        }
        let store = crate::api::store()?;
        Ok(store
            .area_counts(from, to)
            .await?
            .into_iter()
            .filter(|c| crate::policy::may_see_figures(&actor, c.area_id))
            .map(|c| AreaFigures {
                area: c.area,
                groups: Cell::of(c.groups),
                participants: Cell::of(c.participants),
                steps_done: Cell::of(c.steps_done),
                milestones_reached: Cell::of(c.milestones_reached),
                peer_workers: Cell::of(c.peer_workers),
                peer_work: Cell::of(c.peer_work),
                overdose_aid: Cell::of(c.overdose_aid),
            })
            .collect())
    }
}

#[server(endpoint = "figures")]
pub async fn load_figures(
    from: Option<String>,
    to: Option<String>,
) -> Result<FiguresView, AppError> {
    let (from, to) = ssr::period(from, to)?;
    Ok(FiguresView {
        rows: ssr::figures(from, to).await?,
        from,
        to,
    })
}

/// The same figures as a CSV file, for the funders' spreadsheets.
#[server(endpoint = "figures.csv", input = GetUrl, output = StreamingText)]
pub async fn figures_csv(
    from: Option<String>,
    to: Option<String>,
) -> Result<TextStream<AppError>, AppError> {
    use http::header::{HeaderValue, CONTENT_DISPOSITION, CONTENT_TYPE};

    let (from, to) = ssr::period(from, to)?;
    let rows = ssr::figures(from, to).await?;
    let t = crate::i18n::texts(crate::ui::locale::request_locale());
    let csv = crate::model::to_csv(
        [
            t.area_title,
            t.groups_title,
            t.figures_participants,
            t.steps_done,
            t.figures_milestones,
            t.figures_peer_workers,
            t.figures_peer_work,
            t.figures_overdose_aid,
        ],
        &rows,
    );
    let response = crate::api::server_context::<leptos_axum::ResponseOptions>()?;
    response.insert_header(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!(
        "attachment; filename=\"polku-figures-{}-{}.csv\"",
        from.iso(),
        to.iso()
    );
    response.insert_header(
        CONTENT_DISPOSITION,
        HeaderValue::from_str(&name).map_err(|_| AppError::Internal)?,
    );
    Ok(TextStream::from(futures::stream::once(std::future::ready(
        csv,
    ))))
}
