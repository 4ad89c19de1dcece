package app

import (
	"fmt"

	"tandem/db/store"
)

// PairingOptions are a program's pairing settings.
type PairingOptions struct {
	WishBonus      int    `json:"wishBonus"`      // points a wish adds to a pair, for each of the two who asked
	WishPairs      string `json:"wishPairs"`      // "review": wish pairs wait for the admin's OK; "auto": approved with the draft
	AllowPastPairs bool   `json:"allowPastPairs"` // pair again two people who were paired before
}

// Options reads a program's pairing settings.
func (s *Pairing) Options(programID int64) (PairingOptions, error) {
	prog, err := s.db.Q.GetProgram(s.ctx, programID)
	if err != nil {
		return PairingOptions{}, notFound(err, "program")
	}
	return PairingOptions{WishBonus: int(prog.WishBonus), WishPairs: prog.WishPairs, AllowPastPairs: prog.AllowPastPairs}, nil
}

// SaveOptions changes a program's pairing settings; they apply from the next run.
func (s *Pairing) SaveOptions(programID int64, o PairingOptions) (PairingOptions, error) {
	if o.WishBonus < 0 || o.WishBonus > 100 {
		return o, fieldErr("wishBonus", "A wish adds from 0 to 100 points")
	}
	if o.WishPairs != "review" && o.WishPairs != "auto" {
		return o, fieldErr("wishPairs", "Choose whether pairs made from wishes wait for your OK or are approved with the draft")
	}
	if _, err := s.db.Q.GetProgram(s.ctx, programID); err != nil {
		return o, notFound(err, "program")
	}
	err := s.db.Q.SetPairingOptions(s.ctx, store.SetPairingOptionsParams{ID: programID, WishBonus: int64(o.WishBonus),
		WishPairs: o.WishPairs, AllowPastPairs: o.AllowPastPairs, Now: stamp(s.now())})
	if err != nil {
		return o, fmt.Errorf("pairing options: %w", err)
	}
	return s.Options(programID)
}

// PreferencePerson is someone named in a participant's wishes.
type PreferencePerson struct {
	ParticipantID int64  `json:"participantId"`
	Name          string `json:"name"`
}

// Preferences are a participant's own wishes: whom they would like to meet (ranked) and whom
// they would rather not.
type Preferences struct {
	ParticipantID int64              `json:"participantId"`
	Wishes        []PreferencePerson `json:"wishes"`
	Avoid         []PreferencePerson `json:"avoid"`
}

// MaxWishes is how many people a participant can wish to meet.
const MaxWishes = 5

// Preferences reads a participant's wishes.
func (s *Pairing) Preferences(participantID int64) (Preferences, error) {
	ctx := s.ctx
	pa, err := s.db.Q.GetParticipant(ctx, participantID)
	if err != nil {
		return Preferences{}, notFound(err, "participant")
	}
	out := Preferences{ParticipantID: participantID, Wishes: []PreferencePerson{}, Avoid: []PreferencePerson{}}
	rows, err := s.db.Q.ListParticipantRows(ctx, pa.ProgramID)
	if err != nil {
		return out, err
	}
	names := map[int64]string{}
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	prefs, err := s.db.Q.ListPairPreferences(ctx, pa.ProgramID)
	if err != nil {
		return out, err
	}
	for _, p := range prefs {
		if p.ParticipantID != participantID {
			continue
		}
		pp := PreferencePerson{ParticipantID: p.OtherID, Name: names[p.OtherID]}
		switch p.Kind {
		case "wish":
			out.Wishes = append(out.Wishes, pp)
		case "avoid":
			out.Avoid = append(out.Avoid, pp)
		}
	}
	return out, nil
}

