package questionnaire

// Option lists of the default questionnaire, shared with the sample organisation.
var (
	Skills = []string{
		"Leadership", "Public speaking", "Project management", "Data analysis", "Python", "Go",
		"Product strategy", "UX research", "Negotiation", "Coaching", "Sales", "Finance",
		"Writing", "Hiring", "Cloud infrastructure", "Customer success",
	}
	Goals = []string{
		"Grow into a leadership role", "Learn a new skill", "Get to know other teams",
		"Settle into a new role", "Build confidence", "Work-life balance", "Plan my next career step",
	}
	Interests = []string{
		"Books", "Running", "Cooking", "Music", "Travel", "Board games", "Photography",
		"Volunteering", "Gardening", "Cycling",
	}
	Languages   = []string{"English", "German", "French", "Spanish", "Portuguese", "Hindi", "Japanese", "Polish"}
	Commitments = []string{"An introduction session", "Help with a topic over a few sessions", "Long-term mentorship"}
)

// Defaults is the questionnaire a new program starts with. Complement pairs name each other by
// prompt ("Skills I can offer" <-> "Skills I want to grow"); the caller links them by id.
func Defaults() []Default {
	return []Default{
		{Spec: Spec{Prompt: "Department", Kind: Text, Audience: "everyone", PersonField: "department", Rule: "different", Weight: "low"},
			Help: "From the person's record. Pairing across departments breaks silos."},
		{Spec: Spec{Prompt: "Location", Kind: Text, Audience: "everyone", PersonField: "location", Rule: "same", Weight: "low"},
			Help: "From the person's record."},
		{Spec: Spec{Prompt: "Time zone", Kind: TimeZone, Audience: "everyone", PersonField: "time_zone", Rule: "within", Weight: "medium", RuleHours: 3},
			Help: "From the person's record. Pairs at most 3 hours apart can meet in working hours."},
		{Spec: Spec{Prompt: "Years of experience", Kind: Number, Audience: "everyone", Rule: "closest", Weight: "low"}},
		{Spec: Spec{Prompt: "Skills I can offer", Kind: Multi, Options: Skills, Audience: "everyone", Rule: "complement", Weight: "high"},
			Complement: "Skills I want to grow"},
		{Spec: Spec{Prompt: "Skills I want to grow", Kind: Multi, Options: Skills, Audience: "everyone", Rule: "complement", Weight: "high"},
			Complement: "Skills I can offer"},
		{Spec: Spec{Prompt: "Goals", Kind: Multi, Options: Goals, Audience: "everyone", Required: true, Rule: "overlap", Weight: "medium"}},
		{Spec: Spec{Prompt: "Interests", Kind: Multi, Options: Interests, Audience: "everyone", Rule: "overlap", Weight: "low"}},
		{Spec: Spec{Prompt: "Languages", Kind: Multi, Options: Languages, Audience: "everyone", Rule: "overlap", Weight: "medium"}},
		{Spec: Spec{Prompt: "Preferred commitment", Kind: Single, Options: Commitments, Audience: "everyone", Rule: "same", Weight: "low"}},
	}
}

// Default is one question of the default questionnaire.
type Default struct {
	Spec
	Help       string
	Complement string
}
