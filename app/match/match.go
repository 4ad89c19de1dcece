// Package match is Tandem's pairing engine: it scores pairs from a program's questionnaire rules
// and finds the best pairing there is with exact solvers — capacitated mentor↔mentee assignment
// (Assign), maximum-weight matching of peers on a general graph (Pair) — and circles of peers
// by local search against an upper bound (Group). It is pure Go, with no I/O.
//
// The solvers work on integer weights: higher is better, and an absent arc or edge is a
// forbidden pair. For the same input they return the same answer.
package match

import "fmt"

// Arc is an allowed mentee→mentor pair and its weight. Mentees are 0..m-1, mentors
// 0..len(capacity)-1.
type Arc struct {
	Mentee, Mentor int
	W              int64
}

// Edge is an allowed pair of peers and its weight, 0 <= U, V < n, U != V.
type Edge struct {
	U, V int
	W    int64
}

// Objective is what a solver maximises.
type Objective int

const (
	// MaxWeight maximises the total weight of the chosen pairs.
	MaxWeight Objective = iota
	// MaxCardinality matches as many people as possible first, then maximises the weight.
	MaxCardinality
)

// String names the objective as the UI and the store do.
func (o Objective) String() string {
	switch o {
	case MaxWeight:
		return "max_weight"
	case MaxCardinality:
		return "max_cardinality"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// ParseObjective reads an objective from its name.
func ParseObjective(s string) (Objective, error) {
	switch s {
	case "max_weight", "":
		return MaxWeight, nil
	case "max_cardinality":
		return MaxCardinality, nil
	}
	return 0, fmt.Errorf("%q is not an objective (max_weight or max_cardinality)", s)
}
