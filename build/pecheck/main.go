// Command pecheck checks a Windows executable that make package built, as far as Linux can:
// its PE headers (the machine, a GUI program), its version resource (the four numbers and the
// ProductVersion string), and on request the execution level its manifest asks for and the Go
// build settings (no cgo). It prints what it found and exits 1 naming each check that failed.
//
//	go run ./build/pecheck -machine amd64 -version 0.3.0 -winversion 0.3.0.0 -go dist/tandem.exe
package main

import (
	"debug/buildinfo"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtVersion  = 16
	rtManifest = 24
)

func main() {
	machine := flag.String("machine", "amd64", "the expected machine: amd64 or 386")
	version := flag.String("version", "", "the expected ProductVersion string")
	winversion := flag.String("winversion", "", "the expected fixed file and product version, X.Y.Z.N")
	level := flag.String("level", "", "the execution level the manifest must request (asInvoker: per user)")
	goBuild := flag.Bool("go", false, "also check Go's build settings: windows/amd64, CGO_ENABLED=0, -X tandem/app.Version")
	flag.Parse()
	if flag.NArg() != 1 || *version == "" || *winversion == "" {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-machine amd64|386] -version V -winversion X.Y.Z.N [-level L] [-go] FILE")
		os.Exit(2)
	}
	path := flag.Arg(0)
	problems, err := check(path, *machine, *version, *winversion, *level, *goBuild)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", path, err)
		os.Exit(1)
	}
	for _, p := range problems {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %s\n", path, p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// check returns each way the file differs from what is expected; err when it is no PE file.
func check(path, machine, version, winversion, level string, goBuild bool) ([]string, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var problems []string
	fail := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }

	want := map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "386": pe.IMAGE_FILE_MACHINE_I386}[machine]
	if f.Machine != want {
		fail("machine is %#x, not %s", f.Machine, machine)
	}
	var subsystem uint16
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		subsystem = oh.Subsystem
		if machine != "amd64" {
			fail("a PE32+ header for %s", machine)
		}
	case *pe.OptionalHeader32:
		subsystem = oh.Subsystem
		if machine == "amd64" {
			fail("a PE32 header, not PE32+")
		}
	default:
		return nil, errors.New("no optional header")
	}
	if subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		fail("subsystem %d, not a Windows GUI program (2)", subsystem)
	}
	fmt.Printf("%s: PE, machine %#x, subsystem %d\n", path, f.Machine, subsystem)

	res, err := newResources(f)
	if err != nil {
		return nil, err
	}
	vi, err := res.find(rtVersion)
	if err != nil {
		return nil, fmt.Errorf("version resource: %w", err)
	}
	fixed, strs, err := parseVersionInfo(vi)
	if err != nil {
		return nil, fmt.Errorf("version resource: %w", err)
	}
	fmt.Printf("%s: file version %s, product version %s, ProductVersion %q, FileVersion %q, ProductName %q\n",
		path, fixed.file, fixed.product, strs["ProductVersion"], strs["FileVersion"], strs["ProductName"])
	if fixed.file != winversion || fixed.product != winversion {
		fail("fixed versions %s and %s, not %s", fixed.file, fixed.product, winversion)
	}
	if strs["ProductVersion"] != version {
		fail("ProductVersion %q, not %q", strs["ProductVersion"], version)
	}
	if strs["ProductName"] != "Tandem" {
		fail("ProductName %q, not Tandem", strs["ProductName"])
	}

	if level != "" {
		m, err := res.find(rtManifest)
		if err != nil {
			return nil, fmt.Errorf("manifest: %w", err)
		}
		got := regexp.MustCompile(`requestedExecutionLevel\s+level="([A-Za-z]+)"`).FindSubmatch(m)
		if got == nil {
			fail("the manifest requests no execution level")
		} else if string(got[1]) != level {
			fail("the manifest requests %s, not %s", got[1], level)
		} else {
			fmt.Printf("%s: manifest requests %s\n", path, level)
		}
	}

	if goBuild {
		bi, err := buildinfo.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("go build info: %w", err)
		}
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		for k, v := range map[string]string{"GOOS": "windows", "GOARCH": "amd64", "CGO_ENABLED": "0"} {
			if settings[k] != v {
				fail("built with %s=%q, not %q", k, settings[k], v)
			}
		}
		if !regexp.MustCompile(`-X[= ]tandem/app\.Version=` + regexp.QuoteMeta(version) + `(\s|$)`).MatchString(settings["-ldflags"]) {
			fail("ldflags %q do not set tandem/app.Version to %s", settings["-ldflags"], version)
		}
		fmt.Printf("%s: Go %s, GOOS=windows GOARCH=amd64 CGO_ENABLED=0, app.Version %s\n", path, bi.GoVersion, version)
	}
	return problems, nil
}

// resources reads the resource section (.rsrc) of a PE file.
type resources struct {
	f    *pe.File
	data []byte // the resource directory and what follows it in its section
	rva  uint32 // the directory's address
}

func newResources(f *pe.File) (*resources, error) {
	var dir pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	case *pe.OptionalHeader32:
		dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	}
	if dir.VirtualAddress == 0 {
		return nil, errors.New("no resources")
	}
	b, err := readRVA(f, dir.VirtualAddress)
	if err != nil {
		return nil, err
	}
	return &resources{f: f, data: b, rva: dir.VirtualAddress}, nil
}

