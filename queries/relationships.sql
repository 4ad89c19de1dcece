-- name: CreateRelationship :one
INSERT INTO relationships (program_id, kind, origin, commitment, topic, planned_sessions, starts_on, ends_on, status, created_at, updated_at)
VALUES (@program_id, @kind, @origin, @commitment, @topic, @planned_sessions, @starts_on, @ends_on, 'active', @now, @now)
RETURNING *;

-- name: AddRelationshipMember :exec
INSERT INTO relationship_members (relationship_id, participant_id, role) VALUES (@relationship_id, @participant_id, @role);

-- name: GetRelationship :one
SELECT * FROM relationships WHERE id = @id;

-- name: ListRelationships :many
SELECT * FROM relationships WHERE program_id = @program_id ORDER BY status = 'cancelled', status = 'completed', created_at DESC, id DESC;

-- name: ListRelationshipMembers :many
SELECT rm.relationship_id, rm.participant_id, rm.role, pa.person_id, pe.name, pe.email, pe.time_zone, pe.department, pe.title
FROM relationship_members rm
JOIN participants pa ON pa.id = rm.participant_id
JOIN people pe ON pe.id = pa.person_id
WHERE rm.relationship_id = @relationship_id
ORDER BY CASE rm.role WHEN 'mentor' THEN 0 WHEN 'mentee' THEN 2 ELSE 1 END, pe.name COLLATE NOCASE;

-- name: ListProgramRelationshipMembers :many
SELECT rm.relationship_id, rm.participant_id, rm.role, pa.person_id, pe.name, pe.email, pe.time_zone, pe.department, pe.title
FROM relationship_members rm
JOIN relationships r ON r.id = rm.relationship_id
JOIN participants pa ON pa.id = rm.participant_id
JOIN people pe ON pe.id = pa.person_id
WHERE r.program_id = @program_id
ORDER BY rm.relationship_id, CASE rm.role WHEN 'mentor' THEN 0 WHEN 'mentee' THEN 2 ELSE 1 END, pe.name COLLATE NOCASE;

-- name: SetRelationshipStatus :one
UPDATE relationships SET status = @status, updated_at = @now WHERE id = @id RETURNING *;

-- name: CloseRelationship :one
UPDATE relationships SET status = @status, closed_at = CAST(@now AS TEXT), closed_by = @closed_by, close_reason = @close_reason, updated_at = @now
WHERE id = @id RETURNING *;

-- name: CountActivePairRelationships :one
-- How many open relationships already join these two participants.
SELECT COUNT(*) FROM relationships r
WHERE r.status IN ('active', 'on_hold')
  AND EXISTS (SELECT 1 FROM relationship_members a WHERE a.relationship_id = r.id AND a.participant_id = @a)
  AND EXISTS (SELECT 1 FROM relationship_members b WHERE b.relationship_id = r.id AND b.participant_id = @b);

-- name: CountMentorLoad :one
SELECT COUNT(*) FROM relationship_members rm JOIN relationships r ON r.id = rm.relationship_id
WHERE rm.participant_id = @participant_id AND rm.role = 'mentor' AND r.status IN ('active', 'on_hold');

-- name: ListOpenRelationshipsOf :many
-- The open (active or on hold) relationships a participant is a member of, with how many members each has.
SELECT r.id, r.kind, CAST((SELECT COUNT(*) FROM relationship_members m2 WHERE m2.relationship_id = r.id) AS INTEGER) AS members
FROM relationships r
JOIN relationship_members m ON m.relationship_id = r.id
WHERE m.participant_id = @participant_id AND r.status IN ('active', 'on_hold')
ORDER BY r.id;
