package app_test

import (
	"database/sql"
	"encoding/base64"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"

	"tandem/app"
)

// replyFile writes a calendar reply: one VEVENT per uid, each with the ATTENDEE lines given
// ("PARTSTAT=DECLINED:mailto:ana@…"), as base64 the way the UI sends a file.
func replyFile(method string, seq int, uids []string, attendees ...string) string {
	return base64.StdEncoding.EncodeToString([]byte(replyICS(method, seq, uids, attendees...)))
}

func replyICS(method string, seq int, uids []string, attendees ...string) string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:" + method + "\r\n")
	for _, uid := range uids {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:%d\r\nDTSTAMP:20261120T093000Z\r\n", uid, seq)
		for _, a := range attendees {
			b.WriteString("ATTENDEE;" + a + "\r\n")
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// replyEmail wraps a reply in an email from the given sender ("" for no From header).
func replyEmail(from, ics string) string {
	h := "To: mentoring@northwind.example\r\nSubject: Reply\r\nMIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n"
	if from != "" {
		h = "From: " + from + "\r\n" + h
	}
	return base64.StdEncoding.EncodeToString([]byte(h + "\r\n" + ics))
}

// dbRows reads every row of every table, to show that a refused reply changed nothing.
func dbRows(t *testing.T, d *sql.DB) map[string][]string {
	t.Helper()
	tables, err := d.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	tables.Close()
	out := map[string][]string{}
	for _, n := range names {
		rows, err := d.Query(`SELECT * FROM "` + n + `" ORDER BY rowid`)
		if err != nil {
			rows, err = d.Query(`SELECT * FROM "` + n + `"`) // WITHOUT ROWID tables
		}
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[n] = append(out[n], fmt.Sprintf("%v", vals))
		}
		rows.Close()
	}
	return out
}

// rsvpOutcome is what the admin reads after an import that recorded nothing: the refusal, or
// the question to confirm. "" when the answer was recorded.
func rsvpOutcome(res app.RSVPResult, err error) string {
	if err != nil {
		return err.Error()
	}
	if !res.Recorded {
		return res.Message
	}
	return ""
}

// rsvpFixture is a session rescheduled once (its invite is at SEQUENCE 1) that Ana has
// accepted and Kenji not yet answered, a second session, and Lena, who is in the program
// but not invited.
func rsvpFixture(t *testing.T) (f *mailFixture, se, other app.Session, partStats func() map[string]string) {
	t.Helper()
	f = newMailFixture(t, nil)
	se = f.schedule(t, "2026-12-01T10:00")
	other = f.schedule(t, "2026-12-08T10:00")
	se, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-02T10:00"))
	if err != nil || se.Sequence != 1 {
		t.Fatalf("reschedule: %v, sequence %d", err, se.Sequence)
	}
	mustEnrol(t, f.s, f.prog.ID, app.PersonInput{Name: "Lena Berg", Email: "lena.berg@northwind.example", TimeZone: "Europe/Berlin"},
		app.ParticipantInput{Mentee: true, Peer: true})
	res, err := f.s.Sessions.ImportRSVP(se.ID, "ana.eml", replyEmail("Ana Silva <"+anaEmail+">",
		replyICS("REPLY", 1, []string{se.UID}, "PARTSTAT=ACCEPTED:mailto:"+anaEmail)))
	if err != nil || !res.Recorded {
		t.Fatalf("Ana's own reply: %+v, %v", res, err)
	}
	partStats = func() map[string]string {
		got, err := f.s.Sessions.Get(se.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, a := range got.Attendees {
			out[a.Email] = a.PartStat
		}
		return out
	}
	if got := partStats(); got[anaEmail] != "ACCEPTED" || got[kenjiEmail] != "NEEDS-ACTION" {
		t.Fatalf("before: %v", got)
	}
	return f, se, other, partStats
}

// Hostile replies: none records an answer or changes any row; each says why, or asks the admin.
func TestImportRSVPRefusesHostileReplies(t *testing.T) {
	f, se, other, _ := rsvpFixture(t)
	one := []string{se.UID}
	anaDeclines := "PARTSTAT=DECLINED:mailto:" + anaEmail
	kenjiAccepts := "PARTSTAT=ACCEPTED:mailto:" + kenjiEmail
	many := []string{anaDeclines, "PARTSTAT=DECLINED:mailto:" + kenjiEmail}
	for i := len(many); i < 1000; i++ {
		many = append(many, fmt.Sprintf("PARTSTAT=DECLINED:mailto:someone%d@example.org", i))
	}
	cases := []struct {
		name, file, data, want string
	}{
		{"Kenji's email answering for Ana", "kenji.eml", replyEmail("Kenji Sato <"+kenjiEmail+">", replyICS("REPLY", 1, one, anaDeclines)),
			"This reply came from " + kenjiEmail + " but answers for " + anaEmail + " — apply it anyway?"},
		{"an outsider's email answering for Ana", "mallory.eml", replyEmail("Mallory <mallory@evil.example>", replyICS("REPLY", 1, one, anaDeclines)),
			"This reply came from mallory@evil.example but answers for " + anaEmail + " — apply it anyway?"},
		{"an email without a sender answering for Ana", "nobody.eml", replyEmail("", replyICS("REPLY", 1, one, anaDeclines)),
			"This reply came in an email with no readable sender but answers for " + anaEmail + " — apply it anyway?"},
		{"Kenji's reply also answering for Ana", "kenji.eml", replyEmail(kenjiEmail, replyICS("REPLY", 1, one, kenjiAccepts, anaDeclines)),
			"kenji.eml: A calendar reply answers for one person; this file has 2 attendees. Nothing was changed."},
		{"1,000 attendees", "many.ics", replyFile("REPLY", 1, one, many...),
			"many.ics: A calendar reply answers for one person; this file has 1,000 attendees. Nothing was changed."},
		{"no attendee", "none.ics", replyFile("REPLY", 1, one), "none.ics: The reply names no attendee. Nothing was changed."},
		{"another session's UID", "other.ics", replyFile("REPLY", 1, []string{other.UID}, kenjiAccepts),
			"other.ics: It answers another session (“" + other.Title + "”, Tue 8 Dec 2026, 10:00 Europe/Berlin), not this one. Nothing was changed."},
		{"a UID Tandem never sent", "odd.ics", replyFile("REPLY", 1, []string{"forged@evil.example"}, kenjiAccepts),
			"odd.ics: It answers an invite Tandem did not send, not “" + se.Title + "”. Nothing was changed."},
		{"this session and another", "both.ics", replyFile("REPLY", 1, []string{se.UID, other.UID}, kenjiAccepts),
			"both.ics: A calendar reply answers one invite; this file answers 2 different events. Nothing was changed."},
		{"an older SEQUENCE", "late.ics", replyFile("REPLY", 0, one, anaDeclines),
			"late.ics: This answers an older version of the invite; the session has changed since (Ana Silva needs to answer the latest invite). Nothing was changed."},
		{"a SEQUENCE Tandem never sent", "future.ics", replyFile("REPLY", 7, one, anaDeclines),
			"future.ics: This answers version 7 of the invite, but Tandem has only sent up to version 1: it was not made from Tandem's invite. Nothing was changed."},
		{"an attendee in the program but not invited", "lena.eml", replyEmail("lena.berg@northwind.example", replyICS("REPLY", 1, one, "PARTSTAT=DECLINED:mailto:lena.berg@northwind.example")),
			"lena.eml: It answers for lena.berg@northwind.example, who is not invited to this session. Nothing was changed."},
		{"an attendee Tandem does not know", "stranger.ics", replyFile("REPLY", 1, one, "PARTSTAT=DECLINED:mailto:stranger@example.org"),
			"stranger.ics: It answers for stranger@example.org, who is not invited to this session. Nothing was changed."},
		{"an invite, not a reply", "request.ics", replyFile("REQUEST", 1, one, kenjiAccepts),
			"request.ics: This file is not a calendar reply (METHOD is REQUEST). Nothing was changed."},
		{"an x-name answer", "maybe.ics", replyFile("REPLY", 1, one, "PARTSTAT=X-MAYBE:mailto:"+kenjiEmail),
			`maybe.ics: The reply answers "X-MAYBE", which is not an answer Tandem records (accepted, declined, tentative or delegated). Nothing was changed.`},
		{"two answers at once", "both.ics", replyFile("REPLY", 1, one, "PARTSTAT=ACCEPTED,DECLINED:mailto:"+kenjiEmail),
			`both.ics: The reply answers "ACCEPTED,DECLINED", which is not an answer Tandem records (accepted, declined, tentative or delegated). Nothing was changed.`},
		{"garbage answer", "junk.ics", replyFile("REPLY", 1, one, "PARTSTAT="+strings.Repeat("Q", 3000)+":mailto:"+kenjiEmail),
			`junk.ics: The reply answers "` + strings.Repeat("Q", 40) + `…", which is not an answer Tandem records (accepted, declined, tentative or delegated). Nothing was changed.`},
		{"an attendee address with a zero-width space", "zw.ics", replyFile("REPLY", 1, one, "PARTSTAT=DECLINED:mailto:ana.silva\u200b@northwind.example"),
			`zw.ics: The reply answers for "ana.silva\u200b@northwind.example", which is not an email address. Nothing was changed.`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := dbRows(t, f.d.SQL)
			res, err := f.s.Sessions.ImportRSVP(se.ID, tc.file, tc.data)
			if got := rsvpOutcome(res, err); got != tc.want {
				t.Errorf("the admin reads %q\nwant           %q", got, tc.want)
			}
			if err != nil && fieldOf(t, err) != "file" {
				t.Errorf("field %q, want file", fieldOf(t, err))
			}
			if after := dbRows(t, f.d.SQL); !reflect.DeepEqual(after, before) {
				for table, rows := range after {
					if !reflect.DeepEqual(rows, before[table]) {
						t.Errorf("%s changed:\n%v\nwas\n%v", table, rows, before[table])
					}
				}
			}
		})
	}
}

// A reply from someone else is recorded only when the admin confirms it, and confirming
// skips only the sender check.
func TestConfirmRSVPAppliesAReplyFromSomeoneElse(t *testing.T) {
	f, se, _, partStats := rsvpFixture(t)
	forwarded := replyEmail("Kenji Sato <"+kenjiEmail+">", replyICS("REPLY", 1, []string{se.UID}, "PARTSTAT=TENTATIVE:mailto:"+anaEmail))
	res, err := f.s.Sessions.ImportRSVP(se.ID, "fwd.eml", forwarded)
	if err != nil || res.Recorded || res.From != kenjiEmail || res.Email != anaEmail || res.Name != "Ana Silva" || res.PartStat != "TENTATIVE" {
		t.Fatalf("import = %+v, %v; want it held for confirmation", res, err)
	}
	if got := partStats(); got[anaEmail] != "ACCEPTED" {
		t.Fatalf("recorded before the admin confirmed: %v", got)
	}
	res, err = f.s.Sessions.ConfirmRSVP(se.ID, "fwd.eml", forwarded)
	if err != nil || !res.Recorded || res.Message != "Ana Silva ("+anaEmail+"): tentative" {
		t.Fatalf("confirm = %+v, %v", res, err)
	}
	if got := partStats(); got[anaEmail] != "TENTATIVE" || got[kenjiEmail] != "NEEDS-ACTION" {
		t.Errorf("after confirming: %v", got)
	}

	// Confirming does not let through what is refused for another reason.
	for name, data := range map[string]string{
		"older version": replyEmail("mallory@evil.example", replyICS("REPLY", 0, []string{se.UID}, "PARTSTAT=DECLINED:mailto:"+anaEmail)),
		"not invited":   replyEmail("mallory@evil.example", replyICS("REPLY", 1, []string{se.UID}, "PARTSTAT=DECLINED:mailto:mallory@evil.example")),
		"two attendees": replyEmail(kenjiEmail, replyICS("REPLY", 1, []string{se.UID}, "PARTSTAT=DECLINED:mailto:"+anaEmail, "PARTSTAT=DECLINED:mailto:"+kenjiEmail)),
	} {
		before := dbRows(t, f.d.SQL)
		if res, err := f.s.Sessions.ConfirmRSVP(se.ID, "x.eml", data); err == nil || res.Recorded {
			t.Errorf("%s: confirmed %+v", name, res)
		}
		if !reflect.DeepEqual(dbRows(t, f.d.SQL), before) {
			t.Errorf("%s: a refused confirmation changed the database", name)
		}
	}

	// The attendee's own email needs no confirmation, whatever the case of the address.
	res, err = f.s.Sessions.ImportRSVP(se.ID, "kenji.eml", replyEmail("Kenji <KENJI.Sato@Northwind.example>",
		replyICS("REPLY", 1, []string{se.UID}, "PARTSTAT=DECLINED;CN=Kenji:MAILTO:kenji.sato@northwind.example")))
	if err != nil || !res.Recorded || res.From != kenjiEmail {
		t.Fatalf("Kenji's own reply: %+v, %v", res, err)
	}
	if got := partStats(); got[kenjiEmail] != "DECLINED" || got[anaEmail] != "TENTATIVE" {
		t.Errorf("after Kenji's reply: %v", got)
	}
}

// A reply to a cancelled session is refused: the session is over, whatever the answer says.
func TestImportRSVPRefusesRepliesToACancelledSession(t *testing.T) {
	f, se, _, partStats := rsvpFixture(t)
	cancelled, err := f.s.Sessions.Cancel(se.ID, "Ana is away")
	if err != nil {
		t.Fatal(err)
	}
	before := partStats()
	_, err = f.s.Sessions.ImportRSVP(se.ID, "kenji.eml", replyEmail(kenjiEmail,
		replyICS("REPLY", cancelled.Sequence, []string{se.UID}, "PARTSTAT=ACCEPTED:mailto:"+kenjiEmail)))
	if err == nil || !strings.Contains(err.Error(), "This session was cancelled, so its replies are no longer recorded") {
		t.Fatalf("reply to a cancelled session: %v", err)
	}
	if after := partStats(); !maps.Equal(after, before) {
		t.Errorf("answers changed from %v to %v", before, after)
	}
}
