-- +goose NO TRANSACTION
-- +goose Up
-- The 0/1 columns become BOOLEAN (NUMERIC affinity: the stored values stay the integers 0 and 1,
-- and the checks stay), so sqlc gives them Go bools. SQLite cannot change a column's type, so each
-- table is rebuilt as https://www.sqlite.org/lang_altertable.html#otheralter describes: create
-- X_new, copy, drop X, rename X_new to X, recreate X's indexes and triggers. Columns keep their
-- order (the ones added by ALTER TABLE stay last), so SELECT * reads the same.
--
-- Foreign keys must be off: dropping a parent with them on deletes its rows first, and that runs
-- the children's ON DELETE CASCADE / SET NULL. PRAGMA foreign_keys does nothing inside a
-- transaction, hence NO TRANSACTION above and the transaction below. goose runs a SQL migration
-- and records its version on one connection (*sql.Conn), so the pragmas, the transaction and every
-- statement share it. The rebuild is one transaction: a crash leaves the old schema or the new
-- one. A crash after COMMIT but before goose records version 6 leaves the new schema at version 5;
-- the next start runs this again, which rebuilds the same tables from themselves: same result.
-- If a statement fails, the transaction stays open on that connection: db.migrate runs goose on
-- a pool of its own and closes it, which rolls the transaction back.
--
-- Children's REFERENCES name X, never X_new: while X is gone they dangle, and the rename makes
-- them point at the new X (legacy_alter_table is off, so the rename rewrites only references to
-- X_new, of which there are none). The triggers on people and answers update participants, so
-- they are dropped before participants is rebuilt and recreated, unchanged, after it (the rename
-- refuses to run while a trigger names a table that is missing).
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

DROP TRIGGER people_search_update;
DROP TRIGGER answers_search_insert;
DROP TRIGGER answers_search_update;
DROP TRIGGER answers_search_delete;

CREATE TABLE programs_new (
    id                          INTEGER PRIMARY KEY,
    name                        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    description                 TEXT    NOT NULL DEFAULT '',
    kind                        TEXT    NOT NULL CHECK (kind IN ('cohort', 'evergreen', 'group')),
    status                      TEXT    NOT NULL DEFAULT 'open'
                                        CHECK (status IN ('draft', 'open', 'active', 'completed', 'archived')),
    peer_mentoring              BOOLEAN NOT NULL DEFAULT FALSE CHECK (peer_mentoring IN (0, 1)),
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
    updated_at                  TEXT    NOT NULL,
    status_before_archive       TEXT    NOT NULL DEFAULT '',
    review_requests             BOOLEAN NOT NULL DEFAULT FALSE CHECK (review_requests IN (0, 1)),
    wish_bonus                  INTEGER NOT NULL DEFAULT 5 CHECK (wish_bonus BETWEEN 0 AND 100),
    wish_pairs                  TEXT    NOT NULL DEFAULT 'review' CHECK (wish_pairs IN ('review', 'auto')),
    allow_past_pairs            BOOLEAN NOT NULL DEFAULT FALSE CHECK (allow_past_pairs IN (0, 1))
);
INSERT INTO programs_new (id, name, description, kind, status, peer_mentoring, registration_opens, registration_closes, matching_opens, matching_closes, starts_on, ends_on, group_min, group_max, default_capacity, mentor_request_expiry_days, created_at, updated_at, status_before_archive, review_requests, wish_bonus, wish_pairs, allow_past_pairs)
    SELECT id, name, description, kind, status, peer_mentoring, registration_opens, registration_closes, matching_opens, matching_closes, starts_on, ends_on, group_min, group_max, default_capacity, mentor_request_expiry_days, created_at, updated_at, status_before_archive, review_requests, wish_bonus, wish_pairs, allow_past_pairs FROM programs;
DROP TABLE programs;
ALTER TABLE programs_new RENAME TO programs;

CREATE TABLE participants_new (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    is_mentor    BOOLEAN NOT NULL DEFAULT FALSE CHECK (is_mentor IN (0, 1)),
    is_mentee    BOOLEAN NOT NULL DEFAULT FALSE CHECK (is_mentee IN (0, 1)),
    is_peer      BOOLEAN NOT NULL DEFAULT FALSE CHECK (is_peer IN (0, 1)),
    capacity     INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 50),
    status       TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'withdrawn')),
    enrolled_at  TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    search_text  TEXT    NOT NULL DEFAULT '',
    UNIQUE (program_id, person_id),
    -- Every participant is a mentor or a mentee (or both); a peer must also be one of them.
    CHECK (is_mentor + is_mentee >= 1)
);
INSERT INTO participants_new (id, program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at, search_text)
    SELECT id, program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at, search_text FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE INDEX participants_person ON participants (person_id);
