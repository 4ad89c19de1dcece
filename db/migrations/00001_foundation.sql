-- +goose Up
-- Timestamps are ISO-8601 UTC text (2026-11-23T17:55:54Z); calendar dates are YYYY-MM-DD.

CREATE TABLE programs (
    id                          INTEGER PRIMARY KEY,
    name                        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    description                 TEXT    NOT NULL DEFAULT '',
    kind                        TEXT    NOT NULL CHECK (kind IN ('cohort', 'evergreen', 'group')),
    status                      TEXT    NOT NULL DEFAULT 'open'
                                        CHECK (status IN ('draft', 'open', 'active', 'completed', 'archived')),
    peer_mentoring              INTEGER NOT NULL DEFAULT 0 CHECK (peer_mentoring IN (0, 1)),
    registration_opens          TEXT    NOT NULL DEFAULT '',
    registration_closes         TEXT    NOT NULL DEFAULT '',
    matching_opens              TEXT    NOT NULL DEFAULT '',
    matching_closes             TEXT    NOT NULL DEFAULT '',
    starts_on                   TEXT    NOT NULL DEFAULT '',
    ends_on                     TEXT    NOT NULL DEFAULT '',
    group_min                   INTEGER NOT NULL DEFAULT 0 CHECK (group_min >= 0),
    group_max                   INTEGER NOT NULL DEFAULT 0 CHECK (group_max >= group_min),
    default_capacity            INTEGER NOT NULL DEFAULT 1 CHECK (default_capacity BETWEEN 1 AND 50),
    mentor_request_expiry_days  INTEGER NOT NULL DEFAULT 14 CHECK (mentor_request_expiry_days BETWEEN 1 AND 365),
    created_at                  TEXT    NOT NULL,
    updated_at                  TEXT    NOT NULL
);

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- NOCASE: ana@example.org and Ana@Example.org are the same person.
    email          TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (email LIKE '%_@_%'),
    department     TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL DEFAULT '',
    location       TEXT NOT NULL DEFAULT '',
    time_zone      TEXT NOT NULL DEFAULT '',
    manager_email  TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    employee_id    TEXT NOT NULL DEFAULT '',
    -- A removed person with history is kept (hidden) so their history stays whole.
    removed_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE participants (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    is_mentor    INTEGER NOT NULL DEFAULT 0 CHECK (is_mentor IN (0, 1)),
    is_mentee    INTEGER NOT NULL DEFAULT 0 CHECK (is_mentee IN (0, 1)),
    is_peer      INTEGER NOT NULL DEFAULT 0 CHECK (is_peer IN (0, 1)),
    capacity     INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 50),
    status       TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'withdrawn')),
    enrolled_at  TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (program_id, person_id),
    -- Every participant is a mentor or a mentee (or both); a peer must also be one of them.
    CHECK (is_mentor + is_mentee >= 1)
);
CREATE INDEX participants_person ON participants (person_id);

CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    program_id     INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    prompt         TEXT    NOT NULL CHECK (length(trim(prompt)) > 0),
    help           TEXT    NOT NULL DEFAULT '',
    kind           TEXT    NOT NULL CHECK (kind IN ('single', 'multi', 'text', 'number', 'scale', 'timezone')),
    -- JSON array of option labels for single and multiple choice.
    options        TEXT    NOT NULL DEFAULT '[]',
    audience       TEXT    NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'mentors', 'mentees', 'peers')),
    required       INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    -- A question answered by a field of the person (department, location, time zone) rather than an answer row.
    person_field   TEXT    NOT NULL DEFAULT '' CHECK (person_field IN ('', 'department', 'location', 'time_zone', 'title')),
    scale_min      INTEGER NOT NULL DEFAULT 1,
    scale_max      INTEGER NOT NULL DEFAULT 5,
    match_rule     TEXT    NOT NULL DEFAULT 'none'
                           CHECK (match_rule IN ('none', 'same', 'different', 'overlap', 'complement', 'closest', 'within')),
    match_weight   TEXT    NOT NULL DEFAULT 'medium' CHECK (match_weight IN ('must', 'high', 'medium', 'low', 'custom')),
    custom_weight  INTEGER NOT NULL DEFAULT 0 CHECK (custom_weight BETWEEN 0 AND 100),
    -- N hours for the "within" rule.
    rule_hours     INTEGER NOT NULL DEFAULT 0 CHECK (rule_hours BETWEEN 0 AND 24),
    -- The other half of an offers<->wants pair ("Skills I can offer" <-> "Skills I want to grow").
    complement_id  INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX questions_program ON questions (program_id, position);

CREATE TABLE answers (
    participant_id  INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    question_id     INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    -- JSON: a string, a number, or an array of option labels.
    value           TEXT    NOT NULL CHECK (json_valid(value)),
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (participant_id, question_id)
) WITHOUT ROWID;
CREATE INDEX answers_question ON answers (question_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;

-- +goose Down
DROP TABLE settings;
DROP TABLE answers;
DROP TABLE questions;
DROP TABLE participants;
DROP TABLE people;
DROP TABLE programs;
