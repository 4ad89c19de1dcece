package importer

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// maxProcessBytes is the promise: reading any import file, of any shape, keeps the whole
// process under 512 MB.
const maxProcessBytes = 512 << 20

// In a child process, bombFileEnv names the file TestMain reads instead of running tests;
// with bombWriteEnv naming a bomb, TestMain writes that bomb to the file instead.
const (
	bombFileEnv  = "TANDEM_IMPORTER_BOMB"
	bombWriteEnv = "TANDEM_IMPORTER_BOMB_WRITE"
)

var bombAddressSpace = flag.Int64("bomb-as", 3<<30, "address space limit of a bomb's child process, in bytes (it protects the machine from a bomb that is not defused)")

func TestMain(m *testing.M) {
	if path := os.Getenv(bombFileEnv); path != "" {
		if name := os.Getenv(bombWriteEnv); name != "" {
			os.Exit(writeBomb(name, path))
		}
		os.Exit(readBomb(path))
	}
	os.Exit(m.Run())
}

// writeBomb is the child that writes a bomb.
func writeBomb(name, path string) int {
	for _, b := range bombs() {
		if b.name != name {
			continue
		}
		f, err := os.Create(path)
		if err == nil {
			err = b.write(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		return 0
	}
	fmt.Fprintf(os.Stderr, "no bomb %q\n", name)
	return 2
}

// childBinary is the test binary the children run: this one, or — under the race detector,
// whose shadow memory would be measured too and which makes the generators crawl — the same
// tests built without it, as Tandem ships.
func childBinary(t *testing.T) string {
	if !raceEnabled {
		return os.Args[0]
	}
	bin := filepath.Join(t.TempDir(), "importer.test")
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command builds the children under -race: %v", err)
	}
	out, err := exec.Command(goTool, "test", "-c", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("building the tests without the race detector: %v\n%s", err, out)
	}
	return bin
}

// bombResult is what the child process reports.
type bombResult struct {
	Err     string
	Headers int
	Rows    int
	JSON    int // bytes of the table as JSON, as the UI receives it
}

// readBomb is the child: it reads the file as Tandem does (all of it into memory, then Read),
// encodes the table as JSON as Wails would for the UI, and prints the outcome.
func readBomb(path string) int {
	if limit := os.Getenv(bombFileEnv + "_AS"); limit != "" {
		var n uint64
		fmt.Sscan(limit, &n)
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var res bombResult
	t, err := Read(filepath.Base(path), data)
	if err != nil {
		res.Err = err.Error()
	} else {
		b, err := json.Marshal(t)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		res.Headers, res.Rows, res.JSON = len(t.Headers), len(t.Rows), len(b)
	}
	if err := json.NewEncoder(os.Stdout).Encode(res); err != nil {
		return 2
	}
	return 0
}

// TestBombs writes every file of bombs() into testdata/bombs/ and reads each in a child
// process: the file must be refused with its message (or read, for the largest files Tandem
// accepts), and the child's peak resident memory must stay under 512 MB.
func TestBombs(t *testing.T) {
	dir := filepath.Join("testdata", "bombs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := childBinary(t)
	for _, b := range bombs() {
		t.Run(b.name, func(t *testing.T) {
			path := filepath.Join(dir, b.name)
			made := time.Now()
			write := exec.Command(bin, "-test.run=^$")
			write.Env = append(os.Environ(), bombFileEnv+"="+path, bombWriteEnv+"="+b.name)
			if out, err := write.CombinedOutput(); err != nil {
				t.Fatalf("writing the bomb: %v\n%s", err, out)
			}
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s made in %.1f s", b.name, time.Since(made).Seconds())

			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // a hang guard, not a timing
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-test.run=^$")
			cmd.Env = append(os.Environ(), bombFileEnv+"="+path, fmt.Sprintf("%s_AS=%d", bombFileEnv, *bombAddressSpace))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			start := time.Now()
			out, err := cmd.Output()
			elapsed := time.Since(start)
			var rss int64
			if cmd.ProcessState != nil {
				rss = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KB on Linux
			}
			t.Logf("%s: %d KB on disk, peak RSS %d MB, %.2f s", b.name, st.Size()>>10, rss>>20, elapsed.Seconds())
			if err != nil {
				t.Fatalf("the child failed after %.1f s with peak RSS %d MB: %v\n%s", elapsed.Seconds(), rss>>20, err, lastLines(stderr.String(), 5))
			}
			var res bombResult
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatalf("child output %q: %v", out, err)
			}
			if rss >= maxProcessBytes {
				t.Errorf("peak RSS %d MB, want under %d MB", rss>>20, maxProcessBytes>>20)
			}
			switch {
			case b.err != "" && !strings.Contains(res.Err, b.err):
				t.Errorf("error = %q, want one containing %q", res.Err, b.err)
			case b.err == "" && res.Err != "":
				t.Errorf("error = %q, want the file read", res.Err)
			case b.err == "" && res.Rows != b.rows:
				t.Errorf("%d rows, want %d", res.Rows, b.rows)
			}
			if res.Err != "" {
				t.Logf("refused: %s", res.Err)
			} else {
				t.Logf("read: %d columns, %d rows, %d MB as JSON", res.Headers, res.Rows, res.JSON>>20)
			}
		})
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
