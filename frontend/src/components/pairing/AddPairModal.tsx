import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { api, toApiError, type Draft, type MemberInput, type PairCheck, type Participant, type Program } from '../../api';
import { ParticipantPicker, ParticipantsPicker } from '../relationships/ParticipantPicker';
import { itemWord, scoreColor, strongestFirst } from '../../lib/words/pairing';

/** AddPairModal makes a pair (or group) by hand, showing its score and the rules it breaks first. */
export function AddPairModal({ program, draft, opened, onClose, onAdded }: {
  program: Program;
  draft: Draft;
  opened: boolean;
  onClose: () => void;
  onAdded: (d: Draft) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a ${itemWord(draft.mode)} by hand`} size="lg">
      {opened && <AddPairForm program={program} draft={draft} onCancel={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

/** membersOf is what Go is sent for the people chosen, or a reason they are not enough yet. */
export function membersOf(mode: string, a: Participant | null, b: Participant | null, group: Participant[]): MemberInput[] | string {
  switch (mode) {
    case 'mentoring':
      if (!a || !b) return 'Choose one mentee and one mentor';
      return [{ participantId: a.id, role: 'mentee' }, { participantId: b.id, role: 'mentor' }];
    case 'peers':
      if (!a || !b) return 'Choose two peers';
      return [{ participantId: a.id, role: 'peer' }, { participantId: b.id, role: 'peer' }];
    default:
      if (group.length < 2) return 'Choose at least two people';
      return group.map((p) => ({ participantId: p.id, role: 'member' }));
  }
}

export function AddPairForm({ program, draft, onCancel, onAdded }: {
  program: Program;
  draft: Draft;
  onCancel: () => void;
  onAdded: (d: Draft) => void;
}) {
  const [a, setA] = useState<Participant | null>(null);
  const [b, setB] = useState<Participant | null>(null);
  const [group, setGroup] = useState<Participant[]>([]);
  const [check, setCheck] = useState<PairCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const members = useMemo(() => membersOf(draft.mode, a, b, group), [draft.mode, a, b, group]);
  const key = typeof members === 'string' ? '' : JSON.stringify(members);

  // Score the pair as soon as it is complete, so the admin sees it before adding it.
  useEffect(() => {
    setCheck(null);
    setError(null);
    if (!key) return;
    let live = true;
    setChecking(true);
    api.pairing.check({ draftId: draft.id, members: JSON.parse(key) as MemberInput[] }).then(
      (c) => live && setCheck(c),
      (e) => live && setError(toApiError(e).message),
    ).finally(() => live && setChecking(false));
    return () => { live = false; };
  }, [key, draft.id]);

  const submit = async () => {
    setShown(true);
    if (typeof members === 'string') return;
    setBusy(true);
    try {
      onAdded(await api.pairing.add({ draftId: draft.id, members }));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const incomplete = shown && typeof members === 'string' ? members : undefined;
  const word = itemWord(draft.mode);

  return (
    <Stack>
      {draft.mode === 'mentoring' && (
        <>
          <ParticipantPicker programId={program.id} role="mentee" label="Mentee" value={a} onChange={setA}
            exclude={b ? [b.id] : []} error={incomplete && !a ? 'Choose a mentee' : undefined} />
          <ParticipantPicker programId={program.id} role="mentor" label="Mentor" value={b} onChange={setB}
            exclude={a ? [a.id] : []} error={incomplete && !b ? 'Choose a mentor' : undefined} />
        </>
      )}
      {draft.mode === 'peers' && (
        <>
          <ParticipantPicker programId={program.id} role="peer" label="First peer" value={a} onChange={setA}
            exclude={b ? [b.id] : []} error={incomplete && !a ? 'Choose a peer' : undefined} />
          <ParticipantPicker programId={program.id} role="peer" label="Second peer" value={b} onChange={setB}
            exclude={a ? [a.id] : []} error={incomplete && !b ? 'Choose a peer' : undefined} />
        </>
      )}
      {draft.mode === 'groups' && (
        <ParticipantsPicker programId={program.id} role="" label="People in the group" value={group} onChange={setGroup}
          error={incomplete} />
      )}

      <Paper withBorder radius="md" p="md" aria-live="polite" aria-label={`This ${word}'s score`} role="region">
        {!key && <Text size="sm">Choose the people to see how well they match and which rules the {word} would break.</Text>}
        {checking && (
          <Group gap="xs"><Loader size="xs" aria-hidden="true" /><Text size="sm">Scoring…</Text></Group>
        )}
        {check && !checking && (
          <Stack gap="xs">
            <Group gap="sm">
              <Text size="sm" fw={600}>Score</Text>
              <Badge size="lg" color={scoreColor(check.score)}>{check.score} %</Badge>
            </Group>
            {check.reasons.length > 0 ? (
              <ul aria-label="Reasons" style={{ margin: 0, paddingLeft: 18 }}>
                {strongestFirst(check.reasons).map((r) => <li key={r}><Text size="sm">{r}</Text></li>)}
              </ul>
            ) : (
              <Text size="sm">Nothing in common found.</Text>
            )}
            {check.warnings.length > 0 ? (
              <Stack gap={2} role="list" aria-label="Warnings">
                {check.warnings.map((w) => (
                  <Group key={w} gap={4} wrap="nowrap" align="flex-start" role="listitem">
                    <IconAlertTriangle size={16} color="var(--mantine-color-orange-light-color)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="sm" c="var(--mantine-color-orange-light-color)" fw={600}>{w}</Text>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm">It breaks none of the program’s rules.</Text>
            )}
          </Stack>
        )}
        {error && <Alert color="red" mt={key ? 0 : 'sm'} title={`This ${word} cannot be added`}>{error}</Alert>}
      </Paper>
      <Text size="xs">A {word} you add is locked: re-running pairing keeps it.</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>Cancel</Button>
        <Button onClick={submit} loading={busy} disabled={checking || (!!key && !!error)}>Add {word}</Button>
      </Group>
    </Stack>
  );
}
