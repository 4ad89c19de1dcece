import { useEffect, useState, type FormEvent } from 'react';
import {
  requests, toApiError, type Candidate, type Commitment, type MatchRequest, type Participant, type Program, type RequestInput,
  type RequestKind, type RequestPreview,
} from '../../../api';
import { askBlocker } from '../../../lib/words/requests';
import { useOutbox } from '../../OutboxContext';
import { useAutoSend } from '../../outbox/queuedNotice';
import { notifyCreated } from '../notices';

/** What the wizard starts from: the profile drawer passes who asks and the kind of request. */
export interface WizardStart {
  requester: Participant | null;
  kind: RequestKind;
}

export type Field = 'requesterId' | 'kind' | 'recipientId' | 'commitment' | 'topic' | 'sessions' | 'note';
export type Errors = Partial<Record<Field, string>>;

/** stepOf is the step that holds a field Go names. */
const stepOf: Record<Field, number> = { requesterId: 0, kind: 0, recipientId: 1, commitment: 2, topic: 2, sessions: 2, note: 2 };

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

/** RequestWizard is the state of the request wizard and what its steps can do with it. */
export type RequestWizard = ReturnType<typeof useRequestWizard>;

/**
 * useRequestWizard holds the wizard's values and steps: it checks each step before the next,
 * loads the candidates and the emails' preview from Go, and shows Go's errors on the step of
 * the field they concern.
 */
export function useRequestWizard(program: Program, start: WizardStart, onDone: () => void, onCreated: (r: MatchRequest) => void) {
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
  // The preview follows the input's value, not its identity (a new object every render).
  const key = JSON.stringify(input);

  const clear = (...fields: Field[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f as Field))));

  /** fieldError shows a Go error next to its field, on that field's step; false when it names none. */
  const fieldError = (e: unknown): boolean => {
    const err = toApiError(e);
    if (!err.field || !(err.field in stepOf)) return false;
    setErrors({ [err.field]: err.message });
    setStep(stepOf[err.field as Field]);
    return true;
  };

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
        if (live && !fieldError(e)) setCandidatesError(toApiError(e).message);
      },
    );
    return () => { live = false; };
  }, [program.id, requesterId, kind, needCandidates]);

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
        if (live && !fieldError(e)) setPreviewError(toApiError(e).message);
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
      onDone();
    } catch (e) {
      if (!fieldError(e)) {
        const err = toApiError(e);
        setFormError({ message: err.message, settings: err.field === 'adminEmail' });
      }
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

  const pickRecipient = (c: Candidate) => {
    setRecipient(c);
    clear('recipientId');
  };

  const pickCommitment = (c: string) => {
    setCommitment(c as Commitment);
    clear('commitment', 'topic', 'sessions');
  };

  const changeTopic = (t: string) => {
    setTopic(t);
    clear('topic');
  };

  const changeSessions = (n: number | string) => {
    setSessions(typeof n === 'number' ? n : n === '' ? '' : Number(n) || '');
    clear('sessions');
  };

  const changeNote = (n: string) => {
    setNote(n);
    clear('note');
  };

  return {
    step, setStep, kind, requester, recipient, commitment, topic, sessions, note, input, errors, formError,
    candidates, candidatesError, search, setSearch, preview, previewError, previewing, submitting, autoSend,
    next, submit, pickRequester, pickKind, pickRecipient, pickCommitment, changeTopic, changeSessions, changeNote,
  };
}
