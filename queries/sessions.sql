-- name: CreateSession :one
INSERT INTO sessions (relationship_id, uid, sequence, title, starts_at, time_zone, duration_minutes, location, video_url,
    agenda, agenda_template_id, series_id, status, created_at, updated_at)
VALUES (@relationship_id, @uid, 0, @title, @starts_at, @time_zone, @duration_minutes, @location, @video_url,
    @agenda, @agenda_template_id, @series_id, 'scheduled', @now, @now)
RETURNING *;

-- name: GetSession :one
SELECT * FROM sessions WHERE id = @id;

-- name: GetSessionByUID :one
SELECT * FROM sessions WHERE uid = @uid;

-- name: ListRelationshipSessions :many
SELECT * FROM sessions WHERE relationship_id = @relationship_id ORDER BY starts_at, id;

-- name: ListProgramSessions :many
SELECT s.* FROM sessions s JOIN relationships r ON r.id = s.relationship_id
WHERE r.program_id = @program_id ORDER BY s.starts_at, s.id;

-- name: ListAllSessions :many
SELECT * FROM sessions ORDER BY starts_at, id;

-- name: RescheduleSession :one
-- A change that is sent: the SEQUENCE rises in the same statement.
UPDATE sessions SET title = @title, starts_at = @starts_at, time_zone = @time_zone, duration_minutes = @duration_minutes,
    location = @location, video_url = @video_url, agenda = @agenda, agenda_template_id = @agenda_template_id,
    sequence = sequence + 1, updated_at = @now
WHERE id = @id
RETURNING *;

-- name: CancelSession :one
UPDATE sessions SET status = 'cancelled', sequence = sequence + 1, updated_at = @now WHERE id = @id RETURNING *;

-- name: RecordSessionOutcome :one
UPDATE sessions SET status = @status, notes = @notes, rating = @rating, updated_at = @now WHERE id = @id RETURNING *;

-- name: ResetAttendeeAnswers :exec
-- A new time needs new answers: an acceptance was for the old one.
UPDATE session_attendees SET partstat = 'NEEDS-ACTION', responded_at = NULL WHERE session_id = @session_id;

-- name: AddSessionAttendee :exec
INSERT INTO session_attendees (session_id, person_id) VALUES (@session_id, @person_id);

-- name: ListSessionAttendees :many
SELECT sa.session_id, sa.person_id, sa.partstat, sa.responded_at, pe.name, pe.email, pe.time_zone
FROM session_attendees sa JOIN people pe ON pe.id = sa.person_id
WHERE sa.session_id = @session_id
ORDER BY pe.name COLLATE NOCASE;

-- name: SetAttendeePartstat :execrows
UPDATE session_attendees SET partstat = @partstat, responded_at = @now
WHERE session_id = @session_id AND person_id = (SELECT id FROM people WHERE email = @email);

-- name: CreateAgendaTemplate :one
INSERT INTO agenda_templates (name, summary, body, builtin, position, created_at, updated_at)
VALUES (@name, @summary, @body, @builtin, @position, @now, @now)
RETURNING *;

-- name: UpdateAgendaTemplate :one
UPDATE agenda_templates SET name = @name, summary = @summary, body = @body, updated_at = @now WHERE id = @id RETURNING *;

-- name: DeleteAgendaTemplate :execrows
DELETE FROM agenda_templates WHERE id = @id;

-- name: ListAgendaTemplates :many
SELECT * FROM agenda_templates ORDER BY position, name COLLATE NOCASE;

-- name: GetAgendaTemplate :one
SELECT * FROM agenda_templates WHERE id = @id;

-- name: CountAgendaTemplates :one
SELECT COUNT(*) FROM agenda_templates;
