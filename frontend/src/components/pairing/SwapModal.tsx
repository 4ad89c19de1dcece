import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { api, toApiError, type Draft, type DraftItem } from '../../api';
import { itemName, replacements, roleLabels } from '../../lib/words/pairing';

/** SwapModal replaces one person of a pair with someone of the same role. */
export function SwapModal({ draft, item, onClose, onSwapped }: {
  draft: Draft;
  item: DraftItem | null;
  onClose: () => void;
  onSwapped: (d: Draft) => void;
}) {
  return (
    <Modal opened={!!item} onClose={onClose} title={item ? `Swap a person in ${itemName(item)}` : 'Swap a person'} size="lg">
      {item && <SwapForm key={item.id} draft={draft} item={item} onCancel={onClose} onSwapped={onSwapped} />}
    </Modal>
  );
}

export function SwapForm({ draft, item, onCancel, onSwapped }: {
  draft: Draft;
  item: DraftItem;
  onCancel: () => void;
  onSwapped: (d: Draft) => void;
}) {
  const [out, setOut] = useState<string>(String(item.members[0]?.participantId ?? ''));
  const [inId, setInId] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => replacements(draft, item, Number(out)), [draft, item, out]);
  useEffect(() => { setInId(null); }, [out]);
  const chosen = options.find((o) => o.value === inId);
  const outName = item.members.find((m) => String(m.participantId) === out)?.name ?? '';

  const submit = async () => {
    if (!inId) {
      setError({ message: `Choose who takes ${outName}’s place`, field: 'in' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSwapped(await api.pairing.swap({ itemId: item.id, out: Number(out), in: Number(inId) }));
    } catch (e) {
      const err = toApiError(e);
      setError({ message: err.message, field: err.field });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Radio.Group label="Who leaves the pair" value={out} onChange={setOut} error={error?.field === 'out' ? error.message : undefined}>
        <Stack gap="xs" mt="xs">
          {item.members.map((m) => (
            <Radio key={m.participantId} value={String(m.participantId)} label={`${m.name} (${roleLabels[m.role] ?? m.role})`} />
          ))}
        </Stack>
      </Radio.Group>
      <Select
        label="Who takes their place"
        description="People with the same role: unmatched first, then those in other pairs, who trade places."
        placeholder={options.length ? 'Choose a person' : 'Nobody else has this role'}
        data={options}
        value={inId}
        onChange={(v) => { setInId(v); setError(null); }}
        searchable
        nothingFoundMessage="Nobody by that name"
        error={error?.field === 'in' ? error.message : undefined}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={260}
      />
      {chosen?.paired && (
        <Text size="sm">{outName} takes their place in the other pair: the two trade places, and both pairs are rescored.</Text>
      )}
      {error && error.field !== 'in' && error.field !== 'out' && <Alert color="red" title="Not swapped">{error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={busy}>Cancel</Button>
        <Button onClick={submit} loading={busy}>Swap</Button>
      </Group>
    </Stack>
  );
}
