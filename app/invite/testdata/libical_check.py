#!/usr/bin/python3
"""Validate iCalendar files with libical (through GObject introspection).

Usage: /usr/bin/python3 libical_check.py FILE.ics [FILE.ics ...]

For every file: parse it with ICalGLib.Component.new_from_string, run
ICalGLib.restriction_check (libical's iTIP / RFC 5546 rules for the file's
METHOD), then walk every component and collect the X-LIC-ERROR properties
that the parser and the restriction check leave behind. Prints one line per
problem and exits 1 when any file has one, 2 when libical is not installed.
Needs the Debian packages python3-gi and gir1.2-ical-3.0.
"""
import sys

try:
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
except (ImportError, ValueError) as exc:  # pragma: no cover - environment
    print("libical_check: libical is not available: %s" % exc, file=sys.stderr)
    sys.exit(2)


def errors_in(comp, path):
    """Yield (component path, X-LIC-ERROR text) for comp and its children."""
    here = path + "/" + ICalGLib.Component.kind_to_string(comp.isa())
    prop = comp.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        yield here, prop.get_xlicerror()
        prop = comp.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = comp.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        for item in errors_in(child, here):
            yield item
        child = comp.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)


def check(path):
    """Return a list of problems found in the file at path."""
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ["not valid UTF-8: %s" % exc]
    try:
        comp = ICalGLib.Component.new_from_string(text)
    except TypeError:  # the constructor returned NULL
        comp = None
    if comp is None:
        return ["libical could not parse the file"]
    problems = []
    if comp.isa() != ICalGLib.ComponentKind.VCALENDAR_COMPONENT:
        problems.append("top-level component is not VCALENDAR")
    ok = ICalGLib.restriction_check(comp)
    for where, msg in errors_in(comp, ""):
        line = "%s: X-LIC-ERROR: %s" % (where, msg)
        if line not in problems:  # libical repeats some errors many times
            problems.append(line)
    if not ok and not problems:
        problems.append("restriction_check failed without an X-LIC-ERROR")
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bad = 0
    for path in argv[1:]:
        problems = check(path)
        if problems:
            bad += 1
            for p in problems:
                print("%s: %s" % (path, p))
    print("libical_check: %d file(s) checked, %d with problems" % (len(argv) - 1, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
