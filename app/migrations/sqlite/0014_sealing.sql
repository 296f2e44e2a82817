-- The keys free text is sealed under, by id, each with a known text sealed
-- under it: a key file that does not open it belongs to another database.
-- The keys themselves live only in the key file, never here.
CREATE TABLE sealing_keys (
    id         TEXT   PRIMARY KEY,
    probe      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
