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
//   - renders the editable message templates ([Template]), within limits.
//
// # Template limits
//
// Admins write templates, and a template runs for every recipient inside the transaction
// that queues its emails, so its cost must be bounded: at most [MaxMessageSize] (1 MB) written
// a message, and as much again made by its functions, in at most [MaxRenderTime] (1 s).
//
// text/template has no context and no deadline: a running Execute can only be stopped by its
// writer failing, and {{range 1000000000}}{{end}} never writes. Running it in a goroutine with
// a timer would return on time but leave the goroutine burning a core until it ends (36 s
// here), and {{printf "%999999d" 1}} allocates a megabyte before any writer sees it. So the
// design is not a watchdog but a smaller language: Tandem allows what its messages need, and
// checks the parse tree against the static type of the data before anything runs:
//
//   - {{range}} only over a list or a map of the data ({{range .Others}}), never over a
//     number (range-over-int), a string, a channel, a function, or a value whose type is not
//     known before it runs; and never a range inside another range. The work of a template
//     is then at most its size times the longest list in the data.
//   - no {{define}}, {{template}} or {{block}}: a template cannot call itself or another.
//   - the functions of text/template except call. Those that make text (print, printf,
//     println, html, js, urlquery) are Tandem's versions with the same results, which count
//     what they make (so $a = print $a $a cannot double its way to gigabytes), and printf
//     refuses widths and precisions over [MaxPrintfWidth] and widths from arguments (%*d).
//   - a part's source is at most [MaxTemplateSize] bytes, which bounds the parse and the walk.
//
// Then a writer that fails past the budget stops Execute at the first write too many, and
// every write, function call and element of a range over a list (which goes through an
// iterator of Tandem's, range-over-func) checks the deadline; with the rules above the work
// between two such checks is at most one pass over the template, so both limits hold in the
// calling goroutine with nothing left running (a 60 KB body that writes nothing, over a list of
// 100,000, stops at 1.0 s). [Template.CheckAll] checks a template against several
// samples before it is saved; [Template.Render] applies the same rules and limits to each
// message and stops it with a [*TemplateError] (errors.Is [ErrTooLong], [ErrTooMuchText],
// [ErrTooSlow]). A subject is one line of at most [MaxSubject] characters, folded so that no
// header line passes 78 octets.
package mail
