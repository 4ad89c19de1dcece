-- +goose Up
-- A forbid and a wish are separate: the admin ruling a pair out must never erase a
-- participant's wish, and saving wishes must never lift the admin's forbid. One row per
-- (participant, other) held either; now one row per kind. Nothing refers to this table, so it
-- is rebuilt inside goose's transaction.
CREATE TABLE pair_preferences_new (
    id              INTEGER PRIMARY KEY,
    program_id      INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    other_id        INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('wish', 'avoid', 'forbid')),
    rank            INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    UNIQUE (participant_id, other_id, kind),
    CHECK (participant_id <> other_id)
);
INSERT INTO pair_preferences_new (id, program_id, participant_id, other_id, kind, rank, created_at)
    SELECT id, program_id, participant_id, other_id, kind, rank, created_at FROM pair_preferences;
DROP TABLE pair_preferences;
ALTER TABLE pair_preferences_new RENAME TO pair_preferences;
CREATE INDEX pair_preferences_program ON pair_preferences (program_id, kind);

-- +goose Down
-- Back to one row per pair: where a forbid and a wish (or avoid) share one, the forbid stays.
CREATE TABLE pair_preferences_old (
    id              INTEGER PRIMARY KEY,
    program_id      INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    other_id        INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('wish', 'avoid', 'forbid')),
    rank            INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    UNIQUE (participant_id, other_id),
    CHECK (participant_id <> other_id)
);
INSERT OR IGNORE INTO pair_preferences_old (id, program_id, participant_id, other_id, kind, rank, created_at)
    SELECT id, program_id, participant_id, other_id, kind, rank, created_at FROM pair_preferences
    ORDER BY kind = 'forbid' DESC, id;
DROP TABLE pair_preferences;
ALTER TABLE pair_preferences_old RENAME TO pair_preferences;
CREATE INDEX pair_preferences_program ON pair_preferences (program_id, kind);
