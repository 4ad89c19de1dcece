import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api, toApiError, type ApproveResult, type Draft } from '../../api';
import { approveText } from '../../lib/words/pairing';

/** ApproveModal confirms a draft: relationships are created and introduction emails queued. */
export function ApproveModal({ draft, opened, autoSend, onClose, onApproved }: {
  draft: Draft;
  opened: boolean;
  /** Automatic sending is on for introductions. */
  autoSend: boolean;
  onClose: () => void;
  onApproved: (r: ApproveResult) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Approve the draft?" size="md">
      {opened && <ApproveForm draft={draft} autoSend={autoSend} onCancel={onClose} onApproved={onApproved} />}
    </Modal>
  );
}

export function ApproveForm({ draft, autoSend, onCancel, onApproved }: {
  draft: Draft;
  autoSend: boolean;
  onCancel: () => void;
  onApproved: (r: ApproveResult) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onApproved(await api.pairing.approve(draft.id));
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{approveText(draft, autoSend)}</Text>
      {draft.unmatched.length > 0 && (
        <Text size="sm">The people left out stay unmatched: pair them later by running pairing again.</Text>
      )}
      {error && <Alert color="red" title="Not approved">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>Cancel</Button>
        <Button onClick={submit} loading={busy}>Approve and create relationships</Button>
      </Group>
    </Stack>
  );
}
