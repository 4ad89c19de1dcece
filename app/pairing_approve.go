package app

import (
	"database/sql"
	"fmt"
	"time"

	"tandem/app/notify"
	"tandem/app/status"
	"tandem/db/store"
)

// ApproveResult says what approving a draft created.
type ApproveResult struct {
	Relationships int `json:"relationships"`
	Emails        int `json:"emails"`
}

// Approve turns the draft's pairs and groups into relationships and queues an introduction
// email to each member, all in one transaction: if one pair cannot be created (someone paused
// since, a mentor now full), nothing is, and the message names the pair.
func (s *Pairing) Approve(draftID int64) (ApproveResult, error) {
	st, err := s.settings.Get()
	if err != nil {
		return ApproveResult{}, err
	}
	if st.AdminEmail == "" {
		return ApproveResult{}, &Error{Message: "Set your sending address in Settings first: the introductions are sent from it"}
	}
	ctx := s.ctx
	var out ApproveResult
	var queued []int64
	err = s.db.InTx(ctx, func(q *store.Queries) error {
		d, err := q.GetDraft(ctx, draftID)
		if err != nil {
			return notFound(err, "draft")
		}
		if d.Status != status.DraftOpen {
			return &Error{Message: "This draft was already " + string(d.Status)}
		}
		draft, err := s.load(ctx, q, d)
		if err != nil {
			return err
		}
		if len(draft.Items) == 0 {
			return &Error{Message: "The draft has no pairs to approve"}
		}
		if draft.NeedsOK > 0 {
			return &Error{Message: fmt.Sprintf("%d %s made from participants' wishes %s your OK: lock or remove %s first", draft.NeedsOK,
				plural(draft.NeedsOK, "pair", "pairs"), plural(draft.NeedsOK, "waits for", "wait for"), plural(draft.NeedsOK, "it", "them"))}
		}
		p, err := loadPool(ctx, q, d.ProgramID, d.Mode != ModeMentoring, s.now())
		if err != nil {
			return err
		}
		kind := modeKind[d.Mode]
		startsOn, endsOn := pairDates(p.Program, s.now())
		for n, it := range draft.Items {
			in := RelationshipInput{ProgramID: d.ProgramID, Kind: kind, Commitment: "long_term", StartsOn: startsOn, EndsOn: endsOn}
			var names []string
			for _, m := range it.Members {
				in.Members = append(in.Members, MemberInput{ParticipantID: m.ParticipantID, Role: m.Role})
				names = append(names, m.Name)
			}
			relID, err := createRelationship(ctx, q, in, "pairing", stamp(s.now()))
			if err != nil {
				if e, ok := err.(*Error); ok {
					return &Error{Message: fmt.Sprintf("Pair %d (%s): %s", n+1, notify.JoinNames(names), e.Message), Field: "items"}
				}
				return err
			}
			if err := q.SetDraftItemRelationship(ctx, store.SetDraftItemRelationshipParams{ID: it.ID, RelationshipID: nullID(relID)}); err != nil {
				return err
			}
			out.Relationships++
			ids, err := notify.QueueIntroduction(ctx, q, sender(st), p.Program, relID, p.Row, it.Score, it.Reasons, s.now())
			if err != nil {
				return mailErr(err)
			}
			queued = append(queued, ids...)
		}
		out.Emails = len(queued)
		_, err = q.DecideDraft(ctx, store.DecideDraftParams{ID: d.ID, Status: status.DraftApproved, Now: sql.NullString{String: stamp(s.now()), Valid: true}})
		return err
	})
	if err != nil {
		return ApproveResult{}, err
	}
	s.outbox.autoSend(queued)
	return out, nil
}

// pairDates are the dates a pair approved today takes from its program: it starts at the
// program's start, or today when that has passed, and ends with the program. A program without
// dates (evergreen) gives none.
func pairDates(prog store.Program, now time.Time) (startsOn, endsOn string) {
	if prog.EndsOn == "" {
		return "", ""
	}
	today := now.Format("2006-01-02")
	startsOn = max(prog.StartsOn, today)
	if startsOn > prog.EndsOn {
		startsOn = prog.EndsOn // the program is over: a pair made now still fits inside it
	}
	return startsOn, prog.EndsOn
}