// SavePreferences records a participant's wishes, replacing the ones before.
func (s *Pairing) SavePreferences(in Preferences) (Preferences, error) {
	ctx := s.ctx
	err := s.db.InTx(ctx, func(q *store.Queries) error {
		pa, err := q.GetParticipant(ctx, in.ParticipantID)
		if err != nil {
			return notFound(err, "participant")
		}
		if len(in.Wishes) > MaxWishes {
			return fieldErr("wishes", "Up to %d wishes: keep the ones that matter most", MaxWishes)
		}
		seen := map[int64]string{}
		check := func(list []PreferencePerson, field, kind string) error {
			for i, p := range list {
				o, err := q.GetParticipant(ctx, p.ParticipantID)
				if err != nil || o.ProgramID != pa.ProgramID {
					return fieldErr(field, "Row %d: choose a participant of this program", i+1)
				}
				if o.ID == pa.ID {
					return fieldErr(field, "Row %d: a participant cannot be paired with themselves", i+1)
				}
				if prev, ok := seen[o.ID]; ok {
					if prev != kind {
						return fieldErr(field, "Row %d: the same person cannot be both wished for and avoided", i+1)
					}
					return fieldErr(field, "Row %d: this person is listed twice", i+1)
				}
				seen[o.ID] = kind
			}
			return nil
		}
		if err := check(in.Wishes, "wishes", "wish"); err != nil {
			return err
		}
		if err := check(in.Avoid, "avoid", "avoid"); err != nil {
			return err
		}
		if err := q.DeleteParticipantPreferences(ctx, pa.ID); err != nil {
			return err
		}
		add := func(list []PreferencePerson, kind string) error {
			for i, p := range list {
				if err := q.AddPairPreference(ctx, store.AddPairPreferenceParams{ProgramID: pa.ProgramID, ParticipantID: pa.ID, OtherID: p.ParticipantID,
					Kind: kind, Rank: int64(i + 1), Now: stamp(s.now())}); err != nil {
					return fmt.Errorf("preferences: %w", err)
				}
			}
			return nil
		}
		if err := add(in.Wishes, "wish"); err != nil {
			return err
		}
		return add(in.Avoid, "avoid")
	})
	if err != nil {
		return Preferences{}, err
	}
	return s.Preferences(in.ParticipantID)
}

// ForbiddenPair is a pair the admin ruled out of every run.
type ForbiddenPair struct {
	A PreferencePerson `json:"a"`
	B PreferencePerson `json:"b"`
}

// Forbid rules a pair out of every pairing run of the program (allowed: false lifts it).
func (s *Pairing) Forbid(a, b int64, forbidden bool) error {
	ctx := s.ctx
	return s.db.InTx(ctx, func(q *store.Queries) error {
		pa, err1 := q.GetParticipant(ctx, a)
		pb, err2 := q.GetParticipant(ctx, b)
		if err1 != nil || err2 != nil || pa.ProgramID != pb.ProgramID || a == b {
			return fieldErr("members", "Choose two different participants of the same program")
		}
		lo, hi := min(a, b), max(a, b)
		if !forbidden {
			return q.DeleteForbid(ctx, store.DeleteForbidParams{ParticipantID: lo, OtherID: hi})
		}
		return q.AddPairPreference(ctx, store.AddPairPreferenceParams{ProgramID: pa.ProgramID, ParticipantID: lo, OtherID: hi, Kind: "forbid",
			Now: stamp(s.now())})
	})
}

// Forbidden lists the pairs the admin ruled out in a program.
func (s *Pairing) Forbidden(programID int64) ([]ForbiddenPair, error) {
	ctx := s.ctx
	rows, err := s.db.Q.ListParticipantRows(ctx, programID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	prefs, err := s.db.Q.ListPairPreferences(ctx, programID)
	if err != nil {
		return nil, err
	}
	out := []ForbiddenPair{}
	for _, p := range prefs {
		if p.Kind == "forbid" {
			out = append(out, ForbiddenPair{A: PreferencePerson{p.ParticipantID, names[p.ParticipantID]}, B: PreferencePerson{p.OtherID, names[p.OtherID]}})
		}
	}
	return out, nil
}
