use super::{Store, StoreError};
use crate::model::Day;

/// One area's raw counts for a period. Never leaves the server as it is:
/// `model::Cell` hides what is under five.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaCounts {
    pub area_id: i64,
    pub area: String,
    pub groups: i64,
    pub participants: i64,
    pub steps_done: i64,
    pub milestones_reached: i64,
}

impl Store {
    /// Per area, for the days `from..=to`: groups started by then, people
    /// who were participants at some time in the period, steps they marked
    /// done in it, and group milestones reached in it. Counts only: no row
    /// of a journal leaves the database.
    pub async fn area_counts(&self, from: Day, to: Day) -> Result<Vec<AreaCounts>, StoreError> {
        let (start, end) = (from.unix(), to.add_days(1).unix() - 1);
        let rows: Vec<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT a.id, a.name,
                (SELECT COUNT(*) FROM peer_groups g WHERE g.area_id = a.id AND g.starts_on <= $4),
                (SELECT COUNT(DISTINCT m.user_id) FROM memberships m
                   JOIN peer_groups g ON g.id = m.group_id
                  WHERE g.area_id = a.id AND m.role = 'participant'
                    AND m.joined_at <= $2 AND (m.left_at IS NULL OR m.left_at >= $1)),
                (SELECT COUNT(*) FROM steps s JOIN items i ON i.id = s.item_id
                  WHERE s.status = 'done' AND s.done_on >= $3 AND s.done_on <= $4
                    AND i.owner_id IN (SELECT m.user_id FROM memberships m
                          JOIN peer_groups g ON g.id = m.group_id
                         WHERE g.area_id = a.id AND m.role = 'participant'
                           AND m.joined_at <= $2 AND (m.left_at IS NULL OR m.left_at >= $1))),
                (SELECT COUNT(*) FROM milestone_marks k
                   JOIN milestones ms ON ms.id = k.milestone_id
                   JOIN peer_groups g ON g.id = ms.group_id
                  WHERE g.area_id = a.id AND k.reached_on >= $3 AND k.reached_on <= $4)
             FROM areas a ORDER BY a.name LIMIT 500",
        )
        .bind(start)
        .bind(end)
        .bind(from.iso())
        .bind(to.iso())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(area_id, area, groups, participants, steps_done, milestones_reached)| {
                    AreaCounts {
                        area_id,
                        area,
                        groups,
                        participants,
                        steps_done,
                        milestones_reached,
                    }
                },
            )
            .collect())
    }
}
