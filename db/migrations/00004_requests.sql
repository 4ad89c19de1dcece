-- +goose Up
-- Peer and mentor requests, recorded by the admin on the participants' behalf, with their history.

-- A program can ask the admin to review a request before its summary is emailed.
ALTER TABLE programs ADD COLUMN review_requests INTEGER NOT NULL DEFAULT 0 CHECK (review_requests IN (0, 1));

CREATE TABLE requests (
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
CREATE INDEX requests_program ON requests (program_id, status, created_at);
CREATE INDEX requests_recipient ON requests (recipient_id, status);
CREATE INDEX requests_requester ON requests (requester_id, status);
-- No two pending requests between the same two people, whoever asked.
CREATE UNIQUE INDEX requests_one_pending ON requests (min(requester_id, recipient_id), max(requester_id, recipient_id))
    WHERE status = 'pending';

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    from_status TEXT    NOT NULL DEFAULT '',
    to_status   TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    actor       TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT '',
    at          TEXT    NOT NULL
);
CREATE INDEX request_events_request ON request_events (request_id, id);

ALTER TABLE outbox ADD COLUMN request_id INTEGER REFERENCES requests (id) ON DELETE SET NULL;

-- +goose Down
ALTER TABLE outbox DROP COLUMN request_id;
DROP TABLE request_events;
DROP TABLE requests;
ALTER TABLE programs DROP COLUMN review_requests;
