import {
  Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, Progress, Radio, ScrollArea, Skeleton, Stack, Stepper, Text,
  TextInput, Textarea, Title, VisuallyHidden,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  requests, toApiError, type Candidate, type MatchRequest, type Participant, type Program, type RequestInput, type RequestKind,
  type RequestPreview,
} from '../../api';
import { plural } from '../../lib/format';
import { href } from '../../lib/router';
import { firstName } from '../../lib/words/sessions';
import { useOutbox } from '../OutboxContext';
import { useAutoSend } from '../outbox/queuedNotice';
import { ParticipantPicker } from '../relationships/ParticipantPicker';
import { notifyCreated } from './notices';
import { askBlocker, commitmentChoices, requestCommitment } from '../../lib/words/requests';

/** What the wizard starts from: the profile drawer passes who asks and the kind of request. */
export interface WizardStart {
  requester: Participant | null;
  kind: RequestKind;
}

/** RequestWizard records a participant's request, step by step, and shows exactly what will be emailed. */
export function RequestWizard({ program, start, onClose, onCreated }: {
  program: Program;
  /** null: closed. */
  start: WizardStart | null;
  onClose: () => void;
  onCreated?: (r: MatchRequest) => void;
}) {
  return (
    <Modal opened={!!start} onClose={onClose} title={`New request in ${program.name}`} size="xl" closeOnClickOutside={false}>
      {start && <RequestWizardForm program={program} start={start} onCancel={onClose} onCreated={onCreated ?? (() => {})} />}
    </Modal>
  );
}

type Field = 'requesterId' | 'kind' | 'recipientId' | 'commitment' | 'topic' | 'sessions' | 'note';
type Errors = Partial<Record<Field, string>>;
type Commitment = 'intro' | 'topic' | 'long_term';

/** stepOf is the step that holds a field Go names. */
const stepOf: Record<Field, number> = { requesterId: 0, kind: 0, recipientId: 1, commitment: 2, topic: 2, sessions: 2, note: 2 };

const MAX_SHOWN = 60;

/** inputOf is the RequestInput the wizard sends for its values. */
export function inputOf(v: {
  programId: number; kind: RequestKind; requester: Participant | null; recipient: Candidate | null; commitment: Commitment | '';
  topic: string; sessions: number | ''; note: string;
}): RequestInput {
  return {
    programId: v.programId,
    kind: v.kind,
    requesterId: v.requester?.id ?? 0,
    recipientId: v.recipient?.participant.id ?? 0,
    commitment: v.commitment,
    topic: v.commitment === 'topic' ? v.topic.trim() : '',
    // An introduction is one session; long-term leaves the number to Go's default.
    sessions: v.commitment === 'topic' ? Number(v.sessions) || 0 : v.commitment === 'intro' ? 1 : 0,
    note: v.note.trim(),
  };
}

