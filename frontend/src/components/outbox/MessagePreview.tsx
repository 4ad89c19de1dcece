import { Accordion, Alert, Badge, Code, Drawer, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, toApiError, type OutboxMessage, type Settings } from '../../api';
import { methodInWords, summariseCalendar } from '../../lib/ics';
import { kindLabel, messageKindColors, messageStatusColors, messageStatusLabels } from '../../lib/words/sessions';
import { formatInstant } from '../../lib/zonedTime';

/** fromLine is the sender as Go writes it: "Sam Rivera (Northwind) <mentoring@northwind.example>". */
export function fromLine(s: Pick<Settings, 'adminName' | 'organisationName' | 'adminEmail'> | null): string {
  if (!s) return '';
  let name = s.adminName;
  if (s.organisationName && name) name += ` (${s.organisationName})`;
  else if (!name) name = s.organisationName;
  if (!s.adminEmail) return name ? `${name} (no sending address yet: set it in Settings)` : 'No sending address yet: set it in Settings';
  return name ? `${name} <${s.adminEmail}>` : s.adminEmail;
}

/**
 * emailDocument wraps an email's HTML body for a sandboxed frame: its own language and title,
 * and a policy that loads nothing from the network (no tracking pixels, no scripts).
 */
export function emailDocument(html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`
    + `<title>Email body</title><style>body{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e;background:#fff;margin:12px}a{color:#3b5bdb}</style>`
    + `</head><body>${html}</body></html>`;
}

/** HtmlFrame shows an email's HTML as the recipient would see it, safely: no scripts, no network. */
export function HtmlFrame({ html, title, height = 320 }: { html: string; title: string; height?: number }) {
  return (
    <iframe
      title={title}
      sandbox=""
      srcDoc={emailDocument(html)}
      style={{ width: '100%', height, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', background: '#fff' }}
    />
  );
}

/**
 * BodyTabs shows an email's plain text, or its HTML in a sandboxed frame. The frame is only
 * mounted while its tab is open: accessibility scanners (axe) hang on sandboxed frames.
 */
export function BodyTabs({ text, html, title }: { text: string; html: string; title: string }) {
  return (
    <Tabs defaultValue="text" keepMounted={false} variant="outline">
      <Tabs.List>
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
        {html && <Tabs.Tab value="html">HTML</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="text" pt="sm">
        <Text size="sm" component="pre" m={0} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', overflowWrap: 'anywhere' }}>
          {text || '(empty)'}
        </Text>
      </Tabs.Panel>
      {html && (
        <Tabs.Panel value="html" pt="sm">
          <HtmlFrame html={html} title={title} />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

/** MessagePreview is a drawer with one outbox message: headers, both bodies and the calendar part. */
export function MessagePreview({ id, settings, onClose }: { id: number | null; settings: Settings | null; onClose: () => void }) {
  const [m, setM] = useState<OutboxMessage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (id == null) return;
    let live = true;
    setM(null);
    setError(null);
    api.outbox.get(id).then((x) => live && setM(x), (e) => live && setError(toApiError(e).message));
    return () => { live = false; };
  }, [id]);

  return (
    <Drawer opened={id != null} onClose={onClose} position="right" size={760} title={m ? `Email to ${m.toName || m.toEmail}` : 'Email'}>
      {error && <Alert color="red" title="The email could not be loaded">{error}</Alert>}
      {id != null && !m && !error && (
        <Stack role="status" aria-busy="true" aria-label="Loading the email">
          <Skeleton h={80} />
          <Skeleton h={200} />
        </Stack>
      )}
      {m && <Body m={m} settings={settings} />}
    </Drawer>
  );
}

function Body({ m, settings }: { m: OutboxMessage; settings: Settings | null }) {
  const cal = summariseCalendar(m.calendar);
  const head: [string, string][] = [
    ['From', fromLine(settings)],
    ['To', m.toName ? `${m.toName} <${m.toEmail}>` : m.toEmail],
    ['Subject', m.subject],
    ['Queued', formatInstant(m.createdAt)],
  ];
  if (m.sentAt) head.push(['Sent', `${formatInstant(m.sentAt)}${m.deliveredVia === 'draft' ? ', saved as a draft' : m.deliveredVia === 'smtp' ? ', through the SMTP server' : ''}`]);
  if (m.attempts > 0) head.push(['Attempts', String(m.attempts)]);

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color={messageKindColors[m.kind] ?? 'gray'}>{kindLabel(m.kind)}</Badge>
        <Badge color={messageStatusColors[m.status] ?? 'gray'} variant="outline">{messageStatusLabels[m.status] ?? m.status}</Badge>
      </Group>
      {m.status === 'held' && (
        <Alert color="orange" title="May have been sent — check your sent mail">
          {m.lastError || 'Tandem stopped while this email was being sent.'} Retry only if it is not in your sent mail.
        </Alert>
      )}
      {m.status === 'failed' && m.lastError && (
        <Alert color="red" title="The server refused it">{m.lastError}{m.smtpCode ? ` (code ${m.smtpCode})` : ''}</Alert>
      )}
      {m.status === 'queued' && m.lastError && (
        <Alert color="orange" title="The last attempt did not go through">{m.lastError}. It stays queued for the next send.</Alert>
      )}

      <Stack gap={0} component="dl" m={0}>
        {head.map(([k, v]) => (
          <Group key={k} gap="md" py={6} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text component="dt" fw={600} size="sm" w={90} style={{ flexShrink: 0 }}>{k}</Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>{v}</Text>
          </Group>
        ))}
      </Stack>

      <section aria-labelledby="preview-body">
        <Title order={3} fz="md" id="preview-body" mb="xs">Message</Title>
        <BodyTabs text={m.text} html={m.html} title={`HTML body of the email to ${m.toName || m.toEmail}`} />
      </section>

      {m.calendar && (
        <section aria-labelledby="preview-calendar">
          <Title order={3} fz="md" id="preview-calendar" mb="xs">Calendar invitation</Title>
          {cal ? (
            <Stack gap={0} component="dl" m={0} mb="sm">
              {([
                ['Method', methodInWords(cal.method || m.method)],
                ['Event', cal.summary],
                ['Start', cal.start ? (cal.startZone ? `${cal.start} (${cal.startZone})` : startInWords(cal.start)) : '—'],
                ['UID', cal.uid],
                ['Sequence', cal.sequence == null ? '—' : `${cal.sequence}${cal.sequence > 0 ? ' (changed since the first invite)' : ''}`],
                ['Status', cal.status || '—'],
                ['Attendees', cal.attendees.join(', ') || '—'],
              ] as [string, string][]).map(([k, v]) => (
                <Group key={k} gap="md" py={6} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                  <Text component="dt" fw={600} size="sm" w={90} style={{ flexShrink: 0 }}>{k}</Text>
                  <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>{v}</Text>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" mb="sm">The attachment is not a calendar Tandem can read.</Text>
          )}
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="raw">
              <Accordion.Control>Raw .ics</Accordion.Control>
              <Accordion.Panel>
                <Code block tabIndex={0} role="region" aria-label="Raw calendar file" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 360, overflow: 'auto' }}>{m.calendar}</Code>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </section>
      )}
    </Stack>
  );
}

/** startInWords is a UTC start in the admin's time, and in UTC too when their zone is another. */
function startInWords(start: string): string {
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (mine === 'UTC' || mine === 'Etc/UTC') return `${formatInstant(start, 'UTC')} UTC`;
  return `${formatInstant(start)} your time (${mine}) · ${formatInstant(start, 'UTC')} UTC`;
}
