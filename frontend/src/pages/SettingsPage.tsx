import {
  Alert, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, Radio, Select, SimpleGrid, Skeleton, Stack, Text,
  TextInput, Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconKey, IconMailCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, toApiError, type Settings } from '../api';
import { PageHeader } from '../components/PageHeader';
import { AgendaLibrary } from '../components/settings/AgendaLibrary';
import { sessionKinds, templateLabel, TemplatesSection } from '../components/settings/TemplatesSection';
import { emailLooksValid } from '../lib/forms';
import { kindLabel } from '../lib/words/sessions';
import { timeZoneOptions } from '../lib/timezones';
import { zoneIsValid } from '../lib/zonedTime';

/** SettingsPage: the organisation, how email leaves, automatic sending, message and agenda templates. */
export function SettingsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.settings.get().then((s) => live && setSettings(s), (e) => live && setError(toApiError(e).message));
    return () => { live = false; };
  }, []);

  return (
    <>
      <PageHeader title="Settings" subtitle="Who emails come from, how they leave, and what they say." />
      {error && <Alert color="red" title="The settings could not be loaded">{error}</Alert>}
      {!settings && !error && (
        <Stack role="status" aria-busy="true" aria-label="Loading settings" maw={900}>
          <Skeleton h={200} />
          <Skeleton h={300} />
        </Stack>
      )}
      {settings && (
        <Stack gap="xl" maw={960}>
          <SettingsForm initial={settings} onSaved={setSettings} />
          <TemplatesSection />
          <AgendaLibrary />
        </Stack>
      )}
    </>
  );
}

type Values = Omit<Settings, 'passwordSaved' | 'passwordRemembered'>;

const settingsFields: (keyof Values)[] = [
  'organisationName', 'adminName', 'adminEmail', 'defaultTimeZone', 'delivery', 'smtpHost', 'smtpPort', 'smtpSecurity',
  'smtpUsername', 'smtpCaFile', 'perMinute', 'draftsDir', 'autoSend',
];

function valuesOf(s: Settings): Values {
  const { passwordSaved: _a, passwordRemembered: _b, ...v } = s;
  return { ...v, smtpCaFile: v.smtpCaFile ?? '', smtpPort: v.smtpPort || 587, perMinute: v.perMinute || 20, smtpSecurity: v.smtpSecurity || 'starttls', delivery: v.delivery || 'smtp' };
}

/** checkSettings is the browser's first check (Go has the final word). */
export function checkSettings(v: Values): Partial<Record<keyof Values, string>> {
  const e: Partial<Record<keyof Values, string>> = {};
  if (v.organisationName.length > 120) e.organisationName = 'The organisation’s name is longer than 120 characters';
  if (v.adminName.length > 120) e.adminName = 'Your name is longer than 120 characters';
  if (v.adminEmail.trim() && !emailLooksValid(v.adminEmail)) e.adminEmail = `“${v.adminEmail.trim()}” is not an email address`;
  if (!zoneIsValid(v.defaultTimeZone)) e.defaultTimeZone = 'Choose a time zone';
  if (!Number.isInteger(v.smtpPort) || v.smtpPort < 1 || v.smtpPort > 65535) e.smtpPort = 'A port is a number from 1 to 65535';
  if (/[\s/\\:@]/.test(v.smtpHost.trim())) e.smtpHost = `“${v.smtpHost.trim()}” is not a server name like smtp.example.org`;
  if (!Number.isInteger(v.perMinute) || v.perMinute < 1 || v.perMinute > 600) e.perMinute = 'From 1 to 600 emails a minute';
  return e;
}

