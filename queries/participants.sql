-- name: CreateParticipant :one
INSERT INTO participants (program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at)
VALUES (@program_id, @person_id, @is_mentor, @is_mentee, @is_peer, @capacity, @status, @now, @now)
RETURNING *;

-- name: UpdateParticipant :one
UPDATE participants SET
    is_mentor = @is_mentor, is_mentee = @is_mentee, is_peer = @is_peer,
    capacity = @capacity, status = @status, updated_at = @now
WHERE id = @id
RETURNING *;

-- name: GetParticipant :one
SELECT * FROM participants WHERE id = @id;

-- name: GetParticipantByPerson :one
SELECT * FROM participants WHERE program_id = @program_id AND person_id = @person_id;

-- name: DeleteParticipant :exec
DELETE FROM participants WHERE id = @id;

-- name: ListParticipantRows :many
-- Every participant of a program with the person's fields: the directory is filtered in memory from this.
SELECT pa.id, pa.program_id, pa.person_id, pa.is_mentor, pa.is_mentee, pa.is_peer, pa.capacity, pa.status,
    pa.enrolled_at, pe.name, pe.email, pe.department, pe.title, pe.location, pe.time_zone, pe.manager_email, pe.employee_id
FROM participants pa
JOIN people pe ON pe.id = pa.person_id
WHERE pa.program_id = @program_id
ORDER BY pe.name COLLATE NOCASE, pa.id;

-- name: ListProgramAnswers :many
SELECT a.participant_id, a.question_id, a.value
FROM answers a
JOIN participants pa ON pa.id = a.participant_id
WHERE pa.program_id = @program_id;

-- name: ListParticipantAnswers :many
SELECT question_id, value FROM answers WHERE participant_id = @participant_id;

-- name: UpsertAnswer :exec
INSERT INTO answers (participant_id, question_id, value, updated_at)
VALUES (@participant_id, @question_id, @value, @now)
ON CONFLICT (participant_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;

-- name: DeleteAnswer :exec
DELETE FROM answers WHERE participant_id = @participant_id AND question_id = @question_id;

-- name: ListProgramDepartments :many
SELECT DISTINCT pe.department FROM participants pa JOIN people pe ON pe.id = pa.person_id
WHERE pa.program_id = @program_id AND pe.department <> '' ORDER BY pe.department COLLATE NOCASE;

-- name: ListProgramLocations :many
SELECT DISTINCT pe.location FROM participants pa JOIN people pe ON pe.id = pa.person_id
WHERE pa.program_id = @program_id AND pe.location <> '' ORDER BY pe.location COLLATE NOCASE;

-- name: ListProgramEnrolments :many
SELECT pa.id, pe.email FROM participants pa JOIN people pe ON pe.id = pa.person_id WHERE pa.program_id = @program_id;

-- name: ListPersonParticipations :many
-- The programs a person takes part in and has not left.
SELECT id FROM participants WHERE person_id = @person_id AND status <> 'withdrawn' ORDER BY id;
