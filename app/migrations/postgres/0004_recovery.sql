-- Recovery links: one use, short-lived, kept only as a hash.
CREATE TABLE recoveries (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash  TEXT    NOT NULL UNIQUE,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_at    BIGINT
);
CREATE INDEX recoveries_user ON recoveries (user_id);

-- What happened to an account, for its owner's eyes: joined, passkeys added
-- and removed, a recovery. `actor_id` is whoever made a recovery link.
CREATE TABLE account_events (
    id       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id  BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at       BIGINT  NOT NULL,
    seen_at  BIGINT
);
CREATE INDEX account_events_user ON account_events (user_id, at);
