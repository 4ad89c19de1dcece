import {
  ActionIcon, Alert, Button, Divider, Group, Modal, NumberInput, Radio, Skeleton, Stack, Switch, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ForbiddenPair, type PairingOptions, type Participant, type Program } from '../../api';
import { ParticipantPicker } from '../relationships/ParticipantPicker';
import { joinNames } from '../../lib/format';

/** PairingSettingsModal holds a program's pairing options and its forbidden pairs. */
export function PairingSettingsModal({ program, opened, onClose }: { program: Program; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Pairing settings: ${program.name}`} size="lg">
      {opened && (
        <Stack gap="lg">
          <OptionsForm program={program} />
          <Divider />
          <ForbiddenPairs program={program} />
        </Stack>
      )}
    </Modal>
  );
}

type Errors = Partial<Record<keyof PairingOptions | 'form', string>>;

/** checkOptions validates the options as Go does, before they are sent. */
export function checkOptions(o: PairingOptions): Errors {
  const e: Errors = {};
  if (!Number.isInteger(o.wishBonus) || o.wishBonus < 0 || o.wishBonus > 100) e.wishBonus = 'A wish adds from 0 to 100 points';
  return e;
}

function OptionsForm({ program }: { program: Program }) {
  const [o, setO] = useState<PairingOptions | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.pairing.options(program.id).then((v) => live && setO(v), (e) => live && setErrors({ form: toApiError(e).message }));
    return () => { live = false; };
  }, [program.id]);

  const save = async () => {
    if (!o) return;
    const errs = checkOptions(o);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      setO(await api.pairing.saveOptions(program.id, o));
      notifications.show({ color: 'teal', message: 'Pairing settings saved. They apply from the next run.' });
    } catch (e) {
      const err = toApiError(e);
      setErrors(err.field === 'wishBonus' || err.field === 'wishPairs' ? { [err.field]: err.message } : { form: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="pairing-options">
      <Title order={3} fz="md" id="pairing-options">Scoring and wishes</Title>
      {errors.form && <Alert color="red" title="Not saved">{errors.form}</Alert>}
      {!o && !errors.form && <Skeleton h={160} />}
      {o && (
        <>
          <NumberInput
            label="Wish bonus"
            description="Points a pair gets when one of them asked to meet the other as their first wish; a second wish gets two thirds, later ones a third (0 to 100)."
            min={0}
            max={100}
            value={o.wishBonus}
            onChange={(v) => setO({ ...o, wishBonus: typeof v === 'number' ? v : Number(v) || 0 })}
            error={errors.wishBonus}
            w={260}
          />
          <Radio.Group
            label="Pairs made from wishes"
            value={o.wishPairs}
            onChange={(v) => setO({ ...o, wishPairs: v })}
            error={errors.wishPairs}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="review" label="Wait for my OK" description="You lock each one before the draft can be approved." />
              <Radio value="auto" label="Approve automatically" description="They are locked as soon as pairing proposes them." />
            </Stack>
          </Radio.Group>
          <Switch
            label="Allow past pairs"
            description="Let pairing propose people who were paired before in this program."
            checked={o.allowPastPairs}
            onChange={(e) => setO({ ...o, allowPastPairs: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button onClick={save} loading={busy}>Save settings</Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function ForbiddenPairs({ program }: { program: Program }) {
  const [list, setList] = useState<ForbiddenPair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [a, setA] = useState<Participant | null>(null);
  const [b, setB] = useState<Participant | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await api.pairing.forbidden(program.id));
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }, [program.id]);
  useEffect(() => { void load(); }, [load]);

  const forbid = async () => {
    if (!a || !b) {
      setFormError('Choose two people');
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await api.pairing.forbid(a.id, b.id, true);
      setA(null);
      setB(null);
      setAdding(false);
      await load();
    } catch (e) {
      setFormError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const allow = async (p: ForbiddenPair) => {
    try {
      await api.pairing.forbid(p.a.participantId, p.b.participantId, false);
      await load();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: toApiError(e).message });
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="pairing-forbidden">
      <Group justify="space-between">
        <Title order={3} fz="md" id="pairing-forbidden">Forbidden pairs</Title>
        {!adding && (
          <Button variant="default" leftSection={<IconBan size={16} />} onClick={() => setAdding(true)}>Forbid a pair…</Button>
        )}
      </Group>
      <Text size="sm">Pairing never puts these people together, in a pair or in a group.</Text>
      {error && <Alert color="red">{error}</Alert>}
      {list && list.length === 0 && <Text size="sm">No forbidden pairs.</Text>}
      {list && list.length > 0 && (
        <Table aria-label="Forbidden pairs" verticalSpacing={4}>
          <Table.Tbody>
            {list.map((p) => {
              const name = joinNames([p.a.name, p.b.name]);
              return (
                <Table.Tr key={`${p.a.participantId}-${p.b.participantId}`}>
                  <Table.Td><Text size="sm">{name}</Text></Table.Td>
                  <Table.Td w={50}>
                    <Tooltip label="Allow again">
                      <ActionIcon variant="subtle" color="red" aria-label={`Allow ${name} again`} onClick={() => allow(p)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {adding && (
        <Stack gap="sm">
          <ParticipantPicker programId={program.id} role="" label="First person" value={a} onChange={setA} exclude={b ? [b.id] : []} />
          <ParticipantPicker programId={program.id} role="" label="Second person" value={b} onChange={setB} exclude={a ? [a.id] : []} />
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setAdding(false); setFormError(null); }} disabled={busy}>Cancel</Button>
            <Button onClick={forbid} loading={busy}>Forbid pair</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
