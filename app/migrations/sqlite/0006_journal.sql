-- The participant's journal. Every item has one owner and a kind; each
-- kind keeps its own fields in a table of its own. Shares and the access
-- log refer to `items`, so one rule covers every kind.
CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('dream', 'step', 'reflection', 'milestone', 'skill', 'checkin', 'peer_work')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX items_owner_kind ON items (owner_id, kind, id);

CREATE TABLE dreams (
    item_id     INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    meaning     TEXT    NOT NULL,
    life_area   TEXT    NOT NULL CHECK (life_area IN ('study', 'work', 'home', 'health', 'relationships', 'leisure', 'other')),
    archived_at INTEGER
);

CREATE TABLE steps (
    item_id   INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    title     TEXT    NOT NULL,
    dream_id  INTEGER REFERENCES items (id) ON DELETE SET NULL,
    step_kind TEXT    NOT NULL CHECK (step_kind IN ('study', 'work', 'work_trial', 'everyday', 'health', 'other')),
    status    TEXT    NOT NULL CHECK (status IN ('planned', 'doing', 'done', 'paused')),
    target_on TEXT,
    done_on   TEXT
);
CREATE INDEX steps_dream ON steps (dream_id);

CREATE TABLE reflections (
    item_id    INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    written_on TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    mood       INTEGER CHECK (mood BETWEEN 1 AND 5)
);

-- A group milestone the participant marks as reached in their own journal.
CREATE TABLE milestone_marks (
    item_id      INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    milestone_id INTEGER NOT NULL REFERENCES milestones (id),
    reached_on   TEXT    NOT NULL,
    note         TEXT    NOT NULL
);
CREATE INDEX milestone_marks_milestone ON milestone_marks (milestone_id);

-- The step a participant picked as "my next step".
ALTER TABLE users ADD COLUMN next_step_id INTEGER REFERENCES items (id) ON DELETE SET NULL;

-- Each write from a form carries a request id; one that was applied once
-- is not applied again, so a double tap or an offline replay saves once.
CREATE TABLE applied_requests (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    request_id TEXT    NOT NULL,
    item_id    INTEGER,
    at         INTEGER NOT NULL,
    PRIMARY KEY (user_id, request_id)
);
CREATE INDEX applied_requests_at ON applied_requests (at);
