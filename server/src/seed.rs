//! `polku seed`: fills a database with realistic data for benchmarks:
//! areas, groups with facilitators, a peer mentor and milestones, and
//! participants with journals of every kind, a share of them shared, read
//! and answered, and when their facilitator and mentor last looked. Then
//! it signs a sample of people in and prints their session tokens, so a
//! benchmark can act as them.
//!
//! Random but repeatable (a fixed seed); written in batches of multi-row
//! inserts, one transaction each.

mod journal;
mod text;

use std::io::Read;
use std::time::Instant;

use app::model::Day;
use app::store::seed::*;
use app::store::{hash_code, unix_now};

use crate::cli::SeedArgs;
use crate::config;

const DAY_SECS: i64 = 86_400;
/// How far back the journals go.
const HISTORY_DAYS: i64 = 540;
/// Rows of journal items per transaction.
const ITEMS_PER_BATCH: usize = 20_000;

/// A group as the participants' batches need it.
struct Group {
    id: i64,
    facilitator: i64,
    mentor: i64,
    milestones: Vec<i64>,
    starts: i64,
}

/// Someone to sign in for the benchmark: (role, user, group, item or person).
struct Sample {
    role: &'static str,
    user: i64,
    group: i64,
    other: i64,
}

struct Seeder {
    state: u64,
    ids: SeedIds,
    now: i64,
}

/// `polku seed`
pub async fn run(args: SeedArgs) -> Result<(), String> {
    let url = &args.database.database_url;
    let store = config::open_store(url).await?;
    let store = config::unlock(
        &store,
        &config::key_file(url, args.keys.key_file.as_deref()),
    )
    .await?;
    let started = Instant::now();
    let failed = |e: app::store::StoreError| format!("cannot seed: {e}");
    let mut seeder = Seeder {
        state: 0x9e37_79b9_7f4a_7c15,
        ids: store.seed_ids().await.map_err(failed)?,
        now: unix_now(),
    };
    let (batch, groups) = seeder.groups(args.groups.max(1));
    let mut rows = batch.len();
    store.seed(batch).await.map_err(failed)?;

    let per_batch = (ITEMS_PER_BATCH / args.items_per_participant.max(1)).max(1);
    let mut samples = Vec::new();
    let mut done = 0;
    while done < args.participants {
        let count = per_batch.min(args.participants - done);
        let mut batch = SeedBatch::default();
        for p in done..done + count {
            let group = &groups[p % groups.len()];
            let (user, item) = seeder.participant(&mut batch, group, p, args.items_per_participant);
            if p < args.sessions {
                samples.push(Sample {
                    role: "participant",
                    user,
                    group: group.id,
                    other: item,
                });
                samples.push(Sample {
                    role: "facilitator",
                    user: group.facilitator,
                    group: group.id,
                    other: user,
                });
            }
        }
        rows += batch.len();
        store.seed(batch).await.map_err(failed)?;
        done += count;
        eprintln!(
            "seed: {done}/{} participants, {rows} rows, {:.0} s",
            args.participants,
            started.elapsed().as_secs_f64()
        );
    }
    store.seed_finish().await.map_err(failed)?;

    println!("# role user token group item-or-person");
    for sample in samples {
        let token = random_hex(32)?;
        store
            .create_session(&hash_code(&token), &random_hex(11)?, sample.user, "seed")
            .await
            .map_err(failed)?;
        println!(
            "{} {} {token} {} {}",
            sample.role, sample.user, sample.group, sample.other
        );
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "seed: {rows} rows in {secs:.1} s ({:.0} rows/s)",
        rows as f64 / secs.max(0.001)
    );
    store.close().await;
    Ok(())
}

