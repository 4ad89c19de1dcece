-- +goose Up
-- Pairing: the engine's drafts the admin edits and approves, and the participants' own wishes.

-- How a program weighs participants' wishes and what pairs it allows.
ALTER TABLE programs ADD COLUMN wish_bonus INTEGER NOT NULL DEFAULT 5 CHECK (wish_bonus BETWEEN 0 AND 100);
-- 'review': pairs made from a wish wait for the admin's OK; 'auto': they are approved with the draft.
ALTER TABLE programs ADD COLUMN wish_pairs TEXT NOT NULL DEFAULT 'review' CHECK (wish_pairs IN ('review', 'auto'));
-- Whether two people who were paired before (a completed or cancelled relationship) may be paired again.
ALTER TABLE programs ADD COLUMN allow_past_pairs INTEGER NOT NULL DEFAULT 0 CHECK (allow_past_pairs IN (0, 1));

-- A participant's wish to meet someone (ranked), their wish not to, and pairs the admin forbade.
CREATE TABLE pair_preferences (
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
CREATE INDEX pair_preferences_program ON pair_preferences (program_id, kind);

CREATE TABLE pairing_drafts (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    mode        TEXT    NOT NULL CHECK (mode IN ('mentoring', 'peers', 'groups')),
    objective   TEXT    NOT NULL CHECK (objective IN ('max_weight', 'max_cardinality')),
    status      TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'discarded')),
    -- The last run's findings as JSON: who is left unmatched and why, totals, candidate lists.
    summary     TEXT    NOT NULL DEFAULT '{}',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    decided_at  TEXT
);
-- One open draft per program.
CREATE UNIQUE INDEX pairing_drafts_open ON pairing_drafts (program_id) WHERE status = 'draft';

CREATE TABLE pairing_items (
    id               INTEGER PRIMARY KEY,
    draft_id         INTEGER NOT NULL REFERENCES pairing_drafts (id) ON DELETE CASCADE,
    locked           INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    manual           INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    wish             INTEGER NOT NULL DEFAULT 0 CHECK (wish IN (0, 1)),
    points           INTEGER NOT NULL DEFAULT 0,
    percent          INTEGER NOT NULL DEFAULT 0,
    reasons          TEXT    NOT NULL DEFAULT '[]',
    warnings         TEXT    NOT NULL DEFAULT '[]',
    relationship_id  INTEGER REFERENCES relationships (id) ON DELETE SET NULL,
    created_at       TEXT    NOT NULL
);
CREATE INDEX pairing_items_draft ON pairing_items (draft_id);

CREATE TABLE pairing_item_members (
    item_id         INTEGER NOT NULL REFERENCES pairing_items (id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee', 'peer', 'member')),
    position        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX pairing_item_members_participant ON pairing_item_members (participant_id);

-- +goose Down
DROP TABLE pairing_item_members;
DROP TABLE pairing_items;
DROP TABLE pairing_drafts;
DROP TABLE pair_preferences;
ALTER TABLE programs DROP COLUMN allow_past_pairs;
ALTER TABLE programs DROP COLUMN wish_pairs;
ALTER TABLE programs DROP COLUMN wish_bonus;
