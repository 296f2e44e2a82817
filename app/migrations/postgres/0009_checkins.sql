-- Self-assessment check-ins: seven ratings, 1 to 5, and an optional note.
CREATE TABLE checkins (
    item_id       BIGINT  PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    checked_on    TEXT    NOT NULL,
    control       BIGINT  NOT NULL CHECK (control BETWEEN 1 AND 5),
    heard         BIGINT  NOT NULL CHECK (heard BETWEEN 1 AND 5),
    for_others    BIGINT  NOT NULL CHECK (for_others BETWEEN 1 AND 5),
    routines      BIGINT  NOT NULL CHECK (routines BETWEEN 1 AND 5),
    health        BIGINT  NOT NULL CHECK (health BETWEEN 1 AND 5),
    relationships BIGINT  NOT NULL CHECK (relationships BETWEEN 1 AND 5),
    readiness     BIGINT  NOT NULL CHECK (readiness BETWEEN 1 AND 5),
    note          TEXT    NOT NULL
);
