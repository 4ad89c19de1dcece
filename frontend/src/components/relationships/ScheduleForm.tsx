import {
  Alert, Anchor, Button, Group, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useId } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, toApiError, type AgendaTemplate, type Repeat, type Session, type SessionInput, type Settings } from '../../api';
import { parseDateInput } from '../../lib/dates';
import { plural } from '../../lib/format';
import { href } from '../../lib/router';
import { timeZoneOptions } from '../../lib/timezones';
import { repeatLabels } from '../../lib/words/sessions';
import { zoneIsValid } from '../../lib/zonedTime';
import { AttendeePreview } from './AttendeePreview';
import {
  checkSchedule, durationOf, goFields, initialValues, presetDurations, wallOf, type ScheduleErrors, type ScheduleTarget,
  type ScheduleValues,
} from './scheduleValues';

/** ScheduleForm is the schedule modal's form: when, how long, where, the agenda and a series. */
export function ScheduleForm({ target, settings, agendas, loadError, onCancel, onSaved }: {
  target: ScheduleTarget;
  settings: Settings | null;
  agendas: AgendaTemplate[];
  loadError?: string | null;
  onCancel: () => void;
  onSaved: (sessions: Session[], settings: Settings | null, rescheduled: boolean) => void;
}) {
  const uid = useId();
  const rel = target.relationship;
  const rescheduling = !!target.session;
  const [v, setV] = useState<ScheduleValues>(() => initialValues(target, settings));
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [formError, setFormError] = useState<{ message: string; settings?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  // The dialog opened on a loading skeleton: start typing in the title once the form is there.
  useEffect(() => titleRef.current?.focus(), []);

  const set = <K extends keyof ScheduleValues>(k: K, value: ScheduleValues[K], clear: (keyof ScheduleErrors)[] = []) => {
    setV((x) => ({ ...x, [k]: value }));
    const drop = [k, ...clear];
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !drop.includes(f as keyof ScheduleErrors))));
  };

  const zones = useMemo(() => timeZoneOptions(v.timeZone), [v.timeZone]);
  // Quick choices: the zone from Settings and each member's own.
  const quickZones = useMemo(() => {
    const out: { zone: string; who: string }[] = [];
    const add = (zone: string, who: string) => {
      if (!zone || !zoneIsValid(zone)) return;
      const seen = out.find((q) => q.zone === zone);
      if (seen) seen.who += ` & ${who}`;
      else out.push({ zone, who });
    };
    if (settings?.defaultTimeZone) add(settings.defaultTimeZone, 'your default');
    for (const m of rel.members) add(m.timeZone, m.name.split(/\s+/)[0]);
    return out;
  }, [settings, rel.members]);

  const agendaOptions = agendas.map((a) => ({ value: String(a.id), label: a.name }));
  const chosenAgenda = agendas.find((a) => String(a.id) === v.agendaTemplateId);

  const pickAgenda = (id: string | null) => {
    const a = agendas.find((x) => String(x.id) === id);
    setV((x) => ({ ...x, agendaTemplateId: id, agenda: a ? a.body : x.agenda }));
    setErrors((e) => ({ ...e, agenda: undefined }));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFormError(null);
    const e = checkSchedule(v, rescheduling);
    setErrors(e);
    if (Object.keys(e).length) return;
    const input: SessionInput = {
      relationshipId: rel.id, title: v.title.trim(), start: wallOf(v), timeZone: v.timeZone, durationMinutes: durationOf(v),
      location: v.location.trim(), videoUrl: v.videoUrl.trim(), agenda: v.agenda, agendaTemplateId: Number(v.agendaTemplateId) || 0,
      repeat: rescheduling ? 'none' : v.repeat, count: rescheduling || v.repeat === 'none' ? 1 : Number(v.count),
    };
    setSaving(true);
    try {
      const saved = target.session
        ? [await api.sessions.reschedule(target.session.id, input)]
        : await api.sessions.schedule(input);
      onSaved(saved, settings, rescheduling);
    } catch (err) {
      const a = toApiError(err);
      const f = a.field ? goFields[a.field] : undefined;
      if (f) setErrors({ [f]: a.message });
      else setFormError({ message: a.message, settings: a.field === 'adminEmail' });
    } finally {
      setSaving(false);
    }
  };

  const people = rel.members.map((m) => ({ name: m.name, timeZone: m.timeZone }));
  const duration = durationOf(v);
  const segmentValue = presetDurations.includes(v.duration) ? v.duration : 'custom';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {loadError && <Alert color="orange" title="Settings could not be read">{loadError}</Alert>}
        {formError && (
          <Alert color="red" title={rescheduling ? 'Not rescheduled' : 'Not scheduled'}>
            {formError.message}
            {formError.settings && <> <Anchor href={href({ name: 'settings' })} onClick={onCancel}>Open Settings</Anchor></>}
          </Alert>
        )}
        {rescheduling && (
          <Text size="sm">
            Everyone invited gets an update of the same calendar event; an invitation that has not left yet is replaced by the new one.
          </Text>
        )}
        <TextInput
          label="Title"
          required
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          ref={titleRef}
        />

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateInput
            label="Date"
            required
            valueFormat="ddd D MMM YYYY"
            placeholder="Pick or type a date"
            dateParser={parseDateInput}
            value={v.date}
            onChange={(d) => set('date', d ? String(d).slice(0, 10) : null)}
            error={errors.date}
            popoverProps={{ withinPortal: true }}
          />
          <TimeInput
            label="Time"
            required
            value={v.time}
            onChange={(e) => set('time', e.currentTarget.value)}
            error={errors.time}
          />
          <Select
            label="Time zone"
            required
            searchable
            data={zones}
            value={v.timeZone}
            onChange={(z) => z && set('timeZone', z)}
            allowDeselect={false}
            limit={200}
            error={errors.timeZone}
            nothingFoundMessage="No zone by that name"
          />
        </SimpleGrid>
        {quickZones.length > 0 && (
          <Group gap={6} mt={-8} aria-label="Quick time zone choices" role="group">
            <Text size="xs">The time is in this zone. Use the zone of:</Text>
            {quickZones.map((q) => (
              <Button
                key={q.zone}
                size="compact-xs"
                variant={q.zone === v.timeZone ? 'filled' : 'light'}
                aria-pressed={q.zone === v.timeZone}
                onClick={() => set('timeZone', q.zone)}
              >
                {q.who} ({q.zone})
              </Button>
            ))}
          </Group>
        )}

        <AttendeePreview wall={wallOf(v)} zone={v.timeZone} durationMinutes={duration} people={people} />

        <Group align="flex-start" gap="sm">
          <Input.Wrapper label="Duration" labelElement="div" id={`${uid}-duration`} error={v.duration === 'custom' ? undefined : errors.durationMinutes}
            styles={{ label: { display: 'block' } }}>
            <SegmentedControl
              mt={4}
              role="radiogroup"
              aria-labelledby={`${uid}-duration-label`}
              value={segmentValue}
              onChange={(d) => {
                // Custom starts from the length chosen so far.
                if (d === 'custom' && v.customMinutes === '') setV((x) => ({ ...x, customMinutes: Number(x.duration) || 45 }));
                set('duration', d, ['durationMinutes']);
              }}
              data={[
                { value: '30', label: '30 min' }, { value: '45', label: '45 min' }, { value: '60', label: '60 min' },
                { value: 'custom', label: 'Custom' },
              ]}
            />
          </Input.Wrapper>
          {v.duration === 'custom' && (
            <NumberInput
              label="Minutes"
              min={5}
              max={600}
              step={5}
              value={v.customMinutes}
              onChange={(n) => set('customMinutes', typeof n === 'number' ? n : n === '' ? '' : Number(n) || '', ['durationMinutes'])}
              error={errors.durationMinutes}
              w={140}
            />
          )}
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Location"
            placeholder="e.g. Room 4.02, or leave empty"
            value={v.location}
            onChange={(e) => set('location', e.currentTarget.value)}
            error={errors.location}
          />
          <TextInput
            label="Video link"
            placeholder="https://"
            type="url"
            value={v.videoUrl}
            onChange={(e) => set('videoUrl', e.currentTarget.value)}
            error={errors.videoUrl}
          />
        </SimpleGrid>

        <Select
          label="Agenda template"
          description={chosenAgenda?.summary || 'Fills the agenda below; you can still edit it.'}
          placeholder="Choose from the library (optional)"
          data={agendaOptions}
          value={v.agendaTemplateId}
          onChange={pickAgenda}
          clearable
          searchable
          nothingFoundMessage="No template by that name"
        />
        <Textarea
          label="Agenda"
          description="Sent in the invitation."
          autosize
          minRows={3}
          maxRows={10}
          value={v.agenda}
          onChange={(e) => set('agenda', e.currentTarget.value)}
          error={errors.agenda}
        />

        {!rescheduling && (
          <Group align="flex-start" gap="sm">
            <Select
              label="Repeat"
              data={Object.entries(repeatLabels).map(([value, label]) => ({ value, label }))}
              value={v.repeat}
              onChange={(r) => r && set('repeat', r as Repeat, ['count'])}
              allowDeselect={false}
              error={errors.repeat}
              w={220}
            />
            {v.repeat !== 'none' && (
              <NumberInput
                label="Number of sessions"
                min={2}
                max={52}
                value={v.count}
                onChange={(n) => set('count', typeof n === 'number' ? n : n === '' ? '' : Number(n) || '')}
                error={errors.count}
                w={200}
              />
            )}
          </Group>
        )}

        <Text size="sm">
          {rescheduling
            ? `An update for ${plural(rel.members.length, 'person', 'people')} is queued in the outbox.`
            : `An invite for each of the ${plural(rel.members.length, 'person', 'people')} is queued in the outbox.`}
          {settings?.autoSend.includes(rescheduling ? 'update' : 'invite')
            ? ` Automatic sending is on for ${rescheduling ? 'updates' : 'invitations'}: ${rescheduling ? 'it leaves' : 'they leave'} right away.`
            : ' Nothing is sent until you send it from the outbox.'}
        </Text>

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>{rescheduling ? 'Reschedule' : v.repeat !== 'none' ? 'Schedule sessions' : 'Schedule session'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