CREATE INDEX participants_program_status ON participants (program_id, status);
-- +goose StatementBegin
CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = NEW.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = NEW.id), ''))
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

CREATE TABLE questions_new (
    id             INTEGER PRIMARY KEY,
    program_id     INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    prompt         TEXT    NOT NULL CHECK (length(trim(prompt)) > 0),
    help           TEXT    NOT NULL DEFAULT '',
    kind           TEXT    NOT NULL CHECK (kind IN ('single', 'multi', 'text', 'number', 'scale', 'timezone')),
    -- JSON array of option labels for single and multiple choice.
    options        TEXT    NOT NULL DEFAULT '[]',
    audience       TEXT    NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'mentors', 'mentees', 'peers')),
    required       BOOLEAN NOT NULL DEFAULT FALSE CHECK (required IN (0, 1)),
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
INSERT INTO questions_new (id, program_id, position, prompt, help, kind, options, audience, required, person_field, scale_min, scale_max, match_rule, match_weight, custom_weight, rule_hours, complement_id, created_at, updated_at)
    SELECT id, program_id, position, prompt, help, kind, options, audience, required, person_field, scale_min, scale_max, match_rule, match_weight, custom_weight, rule_hours, complement_id, created_at, updated_at FROM questions;
DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_program ON questions (program_id, position);

CREATE TABLE agenda_templates_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    summary     TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL DEFAULT '',
    builtin     BOOLEAN NOT NULL DEFAULT FALSE CHECK (builtin IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
INSERT INTO agenda_templates_new (id, name, summary, body, builtin, position, created_at, updated_at)
    SELECT id, name, summary, body, builtin, position, created_at, updated_at FROM agenda_templates;
DROP TABLE agenda_templates;
ALTER TABLE agenda_templates_new RENAME TO agenda_templates;

CREATE TABLE requests_new (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('peer', 'mentor')),
    requester_id     INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
    recipient_id     INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
    commitment       TEXT    NOT NULL CHECK (commitment IN ('intro', 'topic', 'long_term')),
    topic            TEXT    NOT NULL DEFAULT '',
    sessions         INTEGER NOT NULL DEFAULT 1 CHECK (sessions BETWEEN 1 AND 52),
    note             TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'approved', 'intro_approved', 'declined', 'withdrawn', 'expired', 'invalidated')),
    -- NULL while the admin reviews it (programs that review requests); set when its summary is queued.
    sent_at          TEXT,
    -- Mentor requests only; peer requests never expire.
    expires_at       TEXT,
    reminded_half    BOOLEAN NOT NULL DEFAULT FALSE CHECK (reminded_half IN (0, 1)),
    reminded_last    BOOLEAN NOT NULL DEFAULT FALSE CHECK (reminded_last IN (0, 1)),
    decline_reason   TEXT    NOT NULL DEFAULT '',
    answer_message   TEXT    NOT NULL DEFAULT '',
    relationship_id  INTEGER REFERENCES relationships (id) ON DELETE SET NULL,
    decided_at       TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    CHECK (requester_id <> recipient_id)
);
INSERT INTO requests_new (id, program_id, kind, requester_id, recipient_id, commitment, topic, sessions, note, status, sent_at, expires_at, reminded_half, reminded_last, decline_reason, answer_message, relationship_id, decided_at, created_at, updated_at)
    SELECT id, program_id, kind, requester_id, recipient_id, commitment, topic, sessions, note, status, sent_at, expires_at, reminded_half, reminded_last, decline_reason, answer_message, relationship_id, decided_at, created_at, updated_at FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_program ON requests (program_id, status, created_at);
CREATE INDEX requests_recipient ON requests (recipient_id, status);
CREATE INDEX requests_requester ON requests (requester_id, status);
CREATE UNIQUE INDEX requests_one_pending ON requests (min(requester_id, recipient_id), max(requester_id, recipient_id))
    WHERE status = 'pending';

