-- +goose Up
-- The directory searches names, emails and answers. A lower-cased copy of them is kept on each
-- participant by triggers, so a search is one scan of one column and can never go stale.
ALTER TABLE participants ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- +goose StatementBegin
CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
    UPDATE participants SET search_text = lower(
        (SELECT pe.name || ' ' || pe.email || ' ' || pe.department || ' ' || pe.title || ' ' || pe.location || ' ' || pe.employee_id
           FROM people pe WHERE pe.id = NEW.person_id)
        || ' ' || COALESCE((SELECT group_concat(a.value, ' ') FROM answers a WHERE a.participant_id = NEW.id), ''))
    WHERE id = NEW.id;
END;
-- +goose StatementEnd

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

CREATE INDEX participants_program_status ON participants (program_id, status);

-- +goose Down
DROP INDEX participants_program_status;
DROP TRIGGER answers_search_delete;
DROP TRIGGER answers_search_update;
DROP TRIGGER answers_search_insert;
DROP TRIGGER people_search_update;
DROP TRIGGER participants_search_insert;
ALTER TABLE participants DROP COLUMN search_text;