export function RequestWizardForm({ program, start, onCancel, onCreated }: {
  program: Program;
  start: WizardStart;
  onCancel: () => void;
  onCreated: (r: MatchRequest) => void;
}) {
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<RequestKind>(start.kind);
  const [requester, setRequester] = useState<Participant | null>(start.requester);
  const [recipient, setRecipient] = useState<Candidate | null>(null);
  const [commitment, setCommitment] = useState<Commitment | ''>('');
  const [topic, setTopic] = useState('');
  const [sessions, setSessions] = useState<number | ''>(3);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<{ message: string; settings?: boolean } | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [candidatesError, setCandidatesError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [preview, setPreview] = useState<RequestPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const autoSend = useAutoSend();
  const outbox = useOutbox();

  const input = inputOf({ programId: program.id, kind, requester, recipient, commitment, topic, sessions, note });
  const key = JSON.stringify(input);

  const clear = (...fields: Field[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f as Field))));

  // The candidates follow who asks and the kind of request.
  const requesterId = requester?.id ?? 0;
  const needCandidates = step >= 1;
  useEffect(() => {
    if (!needCandidates || !requesterId) return;
    let live = true;
    setCandidates(null);
    setCandidatesError(null);
    requests.candidates(program.id, requesterId, kind).then(
      (c) => { if (live) setCandidates(c); },
      (e) => {
        if (!live) return;
        const err = toApiError(e);
        if (err.field && err.field in stepOf) {
          setErrors({ [err.field]: err.message });
          setStep(stepOf[err.field as Field]);
        } else {
          setCandidatesError(err.message);
        }
      },
    );
    return () => { live = false; };
  }, [program.id, requesterId, kind, needCandidates]);

  /** goError shows a Go error next to its field, on that field's step. */
  const goError = (e: unknown) => {
    const err = toApiError(e);
    if (err.field && err.field in stepOf) {
      setErrors({ [err.field]: err.message });
      setStep(stepOf[err.field as Field]);
      return;
    }
    setFormError({ message: err.message, settings: err.field === 'adminEmail' });
  };

  // The summary: exactly what will be emailed, rendered by Go.
  useEffect(() => {
    if (step !== 3) return;
    let live = true;
    setPreview(null);
    setPreviewError(null);
    setPreviewing(true);
    requests.preview(JSON.parse(key) as RequestInput).then(
      (p) => { if (live) setPreview(p); },
      (e) => {
        if (!live) return;
        const err = toApiError(e);
        if (err.field && err.field in stepOf) goError(err);
        else setPreviewError(err.message);
      },
    ).finally(() => { if (live) setPreviewing(false); });
    return () => { live = false; };
  }, [step, key]);

  const checkStep = (s: number): Errors => {
    const e: Errors = {};
    if (s === 0) {
      if (!requester) e.requesterId = 'Choose who is asking';
      else {
        const why = askBlocker(requester, kind, program);
        if (why) e[kind === 'peer' && !program.peerMentoring ? 'kind' : 'requesterId'] = why;
      }
    }
    if (s === 1 && !recipient) e.recipientId = 'Choose whom to ask';
    if (s === 2) {
      if (!commitment) e.commitment = 'Choose what they ask for';
      if (commitment === 'topic') {
        if (!topic.trim()) e.topic = 'Name the topic the sessions are about';
        else if (topic.trim().length > 200) e.topic = 'The topic is longer than 200 characters';
        if (sessions === '' || sessions < 1 || sessions > 52) e.sessions = 'Ask for 1 to 52 sessions';
      }
      if (note.trim().length > 4000) e.note = 'The note is longer than 4,000 characters';
    }
    return e;
  };

  const next = (ev?: FormEvent) => {
    ev?.preventDefault();
    setFormError(null);
    const e = checkStep(step);
    setErrors(e);
    if (Object.keys(e).length) return;
    setStep((s) => Math.min(3, s + 1));
  };

  const submit = async (ev?: FormEvent) => {
    ev?.preventDefault();
    setFormError(null);
    for (let s = 0; s < 3; s++) {
      const e = checkStep(s);
      if (Object.keys(e).length) {
        setErrors(e);
        setStep(s);
        return;
      }
    }
    setSubmitting(true);
    try {
      const created = await requests.create(input);
      void outbox.refresh();
      notifyCreated(created, preview?.inReview ?? created.inReview, autoSend);
      onCreated(created);
      onCancel();
    } catch (e) {
      goError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const pickRequester = (p: Participant | null) => {
    setRequester(p);
    if (p?.id !== requester?.id) {
      setRecipient(null);
      setCandidates(null);
    }
    clear('requesterId', 'recipientId');
  };

  const pickKind = (k: string) => {
    setKind(k as RequestKind);
    setRecipient(null);
    setCandidates(null);
    clear('kind', 'requesterId', 'recipientId');
  };

  const who = requester ? firstName(requester.name) : 'the requester';

  return (
    <Stack gap="md">
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < step && setStep(s)}>
        <Stepper.Step label="Who asks" description="And for what role" />
        <Stepper.Step label="Whom to ask" description="Best fit first" />
        <Stepper.Step label="Commitment" description="And a note" />
        <Stepper.Step label="Summary" description="What is emailed" />
      </Stepper>

      {formError && (
        <Alert color="red" title="The request was not recorded">
          {formError.message}
          {formError.settings && <> <Anchor href={href({ name: 'settings' })} onClick={onCancel}>Open Settings</Anchor></>}
        </Alert>
      )}

      {step === 0 && (
        <form onSubmit={next} noValidate>
          <Stack gap="md">
            <Title order={3} fz="md">Who asks, and what for?</Title>
            <Radio.Group
              label="Type of request"
              value={kind}
              onChange={pickKind}
              error={errors.kind}
            >
              <Stack gap="xs" mt={6}>
                <Radio
                  value="peer"
                  label="Request as their peer"
                  description={program.peerMentoring
                    ? 'Non-hierarchical: both drive the relationship. Peer requests never expire.'
                    : `Peer mentoring is off in ${program.name}.`}
                  disabled={!program.peerMentoring}
                />
                <Radio
                  value="mentor"
                  label="Request as their mentor"
                  description={`For a mentee. Mentor requests expire after ${plural(program.mentorRequestExpiryDays, 'day')} without an answer.`}
                />
              </Stack>
            </Radio.Group>
            <ParticipantPicker
              label="Who is asking"
              description={kind === 'peer' ? 'A participant registered as a peer.' : 'A participant registered as a mentee.'}
              programId={program.id}
              role={kind === 'peer' ? 'peer' : 'mentee'}
              value={requester}
              onChange={pickRequester}
              error={errors.requesterId}
            />
            <WizardButtons step={step} onBack={() => setStep(0)} onCancel={onCancel} />
          </Stack>
        </form>
      )}

      {step === 1 && (
        <form onSubmit={next} noValidate>
          <Stack gap="md">
            <Title order={3} fz="md">Whom should {who} ask?</Title>
            <CandidatePicker
              kind={kind}
              candidates={candidates}
              error={candidatesError}
              search={search}
              onSearch={setSearch}
              value={recipient}
              onChange={(c) => { setRecipient(c); clear('recipientId'); }}
              fieldError={errors.recipientId}
            />
            <WizardButtons step={step} onBack={() => setStep(0)} onCancel={onCancel} />
          </Stack>
        </form>
      )}

      {step === 2 && (
        <form onSubmit={next} noValidate>
          <Stack gap="md">
            <Title order={3} fz="md">What does {who} ask {recipient ? firstName(recipient.participant.name) : 'them'} for?</Title>
            <Radio.Group
              label="Commitment"
              value={commitment}
              onChange={(c) => { setCommitment(c as Commitment); clear('commitment', 'topic', 'sessions'); }}
              error={errors.commitment}
              required
            >
              <Stack gap="xs" mt={6}>
                {commitmentChoices.map((c) => (
                  <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
                ))}
              </Stack>
            </Radio.Group>
            {commitment === 'topic' && (
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label="Topic"
                  placeholder="e.g. presenting with data"
                  required
                  value={topic}
                  onChange={(e) => { setTopic(e.currentTarget.value); clear('topic'); }}
                  error={errors.topic}
                  style={{ flex: 1, minWidth: 260 }}
                />
                <NumberInput
                  label="Number of sessions"
                  min={1}
                  max={52}
                  value={sessions}
                  onChange={(n) => { setSessions(typeof n === 'number' ? n : n === '' ? '' : Number(n) || ''); clear('sessions'); }}
                  error={errors.sessions}
                  w={180}
                />
              </Group>
            )}
            <Textarea
              label={`Note introducing ${who}`}
              description={`Sent to ${recipient?.participant.name ?? 'the person asked'} with the request: who ${who} is and what they would like to talk about.`}
              autosize
              minRows={4}
              maxRows={10}
              value={note}
              onChange={(e) => { setNote(e.currentTarget.value); clear('note'); }}
              error={errors.note}
            />
            <WizardButtons step={step} onBack={() => setStep(1)} onCancel={onCancel} />
          </Stack>
        </form>
      )}

      {step === 3 && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={3} fz="md">Summary</Title>
            <Text size="sm">
              {requester?.name} asks {recipient?.participant.name} to be their {kind} · {requestCommitment(input)}
            </Text>
            {previewing && (
              <Stack gap="xs" role="status" aria-busy="true" aria-label="Rendering the emails">
                <Skeleton h={20} w="70%" />
                <Skeleton h={200} />
              </Stack>
            )}
            {previewError && (
              <Alert color="red" title="The emails could not be rendered">
                {previewError}
              </Alert>
            )}
            {preview && (
              <>
                {preview.inReview ? (
                  <Alert color="orange" title="Held for your review">
                    {program.name} reviews requests before they are sent: nothing is emailed until you press Send now in the request’s drawer.
                  </Alert>
                ) : (
                  <Text size="sm">
                    Submitting queues both emails in the outbox.
                    {autoSend?.includes('request_summary')
                      ? ' Automatic sending is on for request summaries: they leave right away.'
                      : ' Nothing leaves until you send it from the outbox.'}
                  </Text>
                )}
                <EmailBox
                  heading={`What ${recipient?.participant.name ?? 'the recipient'} receives`}
                  subject={preview.subject}
                  text={preview.text}
                />
                <EmailBox
                  heading={`${requester?.name ?? 'The requester'}’s confirmation`}
                  subject={preview.confirmationSubject}
                  text={preview.confirmationText}
                />
              </>
            )}
            <Group justify="space-between" mt="sm">
              <Button variant="default" onClick={() => setStep(2)} disabled={submitting}>Back</Button>
              <Group gap="sm">
                <Button variant="default" onClick={onCancel} disabled={submitting}>Cancel</Button>
                <Button type="submit" loading={submitting} disabled={!preview}>Submit request</Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function WizardButtons({ step, onBack, onCancel }: { step: number; onBack: () => void; onCancel: () => void }) {
  return (
    <Group justify="space-between" mt="sm">
      {step > 0 ? <Button variant="default" onClick={onBack}>Back</Button> : <span />}
      <Group gap="sm">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button type="submit">Next</Button>
      </Group>
    </Group>
  );
}

/** EmailBox shows an email as its reader gets it: subject, then the text body. */
function EmailBox({ heading, subject, text }: { heading: string; subject: string; text: string }) {
  return (
    <section aria-label={heading}>
      <Title order={4} fz="sm" mb={6}>{heading}</Title>
      <Paper withBorder radius="md" p="md">
        <Text size="sm"><Text span fw={600}>Subject: </Text>{subject}</Text>
        <Text size="sm" mt="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text.trim()}</Text>
      </Paper>
    </section>
  );
}

/** CandidatePicker lists whom a participant may ask: fit as a bar, the reasons as badges. */
function CandidatePicker({ kind, candidates, error, search, onSearch, value, onChange, fieldError }: {
  kind: RequestKind;
  candidates: Candidate[] | null;
  error: string | null;
  search: string;
  onSearch: (s: string) => void;
  value: Candidate | null;
  onChange: (c: Candidate) => void;
  fieldError?: string;
}) {
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = candidates ?? [];
    if (!q) return all;
    return all.filter((c) => [c.participant.name, c.participant.email, c.participant.title, c.participant.department, ...c.reasons]
      .some((s) => s.toLowerCase().includes(q)));
  }, [candidates, search]);

  if (error) return <Alert color="red" title="The candidates could not be loaded">{error}</Alert>;
  if (!candidates) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading candidates">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} h={64} />)}
      </Stack>
    );
  }
  const role = kind === 'peer' ? 'peers' : 'mentors with free capacity';
  if (candidates.length === 0) {
    return (
      <Alert color="orange" title="Nobody to ask">
        No active {role} are left to ask: people already asked, or already in a relationship with them, are not listed.
      </Alert>
    );
  }
  const list = shown.slice(0, MAX_SHOWN);
  // The chosen one stays listed even when the search hides it.
  if (value && !list.some((c) => c.participant.id === value.participant.id)) list.unshift(value);

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        aria-label="Search candidates"
        placeholder="Search by name, title, department or reason"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
      />
      <Radio.Group
        label="Whom to ask"
        description={`${plural(candidates.length, kind === 'peer' ? 'peer' : 'mentor')} to choose from, best fit first${
          shown.length > MAX_SHOWN ? ` (the first ${MAX_SHOWN} shown: search to find others)` : ''}.`}
        value={value ? String(value.participant.id) : null}
        onChange={(id) => {
          const c = candidates.find((x) => String(x.participant.id) === id);
          if (c) onChange(c);
        }}
        error={fieldError}
        required
      >
        <ScrollArea.Autosize mah={380} mt={6} type="auto" offsetScrollbars>
          <Stack gap={6} p={2}>
            {list.length === 0 && <Text size="sm">Nobody matches “{search.trim()}”.</Text>}
            {list.map((c) => <CandidateCard key={c.participant.id} c={c} />)}
          </Stack>
        </ScrollArea.Autosize>
      </Radio.Group>
    </Stack>
  );
}

function CandidateCard({ c }: { c: Candidate }) {
  const p = c.participant;
  const detailsId = `candidate-${p.id}-details`;
  const about = [p.title, p.department, p.timeZone].filter(Boolean).join(' · ');
  return (
    <Radio.Card value={String(p.id)} radius="md" p="sm" aria-label={p.name} aria-describedby={detailsId}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={4} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" fw={600}>{p.name}</Text>
            <Group gap={8} wrap="nowrap" w={170}>
              <Progress value={c.score} size="md" style={{ flex: 1 }} aria-hidden="true" />
              <Text size="xs" fw={600} w={58} ta="right">{c.score}% fit</Text>
            </Group>
          </Group>
          <div id={detailsId}>
            <Text size="xs">{about || p.email}</Text>
            <VisuallyHidden>{c.score}% fit.</VisuallyHidden>
            {c.reasons.length > 0 && (
              <Group gap={4} mt={4}>
                {c.reasons.map((r) => <Badge key={r} size="sm" variant="light" color="gray" tt="none">{r}</Badge>)}
              </Group>
            )}
          </div>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