CREATE TABLE pairing_items_new (
    id               INTEGER PRIMARY KEY,
    draft_id         INTEGER NOT NULL REFERENCES pairing_drafts (id) ON DELETE CASCADE,
    locked           BOOLEAN NOT NULL DEFAULT FALSE CHECK (locked IN (0, 1)),
    manual           BOOLEAN NOT NULL DEFAULT FALSE CHECK (manual IN (0, 1)),
    wish             BOOLEAN NOT NULL DEFAULT FALSE CHECK (wish IN (0, 1)),
    points           INTEGER NOT NULL DEFAULT 0,
    percent          INTEGER NOT NULL DEFAULT 0,
    reasons          TEXT    NOT NULL DEFAULT '[]',
    warnings         TEXT    NOT NULL DEFAULT '[]',
    relationship_id  INTEGER REFERENCES relationships (id) ON DELETE SET NULL,
    created_at       TEXT    NOT NULL
);
INSERT INTO pairing_items_new (id, draft_id, locked, manual, wish, points, percent, reasons, warnings, relationship_id, created_at)
    SELECT id, draft_id, locked, manual, wish, points, percent, reasons, warnings, relationship_id, created_at FROM pairing_items;
DROP TABLE pairing_items;
ALTER TABLE pairing_items_new RENAME TO pairing_items;
CREATE INDEX pairing_items_draft ON pairing_items (draft_id);

-- +goose StatementBegin
CREATE TRIGGER people_search_update AFTER UPDATE OF name, email, department, title, location, employee_id ON people BEGIN
    UPDATE participants SET search_text = lower(
        NEW.name || ' ' || NEW.email || ' ' || NEW.department || ' ' || NEW.title || ' ' || NEW.location || ' ' || NEW.employee_id
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE person_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_insert AFTER INSERT ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = NEW.participant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_update AFTER UPDATE OF value ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = NEW.participant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_delete AFTER DELETE ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = OLD.participant_id;
END;
-- +goose StatementEnd

-- PRAGMA foreign_key_check only reports: a CHECK turns a violation into an error, which rolls all of this back.
CREATE TEMP TABLE migration_00006_foreign_keys (violations INTEGER NOT NULL CONSTRAINT foreign_keys_hold CHECK (violations = 0));
INSERT INTO migration_00006_foreign_keys SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE migration_00006_foreign_keys;

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
-- The same rebuild back to INTEGER columns.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

DROP TRIGGER people_search_update;
DROP TRIGGER answers_search_insert;
DROP TRIGGER answers_search_update;
DROP TRIGGER answers_search_delete;

CREATE TABLE programs_new (
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
    updated_at                  TEXT    NOT NULL,
    status_before_archive       TEXT    NOT NULL DEFAULT '',
    review_requests             INTEGER NOT NULL DEFAULT 0 CHECK (review_requests IN (0, 1)),
    wish_bonus                  INTEGER NOT NULL DEFAULT 5 CHECK (wish_bonus BETWEEN 0 AND 100),
    wish_pairs                  TEXT    NOT NULL DEFAULT 'review' CHECK (wish_pairs IN ('review', 'auto')),
    allow_past_pairs            INTEGER NOT NULL DEFAULT 0 CHECK (allow_past_pairs IN (0, 1))
);
INSERT INTO programs_new (id, name, description, kind, status, peer_mentoring, registration_opens, registration_closes, matching_opens, matching_closes, starts_on, ends_on, group_min, group_max, default_capacity, mentor_request_expiry_days, created_at, updated_at, status_before_archive, review_requests, wish_bonus, wish_pairs, allow_past_pairs)
    SELECT id, name, description, kind, status, peer_mentoring, registration_opens, registration_closes, matching_opens, matching_closes, starts_on, ends_on, group_min, group_max, default_capacity, mentor_request_expiry_days, created_at, updated_at, status_before_archive, review_requests, wish_bonus, wish_pairs, allow_past_pairs FROM programs;
DROP TABLE programs;
ALTER TABLE programs_new RENAME TO programs;

CREATE TABLE participants_new (
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
    search_text  TEXT    NOT NULL DEFAULT '',
    UNIQUE (program_id, person_id),
    -- Every participant is a mentor or a mentee (or both); a peer must also be one of them.
    CHECK (is_mentor + is_mentee >= 1)
);
INSERT INTO participants_new (id, program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at, search_text)
    SELECT id, program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at, search_text FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE INDEX participants_person ON participants (person_id);
CREATE INDEX participants_program_status ON participants (program_id, status);
-- +goose StatementBegin
CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = NEW.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = NEW.id), ''))
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