function Section({ id, title, children, description }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb={description ? 4 : 'md'}>{title}</Title>
      {description && <Text size="sm" mb="md">{description}</Text>}
      {children}
    </Paper>
  );
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (s: Settings) => void }) {
  const [saved, setSaved] = useState<Settings>(initial);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(initial), validate: (v) => checkSettings(v) });
  const zones = useMemo(() => timeZoneOptions(form.values.defaultTimeZone), [form.values.defaultTimeZone]);

  /** save validates and saves the form; it returns the saved settings, or null. */
  const save = async (quiet = false): Promise<Settings | null> => {
    setFormError(null);
    const r = form.validate();
    if (r.hasErrors) return null;
    setSaving(true);
    try {
      const s = await api.settings.save({ ...form.values, passwordSaved: saved.passwordSaved, passwordRemembered: saved.passwordRemembered });
      setSaved(s);
      onSaved(s);
      form.setValues(valuesOf(s));
      form.resetDirty(valuesOf(s));
      if (!quiet) notifications.show({ color: 'teal', message: 'Settings saved.' });
      return s;
    } catch (e) {
      const a = toApiError(e);
      if (a.field && (settingsFields as string[]).includes(a.field)) form.setFieldError(a.field, a.message);
      else setFormError(a.message);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const v = form.values;
  const dirty = form.isDirty();

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <Stack gap="xl">
        <Section id="settings-organisation" title="Organisation" description="Emails come from you, on behalf of your organisation.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Organisation name" placeholder="e.g. Northwind" {...form.getInputProps('organisationName')} />
            <TextInput label="Your name" placeholder="e.g. Sam Rivera" {...form.getInputProps('adminName')} />
            <TextInput
              label="Your sending address"
              description="Invites come from it and replies go to it."
              type="email"
              placeholder="mentoring@example.org"
              {...form.getInputProps('adminEmail')}
            />
            <Select
              label="Default time zone"
              description="New sessions are planned in it unless you choose another."
              searchable
              data={zones}
              limit={200}
              allowDeselect={false}
              nothingFoundMessage="No zone by that name"
              {...form.getInputProps('defaultTimeZone')}
            />
          </SimpleGrid>
        </Section>

        <Section id="settings-delivery" title="Delivery" description="How emails leave Tandem when you send them from the outbox.">
          <Stack gap="md">
            <Radio.Group label="Send through" {...form.getInputProps('delivery')}>
              <Stack gap="xs" mt={6}>
                <Radio value="smtp" label="SMTP server" description="Your organisation’s mail server sends them; calendar invites arrive as real invites." />
                <Radio value="drafts" label="Drafts for my mail client (.eml files)" description="Tandem writes each email as a file; open them in your mail client and send them yourself." />
              </Stack>
            </Radio.Group>

            {v.delivery === 'smtp' ? (
              <SmtpFields form={form} saved={saved} dirty={dirty} save={save} onSettings={(s) => { setSaved(s); onSaved(s); }} />
            ) : (
              <TextInput
                label="Drafts folder"
                description="A folder on this computer; Tandem creates it if needed. Each email becomes one .eml file."
                placeholder="/home/you/Documents/Tandem drafts"
                {...form.getInputProps('draftsDir')}
              />
            )}
          </Stack>
        </Section>

        <Section id="settings-auto" title="Automatic sending" description="Otherwise nothing leaves until you press Send in the outbox.">
          <AutoSendChoices form={form} />
        </Section>

        <Paper
          withBorder
          radius="md"
          p="sm"
          shadow={dirty ? 'md' : undefined}
          style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
        >
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" fw={dirty ? 600 : 400} aria-live="polite">
              {formError ? '' : dirty ? 'You have unsaved changes.' : 'All changes saved.'}
            </Text>
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving}>Save settings</Button>
          </Group>
          {formError && <Alert color="red" title="Not saved" mt="sm">{formError}</Alert>}
        </Paper>
      </Stack>
    </form>
  );
}

type SettingsFormApi = UseFormReturnType<Values>;

