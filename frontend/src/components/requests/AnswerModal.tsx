import { Alert, Button, Group, List, Modal, Progress, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { requests, toApiError, type Decision, type DeclineReason, type MatchRequest } from '../../api';
import { plural } from '../../lib/format';
import { firstName } from '../../lib/words/sessions';
import { declineReasonLabels, requestCommitment, requestName } from '../../lib/words/requests';

/** What recording answers came to: the requests answered, and the ones Go refused with why. */
export interface AnswerResults {
  decision: Decision;
  done: MatchRequest[];
  failed: { request: MatchRequest; message: string }[];
}

/** AnswerModal records the recipient's answer to one request, or the same answer to several. */
export function AnswerModal({ targets, onClose, onDone }: {
  /** null: closed. */
  targets: MatchRequest[] | null;
  onClose: () => void;
  onDone: (results: AnswerResults) => void;
}) {
  const title = !targets ? 'Record the answer'
    : targets.length === 1 ? `Record ${firstName(targets[0].recipient.name)}’s answer`
      : `Record the same answer for ${targets.length} requests`;
  return (
    <Modal opened={!!targets} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {targets && <AnswerForm targets={targets} onCancel={onClose} onDone={onDone} />}
    </Modal>
  );
}

type Errors = Partial<Record<'decision' | 'reason' | 'message', string>>;

function approveLabel(targets: MatchRequest[]): string {
  if (targets.length > 1) return 'Approve all the requested sessions';
  const r = targets[0];
  if (r.commitment === 'intro') return 'Approve the introduction session';
  if (r.commitment === 'long_term') return `Approve long-term mentorship (${plural(r.sessions, 'session')} planned)`;
  return `Approve all ${plural(r.sessions, 'session')}`;
}

export function AnswerForm({ targets, onCancel, onDone }: {
  targets: MatchRequest[];
  onCancel: () => void;
  onDone: (results: AnswerResults) => void;
}) {
  const single = targets.length === 1 ? targets[0] : null;
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState<DeclineReason>('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ at: number; busy: boolean }>({ at: 0, busy: false });
  const [failed, setFailed] = useState<AnswerResults['failed']>([]);

  const introOffered = !single || single.commitment !== 'intro';
  const mentor = targets.some((r) => r.kind === 'mentor');
  const who = single ? firstName(single.recipient.name) : 'the person asked';

  const check = (): Errors => {
    const e: Errors = {};
    if (!decision) e.decision = 'Choose the answer';
    if (decision === 'decline' && !reason) e.reason = 'Choose a reason from the list';
    if (message.trim().length > 4000) e.message = 'The message is longer than 4,000 characters';
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const e = check();
    setErrors(e);
    if (Object.keys(e).length || !decision) return;
    const answer = { decision, reason: decision === 'decline' ? reason : '', message: message.trim() };
    const done: MatchRequest[] = [];
    const bad: AnswerResults['failed'] = [];
    setFailed([]);
    for (let i = 0; i < targets.length; i++) {
      setProgress({ at: i, busy: true });
      try {
        done.push(await requests.answer(targets[i].id, answer));
      } catch (err) {
        const a = toApiError(err);
        if (single && a.field && ['decision', 'reason', 'message'].includes(a.field)) {
          setErrors({ [a.field]: a.message });
        } else if (single) {
          setFormError(a.message);
        }
        bad.push({ request: targets[i], message: a.message });
      }
    }
    setProgress({ at: targets.length, busy: false });
    if (single && bad.length) return;
    if (bad.length && done.length === 0) {
      setFailed(bad);
      return;
    }
    onDone({ decision, done, failed: bad });
  };

  const busy = progress.busy;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="The answer was not recorded">{formError}</Alert>}
        {failed.length > 0 && (
          <Alert color="red" title="No answer was recorded">
            <List size="sm">
              {failed.map((f) => <List.Item key={f.request.id}>{requestName(f.request)}: {f.message}</List.Item>)}
            </List>
          </Alert>
        )}
        {single ? (
          <Text size="sm">
            {single.requester.name} asked {single.recipient.name} to be their {single.kind}: {requestCommitment(single)}.
          </Text>
        ) : (
          <div>
            <Text size="sm">The answer is recorded for each of these requests:</Text>
            <List size="sm" mt={4}>
              {targets.map((r) => <List.Item key={r.id}>{requestName(r)} · {requestCommitment(r)}</List.Item>)}
            </List>
          </div>
        )}

        <Radio.Group
          label="Answer"
          value={decision}
          onChange={(d) => { setDecision(d as Decision); setErrors({}); }}
          error={errors.decision}
          required
        >
          <Stack gap="xs" mt={6}>
            <Radio value="approve" label={approveLabel(targets)} description="Creates the relationship and tells both." />
            {introOffered && (
              <Radio value="intro" label="Approve an introductory session only" description="A relationship with one session planned, to start." />
            )}
            <Radio value="decline" label="Decline" description="The requester is told, with the next best fits." />
          </Stack>
        </Radio.Group>

        {decision === 'decline' && (
          <Select
            label="Reason"
            placeholder="Choose from the list"
            required
            data={Object.entries(declineReasonLabels).map(([value, label]) => ({ value, label }))}
            value={reason || null}
            onChange={(r) => { setReason((r ?? '') as DeclineReason); setErrors((x) => ({ ...x, reason: undefined })); }}
            allowDeselect={false}
            error={errors.reason}
            comboboxProps={{ withinPortal: true }}
          />
        )}

        <Textarea
          label={`Message from ${who} (optional)`}
          description={decision === 'decline'
            ? 'Sent to the requester with the reason.'
            : 'Included in the emails to both.'}
          autosize
          minRows={3}
          maxRows={8}
          value={message}
          onChange={(e) => { setMessage(e.currentTarget.value); setErrors((x) => ({ ...x, message: undefined })); }}
          error={errors.message}
        />

        {mentor && decision !== '' && decision !== 'decline' && (
          <Text size="sm">
            Approving a mentor request closes the mentee’s other pending mentor requests in this program; the people they asked are told.
          </Text>
        )}

        {busy && targets.length > 1 && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">Recording {Math.min(progress.at + 1, targets.length)} of {targets.length}…</Text>
            <Progress value={(progress.at / targets.length) * 100} aria-label="Recording the answers" />
          </Stack>
        )}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button type="submit" loading={busy}>{targets.length > 1 ? `Record ${targets.length} answers` : 'Record answer'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
