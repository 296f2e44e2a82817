use sqlx::Row;

use crate::model::{GroupSummary, Meeting, MentorLink, Milestone, Role};
use crate::policy::Actor;
use crate::store::areas::{area_facilitators_list, people_from};
use crate::store::consent::{placeholders, shared_counts_list};
use crate::store::groups::{group_list, summary};
use crate::store::invites::{invites_from, open_invites_list};
use crate::store::lists::{rows, select_lists, FixedLists};
use crate::store::meetings::{coming_meetings_list, meeting};
use crate::store::memberships::{roster_from, roster_list};
use crate::store::mentors::{link, mentor_links_in_group_list};
use crate::store::milestones::{milestone, milestones_list};
use crate::store::{now, InviteRow, MemberRow, PersonRow, Store, StoreError};

/// What a group's page reads for its facilitator.
#[derive(Clone, Debug)]
pub struct GroupReads {
    pub group: GroupSummary,
    /// Facilitators first, then by name, each with the facts the policy
    /// needs about them.
    pub roster: Vec<(MemberRow, Actor)>,
    /// (participant, items shared with the viewer, changed since last seen),
    /// through the consent rule; a participant who shares nothing is absent.
    pub shared_counts: Vec<(i64, i64, i64)>,
    /// Everyone who facilitates in the group's area, running it or not.
    pub area_facilitators: Vec<PersonRow>,
    /// Read only when asked for: not everyone who manages a group may see
    /// who mentors whom.
    pub mentor_links: Option<Vec<MentorLink>>,
    pub invites: Vec<InviteRow>,
    pub milestones: Vec<Milestone>,
    pub meetings: Vec<Meeting>,
}

impl Store {
    /// Everything a group's page reads, in two statements, as the home
    /// page does (see `journal_home`): the group and its roster, then the
    /// rest, the counts through the consent rule for the roster's
    /// participants. PostgreSQL looks a list of them up by index faster
    /// than it joins a subquery of them (PERFORMANCE.md). None when there
    /// is no such group.
    pub async fn group_page(
        &self,
        viewer: i64,
        id: i64,
        with_mentor_links: bool,
    ) -> Result<Option<GroupReads>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        static FIRST: FixedLists = FixedLists::new();
        let first = FIRST.sql(self.backend, || vec![group_list("$1"), roster_list("$1")]);
        let (group, roster): (String, String) =
            sqlx::query_as(first).bind(id).fetch_one(&mut *conn).await?;
        let Some(group) = rows(&group)?.into_iter().find_map(summary) else {
            return Ok(None);
        };
        let roster = roster_from(rows(&roster)?);
        let participants: Vec<i64> = roster
            .iter()
            .filter(|(m, _)| m.role == Role::Participant)
            .map(|(m, _)| m.user_id)
            .collect();
        // With no participants, an IN list of NULL: it holds no one.
        let owners = match participants.len() {
            0 => "NULL".to_owned(),
            n => placeholders(5, n),
        };
        let mut lists = vec![
            shared_counts_list("$1", "$3", &owners),
            area_facilitators_list("$4"),
            open_invites_list("group_id", "$2", "$3"),
            milestones_list("$2"),
            coming_meetings_list("$2", "$3"),
        ];
        if with_mentor_links {
            lists.push(mentor_links_in_group_list("$2"));
        }
        let sql = select_lists(self.backend, &lists);
        let mut query = sqlx::query(&sql)
            .bind(viewer)
            .bind(id)
            .bind(now())
            .bind(group.area_id);
        for participant in participants {
            query = query.bind(participant);
        }
        let found = query.fetch_one(&mut *conn).await?;
        let row = (0..lists.len())
            .map(|n| found.try_get::<String, _>(n))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(GroupReads {
            group,
            roster,
            shared_counts: rows(&row[0])?,
            area_facilitators: people_from(rows(&row[1])?),
            invites: invites_from(rows(&row[2])?),
            milestones: rows(&row[3])?.into_iter().map(milestone).collect(),
            meetings: rows(&row[4])?.into_iter().map(meeting).collect(),
            mentor_links: match row.get(5) {
                Some(links) => Some(rows(links)?.into_iter().map(link).collect()),
                None => None,
            },
        }))
    }
}
