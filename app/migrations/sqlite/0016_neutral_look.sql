-- A person may ask for a neutral name and icon on their home screen, so
-- whoever sees the phone does not see "Polku". Off by default.
ALTER TABLE users ADD COLUMN neutral_look INTEGER NOT NULL DEFAULT 0;
