package app_test

import (
	"encoding/base64"
	"mime"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/app/invite"
)

func TestScheduleQueuesOneInvitePerAttendeeAndSendsNothing(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	if se.UID == "" || se.Sequence != 0 || se.Status != "scheduled" || se.StartsAt != "2026-12-01T09:00:00Z" || se.LocalStart != "2026-12-01T10:00" {
		t.Errorf("session = %+v", se)
	}
	if len(se.Attendees) != 2 {
		t.Fatalf("attendees = %+v", se.Attendees)
	}

	msgs := f.messages(t, "")
	if len(msgs) != 2 {
		t.Fatalf("outbox = %s, want 2 invites", summary(msgs))
	}
	for _, m := range msgs {
		if m.Kind != "invite" || m.Status != "queued" || m.Method != "REQUEST" || m.SessionID != se.ID || m.RelationshipID != f.rel.ID {
			t.Errorf("message %+v", m)
		}
		if got := icsProp(t, m.Calendar, "METHOD"); got != "REQUEST" {
			t.Errorf("METHOD:%s", got)
		}
		if got := icsProp(t, m.Calendar, "UID"); got != se.UID {
			t.Errorf("UID:%s, want %s", got, se.UID)
		}
		if got := icsProp(t, m.Calendar, "SEQUENCE"); got != "0" {
			t.Errorf("SEQUENCE:%s", got)
		}
		if got := icsProp(t, m.Calendar, "DTSTART"); got != "20261201T090000Z" {
			t.Errorf("DTSTART:%s (invites are written in UTC)", got)
		}
		if n := len(icsProps(m.Calendar, "ATTENDEE")); n != 2 {
			t.Errorf("%d attendees in the calendar", n)
		}
	}

	// Each recipient reads the time in their own zone.
	tests := []struct {
		email, when string
	}{
		{anaEmail, "Tuesday 1 December 2026, 10:00 (Europe/Berlin)"},
		{kenjiEmail, "Tuesday 1 December 2026, 18:00 (Asia/Tokyo)"},
	}
	for _, tt := range tests {
		m := byRecipient(t, msgs, tt.email)
		if !strings.Contains(m.Text, "When: "+tt.when) || !strings.Contains(m.HTML, tt.when) || !strings.Contains(m.Subject, tt.when) {
			t.Errorf("%s reads:\n%s\n%s", tt.email, m.Subject, m.Text)
		}
	}
	if m := byRecipient(t, msgs, kenjiEmail); !strings.Contains(m.Text, "with Ana Silva") || !strings.Contains(m.Text, "Hello Kenji,") {
		t.Errorf("Kenji's invite names the wrong people:\n%s", m.Text)
	}

	// No surprise email: nothing left, not even a connection.
	if n, c := len(f.srv.Messages()), f.srv.Sessions(); n != 0 || c != 0 {
		t.Errorf("the server got %d messages over %d connections before Send", n, c)
	}
}

