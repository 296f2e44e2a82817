-- What a group sets out to reach together, when it meets, and where its
-- people can find help. Milestones are archived, not deleted: participants
-- may have marked them reached in their journals.
CREATE TABLE milestones (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id    BIGINT  NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    description TEXT    NOT NULL,
    target_on   TEXT,
    created_at  BIGINT  NOT NULL,
    archived_at BIGINT
);
CREATE INDEX milestones_group ON milestones (group_id, archived_at);

-- Times are Unix seconds (UTC); pages show them in Helsinki time.
CREATE TABLE meetings (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     BIGINT  NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    starts_at    BIGINT  NOT NULL,
    minutes      BIGINT  NOT NULL CHECK (minutes > 0),
    place        TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX meetings_group_time ON meetings (group_id, starts_at);

-- Low-threshold services of an area, kept by its admins and facilitators.
CREATE TABLE help_services (
    id         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id    BIGINT  NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    offer      TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    hours      TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE INDEX help_services_area ON help_services (area_id, name);
