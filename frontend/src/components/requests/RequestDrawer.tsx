import {
  Alert, Anchor, Badge, Blockquote, Button, Divider, Drawer, Group, Paper, Skeleton, Stack, Text, Timeline, Title,
} from '@mantine/core';
import { IconCalendarPlus, IconMessageCheck, IconSend, IconX } from '@tabler/icons-react';
import { useEffect, useId, useState, type MouseEvent, type ReactNode } from 'react';
import { api, requests, toApiError, type MatchRequest, type Relationship, type RequestDetail } from '../../api';
import { formatDate, plural } from '../../lib/format';
import { href } from '../../lib/router';
import { commitmentInWords, firstName, relationshipStatusLabels } from '../../lib/words/sessions';
import { formatInstant } from '../../lib/zonedTime';
import {
  answerBlocker, daysBetween, declineReasonLabels, eventTitle, expiryWords, requestCommitment, requestKindColors,
  requestKindLabels, requestName, requestStatusColors, requestStatusLabels, waitingWords,
} from '../../lib/words/requests';

/** RequestDrawer shows one request: who asks whom for what, the note, the answer, its timeline and what can be done next. */
export function RequestDrawer({ requestId, version, coveredByModal, onClose, onAnswer, onWithdraw, onRelease, onSchedule }: {
  requestId: number | null;
  /** Rises when the request (or its relationship) changed outside: the drawer loads it again. */
  version: number;
  /** A dialog is open on top: Escape must close that one only (Mantine closes every open one). */
  coveredByModal: boolean;
  onClose: () => void;
  onAnswer: (r: MatchRequest) => void;
  onWithdraw: (r: MatchRequest) => void;
  /** Sends a request held for review; the drawer shows progress while it runs. */
  onRelease: (r: MatchRequest) => Promise<void>;
  onSchedule: (rel: Relationship) => void;
}) {
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (requestId == null) {
      setDetail(null);
      setError(null);
      return;
    }
    let live = true;
    setError(null);
    requests.detail(requestId).then(
      (d) => { if (live) setDetail(d); },
      (e) => { if (live) setError(toApiError(e).message); },
    );
    return () => { live = false; };
  }, [requestId, version]);

  const shown = detail && detail.request.id === requestId ? detail : null;
  return (
    <Drawer
      opened={requestId != null}
      onClose={onClose}
      closeOnEscape={!coveredByModal}
      position="right"
      size={720}
      title={shown ? requestName(shown.request) : 'Request'}
    >
      {error && <Alert color="red" title="The request could not be loaded">{error}</Alert>}
      {!shown && !error && (
        <Stack role="status" aria-busy="true" aria-label="Loading request">
          <Skeleton h={20} w="60%" />
          <Skeleton h={160} />
          <Skeleton h={200} />
        </Stack>
      )}
      {shown && (
        <RequestBody
          key={shown.request.id}
          d={shown}
          version={version}
          onAnswer={onAnswer}
          onWithdraw={onWithdraw}
          onRelease={onRelease}
          onSchedule={onSchedule}
        />
      )}
    </Drawer>
  );
}

