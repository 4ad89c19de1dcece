// Reads iCalendar files with ical.js (the parser behind many web calendar clients) and
// reports how a client sees them.
//
// Usage: node icaljs_check.mjs FILE.ics [FILE.ics ...]
//
// The module is taken from $ICALJS (a package folder or its entry file) or else from
// <repo>/frontend/node_modules/ical.js. For each file it prints one JSON line:
//   {"file", "method", "events": [{"uid", "sequence", "dtstart", "dtend", "summary",
//     "description", "location", "status", "organizer", "attendees": [{"cn", "email",
//     "partstat", "rsvp"}]}], "problems": [...]}
// and checks what any client relies on: the file parses, DTSTART and DTEND are UTC
// date-times with no TZID and DTEND is later, every ATTENDEE is a mailto: address,
// REQUEST/CANCEL/REPLY carry at least one ATTENDEE and PUBLISH none.
// Exit status: 0 all good, 1 a file has problems, 3 ical.js is not installed.
import { readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

async function loadICAL() {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [];
  if (process.env.ICALJS) candidates.push(resolve(process.env.ICALJS));
  candidates.push(join(here, "..", "..", "..", "frontend", "node_modules", "ical.js"));
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    let entry = c;
    if (statSync(c).isDirectory()) {
      const pkg = JSON.parse(readFileSync(join(c, "package.json"), "utf8"));
      const exp = pkg.exports;
      const rel = (exp && (exp.import || (exp["."] && (exp["."].import || exp["."].default)))) || pkg.module || pkg.main || "index.js";
      entry = join(c, typeof rel === "string" ? rel : rel.default);
    }
    const mod = await import(pathToFileURL(entry).href);
    return mod.default || mod;
  }
  return null;
}

const ICAL = await loadICAL();
if (!ICAL) {
  console.error("icaljs_check: ical.js is not installed (set ICALJS or run npm install in frontend/)");
  process.exit(3);
}

function checkTime(prop, name, problems) {
  if (!prop) {
    problems.push(`${name} is missing`);
    return null;
  }
  if (prop.getParameter("tzid")) problems.push(`${name} has a TZID`);
  const t = prop.getFirstValue();
  if (!t || typeof t.toJSDate !== "function") {
    problems.push(`${name} is not a date-time`);
    return null;
  }
  if (t.isDate) problems.push(`${name} is a date, not a date-time`);
  if (!t.zone || t.zone.tzid !== "UTC") problems.push(`${name} is not UTC (zone ${t.zone && t.zone.tzid})`);
  return t;
}

let bad = 0;
for (const file of process.argv.slice(2)) {
  const problems = [];
  const out = { file, method: null, events: [], problems };
  try {
    const text = readFileSync(file, "utf8");
    const cal = new ICAL.Component(ICAL.parse(text));
    if (cal.name !== "vcalendar") problems.push(`top-level component is ${cal.name}`);
    out.method = cal.getFirstPropertyValue("method");
    for (const ve of cal.getAllSubcomponents("vevent")) {
      const start = checkTime(ve.getFirstProperty("dtstart"), "DTSTART", problems);
      const end = checkTime(ve.getFirstProperty("dtend"), "DTEND", problems);
      if (start && end && end.compare(start) <= 0) problems.push("DTEND is not after DTSTART");
      const org = ve.getFirstProperty("organizer");
      const attendees = ve.getAllProperties("attendee").map((p) => {
        const v = String(p.getFirstValue());
        if (!/^mailto:/i.test(v)) problems.push(`ATTENDEE ${v} is not a mailto: address`);
        return {
          cn: p.getParameter("cn") ?? null,
          email: v.replace(/^mailto:/i, ""),
          partstat: p.getParameter("partstat") ?? null,
          rsvp: p.getParameter("rsvp") ?? null,
        };
      });
      const m = String(out.method || "").toUpperCase();
      if ((m === "REQUEST" || m === "CANCEL" || m === "REPLY") && attendees.length === 0) problems.push(`${m} event without ATTENDEE`);
      if (m === "PUBLISH" && attendees.length > 0) problems.push("PUBLISH event with ATTENDEE");
      out.events.push({
        uid: ve.getFirstPropertyValue("uid"),
        sequence: ve.getFirstPropertyValue("sequence"),
        dtstart: start ? start.toJSDate().toISOString() : null,
        dtend: end ? end.toJSDate().toISOString() : null,
        summary: ve.getFirstPropertyValue("summary"),
        description: ve.getFirstPropertyValue("description"),
        location: ve.getFirstPropertyValue("location"),
        status: ve.getFirstPropertyValue("status"),
        organizer: org ? { cn: org.getParameter("cn") ?? null, email: String(org.getFirstValue()).replace(/^mailto:/i, "") } : null,
        attendees,
      });
    }
    if (out.events.length === 0) problems.push("no VEVENT");
  } catch (e) {
    problems.push(`ical.js could not parse the file: ${e && e.message}`);
  }
  if (problems.length) bad++;
  console.log(JSON.stringify(out));
}
process.exit(bad ? 1 : 0);
