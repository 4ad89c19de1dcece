package invite

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkBuild1000 builds 1,000 REQUEST invites (one op = 1,000 calendars).
func BenchmarkBuild1000(b *testing.B) {
	events := make([]Event, 1000)
	for i := range events {
		e := sampleEvent()
		e.UID = fmt.Sprintf("%032x@tandem.local", i)
		e.Start = t0.Add(time.Duration(i) * time.Hour)
		events[i] = e
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for i := range events {
			data, err := Build(Request, events[i])
			if err != nil {
				b.Fatal(err)
			}
			n += len(data)
		}
		b.SetBytes(int64(n))
	}
}

// BenchmarkPublish5000 builds one PUBLISH calendar with 5,000 events.
func BenchmarkPublish5000(b *testing.B) {
	events := make([]Event, 5000)
	for i := range events {
		e := sampleEvent()
		e.UID = fmt.Sprintf("%032x@tandem.local", i)
		e.Start = t0.Add(time.Duration(i) * time.Hour)
		e.Attendees = nil
		events[i] = e
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		data, err := Build(Publish, events...)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}
