-- name: CreateQuestion :one
INSERT INTO questions (
    program_id, position, prompt, help, kind, options, audience, required, person_field,
    scale_min, scale_max, match_rule, match_weight, custom_weight, rule_hours, complement_id, created_at, updated_at
) VALUES (
    @program_id, @position, @prompt, @help, @kind, @options, @audience, @required, @person_field,
    @scale_min, @scale_max, @match_rule, @match_weight, @custom_weight, @rule_hours, @complement_id, @now, @now
)
RETURNING *;

-- name: UpdateQuestion :one
UPDATE questions SET
    prompt = @prompt, help = @help, kind = @kind, options = @options, audience = @audience, required = @required,
    scale_min = @scale_min, scale_max = @scale_max, match_rule = @match_rule, match_weight = @match_weight,
    custom_weight = @custom_weight, rule_hours = @rule_hours, complement_id = @complement_id, updated_at = @now
WHERE id = @id
RETURNING *;

-- name: SetQuestionPosition :exec
UPDATE questions SET position = @position WHERE id = @id;

-- name: GetQuestion :one
SELECT * FROM questions WHERE id = @id;

-- name: ListQuestions :many
SELECT * FROM questions WHERE program_id = @program_id ORDER BY position, id;

-- name: DeleteQuestion :exec
DELETE FROM questions WHERE id = @id;

-- name: CountQuestionAnswers :one
SELECT COUNT(*) FROM answers WHERE question_id = @question_id;

-- name: ListQuestionAnswerValues :many
SELECT value FROM answers WHERE question_id = @question_id;

-- name: CountPersonFieldAnswers :one
-- A question answered by the person's record counts the participants whose record has the field.
SELECT COUNT(*) FROM participants pa JOIN people pe ON pe.id = pa.person_id
WHERE pa.program_id = @program_id
  AND CASE CAST(@field AS TEXT) WHEN 'department' THEN pe.department WHEN 'location' THEN pe.location
      WHEN 'time_zone' THEN pe.time_zone WHEN 'title' THEN pe.title ELSE '' END <> '';
