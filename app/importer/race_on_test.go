//go:build race

package importer

// raceEnabled says the tests run under the race detector.
const raceEnabled = true
