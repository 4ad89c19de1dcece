import {
  ActionIcon, Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle, IconArrowsExchange, IconCheck, IconLock, IconLockOpen, IconPlus, IconRefresh, IconSearch, IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { api, toApiError, type ApproveResult, type Draft, type DraftItem, type Program } from '../../api';
import { formatDateTime, plural } from '../../lib/format';
import { AddPairModal } from './AddPairModal';
import { ApproveModal } from './ApproveModal';
import {
  approveBlock, itemName, itemWord, matchesFilter, roleColors, roleLabels, runLine, scoreColor, strongestFirst, summaryCards, whoWord,
} from '../../lib/words/pairing';
import { RunningNote, RunSelects, type RunChoice } from './RunControls';
import { SwapModal } from './SwapModal';

/** FILTER_FROM is how many pairs a draft has before a search box helps. */
const FILTER_FROM = 15;

/** DraftView is an open draft: its summary, its pairs with their reasons and actions, who is left out. */
export function DraftView({
  program, draft, onDraft, choice, onChoice, running, runError, onRun, onApproved, onDiscarded, onSettings, autoSend,
}: {
  program: Program;
  draft: Draft;
  onDraft: (d: Draft) => void;
  choice: RunChoice;
  onChoice: (c: RunChoice) => void;
  running: boolean;
  runError: string | null;
  onRun: () => void;
  onApproved: (r: ApproveResult) => void;
  onDiscarded: () => void;
  onSettings: () => void;
  autoSend: boolean;
}) {
  const [filter, setFilter] = useState('');
  const [busyItem, setBusyItem] = useState<number | null>(null);
  const [swapping, setSwapping] = useState<DraftItem | null>(null);
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState(false);
  const blockId = useId();
  const block = approveBlock(draft);
  const word = itemWord(draft.mode);
  const shown = useMemo(() => draft.items.filter((i) => matchesFilter(i, filter)), [draft.items, filter]);

  const change = async (item: DraftItem, what: string, fn: () => Promise<Draft>) => {
    setBusyItem(item.id);
    try {
      onDraft(await fn());
    } catch (e) {
      notifications.show({ color: 'red', title: `${what}: not done`, message: toApiError(e).message });
    } finally {
      setBusyItem(null);
    }
  };

  const discard = () =>
    modals.openConfirmModal({
      title: 'Discard this draft?',
      children: (
        <Text size="sm">
          Its {plural(draft.items.length, word, itemWord(draft.mode, 2))}, locked and hand-made ones included, are dropped. Nothing is
          sent and no relationship is created.
        </Text>
      ),
      labels: { confirm: 'Discard draft', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.pairing.discard(draft.id);
          onDiscarded();
          notifications.show({ color: 'teal', message: 'The draft was discarded. Nothing was sent.' });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not discarded', message: toApiError(e).message });
        }
      },
    });

  const line = runLine(draft.run, draft.mode);
  const needsOkItems = draft.items.filter((i) => i.needsOk).length;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} role="group" aria-label="The draft at a glance">
        {summaryCards(draft).map((c) => (
          <Paper key={c.label} withBorder radius="md" p="md">
            <Text size="sm" fw={600}>{c.label}</Text>
            <Text fz={26} fw={700} lh={1.2}>{c.value}</Text>
            <Text size="xs">{c.hint}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {line && (
        <Text size="sm">
          {line}
          {draft.run.ranAt && ` · ran ${formatDateTime(draft.run.ranAt)}`}
        </Text>
      )}

      <Paper withBorder radius="md" p="md" component="section" aria-label="Draft actions">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <RunSelects program={program} value={choice} onChange={onChoice} disabled={running} current={draft.mode} />
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRun} loading={running}>
              Re-run
            </Button>
          </Group>
          <Group gap="sm" wrap="wrap">
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={onSettings} disabled={running}>Settings</Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} disabled={running}>
              Add a {word}…
            </Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={discard} disabled={running}>
              Discard…
            </Button>
            <Button
              leftSection={<IconCheck size={16} />}
              onClick={() => setApproving(true)}
              disabled={running || !!block}
              aria-describedby={block ? blockId : undefined}
            >
              Approve…
            </Button>
          </Group>
        </Group>
        {running && <Group mt="sm"><RunningNote /></Group>}
        {!running && (
          <Text size="xs" mt="xs">Re-running keeps the locked {itemWord(draft.mode, 2)} and replaces the rest.</Text>
        )}
        {block && (
          <Text size="sm" mt="xs" id={blockId} c="var(--mantine-color-orange-light-color)" fw={600}>
            {block}
          </Text>
        )}
        {runError && <Alert color="red" mt="sm" title="Pairing did not run">{runError}</Alert>}
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="pairing-items">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} fz="lg" id="pairing-items">
            Proposed {itemWord(draft.mode, 2)} ({draft.items.length})
            {needsOkItems > 0 && <Text span size="sm" fw={500}> · {needsOkItems} waiting for your OK</Text>}
          </Title>
          {draft.items.length > FILTER_FROM && (
            <TextInput
              aria-label={`Find a ${word}`}
              placeholder="Find a person, department or reason"
              leftSection={<IconSearch size={16} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              w={320}
            />
          )}
        </Group>
        {draft.items.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Text size="sm">No {itemWord(draft.mode, 2)} in the draft. Re-run pairing, or add a {word} by hand.</Text>
          </Paper>
        ) : shown.length === 0 ? (
          <Paper withBorder radius="md" p="lg"><Text size="sm">No {word} matches “{filter.trim()}”.</Text></Paper>
        ) : (
          <Table.ScrollContainer minWidth={980}>
            <Table verticalSpacing="sm" aria-label={`Proposed ${itemWord(draft.mode, 2)}`} aria-busy={running || undefined}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={280}>People</Table.Th>
                  <Table.Th w={80}>Score</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th w={140}>Status</Table.Th>
                  <Table.Th w={130}><Text span size="sm" fw={700}>Actions</Text></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <ItemRow
                    key={item.id}
                    item={item}
                    busy={busyItem === item.id || running}
                    onLock={() => change(item, item.locked ? 'Unlock' : 'Lock', () => api.pairing.lock(item.id, !item.locked))}
                    onRemove={() => change(item, 'Remove', () => api.pairing.remove(item.id))}
                    onSwap={() => setSwapping(item)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <UnmatchedList draft={draft} />

      <SwapModal draft={draft} item={swapping} onClose={() => setSwapping(null)} onSwapped={(d) => { setSwapping(null); onDraft(d); }} />
      <AddPairModal
        program={program}
        draft={draft}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(d) => { setAdding(false); onDraft(d); }}
      />
      <ApproveModal
        draft={draft}
        opened={approving}
        autoSend={autoSend}
        onClose={() => setApproving(false)}
        onApproved={(r) => { setApproving(false); onApproved(r); }}
      />
    </Stack>
  );
}

