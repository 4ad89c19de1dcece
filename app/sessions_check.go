package app

import (
	"strings"
	"tandem/app/validate"
	"time"
)

// outsideHours reports whether a meeting from start to end (local times) leaves 08:00–20:00.
func outsideHours(start, end time.Time) bool {
	mins := func(t time.Time) int { return t.Hour()*60 + t.Minute() }
	if start.YearDay() != end.YearDay() {
		return true
	}
	return mins(start) < 8*60 || mins(end) > 20*60
}

// agendaBreaks writes the agenda's unusual line breaks as newlines.
var agendaBreaks = strings.NewReplacer("\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// checkSession validates the form and returns the start times in UTC (several for a series).
func checkSession(in SessionInput, defaultZone string) ([]time.Time, SessionInput, error) {
	in.Title = strings.TrimSpace(in.Title)
	in.Location = strings.TrimSpace(in.Location)
	in.VideoURL = strings.TrimSpace(in.VideoURL)
	if in.Title == "" {
		return nil, in, fieldErr("title", "A session needs a title")
	}
	if err := validate.Text(in.Title, 200); err != nil {
		return nil, in, fieldErr("title", "The title %v", err)
	}
	if err := validate.Text(in.Location, 300); err != nil {
		return nil, in, fieldErr("location", "The location %v", err)
	}
	if in.VideoURL != "" && !(strings.HasPrefix(in.VideoURL, "https://") || strings.HasPrefix(in.VideoURL, "http://")) || strings.ContainsAny(in.VideoURL, " \r\n\"") {
		return nil, in, fieldErr("videoUrl", "A video link starts with https://")
	}
	if in.VideoURL != "" {
		// The invite's own check (validate.WebLink): no invisible or text-direction character,
		// which would make the link show as another one.
		if err := validate.WebLink(in.VideoURL); err != nil {
			return nil, in, fieldErr("videoUrl", "The video link %v", err)
		}
	}
	// The agenda may have several lines: NEL and the line and paragraph separators, which
	// mail programs and calendars show in different ways, become plain newlines.
	in.Agenda = agendaBreaks.Replace(in.Agenda)
	if len([]rune(in.Agenda)) > 20000 {
		return nil, in, fieldErr("agenda", "The agenda is longer than 20,000 characters")
	}
	if in.TimeZone == "" {
		in.TimeZone = defaultZone
	}
	if err := validate.TimeZone(in.TimeZone); err != nil || in.TimeZone == "" {
		return nil, in, fieldErr("timeZone", "Choose the time zone the time is in")
	}
	loc, _ := time.LoadLocation(in.TimeZone)
	start, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(in.Start), loc)
	if err != nil {
		if t, err2 := time.Parse(time.RFC3339, in.Start); err2 == nil {
			start = t
		} else {
			return nil, in, fieldErr("start", "Choose a date and time")
		}
	}
	if start.Year() < 2000 || start.Year() > 2100 {
		return nil, in, fieldErr("start", "Choose a date between 2000 and 2100")
	}
	if in.DurationMinutes == 0 {
		in.DurationMinutes = 45
	}
	if in.DurationMinutes < 5 || in.DurationMinutes > 600 {
		return nil, in, fieldErr("durationMinutes", "A session lasts from 5 minutes to 10 hours")
	}
	if in.Repeat == "" {
		in.Repeat = "none"
	}
	if in.Count == 0 {
		in.Count = 1
	}
	step := map[string]func(time.Time, int) time.Time{
		"none":     func(t time.Time, i int) time.Time { return t },
		"weekly":   func(t time.Time, i int) time.Time { return t.AddDate(0, 0, 7*i) },
		"biweekly": func(t time.Time, i int) time.Time { return t.AddDate(0, 0, 14*i) },
		"monthly":  addMonths,
	}[in.Repeat]
	if step == nil {
		return nil, in, fieldErr("repeat", "Repeat weekly, every two weeks, monthly, or not at all")
	}
	if in.Repeat == "none" {
		in.Count = 1
	}
	if in.Count < 1 || in.Count > 52 {
		return nil, in, fieldErr("count", "A series has from 1 to 52 sessions")
	}
	starts := make([]time.Time, 0, in.Count)
	for i := 0; i < in.Count; i++ {
		// Added in the planning zone, so 10:00 stays 10:00 across daylight-saving changes.
		starts = append(starts, step(start.In(loc), i).UTC())
	}
	return starts, in, nil
}

// addMonths is t moved i months on, on the same day of the month, or the month's last day when
// it has fewer days: 31 Jan, 28 Feb, 31 Mar (AddDate would normalise 31 Feb into 3 Mar, and
// the series would drift).
func addMonths(t time.Time, i int) time.Time {
	y, m, d := t.Date()
	last := time.Date(y, m+time.Month(i)+1, 0, 0, 0, 0, 0, t.Location()).Day()
	hh, mm, ss := t.Clock()
	return time.Date(y, m+time.Month(i), min(d, last), hh, mm, ss, t.Nanosecond(), t.Location())
}