const sessionKindText: Record<string, [string, string]> = {
  invite: ['Invitations', 'When you schedule a session.'],
  update: ['Updates', 'When you reschedule one.'],
  cancellation: ['Cancellations', 'When you cancel one, or close a relationship.'],
  closing: ['Closing notes', 'The thank-you email when a relationship closes.'],
};

/**
 * AutoSendChoices lists every kind of email Go writes (the kinds of its message templates), the
 * session emails first, so a kind added in Go shows up here without a change to the UI.
 */
function AutoSendChoices({ form }: { form: SettingsFormApi }) {
  const [kinds, setKinds] = useState<{ kind: string; label: string }[]>(
    sessionKinds.map((k) => ({ kind: k, label: sessionKindText[k][0] })),
  );
  useEffect(() => {
    let live = true;
    api.templates.list().then((ts) => {
      if (live && ts.length) setKinds(ts.map((t) => ({ kind: t.kind, label: sessionKindText[t.kind]?.[0] ?? templateLabel(t) })));
    }, () => {});
    return () => { live = false; };
  }, []);
  const others = kinds.filter((k) => !sessionKinds.includes(k.kind));
  const v = form.values;
  return (
    <>
      <Checkbox.Group label="Send these on their own, as soon as they are written" {...form.getInputProps('autoSend')}>
        <Stack gap="xs" mt={6}>
          {kinds.filter((k) => sessionKinds.includes(k.kind)).map((k) => (
            <Checkbox key={k.kind} value={k.kind} label={k.label} description={sessionKindText[k.kind]?.[1]} />
          ))}
          {others.length > 0 && <Text size="sm" fw={600} mt="xs">Requests</Text>}
          {others.map((k) => <Checkbox key={k.kind} value={k.kind} label={k.label} />)}
        </Stack>
      </Checkbox.Group>
      <Text size="sm" mt="sm">
        {v.autoSend.length === 0
          ? 'Automatic sending is off: every email waits for you in the outbox.'
          : `On for: ${v.autoSend.map((k) => kinds.find((x) => x.kind === k)?.label ?? kindLabel(k)).join(', ')}. They still appear in the outbox, as sent or failed.`}
      </Text>
    </>
  );
}

