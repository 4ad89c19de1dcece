import {
  Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Switch, Table, Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconMailForward, IconMessageCheck, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  requests, toApiError, type MatchRequest, type Program, type Relationship, type RequestCounts, type RequestKind,
  type RequestStatus, type Session, type Settings,
} from '../../api';
import { formatDate, formatNumber, plural } from '../../lib/format';
import { formatInstant } from '../../lib/zonedTime';
import { EmptyState } from '../EmptyState';
import { useOutbox } from '../OutboxContext';
import { showQueued, useAutoSend } from '../outbox/queuedNotice';
import { ScheduleModal, type ScheduleTarget } from '../relationships/ScheduleModal';
import { AnswerModal, type AnswerResults } from './AnswerModal';
import { notifyQueued } from './notices';
import { RequestDrawer } from './RequestDrawer';
import {
  daysBetween, expiryWords, requestCommitment, requestKindColors, requestKindLabels, requestName, requestStatusColors,
  requestStatusLabels, waitingWords,
} from '../../lib/words/requests';
import { RequestWizard, type WizardStart } from './RequestWizard';
import { WithdrawModal } from './WithdrawModal';

type StatusFilter = RequestStatus | 'all';
type KindFilter = RequestKind | 'all';

const statusOptions = [
  { value: 'all', label: 'Any status' },
  ...Object.entries(requestStatusLabels).map(([value, label]) => ({ value, label })),
];

/** selectable: a reminder or an answer can be recorded for it (pending and sent). */
const selectable = (r: MatchRequest) => r.status === 'pending' && !r.inReview;

