import {
  Alert, Badge, Button, Code, Group, Paper, Skeleton, Stack, Table, Tabs, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconEye, IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, toApiError, type MessageTemplate, type TemplatePreview } from '../../api';
import { kindLabel } from '../../lib/words/sessions';
import { BodyTabs } from '../outbox/MessagePreview';

/** sessionKinds are the emails about sessions and relationships (the others are about requests). */
export const sessionKinds = ['invite', 'update', 'cancellation', 'closing'];

const commonVariables: [string, string][] = [
  ['{{.Recipient.FirstName}}', 'The recipient’s first name'],
  ['{{.Recipient.Name}}', 'The recipient’s full name'],
  ['{{.Program.Name}}', 'The program'],
  ['{{.Admin.Name}}', 'Your name'],
  ['{{.Organisation}}', 'Your organisation'],
];

const sessionVariables: [string, string][] = [
  ['{{.OthersNames}}', 'The other members: “Jai Patel and Mei Chen”'],
  ['{{.Session.Title}}', 'The session’s title'],
  ['{{.Session.When}}', 'Day, date and time in the recipient’s zone'],
  ['{{.Session.Duration}}', '“45 minutes”'],
  ['{{.Session.Location}}', 'Where (may be empty)'],
  ['{{.Session.URL}}', 'The video link (may be empty)'],
  ['{{.Session.Agenda}}', 'The agenda'],
  ['{{.Reason}}', 'Why a session was cancelled, or the closing message'],
];

const requestVariables: [string, string][] = [
  ['{{.Request.Requester.Name}}', 'Who asked'],
  ['{{.Request.RecipientP.Name}}', 'Who was asked'],
  ['{{.Request.Commitment}}', '“an introduction session”, “help with Python over 3 sessions”'],
  ['{{.Request.Note}}', 'The requester’s note'],
  ['{{.Request.Highlights}}', 'The requester’s profile in a few lines'],
  ['{{.Request.Answer}}', '“approved all 3 sessions”, “declined”'],
  ['{{.Request.Message}}', 'The message sent with the answer'],
  ['{{.Request.Expires}}', 'When a mentor request expires'],
  ['{{.Request.NextBest}}', 'Others who could fit'],
];

/** templateVariables are what a template of a kind can use, with what each holds. */
export function templateVariables(kind: string): [string, string][] {
  return sessionKinds.includes(kind) ? [...commonVariables, ...sessionVariables] : [...commonVariables, ...requestVariables];
}

/** templateLabel names a template: the short name for session emails, Go's own label for the others. */
export function templateLabel(t: Pick<MessageTemplate, 'kind' | 'label'>): string {
  return sessionKinds.includes(t.kind) ? kindLabel(t.kind) : t.label || kindLabel(t.kind);
}

