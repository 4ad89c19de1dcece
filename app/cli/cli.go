// Package cli parses Tandem's command line: `tandem [--db PATH]`, `tandem sample [--db PATH]`,
// `tandem version`, `tandem export-ics`, `tandem outbox export|send`.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// Command is what the command line asked for.
type Command struct {
	Name    string // "run", "sample", "version", "export-ics", "outbox-export" or "outbox-send"
	DB      string // the database path; "" for the default
	Program int64  // export-ics: one program's sessions (0: all)
	Out     string // export-ics: the file to write ("" or "-": standard output)
	Dir     string // outbox-export: the folder for the .eml drafts
	SMTP    *SMTP  // outbox-send: the server to use instead of the saved one (--smtp URL)
}

// SMTP is a mail server named on the command line: smtp://user@host:port?tls=starttls|tls|none.
type SMTP struct {
	Host, Username, Security string
	Port                     int
}

// ReadOnly says whether the command only reads the data, so it may run while the app has it open.
func (c Command) ReadOnly() bool { return c.Name == "export-ics" || c.Name == "version" }

// parseSMTP reads --smtp's URL.
func parseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("--smtp %q: write smtp://user@host:port?tls=starttls|tls|none", raw)
	}
	s := &SMTP{Host: u.Hostname(), Username: u.User.Username(), Security: u.Query().Get("tls")}
	if _, set := u.User.Password(); set {
		return nil, fmt.Errorf("--smtp: put the password in TANDEM_SMTP_PASSWORD, not in the URL")
	}
	switch s.Security {
	case "":
		s.Security = "starttls"
	case "starttls", "tls", "none":
	default:
		return nil, fmt.Errorf("--smtp: tls=%s: write starttls, tls or none", s.Security)
	}
	s.Port = map[string]int{"starttls": 587, "tls": 465, "none": 25}[s.Security]
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("--smtp: port %q is not a port number", p)
		}
		s.Port = n
	}
	if strings.ContainsAny(s.Host+s.Username, "\r\n") {
		return nil, fmt.Errorf("--smtp: the host and user may not contain line breaks")
	}
	return s, nil
}

// Usage is printed for bad flags and -h.
const Usage = `Usage:
  tandem [--db PATH]          open Tandem (default database: the per-user config folder)
  tandem sample [--db PATH]   fill an empty database with the sample organisation and exit
  tandem version              print the version
  tandem export-ics [--db PATH] [--program ID] [--out FILE]
                              write sessions as one calendar file (.ics)
  tandem outbox export [--db PATH] --dir DIR
                              save every queued email as an .eml draft in DIR
  tandem outbox send [--db PATH] [--smtp URL]
                              send every queued email through the saved SMTP server, or
                              smtp://user@host:port?tls=starttls|tls|none; the password comes
                              from the keyring or TANDEM_SMTP_PASSWORD. Exit 1 if any failed.

The TANDEM_DB environment variable sets the database path when --db is not given.
`

// ErrUsage means the arguments were wrong; usage has been printed and the exit code is 2.
var ErrUsage = errors.New("bad usage")

// ErrHelp means -h was asked for; usage has been printed and the exit code is 0.
var ErrHelp = errors.New("help")

// Parse reads args (without the program name). Wails' own development flags, which it passes
// to the app it runs, are ignored.
func Parse(args []string, stderr io.Writer) (Command, error) {
	cmd := Command{Name: "run"}
	switch {
	case len(args) > 0 && (args[0] == "sample" || args[0] == "version" || args[0] == "export-ics"):
		cmd.Name, args = args[0], args[1:]
	case len(args) > 1 && args[0] == "outbox" && (args[1] == "export" || args[1] == "send"):
		cmd.Name, args = "outbox-"+args[1], args[2:]
	case len(args) > 0 && args[0] == "outbox":
		fmt.Fprintln(stderr, "tandem: outbox needs a subcommand: export or send")
		fmt.Fprint(stderr, Usage)
		return cmd, ErrUsage
	}
	fs := flag.NewFlagSet("tandem", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cmd.DB, "db", "", "database file")
	if cmd.Name == "export-ics" {
		fs.Int64Var(&cmd.Program, "program", 0, "program id")
		fs.StringVar(&cmd.Out, "out", "", "output file")
	}
	if cmd.Name == "outbox-export" {
		fs.StringVar(&cmd.Dir, "dir", "", "folder for drafts")
	}
	var smtpURL string
	if cmd.Name == "outbox-send" {
		fs.StringVar(&smtpURL, "smtp", "", "SMTP server URL")
	}
	// Wails passes these to a development build; accept and ignore them.
	for _, f := range []string{"assetdir", "devserver", "frontenddevserverurl", "loglevel", "wailsjsdir"} {
		fs.String(f, "", "")
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(stderr, "tandem:", err)
		fmt.Fprint(stderr, Usage)
		if errors.Is(err, flag.ErrHelp) {
			return cmd, ErrHelp
		}
		return cmd, ErrUsage
	}
	if fs.NArg() > 0 || (cmd.Name == "version" && cmd.DB != "") {
		fmt.Fprintf(stderr, "tandem: unexpected argument %q\n", fs.Arg(0))
		fmt.Fprint(stderr, Usage)
		return cmd, ErrUsage
	}
	if cmd.Name == "outbox-export" && cmd.Dir == "" {
		fmt.Fprintln(stderr, "tandem: outbox export needs --dir DIR")
		fmt.Fprint(stderr, Usage)
		return cmd, ErrUsage
	}
	if smtpURL != "" {
		srv, err := parseSMTP(smtpURL)
		if err != nil {
			fmt.Fprintln(stderr, "tandem:", err)
			fmt.Fprint(stderr, Usage)
			return cmd, ErrUsage
		}
		cmd.SMTP = srv
	}
	if cmd.DB == "" {
		cmd.DB = os.Getenv("TANDEM_DB")
	}
	return cmd, nil
}