/** RequestsTab is a program's peer and mentor requests: counts, filters, answers, reminders and the wizard. */
export function RequestsTab({ program }: { program: Program }) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [kind, setKind] = useState<KindFilter>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [list, setList] = useState<MatchRequest[] | null>(null);
  const [counts, setCounts] = useState<RequestCounts | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [answering, setAnswering] = useState<MatchRequest[] | null>(null);
  const [withdrawing, setWithdrawing] = useState<MatchRequest | null>(null);
  const [scheduling, setScheduling] = useState<ScheduleTarget | null>(null);
  const [wizard, setWizard] = useState<WizardStart | null>(null);
  const [reminding, setReminding] = useState(false);
  const autoSend = useAutoSend();
  const outbox = useOutbox();
  const typeLabel = useId();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [rs, c, all] = await Promise.all([
        requests.list(program.id, status === 'all' ? '' : status, kind === 'all' ? '' : kind, overdueOnly),
        requests.counts(program.id),
        // Whether the program has any request at all (for the empty state), whatever the filters.
        status === 'all' && kind === 'all' && !overdueOnly ? Promise.resolve(null) : requests.list(program.id, '', '', false),
      ]);
      setList(rs);
      setCounts(c);
      setTotal(all ? all.length : rs.length);
      setError(null);
      const ids = new Set(rs.filter(selectable).map((r) => r.id));
      setSelected((s) => new Set([...s].filter((id) => ids.has(id))));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setLoading(false);
    }
  }, [program.id, status, kind, overdueOnly]);

  useEffect(() => { void load(); }, [load]);

  const changed = () => {
    setVersion((n) => n + 1);
    void load();
    void outbox.refresh();
  };

  const shownSelectable = useMemo(() => (list ?? []).filter(selectable), [list]);
  const chosen = useMemo(() => (list ?? []).filter((r) => selected.has(r.id)), [list, selected]);
  const allChosen = shownSelectable.length > 0 && shownSelectable.every((r) => selected.has(r.id));
  const someChosen = shownSelectable.some((r) => selected.has(r.id));

  const toggle = (id: number) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  const remind = async () => {
    const ids = chosen.map((r) => r.id);
    setReminding(true);
    try {
      const n = await requests.remind(ids);
      changed();
      setSelected(new Set());
      if (n === 0) {
        notifications.show({ color: 'orange', title: 'No reminder queued', message: 'None of the selected requests is still waiting for an answer.' });
      } else {
        const skipped = ids.length - n;
        notifyQueued({
          title: `${plural(n, 'reminder')} queued${skipped ? ` (${skipped} skipped: no longer pending)` : ''}`,
          what: n === 1 ? 'The reminder' : `Reminders to ${plural(n, 'person', 'people')}`,
          many: n > 1,
          kind: 'request_reminder',
          autoSend,
        });
      }
    } catch (e) {
      notifications.show({ color: 'red', title: 'No reminder queued', message: toApiError(e).message });
    } finally {
      setReminding(false);
    }
  };

  const release = async (r: MatchRequest) => {
    try {
      await requests.release(r.id);
      changed();
      notifyQueued({
        title: `${requestName(r)}: sent`, what: `The request summary to ${r.recipient.name}`, also: `, with ${r.requester.name}’s confirmation`,
        many: false, kind: 'request_summary', autoSend,
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not sent', message: toApiError(e).message });
    }
  };

  const answered = (res: AnswerResults) => {
    setAnswering(null);
    setSelected(new Set());
    changed();
    const n = res.done.length;
    const approved = res.decision !== 'decline';
    const what = approved
      ? n === 1 ? `The answer emails to ${res.done[0].requester.name} and ${res.done[0].recipient.name}` : `Answer emails for ${plural(n, 'request')}`
      : n === 1 ? `The answer to ${res.done[0].requester.name}` : `Answers to ${plural(n, 'requester')}`;
    const title = approved
      ? n === 1 ? `Approved: ${requestName(res.done[0])} is now a relationship` : `${plural(n, 'request')} approved: relationships created`
      : n === 1 ? `Declined: ${requestName(res.done[0])}` : `${plural(n, 'request')} declined`;
    notifyQueued({ title, what, many: approved || n > 1, kind: approved ? 'request_answer' : 'request_declined', autoSend });
    if (res.failed.length) {
      notifications.show({
        color: 'red',
        title: `${plural(res.failed.length, 'answer')} not recorded`,
        autoClose: false,
        message: res.failed.map((f) => `${requestName(f.request)}: ${f.message}`).join('\n'),
      });
    }
  };

  const afterSchedule = (saved: Session[], settings: Settings | null) => {
    setScheduling(null);
    changed();
    if (saved.length === 0) return;
    const who = plural(saved[0].attendees.length, 'person', 'people');
    const title = saved.length > 1 ? `${saved.length} sessions scheduled` : `Scheduled for ${formatInstant(saved[0].startsAt)}`;
    showQueued({ title, what: saved.length > 1 ? `Invites for ${who} (${saved.length} sessions each)` : `Invites for ${who}`, kind: 'invite', autoSend: settings?.autoSend ?? autoSend });
  };

  const onRowKey = (e: KeyboardEvent, r: MatchRequest) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpenId(r.id);
    }
  };

  const filtered = status !== 'all' || kind !== 'all' || overdueOnly;
  const modalOpen = !!(answering || withdrawing || scheduling);

  if (error && !list) return <Alert color="red" title="The requests could not be loaded">{error}</Alert>;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label="Requests at a glance">
        <Stat label="Pending" n={counts?.pending} />
        <Stat label="Overdue" n={counts?.overdue} alert={!!counts?.overdue} hint="Waiting more than a week" />
        <Stat label="Waiting for review" n={counts?.inReview} alert={!!counts?.inReview} />
        <Stat label="Approved this month" n={counts?.approvedThisMonth} />
      </SimpleGrid>

      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Group gap="md" wrap="wrap" align="flex-end">
          <Select
            label="Status"
            data={statusOptions}
            value={status}
            onChange={(s) => setStatus((s ?? 'all') as StatusFilter)}
            allowDeselect={false}
            w={180}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id={typeLabel}>Type</Text>
            <SegmentedControl
              role="radiogroup"
              aria-labelledby={typeLabel}
              value={kind}
              onChange={(k) => setKind(k as KindFilter)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'peer', label: 'Peer' },
                { value: 'mentor', label: 'Mentor' },
              ]}
            />
          </div>
          <Switch label="Overdue only" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} />
        </Group>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setWizard({ requester: null, kind: program.peerMentoring ? 'peer' : 'mentor' })}>
          New request
        </Button>
      </Group>

      {error && list && <Alert color="red" title="The requests could not be refreshed">{error}</Alert>}

      {!list && (
        <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading requests">
          {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={44} />)}
        </Stack>
      )}

      {list && total === 0 && (
        <EmptyState
          icon={<IconMailForward size={26} />}
          title="No requests yet"
          actions={<Button onClick={() => setWizard({ requester: null, kind: program.peerMentoring ? 'peer' : 'mentor' })}>New request</Button>}
        >
          When a participant tells you whom they would like to meet, record the request here: Tandem writes the summary
          email for the person asked, and you record their answer when it comes.
        </EmptyState>
      )}

      {list && total !== 0 && (
        <>
          {chosen.length > 0 && (
            <Paper withBorder radius="md" p="sm" role="region" aria-label="Selected requests">
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" fw={600}>{plural(chosen.length, 'request')} selected</Text>
                <Group gap="sm">
                  <Button variant="default" leftSection={<IconBellRinging size={16} />} loading={reminding} onClick={remind}>
                    Send reminders
                  </Button>
                  <Button leftSection={<IconMessageCheck size={16} />} onClick={() => setAnswering(chosen)} disabled={reminding}>
                    Record answers…
                  </Button>
                  <Button variant="subtle" onClick={() => setSelected(new Set())} disabled={reminding}>Clear selection</Button>
                </Group>
              </Group>
            </Paper>
          )}
          {list.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text>{filtered ? 'No request matches these filters.' : 'No requests.'}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={1040}>
              <Table highlightOnHover verticalSpacing="sm" aria-label={`Requests in ${program.name}`} aria-busy={loading || undefined}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={44}>
                      <Checkbox
                        aria-label="Select every pending request shown"
                        checked={allChosen}
                        indeterminate={someChosen && !allChosen}
                        disabled={shownSelectable.length === 0}
                        onChange={() => setSelected(allChosen ? new Set() : new Set(shownSelectable.map((r) => r.id)))}
                      />
                    </Table.Th>
                    <Table.Th miw={230}>Requester → recipient</Table.Th>
                    <Table.Th miw={110}>Type</Table.Th>
                    <Table.Th>Commitment</Table.Th>
                    <Table.Th miw={190}>Status</Table.Th>
                    <Table.Th miw={150}>Sent</Table.Th>
                    <Table.Th miw={120}>Expires</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => {
                    const pending = r.status === 'pending';
                    return (
                      <Table.Tr
                        key={r.id}
                        className="clickable-row"
                        tabIndex={0}
                        onClick={() => setOpenId(r.id)}
                        onKeyDown={(e) => onRowKey(e, r)}
                        bg={r.overdue ? 'var(--mantine-color-red-light)' : undefined}
                      >
                        <Table.Td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                          {selectable(r) && (
                            <Checkbox aria-label={`Select ${requestName(r)}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {r.requester.name} <span aria-hidden="true">→</span><VisuallyHidden>asks</VisuallyHidden> {r.recipient.name}
                          </Text>
                          <Text size="xs">{[r.requester.department, r.recipient.department].filter(Boolean).join(' → ')}</Text>
                        </Table.Td>
                        <Table.Td><Badge color={requestKindColors[r.kind] ?? 'gray'} style={{ flexShrink: 0 }}>{requestKindLabels[r.kind] ?? r.kind}</Badge></Table.Td>
                        <Table.Td><Text size="sm">{requestCommitment(r)}</Text></Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Badge color={requestStatusColors[r.status] ?? 'gray'} variant="outline" style={{ flexShrink: 0 }}>
                              {requestStatusLabels[r.status] ?? r.status}
                            </Badge>
                            {pending && r.inReview && <Badge color="orange" style={{ flexShrink: 0 }}>In review</Badge>}
                            {r.overdue && <Badge color="red.9" variant="filled" style={{ flexShrink: 0 }}>Overdue</Badge>}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {r.sentAt ? (
                            <>
                              <Text size="sm">{formatDate(r.sentAt)}</Text>
                              {pending && <Text size="xs" fw={r.overdue ? 700 : undefined}>{waitingWords(daysBetween(r.sentAt))}</Text>}
                            </>
                          ) : (
                            <Text size="sm">Not sent yet</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.kind === 'mentor' ? expiryWords(r) : '—'}</Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}

      <RequestDrawer
        requestId={openId}
        version={version}
        coveredByModal={modalOpen}
        onClose={() => setOpenId(null)}
        onAnswer={(r) => setAnswering([r])}
        onWithdraw={setWithdrawing}
        onRelease={release}
        onSchedule={(rel: Relationship) => setScheduling({ relationship: rel })}
      />
      <AnswerModal targets={answering} onClose={() => setAnswering(null)} onDone={answered} />
      <WithdrawModal
        target={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={(r) => {
          setWithdrawing(null);
          changed();
          if (r.sentAt) notifyQueued({ title: `${requestName(r)}: withdrawn`, what: `The notice to ${r.recipient.name}`, many: false, kind: 'request_closed', autoSend });
          else notifications.show({ color: 'teal', message: `${requestName(r)} was withdrawn. It had not been sent: nobody is told.` });
        }}
      />
      <ScheduleModal target={scheduling} onClose={() => setScheduling(null)} onSaved={afterSchedule} />
      <RequestWizard program={program} start={wizard} onClose={() => setWizard(null)} onCreated={changed} />
    </Stack>
  );
}

function Stat({ label, n, alert, hint }: { label: string; n: number | undefined; alert?: boolean; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md" style={alert ? { borderColor: 'var(--mantine-color-orange-outline)' } : undefined}>
      <Text size="sm" fw={600}>{label}</Text>
      <Text fz={28} fw={700} lh={1.2}>{n == null ? '…' : formatNumber(n)}</Text>
      {hint && <Text size="xs">{hint}</Text>}
    </Paper>
  );
}
