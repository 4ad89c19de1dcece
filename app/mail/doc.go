// Package mail builds, sends and saves the emails Tandem writes.
//
// It knows nothing of the database: the outbox service hands it messages and
// records each Result as it comes back. The package
//
//   - builds RFC 5322 messages (plain emails and calendar invites) with
//     github.com/wneessen/go-mail ([Build], [Draft]);
//   - writes unsent drafts as .eml files the admin can open in their own mail
//     program ([WriteDrafts]), and removes what a killed export left ([CleanTemp]);
//   - sends over SMTP on one reused connection, with STARTTLS mandatory or
//     implicit TLS, a rate limit, retries on temporary (4xx) answers and the
//     server's own text on permanent (5xx) ones ([Sender]); addresses follow
//     the one address rule of package validate, domains travel in punycode and a
//     non-ASCII local part only with SMTPUTF8;
//   - renders the editable message templates ([Template]).
package mail
