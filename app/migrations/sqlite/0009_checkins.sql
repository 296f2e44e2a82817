-- Self-assessment check-ins: seven ratings, 1 to 5, and an optional note.
CREATE TABLE checkins (
    item_id       INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    checked_on    TEXT    NOT NULL,
    control       INTEGER NOT NULL CHECK (control BETWEEN 1 AND 5),
    heard         INTEGER NOT NULL CHECK (heard BETWEEN 1 AND 5),
    for_others    INTEGER NOT NULL CHECK (for_others BETWEEN 1 AND 5),
    routines      INTEGER NOT NULL CHECK (routines BETWEEN 1 AND 5),
    health        INTEGER NOT NULL CHECK (health BETWEEN 1 AND 5),
    relationships INTEGER NOT NULL CHECK (relationships BETWEEN 1 AND 5),
    readiness     INTEGER NOT NULL CHECK (readiness BETWEEN 1 AND 5),
    note          TEXT    NOT NULL
);