func TestSendDeliversInvitesWithCalendarParts(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	queued := f.messages(t, "queued")
	p := f.send(t)
	if p.Total != 2 || p.Sent != 2 || p.Failed != 0 {
		t.Errorf("progress = %+v", p)
	}

	got := f.srv.Messages()
	if len(got) != 2 {
		t.Fatalf("server received %d messages, want 2", len(got))
	}
	if f.srv.Sessions() != 1 {
		t.Errorf("%d connections for one batch, want 1", f.srv.Sessions())
	}
	for _, r := range got {
		if r.From != adminEmail || len(r.To) != 1 || !r.TLS {
			t.Errorf("envelope from %q to %v tls %v", r.From, r.To, r.TLS)
		}
		e := parseEmail(t, r.Data)
		id := e.id(t)
		want := -1
		for i, q := range queued {
			if q.ID == id {
				want = i
			}
		}
		if want < 0 {
			t.Fatalf("received message %d, which was not queued", id)
		}
		q := queued[want]
		to, err := e.header.AddressList("To")
		if err != nil || len(to) != 1 || to[0].Address != q.ToEmail || r.To[0] != q.ToEmail {
			t.Errorf("To %v (envelope %v), want %s", to, r.To, q.ToEmail)
		}
		if from, err := e.header.AddressList("From"); err != nil || from[0].Address != adminEmail || from[0].Name != "Sam Admin (Northwind)" {
			t.Errorf("From %v %v", from, err)
		}
		dec := new(mime.WordDecoder)
		if subj, _ := dec.DecodeHeader(e.header.Get("Subject")); subj != q.Subject {
			t.Errorf("Subject %q, want %q", subj, q.Subject)
		}
		inv := inviteParts(t, e)
		if inv.method != "REQUEST" {
			t.Errorf("text/calendar method=%q", inv.method)
		}
		if inv.calendar != q.Calendar || inv.attachment != q.Calendar {
			t.Errorf("calendar parts differ from the queued calendar:\n%s\n---\n%s", inv.calendar, q.Calendar)
		}
		if icsProp(t, inv.calendar, "UID") != se.UID || icsProp(t, inv.calendar, "METHOD") != "REQUEST" {
			t.Errorf("calendar:\n%s", inv.calendar)
		}
		if !strings.Contains(inv.text, "Hello ") || !strings.Contains(inv.html, "<p>Hello ") {
			t.Errorf("bodies:\n%s\n%s", inv.text, inv.html)
		}
	}

	for _, m := range f.messages(t, "") {
		if m.Status != "sent" || m.DeliveredVia != "smtp" || m.SMTPCode != 250 || m.SentAt == "" || m.Attempts != 1 || m.LastError != "" {
			t.Errorf("after sending: %+v", m)
		}
	}
	// Sending again finds nothing.
	if _, err := f.s.Outbox.Send(nil); err == nil {
		t.Error("a second Send with nothing queued did not say so")
	}
}

