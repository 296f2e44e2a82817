-- Peer skills: what a participant has learned, and a facilitator's
-- confirmation after seeing it in person.
CREATE TABLE skills (
    item_id      BIGINT  PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    skill_kind   TEXT    NOT NULL CHECK (skill_kind IN ('first_aid', 'naloxone', 'harm_reduction', 'helping_affairs', 'other')),
    learned_on   TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    confirmed_by BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    confirmed_at BIGINT
);
