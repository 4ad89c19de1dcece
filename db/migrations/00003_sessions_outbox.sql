-- +goose Up
-- Relationships, sessions with their calendar identity, agenda templates, and the outbox.

-- Unarchiving brings a program back to the status it had, not always 'open'.
ALTER TABLE programs ADD COLUMN status_before_archive TEXT NOT NULL DEFAULT '';

CREATE TABLE relationships (
    id                INTEGER PRIMARY KEY,
    program_id        INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('mentorship', 'peer', 'group')),
    origin            TEXT    NOT NULL DEFAULT 'admin' CHECK (origin IN ('admin', 'request', 'pairing')),
    commitment        TEXT    NOT NULL DEFAULT 'long_term' CHECK (commitment IN ('intro', 'topic', 'long_term')),
    topic             TEXT    NOT NULL DEFAULT '',
    planned_sessions  INTEGER NOT NULL DEFAULT 0 CHECK (planned_sessions BETWEEN 0 AND 100),
    starts_on         TEXT    NOT NULL DEFAULT '',
    ends_on           TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'completed', 'cancelled')),
    closed_at         TEXT,
    closed_by         TEXT    NOT NULL DEFAULT '',
    close_reason      TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX relationships_program ON relationships (program_id, status);

CREATE TABLE relationship_members (
    relationship_id  INTEGER NOT NULL REFERENCES relationships (id) ON DELETE CASCADE,
    participant_id   INTEGER NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
    role             TEXT    NOT NULL CHECK (role IN ('mentor', 'mentee', 'peer', 'member')),
    PRIMARY KEY (relationship_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX relationship_members_participant ON relationship_members (participant_id);

CREATE TABLE agenda_templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    summary     TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE sessions (
    id                  INTEGER PRIMARY KEY,
    relationship_id     INTEGER NOT NULL REFERENCES relationships (id) ON DELETE CASCADE,
    -- The iCalendar UID: chosen once, never changed, so every calendar updates the same event.
    uid                 TEXT    NOT NULL UNIQUE,
    -- Rises with every change that is sent, in the same transaction as the change.
    sequence            INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    title               TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    starts_at           TEXT    NOT NULL,
    time_zone           TEXT    NOT NULL,
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    location            TEXT    NOT NULL DEFAULT '',
    video_url           TEXT    NOT NULL DEFAULT '',
    agenda              TEXT    NOT NULL DEFAULT '',
    agenda_template_id  INTEGER REFERENCES agenda_templates (id) ON DELETE SET NULL,
    series_id           TEXT    NOT NULL DEFAULT '',
    status              TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled', 'no_show')),
    notes               TEXT    NOT NULL DEFAULT '',
    rating              INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 4),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX sessions_relationship ON sessions (relationship_id, starts_at);
CREATE INDEX sessions_starts ON sessions (starts_at);

CREATE TABLE session_attendees (
    session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    partstat      TEXT    NOT NULL DEFAULT 'NEEDS-ACTION'
                          CHECK (partstat IN ('NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED')),
    responded_at  TEXT,
    PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL,
    -- held: found in 'sending' after a crash; it may have left, so it waits for the admin.
    status           TEXT    NOT NULL DEFAULT 'queued'
                             CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'held')),
    to_name          TEXT    NOT NULL DEFAULT '',
    to_email         TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    text_body        TEXT    NOT NULL DEFAULT '',
    html_body        TEXT    NOT NULL DEFAULT '',
    calendar         TEXT    NOT NULL DEFAULT '',
    method           TEXT    NOT NULL DEFAULT '',
    session_id       INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    relationship_id  INTEGER REFERENCES relationships (id) ON DELETE SET NULL,
    program_id       INTEGER REFERENCES programs (id) ON DELETE SET NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NOT NULL DEFAULT '',
    smtp_code        INTEGER NOT NULL DEFAULT 0,
    -- 'smtp' or 'draft' (saved as an .eml for the admin's own mail client), once it left.
    delivered_via    TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_status ON outbox (status, id);
CREATE INDEX outbox_session ON outbox (session_id);

CREATE TABLE message_templates (
    kind        TEXT PRIMARY KEY,
    subject     TEXT NOT NULL,
    text_body   TEXT NOT NULL,
    html_body   TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Agenda templates for the activities a peer program needs; the admin edits and adds to them.
INSERT INTO agenda_templates (name, summary, body, builtin, position, created_at, updated_at) VALUES
    ('First session: getting started', 'Set the tone, agree how you will work together.', '1. Introductions (10 min): your role, your path so far, one thing outside work.
2. Why you joined (10 min): what each of you hopes to get from these sessions.
3. Ground rules (10 min): how often you meet, how you reach each other, what stays between you.
4. First goals (15 min): one or two things to work on before the next session.
5. Next steps (5 min): book the next session before you leave.', 1, 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Lunch and learn', 'Each of you teaches the other something from your day-to-day.', '1. Pick a topic each from your own work: a tool, a customer story, a process you know well.
2. Take 15 minutes each to walk your partner through it over lunch.
3. Ask each other one question you would never have thought to ask before.
4. Note one idea you will try in your own work this week.', 1, 2, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Question prompts', 'A short list of open questions to get past small talk.', 'Take turns answering:
- What part of your work gives you the most energy, and the least?
- What is a piece of advice you ignored and later wished you had followed?
- What skill would change your work most if you had it tomorrow?
- Who has shaped how you work, and how?
- What does a good week look like for you?', 1, 3, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Show and tell', 'Bring a photo or an object that matters to you and tell its story.', '1. Each of you brings one photo or object that means something to you.
2. Take turns telling the story behind it (5-10 min each).
3. Talk about what it says about what drives you and what you value.
4. Find one value you share and one that differs.', 1, 4, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('SMART career goals', 'Turn career wishes into goals you can act on.', '1. Each of you names one or two career goals, however rough.
2. Rewrite each as SMART: Specific, Measurable, Achievable, Relevant, Time-bound.
3. Break each goal into the first three steps.
4. Agree how you will check progress at your next sessions.', 1, 5, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Bucket list', 'Share what you want to do in life, not just at work.', '1. Each of you writes down ten things you want to do or experience some day.
2. Share your lists and the stories behind the top three.
3. Spot what the lists have in common.
4. Pick one item each and sketch how you could get closer to it this year.', 1, 6, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('What''s your plan?', 'Plan how to reach one goal from your bucket list or career goals.', '1. Choose one goal each.
2. Work backwards: what must be true a year, a month and a week before you reach it?
3. Name what could get in the way and how you would handle it.
4. Agree on the first step and when you will report back to each other.', 1, 7, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Icebreaker card deck', 'Draw cards to pick the questions: light and easy for early sessions.', '1. Before the session, number a list of 13 questions (A to King).
2. Take turns drawing a card from a deck and answering the matching question.
3. Follow up on the answer that surprised you most.
Suggested questions: your first job, a skill you are proud of, a place you would move to, a book that changed your mind, the best team you were part of.', 1, 8, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Quadrants', 'Fill four boxes about yourselves and compare.', '1. Each of you draws a square split into four: Hobbies, Goals, Strengths, Something nobody here knows.
2. Fill each quadrant in 5 minutes.
3. Swap and talk through each other''s quadrants.
4. Note the interests and goals you share.', 1, 9, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Inside-out', 'Talk about how you seem on the outside and how you feel on the inside.', 'Suited to groups and to pairs who already trust each other.
1. One person describes how they think others see them at work.
2. They then describe how things feel on the inside right now.
3. The others listen without fixing, then share what resonated.
4. Move to the next person; close with one word each on how you leave.', 1, 10, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Pyramid of success', 'Rank character traits and discuss what matters most to you.', '1. Each of you gets the same list of fifteen traits (for example: industriousness, friendship, loyalty, cooperation, enthusiasm, self-control, alertness, initiative, intentness, condition, skill, team spirit, poise, confidence, resilience).
2. Arrange them as a pyramid: the most important at the top.
3. Compare pyramids: why is your top trait at the top? Which trait do you want to grow?
4. Pick one trait to practise before the next session.', 1, 11, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('A big decision together', 'Map out a real decision, weighing the options side by side.', '1. One of you brings a decision you face (a role change, a project, a move).
2. Together list the options, and for each the pros, cons and unknowns.
3. Decide what information would change the answer and how to get it.
4. Reflect: what did the way you decided reveal about your values and fears?', 1, 12, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Job shadowing', 'Spend part of a day alongside your partner in their role.', '1. Agree on a date, what you will see and anything confidential to avoid.
2. Shadow your partner for a few hours: meetings, tools, the real work.
3. Afterwards, talk about what surprised you and what you would ask next.
4. Note how it changes your view of your own career options.', 1, 13, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z'),
    ('Closing session', 'Bring the relationship to a good end and celebrate what you achieved.', '1. Look back (15 min): the goals you set at the start and where each stands.
2. What worked (10 min): what each of you will keep doing.
3. Thank each other (5 min): one thing you learned from your partner.
4. What next (10 min): stay in touch informally, find a new partner, or become a mentor.
5. Tell the program admin how it went.', 1, 14, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');

-- +goose Down
DROP TABLE message_templates;
DROP TABLE outbox;
DROP TABLE session_attendees;
DROP TABLE sessions;
DROP TABLE agenda_templates;
DROP TABLE relationship_members;
DROP TABLE relationships;
ALTER TABLE programs DROP COLUMN status_before_archive;