func TestRescheduleAfterSendingQueuesAnUpdateWithTheSameUID(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	f.send(t)

	in := f.session("2026-12-02T14:30")
	in.Location = "Room 5.01"
	got, err := f.s.Sessions.Reschedule(se.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != se.UID || got.Sequence != 1 || got.StartsAt != "2026-12-02T13:30:00Z" || got.Location != "Room 5.01" {
		t.Errorf("rescheduled = %+v", got)
	}
	queued := f.messages(t, "queued")
	if len(queued) != 2 {
		t.Fatalf("queued = %s", summary(queued))
	}
	for _, m := range queued {
		if m.Kind != "update" || m.Method != "REQUEST" {
			t.Errorf("update %+v", m)
		}
		if icsProp(t, m.Calendar, "UID") != se.UID || icsProp(t, m.Calendar, "SEQUENCE") != "1" ||
			icsProp(t, m.Calendar, "DTSTART") != "20261202T133000Z" || icsProp(t, m.Calendar, "LOCATION") != "Room 5.01" {
			t.Errorf("update calendar:\n%s", m.Calendar)
		}
	}
	if m := byRecipient(t, queued, kenjiEmail); !strings.Contains(m.Text, "Wednesday 2 December 2026, 22:30 (Asia/Tokyo)") || !strings.HasPrefix(m.Subject, "Updated:") {
		t.Errorf("Kenji's update:\n%s\n%s", m.Subject, m.Text)
	}

	f.send(t)
	recv := received(t, f.srv)
	if len(recv) != 4 {
		t.Fatalf("server received %d messages, want 2 invites and 2 updates", len(recv))
	}
	for _, m := range queued {
		inv := inviteParts(t, recv[m.ID])
		if inv.method != "REQUEST" || icsProp(t, inv.calendar, "SEQUENCE") != "1" || icsProp(t, inv.calendar, "UID") != se.UID {
			t.Errorf("received update:\n%s", inv.calendar)
		}
	}
}

func TestRescheduleBeforeSendingReplacesTheQueuedInvite(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	first := f.messages(t, "queued")
	if _, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-03T09:00")); err != nil {
		t.Fatal(err)
	}
	all := f.messages(t, "")
	if len(all) != 4 {
		t.Fatalf("outbox = %s", summary(all))
	}
	for _, old := range first {
		m, err := f.s.Outbox.Get(old.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Status != "cancelled" || !strings.Contains(m.LastError, "Replaced by a newer message") {
			t.Errorf("older invite: %+v", m)
		}
	}
	queued := f.messages(t, "queued")
	if len(queued) != 2 {
		t.Fatalf("queued = %s", summary(queued))
	}
	for _, m := range queued {
		// Nobody saw the first one: the newest is still an invitation.
		if m.Kind != "invite" || icsProp(t, m.Calendar, "SEQUENCE") != "1" || icsProp(t, m.Calendar, "DTSTART") != "20261203T080000Z" {
			t.Errorf("newest: %s\n%s", m.Kind, m.Calendar)
		}
	}

	f.send(t)
	recv := received(t, f.srv)
	if len(recv) != 2 {
		t.Fatalf("server received %d messages, want only the 2 newest", len(recv))
	}
	for _, m := range queued {
		if _, ok := recv[m.ID]; !ok {
			t.Errorf("newest message %d to %s not received", m.ID, m.ToEmail)
		}
	}
}

func TestCancelSendsCancellationsOnlyToWhoWasInvited(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	ana := byRecipient(t, f.messages(t, "queued"), anaEmail)
	ken := byRecipient(t, f.messages(t, "queued"), kenjiEmail)
	f.send(t, ana.ID) // only Ana's invite leaves

	got, err := f.s.Sessions.Cancel(se.ID, "Ana is travelling that week.")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "cancelled" || got.Sequence != 1 || got.UID != se.UID {
		t.Errorf("cancelled = %+v", got)
	}
	if m, _ := f.s.Outbox.Get(ken.ID); m.Status != "cancelled" {
		t.Errorf("Kenji's unsent invite is %s, want cancelled", m.Status)
	}
	queued := f.messages(t, "queued")
	if len(queued) != 1 || queued[0].ToEmail != anaEmail {
		t.Fatalf("queued = %s, want one cancellation to Ana", summary(queued))
	}
	c := queued[0]
	if c.Kind != "cancellation" || c.Method != "CANCEL" || !strings.Contains(c.Text, "Ana is travelling that week.") || !strings.HasPrefix(c.Subject, "Cancelled:") {
		t.Errorf("cancellation = %+v", c)
	}
	for prop, want := range map[string]string{"METHOD": "CANCEL", "STATUS": "CANCELLED", "SEQUENCE": "1", "UID": se.UID} {
		if got := icsProp(t, c.Calendar, prop); got != want {
			t.Errorf("%s:%s, want %s", prop, got, want)
		}
	}

	f.send(t)
	recv := received(t, f.srv)
	if len(recv) != 2 {
		t.Fatalf("server received %d, want Ana's invite and cancellation", len(recv))
	}
	inv := inviteParts(t, recv[c.ID])
	if inv.method != "CANCEL" || icsProp(t, inv.calendar, "STATUS") != "CANCELLED" {
		t.Errorf("received cancellation: method %q\n%s", inv.method, inv.calendar)
	}
	if _, err := f.s.Sessions.Cancel(se.ID, ""); err == nil {
		t.Error("cancelled a cancelled session again")
	}
	if _, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-05T10:00")); err == nil {
		t.Error("rescheduled a cancelled session")
	}
}

func TestCancelNeverSentSessionQueuesNothing(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	if _, err := f.s.Sessions.Cancel(se.ID, "No longer needed"); err != nil {
		t.Fatal(err)
	}
	all := f.messages(t, "")
	if len(all) != 2 {
		t.Fatalf("outbox = %s, want only the 2 invites", summary(all))
	}
	for _, m := range all {
		if m.Status != "cancelled" || m.Kind != "invite" {
			t.Errorf("message %+v", m)
		}
	}
	if _, err := f.s.Outbox.Send(nil); err == nil {
		t.Error("Send found something to send")
	}
	if f.srv.Sessions() != 0 {
		t.Error("the server was contacted")
	}
}

