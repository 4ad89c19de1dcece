-- name: GetOpenDraft :one
SELECT * FROM pairing_drafts WHERE program_id = @program_id AND status = 'draft';

-- name: GetDraft :one
SELECT * FROM pairing_drafts WHERE id = @id;

-- name: CreateDraft :one
INSERT INTO pairing_drafts (program_id, mode, objective, summary, created_at, updated_at)
VALUES (@program_id, @mode, @objective, @summary, @now, @now)
RETURNING *;

-- name: UpdateDraftRun :exec
UPDATE pairing_drafts SET mode = @mode, objective = @objective, summary = @summary, updated_at = @now WHERE id = @id;

-- name: TouchDraft :exec
UPDATE pairing_drafts SET updated_at = @now WHERE id = @id;

-- name: DecideDraft :execrows
UPDATE pairing_drafts SET status = @status, decided_at = @now, updated_at = @now WHERE id = @id AND status = 'draft';

-- name: ListDraftItems :many
SELECT * FROM pairing_items WHERE draft_id = @draft_id ORDER BY id;

-- name: ListDraftMembers :many
-- Every member of a draft's items, with the person's fields.
SELECT m.item_id, m.participant_id, m.role, m.position, pa.person_id, pa.status, pe.name, pe.email, pe.department, pe.title,
    pe.location, pe.time_zone
FROM pairing_item_members m
JOIN pairing_items i ON i.id = m.item_id
JOIN participants pa ON pa.id = m.participant_id
JOIN people pe ON pe.id = pa.person_id
WHERE i.draft_id = @draft_id
ORDER BY m.item_id, m.position;

-- name: CreateDraftItem :one
INSERT INTO pairing_items (draft_id, locked, manual, wish, points, percent, reasons, warnings, created_at)
VALUES (@draft_id, @locked, @manual, @wish, @points, @percent, @reasons, @warnings, @now)
RETURNING *;

-- name: AddDraftMember :exec
INSERT INTO pairing_item_members (item_id, participant_id, role, position) VALUES (@item_id, @participant_id, @role, @position);

-- name: GetDraftItem :one
SELECT * FROM pairing_items WHERE id = @id;

-- name: SetDraftItemLocked :exec
UPDATE pairing_items SET locked = @locked WHERE id = @id;

-- name: SetDraftItemRelationship :exec
UPDATE pairing_items SET relationship_id = @relationship_id WHERE id = @id;

-- name: DeleteDraftItem :exec
DELETE FROM pairing_items WHERE id = @id;

-- name: DeleteUnlockedDraftItems :exec
DELETE FROM pairing_items WHERE draft_id = @draft_id AND locked = 0;

-- name: ListPairPreferences :many
SELECT * FROM pair_preferences WHERE program_id = @program_id ORDER BY participant_id, kind, rank, id;

-- name: DeleteParticipantPreferences :exec
DELETE FROM pair_preferences WHERE participant_id = @participant_id AND kind IN ('wish', 'avoid');

-- name: AddPairPreference :exec
INSERT INTO pair_preferences (program_id, participant_id, other_id, kind, rank, created_at)
VALUES (@program_id, @participant_id, @other_id, @kind, @rank, @now)
ON CONFLICT (participant_id, other_id, kind) DO UPDATE SET rank = excluded.rank;

-- name: DeleteForbid :exec
-- Lifts the admin's forbid of a pair; the participants' own wishes stay.
DELETE FROM pair_preferences WHERE participant_id = @participant_id AND other_id = @other_id AND kind = 'forbid';

-- name: ListProgramPairHistory :many
-- Every two participants of the program who share a relationship, with its status.
SELECT a.participant_id AS a, b.participant_id AS b, r.status
FROM relationships r
JOIN relationship_members a ON a.relationship_id = r.id
JOIN relationship_members b ON b.relationship_id = r.id AND b.participant_id > a.participant_id
WHERE r.program_id = @program_id;

-- name: ListMentorLoads :many
SELECT rm.participant_id, COUNT(*) AS load
FROM relationship_members rm JOIN relationships r ON r.id = rm.relationship_id
WHERE r.program_id = @program_id AND rm.role = 'mentor' AND r.status IN ('active', 'on_hold')
GROUP BY rm.participant_id;

-- name: SetPairingOptions :exec
UPDATE programs SET wish_bonus = @wish_bonus, wish_pairs = @wish_pairs, allow_past_pairs = @allow_past_pairs, updated_at = @now
WHERE id = @id;

-- name: ListManagers :many
-- Every person's email and manager's email, for the manager chain.
SELECT email, manager_email FROM people WHERE manager_email <> '';

-- name: ListOpenMemberships :many
-- Who already is in an open relationship of the program, of which kind and in which role.
SELECT rm.participant_id, r.kind, rm.role
FROM relationship_members rm JOIN relationships r ON r.id = rm.relationship_id
WHERE r.program_id = @program_id AND r.status IN ('active', 'on_hold');
