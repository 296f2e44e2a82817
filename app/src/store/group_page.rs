use crate::model::{GroupSummary, Meeting, MentorLink, Milestone};
use crate::policy::Actor;
use sqlx::Row;

use crate::store::areas::{area_facilitators_list, people_from};
use crate::store::consent::shared_counts_list;
use crate::store::groups::{group_list, summary};
use crate::store::invites::{invites_from, open_invites_list};
use crate::store::lists::{rows, select_lists};
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
    /// Everything a group's page reads, in one statement, as the home page
    /// does (see `journal_home`); the counts through the consent rule, for
    /// the group's participants as the roster reads them. None when there
    /// is no such group.
    pub async fn group_page(
        &self,
        viewer: i64,
        id: i64,
        with_mentor_links: bool,
    ) -> Result<Option<GroupReads>, StoreError> {
        let participants =
            "SELECT user_id FROM memberships WHERE group_id = $2 AND role = 'participant' AND left_at IS NULL";
        let mut lists = vec![
            group_list("$2"),
            roster_list("$2"),
            shared_counts_list("$1", "$3", participants),
            area_facilitators_list("(SELECT area_id FROM peer_groups WHERE id = $2)"),
            open_invites_list("group_id", "$2", "$3"),
            milestones_list("$2"),
            coming_meetings_list("$2", "$3"),
        ];
        if with_mentor_links {
            lists.push(mentor_links_in_group_list("$2"));
        }
        let found = sqlx::query(&select_lists(self.backend, &lists))
            .bind(viewer)
            .bind(id)
            .bind(now())
            .fetch_one(&self.pool)
            .await?;
        let row = (0..lists.len())
            .map(|n| found.try_get::<String, _>(n))
            .collect::<Result<Vec<_>, _>>()?;
        let Some(group) = rows(&row[0])?.into_iter().find_map(summary) else {
            return Ok(None);
        };
        Ok(Some(GroupReads {
            group,
            roster: roster_from(rows(&row[1])?),
            shared_counts: rows(&row[2])?,
            area_facilitators: people_from(rows(&row[3])?),
            invites: invites_from(rows(&row[4])?),
            milestones: rows(&row[5])?.into_iter().map(milestone).collect(),
            meetings: rows(&row[6])?.into_iter().map(meeting).collect(),
            mentor_links: match row.get(7) {
                Some(links) => Some(rows(links)?.into_iter().map(link).collect()),
                None => None,
            },
        }))
    }
}
