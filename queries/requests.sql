-- name: CreateRequest :one
INSERT INTO requests (program_id, kind, requester_id, recipient_id, commitment, topic, sessions, note, status,
    sent_at, expires_at, created_at, updated_at)
VALUES (@program_id, @kind, @requester_id, @recipient_id, @commitment, @topic, @sessions, @note, 'pending',
    @sent_at, @expires_at, @now, @now)
RETURNING *;

-- name: GetRequest :one
SELECT * FROM requests WHERE id = @id;

-- name: ListProgramRequests :many
SELECT * FROM requests WHERE program_id = @program_id
ORDER BY status <> 'pending', COALESCE(sent_at, created_at), id;

-- name: ListPendingMentorRequests :many
SELECT * FROM requests WHERE status = 'pending' AND kind = 'mentor' AND sent_at IS NOT NULL ORDER BY id;

-- name: ListOtherPendingMentorRequests :many
-- The requester's other pending mentor requests in the program, invalidated when one is approved.
SELECT * FROM requests
WHERE program_id = @program_id AND requester_id = @requester_id AND kind = 'mentor' AND status = 'pending' AND id <> @id;

-- name: CountPendingBetween :one
SELECT COUNT(*) FROM requests
WHERE status = 'pending'
  AND ((requester_id = @a AND recipient_id = @b) OR (requester_id = @b AND recipient_id = @a));

-- name: SetRequestStatus :one
UPDATE requests SET status = @status, decline_reason = @decline_reason, answer_message = @answer_message,
    relationship_id = @relationship_id, decided_at = CAST(@now AS TEXT), updated_at = @now
WHERE id = @id AND status = 'pending'
RETURNING *;

-- name: MarkRequestSent :one
UPDATE requests SET sent_at = CAST(@now AS TEXT), expires_at = @expires_at, updated_at = @now
WHERE id = @id AND sent_at IS NULL
RETURNING *;

-- name: MarkRequestReminded :exec
UPDATE requests SET reminded_half = (reminded_half OR CAST(@half AS BOOLEAN)), reminded_last = (reminded_last OR CAST(@last AS BOOLEAN)), updated_at = @now
WHERE id = @id;

-- name: AddRequestEvent :exec
INSERT INTO request_events (request_id, from_status, to_status, action, actor, note, at)
VALUES (@request_id, @from_status, @to_status, @action, @actor, @note, @now);

-- name: ListRequestEvents :many
SELECT * FROM request_events WHERE request_id = @request_id ORDER BY id;

-- name: QueueRequestMessage :one
INSERT INTO outbox (kind, status, to_name, to_email, subject, text_body, html_body, request_id, relationship_id, program_id, created_at, updated_at)
VALUES (@kind, 'queued', @to_name, @to_email, @subject, @text_body, @html_body, @request_id, @relationship_id, @program_id, @now, @now)
RETURNING id;

-- name: CountApprovedSince :one
SELECT COUNT(*) FROM requests WHERE program_id = @program_id AND status IN ('approved', 'intro_approved') AND decided_at >= @since;

-- name: BackdateRequest :exec
-- Only for the sample organisation: a request sent weeks ago.
UPDATE requests SET created_at = @sent_at, sent_at = @sent_at, expires_at = @expires_at WHERE id = @id;

-- name: ListPendingRequestsOf :many
-- The pending requests a participant made or received.
SELECT * FROM requests WHERE (requester_id = @participant_id OR recipient_id = @participant_id) AND status = 'pending' ORDER BY id;