function SmtpFields({ form, saved, dirty, save, onSettings }: {
  form: SettingsFormApi;
  saved: Settings;
  dirty: boolean;
  save: (quiet?: boolean) => Promise<Settings | null>;
  onSettings: (s: Settings) => void;
}) {
  const [password, setPassword] = useState('');
  const [pwError, setPwError] = useState<string | null>(null);
  const [pwBusy, setPwBusy] = useState<'' | 'save' | 'forget'>('');
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const v = form.values;

  const savePassword = async (forget = false) => {
    setPwError(null);
    if (!forget && !password) {
      setPwError('Type the password first');
      return;
    }
    if (!v.smtpUsername.trim()) {
      form.setFieldError('smtpUsername', 'Enter the username first: the password is kept for it');
      return;
    }
    setPwBusy(forget ? 'forget' : 'save');
    try {
      // The password belongs to the saved username: save the form first when it changed.
      if (dirty && !(await save(true))) return;
      const s = await api.settings.setPassword(forget ? '' : password);
      onSettings(s);
      setPassword('');
      notifications.show({
        color: 'teal',
        message: forget ? 'The password is forgotten.'
          : s.passwordRemembered ? 'Password saved in your system’s keyring.' : 'Password kept for this session only: there is no system keyring.',
      });
    } catch (e) {
      const a = toApiError(e);
      if (a.field === 'smtpUsername') form.setFieldError('smtpUsername', a.message);
      else setPwError(a.message);
    } finally {
      setPwBusy('');
    }
  };

  const sendTest = async () => {
    setTest(null);
    setPwError(null);
    if (!v.adminEmail.trim()) {
      form.setFieldError('adminEmail', 'Enter your sending address: the test goes to it');
      return;
    }
    if (!v.smtpHost.trim()) {
      form.setFieldError('smtpHost', 'Enter the SMTP server first');
      return;
    }
    setTesting(true);
    try {
      if (dirty && !(await save(true))) return;
      const answer = await api.settings.sendTestEmail();
      setTest({ ok: true, text: answer });
    } catch (e) {
      const a = toApiError(e);
      if (a.field === 'password') setPwError(a.message);
      else if (a.field && ['adminEmail', 'smtpHost', 'smtpPort', 'smtpUsername', 'smtpCaFile'].includes(a.field)) form.setFieldError(a.field, a.message);
      else setTest({ ok: false, text: a.message });
    } finally {
      setTesting(false);
    }
  };

  const pwState = !saved.smtpUsername
    ? 'No username saved yet.'
    : saved.passwordSaved
      ? saved.passwordRemembered
        ? `A password for ${saved.smtpUsername} is kept in your system’s keyring.`
        : `A password for ${saved.smtpUsername} is kept for this session only (no system keyring): enter it again after restarting Tandem.`
      : `No password saved for ${saved.smtpUsername}.`;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="SMTP server" placeholder="smtp.example.org" {...form.getInputProps('smtpHost')} style={{ gridColumn: 'span 2' }} />
        <NumberInput label="Port" min={1} max={65535} allowDecimal={false} {...form.getInputProps('smtpPort')} />
      </SimpleGrid>
      <Radio.Group label="Security" {...form.getInputProps('smtpSecurity')}>
        <Group gap="lg" mt={6}>
          <Radio value="starttls" label="STARTTLS (recommended, port 587)" />
          <Radio value="tls" label="TLS (port 465)" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Username" autoComplete="username" {...form.getInputProps('smtpUsername')} />
        <NumberInput
          label="Rate limit (emails a minute)"
          description="Gmail and Microsoft 365 limit how many emails one sender may send: stay under their limits."
          min={1}
          max={600}
          allowDecimal={false}
          {...form.getInputProps('perMinute')}
        />
      </SimpleGrid>

      <TextInput
        label="Certificate authority file (optional)"
        description="Only for a server whose certificate your organisation signed itself: the path of its CA certificate (PEM), trusted besides the system's."
        placeholder="/etc/ssl/certs/northwind-ca.pem"
        {...form.getInputProps('smtpCaFile')}
      />

      <Paper withBorder radius="md" p="md">
        <Title order={3} fz="md" mb={4}>Password</Title>
        <Text size="sm" mb="sm">{pwState} Tandem never keeps it in its database.</Text>
        <Group align="flex-start" gap="sm">
          <PasswordInput
            label="SMTP password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => { setPassword(e.currentTarget.value); setPwError(null); }}
            error={pwError}
            style={{ flex: 1, minWidth: 240 }}
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
          />
          <Button mt={25} leftSection={<IconKey size={16} />} loading={pwBusy === 'save'} disabled={pwBusy === 'forget'} onClick={() => void savePassword()}>
            Save password
          </Button>
          {saved.passwordSaved && (
            <Button mt={25} variant="default" loading={pwBusy === 'forget'} disabled={pwBusy === 'save'} onClick={() => void savePassword(true)}>
              Forget password
            </Button>
          )}
        </Group>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Title order={3} fz="md" mb={4}>Test</Title>
        <Text size="sm" mb="sm">Sends one short email to your sending address with these settings{dirty ? ' (saves your changes first)' : ''}, and shows what the server answered.</Text>
        <Button variant="light" leftSection={<IconMailCheck size={16} />} loading={testing} onClick={() => void sendTest()}>
          Send test email
        </Button>
        {testing && <Text size="sm" mt="xs" role="status">Connecting to {v.smtpHost}…</Text>}
        {test && (
          <Alert mt="sm" color={test.ok ? 'teal' : 'red'} title={test.ok ? 'The server accepted the test email' : 'The test email was not sent'} role="status">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{test.text}</Text>
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