function RequestBody({ d, version, onAnswer, onWithdraw, onRelease, onSchedule }: {
  d: RequestDetail;
  version: number;
  onAnswer: (r: MatchRequest) => void;
  onWithdraw: (r: MatchRequest) => void;
  onRelease: (r: MatchRequest) => Promise<void>;
  onSchedule: (rel: Relationship) => void;
}) {
  const r = d.request;
  const uid = useId();
  const [releasing, setReleasing] = useState(false);
  const blocker = answerBlocker(r);
  const pending = r.status === 'pending';
  const waited = r.sentAt ? daysBetween(r.sentAt, pending ? undefined : r.decidedAt || undefined) : 0;

  const release = async () => {
    setReleasing(true);
    try {
      await onRelease(r);
    } finally {
      setReleasing(false);
    }
  };

  const answerClick = (e: MouseEvent) => {
    // Kept focusable while it cannot be used, so that its reason is read out: it does nothing then.
    if (blocker) {
      e.preventDefault();
      return;
    }
    onAnswer(r);
  };

  const facts: [string, ReactNode][] = [
    ['Type', `${requestKindLabels[r.kind] ?? r.kind} request`],
    ['Requester', <Person key="a" m={r.requester} />],
    ['Asked', <Person key="b" m={r.recipient} />],
    ['Commitment', requestCommitment(r)],
    ['Recorded', formatDate(r.createdAt)],
    ['Sent', r.sentAt ? formatDate(r.sentAt) : 'Not yet: it waits for your review'],
  ];
  if (pending && r.sentAt) facts.push(['Waiting', `${waitingWords(waited)}${r.overdue ? ' (overdue: more than a week)' : ''}`]);
  if (r.kind === 'mentor') facts.push(['Expires', expiryWords(r)]);
  if (!pending) {
    const answer = [requestStatusLabels[r.status] ?? r.status, r.declineReason ? declineReasonLabels[r.declineReason] : '']
      .filter(Boolean).join(': ');
    facts.push([r.status === 'declined' || r.status.includes('approved') ? 'Answer' : 'Closed',
      `${answer}${r.decidedAt ? `, ${formatDate(r.decidedAt)}` : ''}${r.sentAt ? ` (${waited ? `after ${plural(waited, 'day')}` : 'the day it was sent'})` : ''}`]);
    if (r.answerMessage) facts.push(['Their message', r.answerMessage]);
  }

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color={requestKindColors[r.kind] ?? 'gray'}>{requestKindLabels[r.kind] ?? r.kind}</Badge>
        <Badge color={requestStatusColors[r.status] ?? 'gray'} variant="outline">{requestStatusLabels[r.status] ?? r.status}</Badge>
        {pending && r.inReview && <Badge color="orange">Waiting for review</Badge>}
        {r.overdue && <Badge color="red">Overdue</Badge>}
      </Group>

      <Stack gap={6}>
        <Group gap="sm">
          {pending && r.inReview && (
            <Button leftSection={<IconSend size={16} />} loading={releasing} onClick={release}>Send now</Button>
          )}
          <Button
            leftSection={<IconMessageCheck size={16} />}
            variant={blocker ? 'default' : 'filled'}
            onClick={answerClick}
            data-disabled={blocker ? true : undefined}
            aria-disabled={blocker ? true : undefined}
            aria-describedby={blocker ? `${uid}-why` : undefined}
          >
            Record answer
          </Button>
          {pending && (
            <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => onWithdraw(r)} disabled={releasing}>
              Withdraw…
            </Button>
          )}
        </Group>
        {blocker && <Text size="sm" id={`${uid}-why`}>{blocker}</Text>}
      </Stack>

      <section aria-labelledby={`${uid}-details`}>
        <Title order={3} fz="md" id={`${uid}-details`} mb="xs">Request</Title>
        <Stack gap={0} component="dl" m={0}>
          {facts.map(([k, v]) => (
            <Group key={k} gap="md" py={6} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Text component="dt" fw={600} size="sm" w={130} style={{ flexShrink: 0 }}>{k}</Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{v}</Text>
            </Group>
          ))}
        </Stack>
      </section>

      <section aria-labelledby={`${uid}-note`}>
        <Title order={3} fz="md" id={`${uid}-note`} mb="xs">Note from {firstName(r.requester.name)}</Title>
        {r.note
          ? <Blockquote p="sm" color="indigo" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}><Text size="sm">{r.note}</Text></Blockquote>
          : <Text size="sm">No note.</Text>}
      </section>

      {r.relationshipId > 0 && (
        <RelationshipPart id={r.relationshipId} programId={r.programId} version={version} onSchedule={onSchedule} />
      )}

      <Divider />
      <section aria-labelledby={`${uid}-timeline`}>
        <Title order={3} fz="md" id={`${uid}-timeline`} mb="sm">Timeline</Title>
        {d.events.length === 0 ? <Text size="sm">No history yet.</Text> : (
          <Timeline bulletSize={14} lineWidth={2} active={d.events.length - 1} role="list" aria-labelledby={`${uid}-timeline`}>
            {d.events.map((e, i) => (
              <Timeline.Item key={i} role="listitem" title={<Text size="sm" fw={600} component="span">{eventTitle(e)}</Text>}>
                <Text size="xs">
                  {e.actor ? `by ${e.actor} · ` : ''}<time dateTime={e.at}>{formatInstant(e.at)}</time>
                </Text>
                {e.note && <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </section>
    </Stack>
  );
}

function Person({ m }: { m: MatchRequest['requester'] }) {
  return (
    <>
      <Text span size="sm" fw={600}>{m.name}</Text>
      <Text span size="sm">{[m.title, m.department].filter(Boolean).length ? ` · ${[m.title, m.department].filter(Boolean).join(', ')}` : ''}</Text>
      <Text size="xs">{m.email}</Text>
    </>
  );
}

/** RelationshipPart is the relationship an approval created: its sessions, and scheduling the first one. */
function RelationshipPart({ id, programId, version, onSchedule }: {
  id: number;
  programId: number;
  version: number;
  onSchedule: (rel: Relationship) => void;
}) {
  const uid = useId();
  const [rel, setRel] = useState<Relationship | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.relationships.get(id).then(
      (x) => { if (live) { setRel(x); setError(null); } },
      (e) => { if (live) setError(toApiError(e).message); },
    );
    return () => { live = false; };
  }, [id, version]);

  const started = rel ? rel.sessionsHeld + rel.sessionsAhead > 0 : false;
  return (
    <section aria-labelledby={`${uid}-rel`}>
      <Title order={3} fz="md" id={`${uid}-rel`} mb="xs">Relationship</Title>
      {error && <Alert color="red" title="The relationship could not be loaded">{error}</Alert>}
      {!rel && !error && <Skeleton h={72} role="status" aria-busy="true" aria-label="Loading relationship" />}
      {rel && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Text size="sm">
              {commitmentInWords(rel)}{rel.commitment !== 'topic' ? ` · ${plural(rel.plannedSessions, 'planned session')}` : ''}
              {' · '}{relationshipStatusLabels[rel.status] ?? rel.status}
            </Text>
            <Text size="sm">{rel.sessionsHeld} held · {rel.sessionsAhead} ahead{rel.nextSession ? ` · next ${formatInstant(rel.nextSession)}` : ''}</Text>
            <Group gap="sm">
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => onSchedule(rel)} disabled={rel.status !== 'active'}>
                {started ? 'Schedule a session' : 'Schedule the first session'}
              </Button>
              <Anchor size="sm" href={href({ name: 'program', id: programId, tab: 'relationships', relationship: rel.id })}>
                Open in Relationships
              </Anchor>
            </Group>
          </Stack>
        </Paper>
      )}
    </section>
  );
}
