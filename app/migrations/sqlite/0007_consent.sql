-- Consent. An item is seen by anyone but its owner only through an active
-- share whose audience contains them now; the rule is store/consent.rs.
CREATE TABLE shares (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    audience   TEXT    NOT NULL CHECK (audience IN ('facilitators', 'mentor')),
    granted_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER
);
CREATE UNIQUE INDEX shares_active ON shares (item_id, audience) WHERE revoked_at IS NULL;

-- What new items of a category are shared with from the start. Every
-- default starts off: no row.
CREATE TABLE share_defaults (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category TEXT    NOT NULL,
    audience TEXT    NOT NULL CHECK (audience IN ('facilitators', 'mentor')),
    set_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, category, audience)
);

-- A peer mentor and a mentee. Only an accepted link that has not ended
-- lets the mentor see what the mentee shares with "my peer mentor".
CREATE TABLE mentor_links (
    id          INTEGER PRIMARY KEY,
    mentor_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mentee_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id    INTEGER REFERENCES peer_groups (id) ON DELETE SET NULL,
    proposed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    proposed_at INTEGER NOT NULL,
    accepted_at INTEGER,
    declined_at INTEGER,
    ended_at    INTEGER
);
CREATE INDEX mentor_links_mentee ON mentor_links (mentee_id, mentor_id);
CREATE INDEX mentor_links_mentor ON mentor_links (mentor_id);

-- Every read of an item by anyone but its owner, written in the same
-- transaction as the read. Only the owner reads it. A viewer whose account
-- is deleted becomes "someone who has left".
CREATE TABLE access_log (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    owner_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    viewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX access_log_owner ON access_log (owner_id, id);
CREATE INDEX access_log_item ON access_log (item_id);

-- An acknowledgement or a short note on an item shared with its author (or
-- a mentor's encouragement). Deleted with the item.
CREATE TABLE feedback (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('ack', 'note', 'encouragement')),
    body      TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    hidden_at INTEGER
);
CREATE INDEX feedback_item ON feedback (item_id, id);

-- When a viewer last looked at someone's shared things: what is new since.
CREATE TABLE shared_visits (
    viewer_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seen_at   INTEGER NOT NULL,
    PRIMARY KEY (viewer_id, owner_id)
);
