-- The peer work diary: what someone did for others, and when. Never who
-- was helped: there is no column for it.
CREATE TABLE peer_work (
    item_id   INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    work_kind TEXT    NOT NULL CHECK (work_kind IN ('listening', 'information', 'overdose_aid', 'accompanying', 'affairs', 'other')),
    done_on   TEXT    NOT NULL,
    note      TEXT    NOT NULL
);

-- The anonymous figures count peer work by day.
CREATE INDEX peer_work_done_on ON peer_work (done_on);
