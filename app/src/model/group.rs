use serde::{Deserialize, Serialize};

use super::Day;

/// Mixed groups, and groups for women only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Mixed,
    Women,
}

impl GroupKind {
    pub const ALL: [GroupKind; 2] = [GroupKind::Mixed, GroupKind::Women];

    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Mixed => "mixed",
            GroupKind::Women => "women",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A group meets weekly in its intensive phase, then monthly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Intensive,
    Monthly,
}

/// The intensive phase lasts about six months unless the facilitator moves
/// the switch.
pub const INTENSIVE_MONTHS: u32 = 6;

pub fn default_switch(starts_on: Day) -> Day {
    starts_on.add_months(INTENSIVE_MONTHS)
}

pub fn phase_on(today: Day, monthly_from: Day) -> Phase {
    if today < monthly_from {
        Phase::Intensive
    } else {
        Phase::Monthly
    }
}

/// A group as the people who run it see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub id: i64,
    pub name: String,
    pub area_id: i64,
    pub area_name: String,
    pub kind: GroupKind,
    pub starts_on: Day,
    pub monthly_from: Day,
    pub phase: Phase,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_intensive_for_six_months_then_monthly() {
        let start = Day::parse("2026-01-15").unwrap();
        let switch = default_switch(start);
        assert_eq!(switch, Day::parse("2026-07-15").unwrap());
        assert_eq!(phase_on(start, switch), Phase::Intensive);
        assert_eq!(phase_on(switch.add_days(-1), switch), Phase::Intensive);
        assert_eq!(phase_on(switch, switch), Phase::Monthly);
    }

    #[test]
    fn kinds_survive_their_stored_names() {
        for kind in GroupKind::ALL {
            assert_eq!(GroupKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(GroupKind::parse("men"), None);
    }
}
