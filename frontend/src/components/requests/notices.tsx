import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MatchRequest } from '../../api';
import { navigate } from '../../lib/router';

/** The request emails in a sentence: "automatic sending is on for request summaries". */
const kindPlural: Record<string, string> = {
  request_summary: 'request summaries', request_reminder: 'request reminders', request_answer: 'answers',
  request_declined: 'declines', request_closed: 'withdrawal notices',
};

/**
 * notifyQueued says what an action put in the outbox ("The notice to Jai Patel waits in the
 * outbox") with a button to open it, or, when automatic sending is on for that kind of email,
 * that it is leaving now.
 */
export function notifyQueued({ title, what, also = '', many, kind, autoSend }: {
  title: string;
  /** "The notice to Jai Patel" */
  what: string;
  /** after "in the outbox": ", with Ana Silva’s confirmation" */
  also?: string;
  /** what is plural ("Reminders to 2 people wait …"). */
  many: boolean;
  kind: string;
  autoSend: string[] | null;
}): void {
  const auto = !!autoSend?.includes(kind);
  const id = notifications.show({
    color: 'teal',
    title,
    autoClose: 10000,
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap" align="center">
        <Text size="sm">
          {auto
            ? `${what} ${many ? 'are' : 'is'} being sent now${also}: automatic sending is on for ${kindPlural[kind] ?? kind}.`
            : `${what} ${many ? 'wait' : 'waits'} in the outbox${also}. Nothing leaves until you send it.`}
        </Text>
        <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => { notifications.hide(id); navigate({ name: 'outbox' }); }}>
          Open outbox
        </Button>
      </Group>
    ),
  });
}

/** notifyCreated says where a new request's emails are: held for review, leaving, or in the outbox. */
export function notifyCreated(r: MatchRequest, inReview: boolean, autoSend: string[] | null): void {
  const title = `Request to ${r.recipient.name} recorded`;
  if (inReview) {
    notifications.show({
      color: 'teal',
      title,
      message: 'Held for your review: nothing is emailed until you press Send now in its drawer, in the Requests tab.',
      autoClose: 10000,
    });
    return;
  }
  notifyQueued({ title, what: 'Request summary', also: `, with ${r.requester.name}’s confirmation`, many: false, kind: 'request_summary', autoSend });
}