/** TemplatesSection edits the message templates, one tab per kind of email. */
export function TemplatesSection() {
  const [list, setList] = useState<MessageTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('invite');

  useEffect(() => {
    let live = true;
    api.templates.list().then((l) => live && setList(l), (e) => live && setError(toApiError(e).message));
    return () => { live = false; };
  }, []);

  const replace = (t: MessageTemplate) => setList((l) => (l ?? []).map((x) => (x.kind === t.kind ? t : x)));

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="settings-templates">
      <Title order={2} fz="lg" id="settings-templates" mb={4}>Message templates</Title>
      <Text size="sm" mb="md">
        What each kind of email says. Every email has a plain-text part and an HTML part; the calendar invite is attached by Tandem.
      </Text>
      {error && <Alert color="red" title="The templates could not be loaded">{error}</Alert>}
      {!list && !error && <Skeleton h={300} role="status" aria-busy="true" aria-label="Loading templates" />}
      {list && (
        <Tabs
          value={tab}
          onChange={setTab}
          keepMounted={false}
          orientation={list.length > 5 ? 'vertical' : 'horizontal'}
          styles={{ tab: { justifyContent: 'flex-start' }, tabLabel: { textAlign: 'left' } }}
        >
          <Tabs.List mb="md" aria-label="Kinds of email" miw={list.length > 5 ? 200 : undefined} maw={list.length > 5 ? 240 : undefined}>
            {list.map((t) => (
              <Tabs.Tab key={t.kind} value={t.kind} style={{ whiteSpace: 'normal' }}>
                {templateLabel(t)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {list.map((t) => (
            <Tabs.Panel key={t.kind} value={t.kind} pl={list.length > 5 ? 'md' : 0} style={{ minWidth: 0 }}>
              <TemplateEditor template={t} onSaved={replace} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}

type Part = 'subject' | 'text' | 'html';

function TemplateEditor({ template, onSaved }: { template: MessageTemplate; onSaved: (t: MessageTemplate) => void }) {
  const [draft, setDraft] = useState(template);
  const [errors, setErrors] = useState<Partial<Record<Part, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'' | 'save' | 'preview' | 'reset'>('');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const dirty = draft.subject !== template.subject || draft.text !== template.text || draft.html !== template.html;

  useEffect(() => setDraft(template), [template]);

  const set = (part: Part, value: string) => {
    setDraft((d) => ({ ...d, [part]: value }));
    setErrors((e) => ({ ...e, [part]: undefined }));
  };

  const check = (): boolean => {
    const e: Partial<Record<Part, string>> = {};
    if (!draft.subject.trim()) e.subject = 'A message needs a subject';
    if (!draft.text.trim()) e.text = 'A message needs a plain-text body';
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const fail = (err: unknown, title: string) => {
    const a = toApiError(err);
    if (a.field === 'subject' || a.field === 'text' || a.field === 'html') setErrors({ [a.field]: a.message });
    else setFormError(`${title}: ${a.message}`);
  };

  const doPreview = async () => {
    setFormError(null);
    if (!check()) return;
    setBusy('preview');
    try {
      setPreview(await api.templates.preview(draft));
    } catch (e) {
      setPreview(null);
      fail(e, 'No preview');
    } finally {
      setBusy('');
    }
  };

  const save = async () => {
    setFormError(null);
    if (!check()) return;
    setBusy('save');
    try {
      const t = await api.templates.save(draft);
      onSaved(t);
      notifications.show({ color: 'teal', message: `The ${templateLabel(t).toLowerCase()} template was saved. New emails use it; queued ones keep their text.` });
    } catch (e) {
      fail(e, 'Not saved');
    } finally {
      setBusy('');
    }
  };

  const reset = () =>
    modals.openConfirmModal({
      title: 'Go back to the default template?',
      children: <Text size="sm">Your version of this template is replaced by Tandem’s default. Emails already queued keep their text.</Text>,
      labels: { confirm: 'Reset to default', cancel: 'Keep mine' },
      onConfirm: async () => {
        setBusy('reset');
        try {
          const t = await api.templates.reset(template.kind);
          onSaved(t);
          setErrors({});
          setPreview(null);
          notifications.show({ color: 'teal', message: 'The default template is back.' });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not reset', message: toApiError(e).message });
        } finally {
          setBusy('');
        }
      },
    });

  const label = templateLabel(template);
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm" fw={600}>{template.label}</Text>
        {template.custom ? <Badge color="grape">Your version</Badge> : <Badge color="gray" variant="outline">Default</Badge>}
        {dirty && <Badge color="orange" variant="light">Unsaved changes</Badge>}
      </Group>
      {formError && <Alert color="red">{formError}</Alert>}
      <TextInput label="Subject" value={draft.subject} onChange={(e) => set('subject', e.currentTarget.value)} error={errors.subject} />
      <Textarea
        label="Plain text"
        autosize
        minRows={8}
        maxRows={20}
        value={draft.text}
        onChange={(e) => set('text', e.currentTarget.value)}
        error={errors.text}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <Textarea
        label="HTML"
        description="Optional. Values are escaped for you."
        autosize
        minRows={6}
        maxRows={20}
        value={draft.html}
        onChange={(e) => set('html', e.currentTarget.value)}
        error={errors.html}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <details>
        <Text component="summary" size="sm" fw={600} style={{ cursor: 'pointer' }}>Variables you can use</Text>
        <Table mt="xs" verticalSpacing={4} aria-label={`Variables for the ${label.toLowerCase()} template`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variable</Table.Th>
              <Table.Th>What it holds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templateVariables(template.kind).map(([v, what]) => (
              <Table.Tr key={v}>
                <Table.Td><Code>{v}</Code></Table.Td>
                <Table.Td><Text size="sm">{what}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="xs">
          Show a line only when there is a value with <Code>{'{{if .Organisation}}, {{.Organisation}}{{end}}'}</Code>.
        </Text>
      </details>
      <Group gap="sm">
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy === 'save'} disabled={busy !== '' && busy !== 'save'} onClick={() => void save()}>
          Save template
        </Button>
        <Button variant="light" leftSection={<IconEye size={16} />} loading={busy === 'preview'} disabled={busy !== '' && busy !== 'preview'} onClick={() => void doPreview()}>
          Preview
        </Button>
        <Button variant="default" leftSection={<IconRestore size={16} />} loading={busy === 'reset'} disabled={!template.custom || (busy !== '' && busy !== 'reset')} onClick={reset}>
          Reset to default
        </Button>
      </Group>
      {preview && (
        <Paper withBorder radius="md" p="md" aria-labelledby={`preview-${template.kind}`} component="section">
          <Title order={3} fz="md" id={`preview-${template.kind}`} mb={4}>Preview with sample data</Title>
          <Text size="sm" mb="sm"><Text span fw={600}>Subject:</Text> {preview.subject}</Text>
          <BodyTabs text={preview.text} html={preview.html} title={`HTML preview of the ${label.toLowerCase()} template`} />
        </Paper>
      )}
    </Stack>
  );
}
