import { Alert, Badge, Button, FileInput, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { api, toApiError, type RSVPResult, type Session } from '../../api';
import { fileToBase64 } from '../../lib/files';
import { partStatColors, partStatLabels } from '../../lib/words/sessions';

/** ImportRepliesModal reads calendar replies (.ics, or an .eml with one) and records the answers. */
export function ImportRepliesModal({ session, onClose, onImported }: {
  session: Session | null;
  onClose: () => void;
  onImported: () => void;
}) {
  return (
    <Modal opened={!!session} onClose={onClose} title={session ? `Import replies to “${session.title}”` : 'Import replies'} size="lg">
      {session && <ImportReplies session={session} onDone={onClose} onImported={onImported} />}
    </Modal>
  );
}

/** Held is a reply Go did not record yet: the email came from someone other than the attendee. */
interface Held { fileName: string; data: string; result: RSVPResult }

/**
 * ImportReplies records one reply file at a time. Go refuses a file that is not one invited
 * attendee's answer to the current invite (shown as it says, nothing changed); a reply emailed
 * by someone else waits here until the admin confirms or cancels it.
 */
export function ImportReplies({ session, onDone, onImported }: { session: Session; onDone: () => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [held, setHeld] = useState<Held | null>(null);
  const [recorded, setRecorded] = useState<(RSVPResult & { fileName: string })[]>([]);
  const [busy, setBusy] = useState(false);

  const recordedNow = (r: RSVPResult, fileName: string) => {
    setRecorded((list) => [...list, { ...r, fileName }]);
    onImported();
  };

  const read = async () => {
    if (!file) {
      setFileError('Choose the reply file first');
      return;
    }
    if (!/\.(ics|eml)$/i.test(file.name)) {
      setFileError('Choose an .ics file, or an .eml email with the reply in it');
      return;
    }
    setBusy(true);
    setFileError(null);
    setRefusal(null);
    setHeld(null);
    try {
      const data = await fileToBase64(file);
      const r = await api.sessions.importRSVP(session.id, file.name, data);
      if (r.recorded) recordedNow(r, file.name);
      else setHeld({ fileName: file.name, data, result: r });
      setFile(null);
    } catch (e) {
      setRefusal(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!held) return;
    setBusy(true);
    setRefusal(null);
    try {
      const r = await api.sessions.confirmRSVP(session.id, held.fileName, held.data);
      setHeld(null);
      if (r.recorded) recordedNow(r, held.fileName);
    } catch (e) {
      setHeld(null);
      setRefusal(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        When someone answers the invite, their calendar emails you a reply. Save that email (.eml) or its calendar attachment
        (.ics) and import it here: their answer shows next to their name. You can import several, one after another.
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label="Reply file"
          placeholder="Choose an .ics or .eml file"
          accept=".ics,.eml,text/calendar,message/rfc822"
          value={file}
          onChange={(f) => { setFile(f); setFileError(null); }}
          error={fileError}
          clearable
          disabled={!!held}
          leftSection={<IconFileImport size={16} aria-hidden="true" />}
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          style={{ flex: 1 }}
        />
        <Button onClick={read} loading={busy && !held} disabled={!!held} mb={fileError ? 22 : 0}>Import reply</Button>
      </Group>
      {refusal && (
        <Alert color="red" title="Reply not recorded" role="alert" icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          withCloseButton closeButtonLabel="Dismiss" onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      {held && (
        <Alert color="yellow" title="Check who sent this reply" role="alertdialog" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          <Stack gap="xs">
            <Text size="sm">{held.result.message}</Text>
            <Text size="xs" c="dimmed">File: {held.fileName}. Nothing is recorded until you confirm.</Text>
            <Group gap="xs">
              <Text size="sm">{held.result.name} answers</Text>
              <Badge variant="light" color={partStatColors[held.result.partStat] ?? 'gray'}>
                {partStatLabels[held.result.partStat] ?? held.result.partStat}
              </Badge>
            </Group>
            {held.result.comment && <Text size="sm" c="dimmed">“{held.result.comment}”</Text>}
            <Group gap="sm">
              <Button size="xs" onClick={confirm} loading={busy}>Confirm</Button>
              <Button size="xs" variant="default" onClick={() => setHeld(null)} disabled={busy}>Cancel</Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {recorded.length > 0 && (
        <Alert color="teal" title={recorded.length === 1 ? 'Answer recorded' : `${recorded.length} answers recorded`}>
          <List size="sm">
            {recorded.map((r, i) => <List.Item key={i}>{r.fileName}: {r.message}</List.Item>)}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
