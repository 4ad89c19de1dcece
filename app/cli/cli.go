// Package cli parses Tandem's command line: `tandem [--db PATH]`, `tandem sample [--db PATH]`,
// `tandem version`.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Command is what the command line asked for.
type Command struct {
	Name    string // "run", "sample", "version", "export-ics" or "outbox-export"
	DB      string // the database path; "" for the default
	Program int64  // export-ics: one program's sessions (0: all)
	Out     string // export-ics: the file to write ("" or "-": standard output)
	Dir     string // outbox-export: the folder for the .eml drafts
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
	case len(args) > 1 && args[0] == "outbox" && args[1] == "export":
		cmd.Name, args = "outbox-export", args[2:]
	case len(args) > 0 && args[0] == "outbox":
		fmt.Fprintln(stderr, "tandem: outbox needs a subcommand: export")
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
	if cmd.DB == "" {
		cmd.DB = os.Getenv("TANDEM_DB")
	}
	return cmd, nil
}
