import {
  Alert, Button, Group, Input, Modal, Rating, SegmentedControl, Stack, Text, Textarea,
} from '@mantine/core';
import { useId } from '@mantine/hooks';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { api, toApiError, type Session, type SessionStatus } from '../../api';
import { formatInstant } from '../../lib/zonedTime';

/** CancelSessionModal cancels a session with an optional reason that goes in the notice. */
export function CancelSessionModal({ session, onClose, onCancelled }: {
  session: Session | null;
  onClose: () => void;
  onCancelled: (s: Session) => void;
}) {
  return (
    <Modal opened={!!session} onClose={onClose} title={session ? `Cancel “${session.title}”` : 'Cancel session'}>
      {session && <CancelForm session={session} onCancel={onClose} onCancelled={onCancelled} />}
    </Modal>
  );
}

function CancelForm({ session, onCancel, onCancelled }: { session: Session; onCancel: () => void; onCancelled: (s: Session) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    if (reason.length > 1000) {
      setError('The reason is longer than 1,000 characters');
      return;
    }
    setSaving(true);
    try {
      onCancelled(await api.sessions.cancel(session.id, reason.trim()));
    } catch (e) {
      const a = toApiError(e);
      if (a.field === 'reason') setError(a.message);
      else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not cancelled">{formError}</Alert>}
        <Text size="sm">
          {formatInstant(session.startsAt)} (your time). Everyone who already received the invite gets a cancellation notice that
          removes it from their calendar; it waits in the outbox. An invite that has not left yet is simply withdrawn.
        </Text>
        <Textarea
          label="Reason"
          description="Optional: shown in the cancellation notice."
          autosize
          minRows={2}
          maxRows={6}
          value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setError(null); }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>Keep the session</Button>
          <Button type="submit" color="red.9" loading={saving}>Cancel session</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** OutcomeModal records how a session went: held or no-show, notes and a 1–4 rating. */
export function OutcomeModal({ session, onClose, onSaved }: {
  session: Session | null;
  onClose: () => void;
  onSaved: (s: Session) => void;
}) {
  return (
    <Modal opened={!!session} onClose={onClose} title={session ? `How did “${session.title}” go?` : 'Outcome'}>
      {session && <OutcomeForm session={session} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

type OutcomeErrors = Partial<Record<'status' | 'notes' | 'rating', string>>;

function OutcomeForm({ session, onCancel, onSaved }: { session: Session; onCancel: () => void; onSaved: (s: Session) => void }) {
  const uid = useId();
  // A session still ahead cannot have been held: Held and No-show wait until it has begun.
  const [started] = useState(() => new Date(session.startsAt).getTime() <= Date.now());
  const [status, setStatus] = useState<SessionStatus>(session.status === 'scheduled' && started ? 'held' : session.status);
  const [notes, setNotes] = useState(session.notes);
  const [rating, setRating] = useState(session.rating);
  const [errors, setErrors] = useState<OutcomeErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    if (notes.length > 10000) {
      setErrors({ notes: 'The notes are longer than 10,000 characters' });
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.sessions.recordOutcome(session.id, { status, notes: notes.trim(), rating: status === 'held' ? rating : 0 }));
    } catch (e) {
      const a = toApiError(e);
      const f = a.field as keyof OutcomeErrors | undefined;
      if (f && ['status', 'notes', 'rating'].includes(f)) setErrors({ [f]: a.message });
      else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  };

  const ratingWords = ['No rating', 'Poor', 'Fair', 'Good', 'Great'];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not saved">{formError}</Alert>}
        <Text size="sm">Only kept in Tandem: nothing is emailed.</Text>
        <Input.Wrapper label="Outcome" labelElement="div" id={`${uid}-status`} error={errors.status}>
          <SegmentedControl
            fullWidth
            mt={4}
            role="radiogroup"
            aria-labelledby={`${uid}-status-label`}
            value={status}
            onChange={(v) => setStatus(v as SessionStatus)}
            data={[
              { value: 'held', label: 'Held', disabled: !started }, { value: 'no_show', label: 'No-show', disabled: !started },
              { value: 'scheduled', label: 'Not yet (scheduled)' },
            ]}
          />
        </Input.Wrapper>
        {!started && <Text size="sm" c="dimmed">This session has not begun yet: record how it went once it has taken place.</Text>}
        {status === 'held' && (
          <Input.Wrapper label="Rating" labelElement="div" id={`${uid}-rating`} description="How well it went, from 1 to 4" error={errors.rating}>
            <Group gap="sm" mt={4}>
              <div role="radiogroup" aria-labelledby={`${uid}-rating-label`}>
                <Rating
                  count={4}
                  value={rating}
                  onChange={(r) => { setRating(r); setErrors((x) => ({ ...x, rating: undefined })); }}
                  getSymbolLabel={(i) => `${i} of 4: ${ratingWords[i]}`}
                  name={`${uid}-rating-value`}
                  emptySymbol={<IconStar size={26} color="var(--mantine-color-gray-6)" aria-hidden="true" />}
                  fullSymbol={<IconStarFilled size={26} color="var(--mantine-color-orange-7)" aria-hidden="true" />}
                />
              </div>
              <Text size="sm">{ratingWords[rating] ?? ''}</Text>
              {rating > 0 && <Button variant="subtle" size="compact-xs" onClick={() => setRating(0)}>Clear rating</Button>}
            </Group>
          </Input.Wrapper>
        )}
        <Textarea
          label="Notes"
          description={status === 'no_show' ? 'What happened, and what next.' : 'What you talked about, what comes next.'}
          autosize
          minRows={3}
          maxRows={10}
          value={notes}
          onChange={(e) => { setNotes(e.currentTarget.value); setErrors((x) => ({ ...x, notes: undefined })); }}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>Save outcome</Button>
        </Group>
      </Stack>
    </form>
  );
}