// readRVA returns the bytes of the section holding rva, from rva on.
func readRVA(f *pe.File, rva uint32) ([]byte, error) {
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+s.VirtualSize {
			b, err := s.Data()
			if err != nil {
				return nil, err
			}
			off := rva - s.VirtualAddress
			if int(off) >= len(b) {
				return nil, fmt.Errorf("address %#x past the data of %s", rva, s.Name)
			}
			return b[off:], nil
		}
	}
	return nil, fmt.Errorf("address %#x is in no section", rva)
}

// find returns the data of the first resource of type typ (the first name, the first language).
func (r *resources) find(typ uint32) ([]byte, error) {
	off, err := r.entry(0, func(id uint32) bool { return id == typ })
	if err != nil {
		return nil, err
	}
	for level := 0; level < 2; level++ { // name, then language: take the first
		if off&0x80000000 == 0 {
			return nil, errors.New("a resource directory ends early")
		}
		if off, err = r.entry(off&0x7fffffff, func(uint32) bool { return true }); err != nil {
			return nil, err
		}
	}
	if off&0x80000000 != 0 || int(off)+8 > len(r.data) {
		return nil, errors.New("bad resource data entry")
	}
	dataRVA := binary.LittleEndian.Uint32(r.data[off:])
	size := binary.LittleEndian.Uint32(r.data[off+4:])
	b, err := readRVA(r.f, dataRVA)
	if err != nil {
		return nil, err
	}
	if int(size) > len(b) {
		return nil, errors.New("a resource runs past its section")
	}
	return b[:size], nil
}

// entry returns the offset field of the first entry of the directory at dir whose ID matches.
func (r *resources) entry(dir uint32, match func(id uint32) bool) (uint32, error) {
	if int(dir)+16 > len(r.data) {
		return 0, errors.New("resource directory past the section")
	}
	named := binary.LittleEndian.Uint16(r.data[dir+12:])
	ids := binary.LittleEndian.Uint16(r.data[dir+14:])
	for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
		e := dir + 16 + 8*i
		if int(e)+8 > len(r.data) {
			return 0, errors.New("resource entry past the section")
		}
		name := binary.LittleEndian.Uint32(r.data[e:])
		if name&0x80000000 == 0 && match(name) { // an ID, not a name
			return binary.LittleEndian.Uint32(r.data[e+4:]), nil
		}
	}
	return 0, errors.New("not found")
}

// fixedVersions are VS_FIXEDFILEINFO's two versions, as "a.b.c.d".
type fixedVersions struct{ file, product string }

// parseVersionInfo reads a VS_VERSIONINFO block: its fixed part and the strings of its
// StringFileInfo (of the first string table).
func parseVersionInfo(b []byte) (fixedVersions, map[string]string, error) {
	root, _, err := parseNode(b)
	if err != nil {
		return fixedVersions{}, nil, err
	}
	if root.key != "VS_VERSION_INFO" || len(root.value) < 52 {
		return fixedVersions{}, nil, fmt.Errorf("no VS_VERSION_INFO (%q)", root.key)
	}
	v := root.value
	if binary.LittleEndian.Uint32(v) != 0xFEEF04BD {
		return fixedVersions{}, nil, errors.New("no VS_FIXEDFILEINFO signature")
	}
	four := func(ms, ls uint32) string {
		return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	u := func(i int) uint32 { return binary.LittleEndian.Uint32(v[4*i:]) }
	fixed := fixedVersions{file: four(u(2), u(3)), product: four(u(4), u(5))}
	strs := map[string]string{}
	for _, c := range root.children {
		if c.key != "StringFileInfo" || len(c.children) == 0 {
			continue
		}
		for _, s := range c.children[0].children {
			strs[s.key] = strings.TrimRight(utf16String(s.value), "\x00")
		}
	}
	return fixed, strs, nil
}

// node is one block of a version resource: wLength, wValueLength, wType, a key, a value and
// children, each aligned on 32 bits.
type node struct {
	key      string
	value    []byte
	children []node
}

func parseNode(b []byte) (node, int, error) {
	if len(b) < 6 {
		return node{}, 0, errors.New("short version block")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	text := binary.LittleEndian.Uint16(b[4:]) == 1
	if length < 6 || length > len(b) {
		return node{}, 0, errors.New("bad version block length")
	}
	b = b[:length]
	off := 6
	end := off
	for end+1 < len(b) && (b[end] != 0 || b[end+1] != 0) {
		end += 2
	}
	n := node{key: utf16String(b[off:end])}
	off = align4(end + 2)
	if text {
		valueLen *= 2 // in WORDs
	}
	if off+valueLen > len(b) {
		valueLen = max(0, len(b)-off)
	}
	n.value = b[off : off+valueLen]
	off = align4(off + valueLen)
	for off < len(b) {
		c, used, err := parseNode(b[off:])
		if err != nil {
			return node{}, 0, err
		}
		n.children = append(n.children, c)
		off = align4(off + used)
	}
	return n, length, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

func utf16String(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}