func TestWeeklySeriesKeepsLocalTimeAcrossDaylightSaving(t *testing.T) {
	tests := []struct {
		name  string
		start string
		utc   []string
	}{
		{"summer time starts 28 March", "2027-03-18T10:00",
			[]string{"2027-03-18T09:00:00Z", "2027-03-25T09:00:00Z", "2027-04-01T08:00:00Z", "2027-04-08T08:00:00Z"}},
		{"summer time ends 31 October", "2027-10-21T10:00",
			[]string{"2027-10-21T08:00:00Z", "2027-10-28T08:00:00Z", "2027-11-04T09:00:00Z", "2027-11-11T09:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newMailFixture(t, nil)
			in := f.session(tt.start)
			in.Repeat, in.Count = "weekly", 4
			got, err := f.s.Sessions.Schedule(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 4 {
				t.Fatalf("%d sessions, want 4", len(got))
			}
			uids := map[string]bool{}
			var starts []string
			for i, se := range got {
				uids[se.UID] = true
				starts = append(starts, se.StartsAt)
				if !strings.HasSuffix(se.LocalStart, "T10:00") {
					t.Errorf("session %d starts %s local, want 10:00", i+1, se.LocalStart)
				}
				if se.SeriesID == "" || se.SeriesID != got[0].SeriesID {
					t.Errorf("session %d series %q, want %q", i+1, se.SeriesID, got[0].SeriesID)
				}
				if i > 0 {
					a, _ := time.Parse("2006-01-02T15:04", got[i-1].LocalStart)
					b, _ := time.Parse("2006-01-02T15:04", se.LocalStart)
					if b.Sub(a) != 7*24*time.Hour {
						t.Errorf("sessions %d and %d are %v apart in local time", i, i+1, b.Sub(a))
					}
				}
			}
			if len(uids) != 4 {
				t.Errorf("%d different UIDs, want 4", len(uids))
			}
			if !slices.Equal(starts, tt.utc) {
				t.Errorf("starts %v, want %v", starts, tt.utc)
			}
			msgs := f.messages(t, "queued")
			if len(msgs) != 8 {
				t.Fatalf("queued %s, want 8 invites", summary(msgs))
			}
			calUIDs := map[string]int{}
			for _, m := range msgs {
				calUIDs[icsProp(t, m.Calendar, "UID")]++
			}
			for uid := range uids {
				if calUIDs[uid] != 2 {
					t.Errorf("%d invites carry UID %s, want 2", calUIDs[uid], uid)
				}
			}
		})
	}
}

func TestScheduleRefusesBadInput(t *testing.T) {
	f := newMailFixture(t, nil)
	tests := []struct {
		name  string
		edit  func(*app.SessionInput)
		field string
	}{
		{"no title", func(in *app.SessionInput) { in.Title = " " }, "title"},
		{"no start", func(in *app.SessionInput) { in.Start = "tomorrow" }, "start"},
		{"bad zone", func(in *app.SessionInput) { in.TimeZone = "Mars/Olympus" }, "timeZone"},
		{"too short", func(in *app.SessionInput) { in.DurationMinutes = 2 }, "durationMinutes"},
		{"bad video link", func(in *app.SessionInput) { in.VideoURL = "javascript:alert(1)" }, "videoUrl"},
		{"bad repeat", func(in *app.SessionInput) { in.Repeat, in.Count = "daily", 3 }, "repeat"},
		{"series too long", func(in *app.SessionInput) { in.Repeat, in.Count = "weekly", 53 }, "count"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := f.session("2026-12-01T10:00")
			tt.edit(&in)
			_, err := f.s.Sessions.Schedule(in)
			if err == nil {
				t.Fatal("want an error")
			}
			if got := fieldOf(t, err); got != tt.field {
				t.Errorf("field %q, want %q (%v)", got, tt.field, err)
			}
		})
	}
	if all := f.messages(t, ""); len(all) != 0 {
		t.Errorf("refused input queued %s", summary(all))
	}
	if got, _ := f.s.Sessions.ForRelationship(f.rel.ID); len(got) != 0 {
		t.Errorf("refused input created %d sessions", len(got))
	}
}

