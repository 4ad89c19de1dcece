import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { requests, toApiError, type MatchRequest } from '../../api';
import { requestName } from '../../lib/words/requests';

/** WithdrawModal takes back a pending request on the requester's behalf, with a note for the person asked. */
export function WithdrawModal({ target, onClose, onDone }: {
  /** null: closed. */
  target: MatchRequest | null;
  onClose: () => void;
  onDone: (r: MatchRequest) => void;
}) {
  return (
    <Modal opened={!!target} onClose={onClose} title={target ? `Withdraw ${requestName(target)}?` : 'Withdraw the request?'} size="lg">
      {target && <WithdrawForm target={target} onCancel={onClose} onDone={onDone} />}
    </Modal>
  );
}

function WithdrawForm({ target, onCancel, onDone }: { target: MatchRequest; onCancel: () => void; onDone: (r: MatchRequest) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    if (note.trim().length > 4000) {
      setError('The note is longer than 4,000 characters');
      return;
    }
    setBusy(true);
    try {
      onDone(await requests.withdraw(target.id, note.trim()));
    } catch (e) {
      const a = toApiError(e);
      if (a.field === 'note') setError(a.message);
      else setFormError(a.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not withdrawn">{formError}</Alert>}
        <Text size="sm">
          {target.inReview
            ? `The request never left: ${target.recipient.name} is not told.`
            : `${target.recipient.name} is told that the request is no longer open, with the note below.`}
        </Text>
        <Textarea
          label="Note (optional)"
          description={target.inReview ? 'Kept in the request’s history.' : `Sent to ${target.recipient.name} and kept in the request’s history.`}
          placeholder="e.g. Found a peer in my own team."
          autosize
          minRows={3}
          maxRows={8}
          value={note}
          onChange={(e) => { setNote(e.currentTarget.value); setError(null); }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>Cancel</Button>
          <Button type="submit" color="red.9" loading={busy}>Withdraw request</Button>
        </Group>
      </Stack>
    </form>
  );
}
