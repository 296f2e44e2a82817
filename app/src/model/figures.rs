//! Anonymous figures for the project's funders: counts only, per area and
//! period. A cell under five could point at a person, so it is never shown:
//! it becomes "<5" before it leaves the server.

use serde::{Deserialize, Serialize};

/// The smallest count that is shown as it is.
pub const SHOWN_FROM: i64 = 5;

/// A count as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    Count(i64),
    UnderFive,
}

impl Cell {
    pub fn of(count: i64) -> Self {
        if count < SHOWN_FROM {
            Cell::UnderFive
        } else {
            Cell::Count(count)
        }
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::UnderFive => f.write_str("<5"),
        }
    }
}

/// One area's figures for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaFigures {
    pub area: String,
    pub groups: Cell,
    pub participants: Cell,
    pub steps_done: Cell,
    pub milestones_reached: Cell,
    pub peer_workers: Cell,
    pub peer_work: Cell,
    pub overdose_aid: Cell,
}

/// The figures as CSV, with the column names given (in the reader's
/// language). Names are quoted; there are no totals, as a total beside a
/// hidden cell would give the cell away.
pub fn to_csv(header: [&str; 8], rows: &[AreaFigures]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = header.map(quote).join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\r\n",
            quote(&r.area),
            r.groups,
            r.participants,
            r.steps_done,
            r.milestones_reached,
            r.peer_workers,
            r.peer_work,
            r.overdose_aid
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_count_under_five_is_ever_shown() {
        for n in 0..SHOWN_FROM {
            assert_eq!(Cell::of(n), Cell::UnderFive);
            assert_eq!(Cell::of(n).to_string(), "<5");
        }
        assert_eq!(Cell::of(5).to_string(), "5");
        assert_eq!(Cell::of(1_234).to_string(), "1234");
    }

    #[test]
    fn the_csv_quotes_names_and_hides_small_cells() {
        let rows = [AreaFigures {
            area: "Oulu, \"keskusta\"".into(),
            groups: Cell::of(2),
            participants: Cell::of(17),
            steps_done: Cell::of(40),
            milestones_reached: Cell::of(0),
            peer_workers: Cell::of(3),
            peer_work: Cell::of(12),
            overdose_aid: Cell::of(1),
        }];
        let csv = to_csv(
            [
                "Alue",
                "Ryhmät",
                "Osallistujat",
                "Askeleet",
                "Välitavoitteet",
                "Vertaistoimijat",
                "Vertaistyö",
                "Yliannostusensiapu",
            ],
            &rows,
        );
        assert_eq!(
            csv,
            "\"Alue\",\"Ryhmät\",\"Osallistujat\",\"Askeleet\",\"Välitavoitteet\",\"Vertaistoimijat\",\"Vertaistyö\",\"Yliannostusensiapu\"\r\n\"Oulu, \"\"keskusta\"\"\",<5,17,40,<5,<5,12,<5\r\n"
        );
    }
}