func TestImportRSVP(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	other := f.schedule(t, "2026-12-08T10:00")
	reply := func(uid, email, partstat string) string {
		b, err := invite.Build(invite.Reply, invite.Event{UID: uid, Sequence: 0, Start: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
			Duration: 45 * time.Minute, Summary: "Peer session", Organizer: invite.Attendee{Email: adminEmail},
			Attendees: []invite.Attendee{{Name: "Kenji Sato", Email: email, PartStat: partstat}}})
		if err != nil {
			t.Fatal(err)
		}
		return base64.StdEncoding.EncodeToString(b)
	}
	partStats := func(id int64) map[string]string {
		got, err := f.s.Sessions.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, a := range got.Attendees {
			out[a.Email] = a.PartStat
		}
		return out
	}

	res, err := f.s.Sessions.ImportRSVP(se.ID, "reply.ics", reply(se.UID, kenjiEmail, "ACCEPTED"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Recorded || res.Email != kenjiEmail || res.PartStat != "ACCEPTED" || res.Message != "Kenji Sato ("+kenjiEmail+"): accepted" {
		t.Errorf("result = %+v", res)
	}
	if got := partStats(se.ID); got[kenjiEmail] != "ACCEPTED" || got[anaEmail] != "NEEDS-ACTION" {
		t.Errorf("part stats = %v", got)
	}
	if s, _ := f.s.Sessions.Get(se.ID); len(s.Attendees) == 2 {
		for _, a := range s.Attendees {
			if (a.Email == kenjiEmail) != (a.RespondedAt == "2026-11-23T09:30:00Z") {
				t.Errorf("%s responded at %q", a.Email, a.RespondedAt)
			}
		}
	}

	// A reply for another session changes nothing.
	_, err = f.s.Sessions.ImportRSVP(se.ID, "reply.ics", reply(other.UID, kenjiEmail, "DECLINED"))
	if err == nil || fieldOf(t, err) != "file" {
		t.Errorf("a reply to another session: %v", err)
	}
	if got := partStats(se.ID); got[kenjiEmail] != "ACCEPTED" {
		t.Errorf("after a wrong reply: %v", got)
	}
	if got := partStats(other.ID); got[kenjiEmail] != "NEEDS-ACTION" {
		t.Errorf("the other session changed: %v", got)
	}

	// Someone who is not invited is refused, with a word.
	res, err = f.s.Sessions.ImportRSVP(se.ID, "reply.ics", reply(se.UID, "stranger@example.org", "DECLINED"))
	if err == nil || fieldOf(t, err) != "file" || !strings.Contains(err.Error(), "stranger@example.org, who is not invited") || res.Recorded {
		t.Errorf("stranger: %+v %v", res, err)
	}

	// Garbage names the file.
	_, err = f.s.Sessions.ImportRSVP(se.ID, "notes.ics", base64.StdEncoding.EncodeToString([]byte("just some words")))
	if err == nil || fieldOf(t, err) != "file" || !strings.Contains(err.Error(), "notes.ics") {
		t.Errorf("garbage: %v", err)
	}
	if _, err := f.s.Sessions.ImportRSVP(se.ID, "reply.ics", "%%% not base64"); err == nil {
		t.Error("bad base64 accepted")
	}
	if got := partStats(se.ID); got[kenjiEmail] != "ACCEPTED" || got[anaEmail] != "NEEDS-ACTION" {
		t.Errorf("after the bad files: %v", got)
	}
}

func TestExportProgramPublishesEverySession(t *testing.T) {
	f := newMailFixture(t, nil)
	if _, err := f.s.Sessions.ExportProgram(f.prog.ID); err == nil {
		t.Error("exported a program without sessions")
	}
	a := f.schedule(t, "2026-12-01T10:00")
	b := f.schedule(t, "2026-12-08T10:00")
	c := f.schedule(t, "2026-12-15T10:00")
	if _, err := f.s.Sessions.Cancel(c.ID, ""); err != nil {
		t.Fatal(err)
	}
	cal, err := f.s.Sessions.ExportProgram(f.prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := icsProp(t, cal, "METHOD"); got != "PUBLISH" {
		t.Errorf("METHOD:%s", got)
	}
	if n := strings.Count(cal, "BEGIN:VEVENT\r\n"); n != 3 {
		t.Errorf("%d events, want 3", n)
	}
	if uids := icsProps(cal, "UID"); !slices.Equal(uids, []string{a.UID, b.UID, c.UID}) {
		t.Errorf("UIDs %v", uids)
	}
	if st := icsProps(cal, "STATUS"); !slices.Equal(st, []string{"CONFIRMED", "CONFIRMED", "CANCELLED"}) {
		t.Errorf("STATUS %v", st)
	}
	if n := len(icsProps(cal, "ATTENDEE")); n != 0 {
		t.Errorf("a published calendar lists %d attendees", n)
	}
	if all, err := f.s.Sessions.ExportProgram(0); err != nil || strings.Count(all, "BEGIN:VEVENT") != 3 {
		t.Errorf("export of all programs: %v", err)
	}
}

func TestImportRSVPWithAnAnswerTandemDoesNotRecord(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	ics, err := invite.Build(invite.Reply, invite.Event{UID: se.UID, Start: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		Duration: 45 * time.Minute, Summary: "Peer session", Organizer: invite.Attendee{Email: adminEmail},
		Attendees: []invite.Attendee{{Email: "KENJI.SATO@northwind.example", PartStat: "ACCEPTED"}}})
	if err != nil {
		t.Fatal(err)
	}
	// An x-name PARTSTAT is allowed by RFC 5545; the database records only the five known ones.
	odd := strings.Replace(string(ics), "PARTSTAT=ACCEPTED", "PARTSTAT=X-MAYBE", 1)
	if odd == string(ics) {
		t.Fatal("the reply has no PARTSTAT=ACCEPTED to replace")
	}
	res, err := f.s.Sessions.ImportRSVP(se.ID, "maybe.ics", base64.StdEncoding.EncodeToString([]byte(odd)))
	// It was the database's CHECK constraint failure: now a refusal that names the answer.
	if err == nil || fieldOf(t, err) != "file" || !strings.Contains(err.Error(), `"X-MAYBE"`) || res.Recorded {
		t.Errorf("an unknown answer: %+v, %v; want it refused with a word", res, err)
	}
	if got, _ := f.s.Sessions.Get(se.ID); got.Attendees[1].Email != kenjiEmail || got.Attendees[1].PartStat != "NEEDS-ACTION" {
		t.Errorf("attendees = %+v", got.Attendees)
	}

	// The same reply with a known answer is matched whatever the case of the address.
	res, err = f.s.Sessions.ImportRSVP(se.ID, "reply.ics", base64.StdEncoding.EncodeToString(ics))
	if err != nil || !res.Recorded || res.Email != kenjiEmail {
		t.Fatalf("result = %+v, %v", res, err)
	}
	if got, _ := f.s.Sessions.Get(se.ID); got.Attendees[1].PartStat != "ACCEPTED" {
		t.Errorf("attendees = %+v", got.Attendees)
	}
}

func TestRescheduleSendsAnUpdateToWhoWasInvitedAndAnInviteToTheOthers(t *testing.T) {
	f := newMailFixture(t, nil)
	se := f.schedule(t, "2026-12-01T10:00")
	f.send(t, byRecipient(t, f.messages(t, "queued"), anaEmail).ID)
	if _, err := f.s.Sessions.Reschedule(se.ID, f.session("2026-12-01T11:00")); err != nil {
		t.Fatal(err)
	}
	queued := f.messages(t, "queued")
	if len(queued) != 2 {
		t.Fatalf("queued = %s", summary(queued))
	}
	if m := byRecipient(t, queued, anaEmail); m.Kind != "update" || !strings.HasPrefix(m.Subject, "Updated:") {
		t.Errorf("Ana gets %s %q", m.Kind, m.Subject)
	}
	if m := byRecipient(t, queued, kenjiEmail); m.Kind != "invite" || !strings.HasPrefix(m.Subject, "Invitation:") {
		t.Errorf("Kenji gets %s %q", m.Kind, m.Subject)
	}
	for _, m := range queued {
		if icsProp(t, m.Calendar, "SEQUENCE") != "1" || icsProp(t, m.Calendar, "DTSTART") != "20261201T100000Z" {
			t.Errorf("calendar of %s:\n%s", m.ToEmail, m.Calendar)
		}
	}
}