fn random_hex(bytes: usize) -> Result<String, String> {
    let mut buf = vec![0u8; bytes];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("cannot read random bytes: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

impl Seeder {
    /// splitmix64: fast, and the same data on every run.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.below(list.len() as u64) as usize]
    }

    fn sentences(&mut self, min: u64, max: u64) -> String {
        let count = min + self.below(max - min + 1);
        (0..count)
            .map(|_| self.pick(text::SENTENCES))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn day(at: i64) -> String {
        Day::of_unix(at).iso()
    }

    fn user(&mut self, batch: &mut SeedBatch, name: &str, at: i64) -> i64 {
        self.ids.user += 1;
        let id = self.ids.user;
        let locale = match self.below(20) {
            0 | 1 => "sv",
            2 => "en",
            _ => "fi",
        };
        batch.users.push(SeedUser {
            id,
            display_name: format!("{name} {id}"),
            locale: locale.into(),
            is_admin: 0,
            created_at: at,
        });
        id
    }

    fn member(&mut self, batch: &mut SeedBatch, group: i64, user: i64, role: &str, at: i64) {
        self.ids.membership += 1;
        batch.memberships.push(SeedMembership {
            id: self.ids.membership,
            group_id: group,
            user_id: user,
            role: role.into(),
            joined_at: at,
        });
    }

    /// Areas (a town per five groups), groups, their facilitator, peer
    /// mentor, milestones and weekly meetings.
    fn groups(&mut self, count: usize) -> (SeedBatch, Vec<Group>) {
        let mut batch = SeedBatch::default();
        let mut groups = Vec::new();
        let mut area = 0;
        for g in 0..count {
            if g.is_multiple_of(5) {
                self.ids.area += 1;
                area = self.ids.area;
                let town = self.pick(text::TOWNS);
                batch.areas.push(SeedArea {
                    id: area,
                    name: format!("{town} {area}"),
                    created_at: self.now - HISTORY_DAYS * DAY_SECS,
                });
            }
            let starts = self.now - (30 + self.below(HISTORY_DAYS as u64 - 30) as i64) * DAY_SECS;
            self.ids.group += 1;
            let id = self.ids.group;
            let starts_on = Day::of_unix(starts);
            batch.groups.push(SeedGroup {
                id,
                area_id: area,
                name: format!("{} {id}", self.pick(text::GROUP_NAMES)),
                kind: if g % 4 == 3 { "women" } else { "mixed" }.into(),
                starts_on: starts_on.iso(),
                monthly_from: starts_on.add_months(6).iso(),
                created_at: starts,
            });
            let facilitator = self.user(&mut batch, "Ohjaaja", starts);
            batch.area_facilitators.push(SeedAreaFacilitator {
                area_id: area,
                user_id: facilitator,
                added_at: starts,
            });
            self.member(&mut batch, id, facilitator, "facilitator", starts);
            let mentor = self.user(&mut batch, "Vertainen", starts);
            self.member(&mut batch, id, mentor, "peer_mentor", starts);
            let mut milestones = Vec::new();
            for (title, description) in text::MILESTONES {
                self.ids.milestone += 1;
                milestones.push(self.ids.milestone);
                batch.milestones.push(SeedMilestone {
                    id: self.ids.milestone,
                    group_id: id,
                    title: (*title).into(),
                    description: (*description).into(),
                    created_at: starts,
                });
            }
            // Weekly, from the start until a month from now.
            let place = format!("{}, ryhmätila 2", self.pick(text::TOWNS));
            let mut at = starts + 17 * 3_600;
            while at < self.now + 30 * DAY_SECS {
                self.ids.meeting += 1;
                batch.meetings.push(SeedMeeting {
                    id: self.ids.meeting,
                    group_id: id,
                    starts_at: at,
                    minutes: 90,
                    place: place.clone(),
                    topic: self.pick(text::TOPICS).into(),
                    created_at: starts,
                });
                at += 7 * DAY_SECS;
            }
            groups.push(Group {
                id,
                facilitator,
                mentor,
                milestones,
                starts,
            });
        }
        (batch, groups)
    }

    /// One participant of `group` with `items` journal items; returns the
    /// user and one of their items.
    fn participant(
        &mut self,
        batch: &mut SeedBatch,
        group: &Group,
        index: usize,
        items: usize,
    ) -> (i64, i64) {
        let joined = group.starts;
        let name = self.pick(text::NAMES);
        let user = self.user(batch, name, joined);
        self.member(batch, group.id, user, "participant", joined);
        let mentored = index.is_multiple_of(3);
        if mentored {
            self.ids.mentor_link += 1;
            batch.mentor_links.push(SeedMentorLink {
                id: self.ids.mentor_link,
                mentor_id: group.mentor,
                mentee_id: user,
                group_id: group.id,
                proposed_by: group.facilitator,
                proposed_at: joined,
                accepted_at: joined + DAY_SECS,
            });
        }
        if index.is_multiple_of(20) {
            let (what, why) = self.pick(text::WISHES);
            self.ids.wish += 1;
            batch.wishes.push(SeedWish {
                id: self.ids.wish,
                group_id: group.id,
                author_id: user,
                what: what.to_owned(),
                why: why.to_owned(),
                status: "open".into(),
                reason: String::new(),
                created_at: joined + DAY_SECS,
            });
        }
        let span = (self.now - joined).max(DAY_SECS);
        let mut dream = None;
        let mut first = 0;
        for j in 0..items {
            let at = joined + span * j as i64 / items.max(1) as i64 + self.below(3_600) as i64;
            let at = at.min(self.now);
            self.ids.item += 1;
            let item = self.ids.item;
            if first == 0 {
                first = item;
            }
            let kind = self.journal_entry(batch, item, at, j, dream, group);
            if kind == "dream" {
                dream = Some(item);
            }
            let shares = batch.shares.len();
            self.share(batch, item, user, at, mentored, group);
            batch.items.push(SeedItem {
                id: item,
                owner_id: user,
                kind: kind.into(),
                created_at: at,
                updated_at: at,
                ever_shared: i64::from(batch.shares.len() > shares),
            });
        }
        self.visits(batch, user, mentored, group);
        (user, first)
    }

    /// When the facilitator, and a mentored person's mentor, last looked
    /// at the person's shared things: within the last two weeks, as they
    /// would before a meeting, for nine people in ten.
    fn visits(&mut self, batch: &mut SeedBatch, owner: i64, mentored: bool, group: &Group) {
        let viewers = [(group.facilitator, true), (group.mentor, mentored)];
        for (viewer, shares_with) in viewers {
            if shares_with && self.below(10) != 0 {
                let seen = self.now - self.below(14 * DAY_SECS as u64) as i64;
                batch.visits.push(SeedVisit {
                    viewer_id: viewer,
                    owner_id: owner,
                    seen_at: seen.max(group.starts),
                });
            }
        }
    }
}
