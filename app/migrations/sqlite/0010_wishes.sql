-- The wishes box of a group. The author is kept only so that they can
-- edit or withdraw their own wish: no query that shows a wish to anyone
-- returns it.
CREATE TABLE wishes (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    what       TEXT    NOT NULL,
    why        TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'done', 'not_possible')),
    reason     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX wishes_group ON wishes (group_id, id);
CREATE INDEX wishes_author ON wishes (author_id);

CREATE TABLE wish_votes (
    wish_id INTEGER NOT NULL REFERENCES wishes (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (wish_id, user_id)
);
CREATE INDEX wish_votes_user ON wish_votes (user_id);
