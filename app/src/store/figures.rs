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
    /// People who wrote peer work down for a day in the period.
    pub peer_workers: i64,
    pub peer_work: i64,
    pub overdose_aid: i64,
}

/// The ids of people who were members of `a`'s groups, in one of `roles`,
/// at some time between $1 and $2.
fn members_of_area(roles: &str) -> String {
    format!(
        "SELECT m.user_id FROM memberships m JOIN peer_groups g ON g.id = m.group_id
          WHERE g.area_id = a.id AND m.role IN ({roles})
            AND m.joined_at <= $2 AND (m.left_at IS NULL OR m.left_at >= $1)"
    )
}

impl Store {
    /// Per area, for the days `from..=to`: groups started by then, people
    /// who were participants at some time in the period, steps they marked
    /// done in it, group milestones reached in it, and the peer work its
    /// participants and peer mentors wrote down for it. Counts only: no row
    /// of a journal leaves the database.
    pub async fn area_counts(&self, from: Day, to: Day) -> Result<Vec<AreaCounts>, StoreError> {
        type Row = (i64, String, i64, i64, i64, i64, i64, i64, i64);
        let (start, end) = (from.unix(), to.add_days(1).unix() - 1);
        let participants = members_of_area("'participant'");
        // Peer mentors do peer work too; so may any participant.
        let peers = members_of_area("'participant', 'peer_mentor'");
        let peer_work = format!(
            "FROM peer_work p JOIN items i ON i.id = p.item_id
              WHERE p.done_on >= $3 AND p.done_on <= $4 AND i.owner_id IN ({peers})"
        );
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT a.id, a.name,
                (SELECT COUNT(*) FROM peer_groups g WHERE g.area_id = a.id AND g.starts_on <= $4),
                (SELECT COUNT(DISTINCT pm.user_id) FROM ({participants}) AS pm),
                (SELECT COUNT(*) FROM steps s JOIN items i ON i.id = s.item_id
                  WHERE s.status = 'done' AND s.done_on >= $3 AND s.done_on <= $4
                    AND i.owner_id IN ({participants})),
                (SELECT COUNT(*) FROM milestone_marks k
                   JOIN milestones ms ON ms.id = k.milestone_id
                   JOIN peer_groups g ON g.id = ms.group_id
                  WHERE g.area_id = a.id AND k.reached_on >= $3 AND k.reached_on <= $4),
                (SELECT COUNT(DISTINCT i.owner_id) {peer_work}),
                (SELECT COUNT(*) {peer_work}),
                (SELECT COUNT(*) {peer_work} AND p.work_kind = 'overdose_aid')
             FROM areas a ORDER BY a.name LIMIT 500"
        ))
        .bind(start)
        .bind(end)
        .bind(from.iso())
        .bind(to.iso())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AreaCounts {
                area_id: r.0,
                area: r.1,
                groups: r.2,
                participants: r.3,
                steps_done: r.4,
                milestones_reached: r.5,
                peer_workers: r.6,
                peer_work: r.7,
                overdose_aid: r.8,
            })
            .collect())
    }
}
