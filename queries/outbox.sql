-- name: QueueMessage :one
INSERT INTO outbox (kind, status, to_name, to_email, subject, text_body, html_body, calendar, method,
    session_id, relationship_id, program_id, created_at, updated_at)
VALUES (@kind, 'queued', @to_name, @to_email, @subject, @text_body, @html_body, @calendar, @method,
    @session_id, @relationship_id, @program_id, @now, @now)
RETURNING *;

-- name: GetMessage :one
SELECT * FROM outbox WHERE id = @id;

-- name: ListMessages :many
SELECT * FROM outbox
WHERE (@status = '' OR status = @status)
ORDER BY CASE status WHEN 'held' THEN 0 WHEN 'failed' THEN 1 WHEN 'sending' THEN 2 WHEN 'queued' THEN 3 ELSE 4 END, id DESC
LIMIT @lim;

-- name: CountMessagesByStatus :many
SELECT status, COUNT(*) AS n FROM outbox GROUP BY status;

-- name: ListQueuedOfKinds :many
SELECT * FROM outbox WHERE status = 'queued' ORDER BY id;

-- name: ClaimMessage :execrows
-- Marks one message as leaving; committed before it is handed to the server.
UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now WHERE id = @id AND status = 'queued';

-- name: MarkMessageSent :exec
UPDATE outbox SET status = 'sent', sent_at = CAST(@now AS TEXT), smtp_code = @smtp_code, last_error = '', delivered_via = @delivered_via, updated_at = @now
WHERE id = @id;

-- name: MarkMessageFailed :exec
UPDATE outbox SET status = @status, smtp_code = @smtp_code, last_error = @last_error, updated_at = @now WHERE id = @id;

-- name: CancelMessage :execrows
UPDATE outbox SET status = 'cancelled', updated_at = @now WHERE id = @id AND status IN ('queued', 'failed', 'held');

-- name: RequeueMessage :execrows
UPDATE outbox SET status = 'queued', last_error = '', updated_at = @now WHERE id = @id AND status IN ('failed', 'held');

-- name: HoldInterruptedMessages :execrows
-- After a crash a message still 'sending' may have left: hold it for the admin, never re-send blindly.
UPDATE outbox SET status = 'held',
    last_error = 'Tandem stopped while this message was being sent: it may have been delivered. Check your sent mail before sending it again.',
    updated_at = @now
WHERE status = 'sending';

-- name: CancelQueuedSessionMessages :execrows
-- A superseded message that has not left (queued, failed or held) is cancelled: the newer one
-- carries the change, and an outdated invite can never be sent later.
UPDATE outbox SET status = 'cancelled', last_error = 'Replaced by a newer message about this session', updated_at = @now
WHERE session_id = @session_id AND status IN ('queued', 'failed', 'held') AND to_email = @to_email;

-- name: GetMessageTemplate :one
SELECT * FROM message_templates WHERE kind = @kind;

-- name: PutMessageTemplate :exec
INSERT INTO message_templates (kind, subject, text_body, html_body, updated_at) VALUES (@kind, @subject, @text_body, @html_body, @now)
ON CONFLICT (kind) DO UPDATE SET subject = excluded.subject, text_body = excluded.text_body, html_body = excluded.html_body, updated_at = excluded.updated_at;

-- name: DeleteMessageTemplate :exec
DELETE FROM message_templates WHERE kind = @kind;

-- name: ListSettings :many
SELECT key, value FROM settings ORDER BY key;

-- name: CountSentSessionMessages :one
-- Whether anything about this session ever left for this person (a cancellation is owed only then).
SELECT COUNT(*) FROM outbox WHERE session_id = @session_id AND to_email = @to_email AND status IN ('sent', 'sending', 'held');

-- name: MarkQueuedAsSent :execrows
-- Only for the sample organisation: what it scheduled in the past was sent back then.
UPDATE outbox SET status = 'sent', sent_at = created_at, delivered_via = 'smtp', smtp_code = 250, attempts = 1, updated_at = @now
WHERE status = 'queued';

-- name: CancelStaleRequestMessages :execrows
-- A request's emails still waiting that its answer or its end makes wrong: the summary asking
-- for an answer, its reminders, the "on its way" confirmation.
UPDATE outbox SET status = 'cancelled', last_error = @reason, updated_at = @now
WHERE request_id = @request_id AND status IN ('queued', 'failed')
  AND kind IN ('request_summary', 'request_reminder', 'request_confirmation');

-- name: CountDeliveredRequestSummaries :one
-- Whether a request's summary may have reached its recipient (sent, being sent, or held as maybe sent).
SELECT COUNT(*) FROM outbox WHERE request_id = @request_id AND kind = 'request_summary' AND status IN ('sent', 'sending', 'held');

-- name: MarkRequestMessagesSent :exec
-- The sample's history: a request's queued emails left back then, before it was answered.
UPDATE outbox SET status = 'sent', sent_at = created_at, delivered_via = 'smtp', smtp_code = 250, attempts = 1, updated_at = @now
WHERE request_id = @request_id AND status = 'queued';