CREATE TABLE questions_new (
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
INSERT INTO questions_new (id, program_id, position, prompt, help, kind, options, audience, required, person_field, scale_min, scale_max, match_rule, match_weight, custom_weight, rule_hours, complement_id, created_at, updated_at)
    SELECT id, program_id, position, prompt, help, kind, options, audience, required, person_field, scale_min, scale_max, match_rule, match_weight, custom_weight, rule_hours, complement_id, created_at, updated_at FROM questions;
DROP TABLE questions;
ALTER TABLE questions_new RENAME TO questions;
CREATE INDEX questions_program ON questions (program_id, position);

CREATE TABLE agenda_templates_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    summary     TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
INSERT INTO agenda_templates_new (id, name, summary, body, builtin, position, created_at, updated_at)
    SELECT id, name, summary, body, builtin, position, created_at, updated_at FROM agenda_templates;
DROP TABLE agenda_templates;
ALTER TABLE agenda_templates_new RENAME TO agenda_templates;

CREATE TABLE requests_new (
    id               INTEGER PRIMARY KEY,
    program_id       INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('peer', 'mentor')),
    requester_id     INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
    recipient_id     INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
    commitment       TEXT    NOT NULL CHECK (commitment IN ('intro', 'topic', 'long_term')),
    topic            TEXT    NOT NULL DEFAULT '',
    sessions         INTEGER NOT NULL DEFAULT 1 CHECK (sessions BETWEEN 1 AND 52),
    note             TEXT    NOT NULL DEFAULT '',
    status           TEXT    NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'approved', 'intro_approved', 'declined', 'withdrawn', 'expired', 'invalidated')),
    -- NULL while the admin reviews it (programs that review requests); set when its summary is queued.
    sent_at          TEXT,
    -- Mentor requests only; peer requests never expire.
    expires_at       TEXT,
    reminded_half    INTEGER NOT NULL DEFAULT 0 CHECK (reminded_half IN (0, 1)),
    reminded_last    INTEGER NOT NULL DEFAULT 0 CHECK (reminded_last IN (0, 1)),
    decline_reason   TEXT    NOT NULL DEFAULT '',
    answer_message   TEXT    NOT NULL DEFAULT '',
    relationship_id  INTEGER REFERENCES relationships (id) ON DELETE SET NULL,
    decided_at       TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    CHECK (requester_id <> recipient_id)
);
INSERT INTO requests_new (id, program_id, kind, requester_id, recipient_id, commitment, topic, sessions, note, status, sent_at, expires_at, reminded_half, reminded_last, decline_reason, answer_message, relationship_id, decided_at, created_at, updated_at)
    SELECT id, program_id, kind, requester_id, recipient_id, commitment, topic, sessions, note, status, sent_at, expires_at, reminded_half, reminded_last, decline_reason, answer_message, relationship_id, decided_at, created_at, updated_at FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_program ON requests (program_id, status, created_at);
CREATE INDEX requests_recipient ON requests (recipient_id, status);
CREATE INDEX requests_requester ON requests (requester_id, status);
CREATE UNIQUE INDEX requests_one_pending ON requests (min(requester_id, recipient_id), max(requester_id, recipient_id))
    WHERE status = 'pending';

CREATE TABLE pairing_items_new (
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
INSERT INTO pairing_items_new (id, draft_id, locked, manual, wish, points, percent, reasons, warnings, relationship_id, created_at)
    SELECT id, draft_id, locked, manual, wish, points, percent, reasons, warnings, relationship_id, created_at FROM pairing_items;
DROP TABLE pairing_items;
ALTER TABLE pairing_items_new RENAME TO pairing_items;
CREATE INDEX pairing_items_draft ON pairing_items (draft_id);

-- +goose StatementBegin
CREATE TRIGGER people_search_update AFTER UPDATE OF name, email, department, title, location, employee_id ON people BEGIN
    UPDATE participants SET search_text = lower(
        NEW.name || ' ' || NEW.email || ' ' || NEW.department || ' ' || NEW.title || ' ' || NEW.location || ' ' || NEW.employee_id
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE person_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_insert AFTER INSERT ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = NEW.participant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_update AFTER UPDATE OF value ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = NEW.participant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER answers_search_delete AFTER DELETE ON answers BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = participants.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = participants.id), ''))
    WHERE id = OLD.participant_id;
END;
-- +goose StatementEnd

-- PRAGMA foreign_key_check only reports: a CHECK turns a violation into an error, which rolls all of this back.
CREATE TEMP TABLE migration_00006_foreign_keys (violations INTEGER NOT NULL CONSTRAINT foreign_keys_hold CHECK (violations = 0));
INSERT INTO migration_00006_foreign_keys SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE migration_00006_foreign_keys;

COMMIT;
PRAGMA foreign_keys = ON;