const VISIBLE_REASONS = 2;

function ItemRow({ item, busy, onLock, onRemove, onSwap }: {
  item: DraftItem;
  busy: boolean;
  onLock: () => void;
  onRemove: () => void;
  onSwap: () => void;
}) {
  const [open, setOpen] = useState(false);
  const name = itemName(item);
  const reasonsId = useId();
  const hidden = item.reasons.length - VISIBLE_REASONS;
  const ordered = useMemo(() => strongestFirst(item.reasons), [item.reasons]);
  const reasons = open ? ordered : ordered.slice(0, VISIBLE_REASONS);
  const members = [...item.members].sort((a, b) => (a.role === 'mentor' ? 1 : 0) - (b.role === 'mentor' ? 1 : 0));
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={6}>
          {members.map((m) => (
            <div key={m.participantId}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>{m.name}</Text>
                <Badge size="sm" color={roleColors[m.role] ?? 'gray'} style={{ flexShrink: 0 }}>{roleLabels[m.role] ?? m.role}</Badge>
              </Group>
              <Text size="xs">{[m.title, m.department, m.location].filter(Boolean).join(' · ')}</Text>
            </div>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Badge size="lg" variant="light" color={scoreColor(item.score)}>{item.score} %</Badge>
      </Table.Td>
      <Table.Td>
        {item.reasons.length === 0 && item.warnings.length === 0 && <Text size="sm">Nothing in common found</Text>}
        {item.reasons.length > 0 && (
          <ul id={reasonsId} aria-label={`Reasons for ${name}`} style={{ margin: 0, paddingLeft: 18 }}>
            {reasons.map((r) => <li key={r}><Text size="sm">{r}</Text></li>)}
          </ul>
        )}
        {hidden > 0 && (
          <Button
            variant="subtle"
            size="compact-xs"
            mt={2}
            aria-expanded={open}
            aria-controls={reasonsId}
            aria-label={open ? `Show fewer reasons for ${name}` : `Show all ${item.reasons.length} reasons for ${name}`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Show fewer' : `Show all ${item.reasons.length}`}
          </Button>
        )}
        {item.warnings.length > 0 && (
          <Stack gap={2} mt={4} aria-label={`Warnings for ${name}`} role="list">
            {item.warnings.map((w) => (
              <Group key={w} gap={4} wrap="nowrap" align="flex-start" role="listitem">
                <IconAlertTriangle size={16} color="var(--mantine-color-orange-light-color)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="sm" c="var(--mantine-color-orange-light-color)" fw={600}>{w}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {item.locked && <Badge color="indigo" leftSection={<IconLock size={12} aria-hidden="true" />}>Locked</Badge>}
          {item.manual && <Badge color="grape">Manual</Badge>}
          {item.wish && <Badge color="pink">Wish</Badge>}
          {item.needsOk && <Badge color="orange" variant="outline">Needs your OK</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={item.locked ? 'Unlock: the next run may change it' : item.needsOk ? 'Lock: OK this wish pair and keep it' : 'Lock: keep it when re-running'}>
            <ActionIcon
              variant={item.locked ? 'light' : 'subtle'}
              size="lg"
              aria-label={`${item.locked ? 'Unlock' : 'Lock'} ${name}`}
              aria-pressed={item.locked}
              onClick={onLock}
              disabled={busy}
            >
              {item.locked ? <IconLock size={18} /> : <IconLockOpen size={18} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Swap a person">
            <ActionIcon variant="subtle" size="lg" aria-label={`Swap a person in ${name}`} onClick={onSwap} disabled={busy}>
              <IconArrowsExchange size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove from the draft">
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove ${name}`} onClick={onRemove} disabled={busy}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function UnmatchedList({ draft }: { draft: Draft }) {
  const people = draft.unmatched.filter((u) => u.role !== 'mentor');
  const mentors = draft.unmatched.filter((u) => u.role === 'mentor');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pairing-unmatched">
      <Title order={2} fz="lg" id="pairing-unmatched" mb="xs">
        Not matched ({people.length} {whoWord(draft.mode, people.length)}{mentors.length ? `, ${plural(mentors.length, 'mentor')} with room` : ''})
      </Title>
      {draft.unmatched.length === 0 ? (
        <Text size="sm">Everyone is in a {itemWord(draft.mode)}.</Text>
      ) : (
        <Table verticalSpacing={6} aria-label="Not matched">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={260}>Participant</Table.Th>
              <Table.Th w={110}>Role</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...people, ...mentors].map((u) => (
              <Table.Tr key={`${u.role}-${u.participantId}`}>
                <Table.Td><Text size="sm" fw={600}>{u.name}</Text></Table.Td>
                <Table.Td><Badge size="sm" color={roleColors[u.role] ?? 'gray'}>{roleLabels[u.role] ?? u.role}</Badge></Table.Td>
                <Table.Td><Text size="sm">{u.reason}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
