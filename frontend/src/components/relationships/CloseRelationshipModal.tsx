import { Alert, Button, Checkbox, Group, Input, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { api, toApiError, type Relationship } from '../../api';
import { plural } from '../../lib/format';
import { relationshipName } from '../../lib/words/sessions';
import { useAutoSend } from '../outbox/queuedNotice';

/** CloseRelationshipModal ends a relationship as completed or cancelled, with a reason. */
export function CloseRelationshipModal({ relationship, onClose, onClosed }: {
  relationship: Relationship | null;
  onClose: () => void;
  onClosed: (r: Relationship, queued: { thankYou: boolean; sessions: number }) => void;
}) {
  return (
    <Modal opened={!!relationship} onClose={onClose} title={relationship ? `Close ${relationshipName(relationship)}` : 'Close'} size="lg">
      {relationship && <CloseForm relationship={relationship} onCancel={onClose} onClosed={onClosed} />}
    </Modal>
  );
}

type Errors = Partial<Record<'status' | 'reason' | 'thankYou' | 'message', string>>;

function CloseForm({ relationship: r, onCancel, onClosed }: {
  relationship: Relationship;
  onCancel: () => void;
  onClosed: (r: Relationship, queued: { thankYou: boolean; sessions: number }) => void;
}) {
  const uid = useId();
  const [status, setStatus] = useState<'completed' | 'cancelled'>('completed');
  const [reason, setReason] = useState('');
  const [thankYou, setThankYou] = useState(false);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const autoSend = useAutoSend();
  const leaves = (kind: string) => (autoSend?.includes(kind) ? 'automatic sending is on for them, so they leave right away' : 'nothing leaves until you send it');

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Errors = {};
    if (!reason.trim()) e.reason = 'Say why it closes: it stays in the relationship’s history';
    else if (reason.length > 1000) e.reason = 'The reason is longer than 1,000 characters';
    if (thankYou && message.length > 4000) e.message = 'The message is longer than 4,000 characters';
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    setSaving(true);
    try {
      const closed = await api.relationships.close(r.id, { status, reason: reason.trim(), thankYou, message: thankYou ? message.trim() : '' });
      onClosed(closed, { thankYou, sessions: r.sessionsAhead });
    } catch (err) {
      const a = toApiError(err);
      const f = a.field as keyof Errors | undefined;
      if (f && ['status', 'reason', 'thankYou', 'message'].includes(f)) setErrors({ [f]: a.message });
      else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  };

  const ahead = r.sessionsAhead;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not closed">{formError}</Alert>}
        <Input.Wrapper label="How it ends" labelElement="div" id={`${uid}-status`} error={errors.status}>
          <SegmentedControl
            fullWidth
            mt={4}
            role="radiogroup"
            aria-labelledby={`${uid}-status-label`}
            value={status}
            onChange={(v) => setStatus(v as 'completed' | 'cancelled')}
            data={[{ value: 'completed', label: 'Completed' }, { value: 'cancelled', label: 'Cancelled' }]}
          />
          <Text size="sm" mt={6}>
            {status === 'completed' ? 'It ran its course.' : 'It stopped early (someone left, or it did not work out).'}
          </Text>
        </Input.Wrapper>
        <Textarea
          label="Reason"
          required
          description="Kept in the relationship’s history."
          autosize
          minRows={2}
          maxRows={6}
          value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setErrors((x) => ({ ...x, reason: undefined })); }}
          error={errors.reason}
          data-autofocus
        />
        <Checkbox
          label="Send a thank-you email to every member"
          description="Queued in the outbox with the closing note template."
          checked={thankYou}
          onChange={(e) => { setThankYou(e.currentTarget.checked); setErrors((x) => ({ ...x, thankYou: undefined })); }}
          error={errors.thankYou}
        />
        {thankYou && (
          <Textarea
            label="Message"
            description="Added to the thank-you email (optional)."
            autosize
            minRows={3}
            maxRows={8}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={errors.message}
          />
        )}
        <Alert color={ahead > 0 ? 'orange' : 'blue'} variant="light" title="What happens">
          <Text size="sm">
            {ahead > 0
              ? `${plural(ahead, 'upcoming session')} will be cancelled. Their cancellation notices are queued in the outbox for the people who already received an invite; ${leaves('cancellation')}.`
              : 'No upcoming sessions: nothing is cancelled.'}
            {thankYou && ` The thank-you emails are queued in the outbox too; ${leaves('closing')}.`}
          </Text>
        </Alert>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" color={status === 'cancelled' ? 'red' : undefined} loading={saving}>
            {status === 'completed' ? 'Close as completed' : 'Close as cancelled'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
