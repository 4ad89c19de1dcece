import type {
  Audience, MatchRule, Participant, ParticipantStatus, ProgramKind, ProgramStatus, Question, QuestionKind, Weight,
} from '../../api';

// Every words map is checked against its union (satisfies Record<ProgramKind, string>): a key
// missing or misspelt fails tsc. Its type stays Record<string, string> so that a value Go adds
// later still reads (with the fallback each caller gives).
export const kindLabels: Record<string, string> = { cohort: 'Cohort', evergreen: 'Evergreen', group: 'Group' } satisfies Record<ProgramKind, string>;

export const kindDescriptions: Record<string, string> = {
  cohort: 'Runs once, with registration and matching windows and fixed start and end dates.',
  evergreen: 'Always open: people join and are matched or rematched any time.',
  group: 'Small circles of three or more people who meet together.',
} satisfies Record<ProgramKind, string>;

export const programStatusLabels: Record<string, string> = {
  draft: 'Draft', open: 'Open', active: 'Active', completed: 'Completed', archived: 'Archived',
} satisfies Record<ProgramStatus, string>;

export const programStatusColors: Record<string, string> = {
  draft: 'gray', open: 'blue', active: 'teal', completed: 'violet', archived: 'gray',
} satisfies Record<ProgramStatus, string>;

export const participantStatusLabels: Record<string, string> = { active: 'Active', paused: 'Paused', withdrawn: 'Withdrawn' } satisfies Record<ParticipantStatus, string>;

export const participantStatusDescriptions: Record<string, string> = {
  active: 'Takes part in matching and requests.',
  paused: 'Hidden from matching for now.',
  withdrawn: 'Left the program; their history is kept.',
} satisfies Record<ParticipantStatus, string>;

export const questionKindLabels: Record<string, string> = {
  single: 'Single choice', multi: 'Multiple choice', text: 'Text', number: 'Number', scale: 'Scale', timezone: 'Time zone',
} satisfies Record<QuestionKind, string>;

export const audienceLabels: Record<string, string> = {
  everyone: 'Everyone', mentors: 'Mentors', mentees: 'Mentees', peers: 'Peers',
} satisfies Record<Audience, string>;

export const ruleLabels: Record<string, string> = {
  none: 'None: not used for matching',
  same: 'Same: pair people who gave the same answer',
  different: 'Different: pair people who gave different answers',
  overlap: 'Overlap: pair people who share choices',
  complement: 'Complement: what one offers, the other wants',
  closest: 'Closest: pair the nearest numbers',
  within: 'Within N hours: time zones close enough to meet',
} satisfies Record<MatchRule, string>;

export const weightLabels: Record<string, string> = {
  must: 'Must match (a filter, not points)',
  high: 'High (5 points)',
  medium: 'Medium (3 points)',
  low: 'Low (1 point)',
  custom: 'Custom number of points',
} satisfies Record<Weight, string>;

export const personFieldLabels: Record<string, string> = {
  department: 'department', location: 'location', time_zone: 'time zone', title: 'title',
};

/** weightInWords writes a question's weight as "high (5)", "custom (8)" or "must match". */
export function weightInWords(q: Pick<Question, 'weight' | 'customWeight'>): string {
  switch (q.weight) {
    case 'must': return 'must match';
    case 'high': return 'high (5)';
    case 'medium': return 'medium (3)';
    case 'low': return 'low (1)';
    case 'custom': return `custom (${q.customWeight})`;
    default: return q.weight;
  }
}

/**
 * ruleInWords says how a question counts in matching: "Skills I can offer ↔ Skills I want to
 * grow, high (5)", "within 3 hours, medium (3)", "same answer, must match".
 */
export function ruleInWords(q: Question, all: Question[]): string {
  let rule: string;
  switch (q.rule) {
    case 'none':
    case '':
      return 'Not used for matching';
    case 'same': rule = 'same answer'; break;
    case 'different': rule = 'different answers'; break;
    case 'overlap': rule = 'shared choices'; break;
    case 'closest': rule = 'closest numbers'; break;
    case 'within': rule = `within ${q.ruleHours} ${q.ruleHours === 1 ? 'hour' : 'hours'}`; break;
    case 'complement': {
      const partner = all.find((p) => p.id === q.complementId);
      rule = partner ? `${q.prompt} ↔ ${partner.prompt}` : 'offers ↔ wants (choose the partner question)';
      break;
    }
    default: rule = q.rule;
  }
  return `${rule}, ${weightInWords(q)}`;
}

/** roleNames lists a participant's roles: ["Mentor", "Peer"]. */
export function roleNames(p: Pick<Participant, 'mentor' | 'mentee' | 'peer'>): string[] {
  const out: string[] = [];
  if (p.mentor) out.push('Mentor');
  if (p.mentee) out.push('Mentee');
  if (p.peer) out.push('Peer');
  return out;
}

export const roleColors: Record<string, string> = { Mentor: 'indigo', Mentee: 'teal', Peer: 'grape' };

