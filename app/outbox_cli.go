package app

import (
	"fmt"

	"tandem/app/status"
	"tandem/db/store"
)

// SMTPServer is a mail server named on the command line, used instead of the saved one.
type SMTPServer struct {
	Host, Username, Security string
	Port                     int
}

// SendQueued sends every queued message now: the command line's `tandem outbox send`, the
// admin's act as the Send button is, with the same run and guarantees, waited for. srv, when
// not nil, replaces the saved server for this run only. line gets one line per message as it
// is answered.
func (s *Services) SendQueued(srv *SMTPServer, line func(string)) (SendProgress, error) {
	st, err := s.Settings.Get()
	if err != nil {
		return SendProgress{}, err
	}
	if srv != nil {
		st.Delivery, st.SMTPHost, st.SMTPPort, st.SMTPUsername, st.SMTPSecurity = "smtp", srv.Host, srv.Port, srv.Username, srv.Security
	}
	if st.Delivery == "drafts" {
		return SendProgress{}, &Error{Message: "Tandem is set to save drafts, not to send: use `tandem outbox export --dir DIR`, or name a server with --smtp"}
	}
	s.Outbox.report = func(m store.Outbox, o outcome, saved bool) {
		l := fmt.Sprintf("%-7s %d %s %q", o.status, m.ID, m.ToEmail, m.Subject)
		if o.reason != "" && o.status != status.MessageSent {
			l += ": " + o.reason
		}
		if !saved {
			l += " (not yet recorded: Tandem keeps trying)"
		}
		line(l)
	}
	defer func() { s.Outbox.report = nil }()
	if _, err := s.Outbox.sendWith(st, nil); err != nil {
		return SendProgress{}, err
	}
	s.Outbox.close()
	return s.Outbox.Progress(), nil
}
