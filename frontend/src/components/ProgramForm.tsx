import {
  Alert, Button, Group, Input, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useId } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { api, type Program, type ProgramInput } from '../api';
import { parseDateInput } from '../lib/dates';
import { showApiError } from '../lib/forms';
import { kindDescriptions, kindLabels, programStatusLabels } from '../lib/words/labels';

type Values = ProgramInput;

const fields: (keyof Values)[] = [
  'name', 'description', 'kind', 'status', 'peerMentoring', 'registrationOpens', 'registrationCloses', 'matchingOpens',
  'matchingCloses', 'startsOn', 'endsOn', 'groupMin', 'groupMax', 'defaultCapacity', 'mentorRequestExpiryDays',
  'reviewRequests',
];

/** localDefaults mirrors Programs.NewProgramDefaults, so the form answers at once. */
export function localDefaults(kind: string): Values {
  return {
    name: '', description: '', kind, status: 'open', peerMentoring: kind === 'evergreen',
    registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
    groupMin: kind === 'group' ? 3 : 0, groupMax: kind === 'group' ? 6 : 0, defaultCapacity: 1, mentorRequestExpiryDays: 14,
    reviewRequests: false,
  };
}

function fromProgram(p: Program): Values {
  const v = {} as Record<string, unknown>;
  for (const f of fields) v[f] = p[f];
  return v as unknown as Values;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

/** ProgramForm creates a program (no program given) or edits one. */
export function ProgramForm({ program, onSaved, onCancel }: {
  program?: Program;
  onSaved: (p: Program) => void;
  onCancel: () => void;
}) {
  const isNew = !program;
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const kindLabelId = useId();
  const latestKind = useRef<string>(program?.kind ?? 'evergreen');

  const form = useForm<Values>({
    initialValues: program ? fromProgram(program) : localDefaults('evergreen'),
    validate: {
      name: (v) => (v.trim() ? null : 'A program needs a name'),
      startsOn: (v, x) => (x.kind === 'cohort' && !v ? 'A cohort needs a start date' : null),
      endsOn: (v, x) => {
        if (x.kind === 'evergreen') return null;
        if (!v) return x.kind === 'cohort' ? 'A cohort needs an end date' : null;
        return x.startsOn && v < x.startsOn ? 'The program ends before it starts' : null;
      },
      registrationCloses: (v, x) =>
        x.kind !== 'evergreen' && v && x.registrationOpens && v < x.registrationOpens ? 'Registration closes before it opens' : null,
      matchingCloses: (v, x) =>
        x.kind !== 'evergreen' && v && x.matchingOpens && v < x.matchingOpens ? 'Matching closes before it opens' : null,
      groupMin: (v, x) => (x.kind === 'group' && num(v) < 2 ? 'A group has at least 2 people' : null),
      groupMax: (v, x) => {
        if (x.kind !== 'group') return null;
        if (num(v) < num(x.groupMin)) return 'The largest group is smaller than the smallest';
        return num(v) > 20 ? 'Groups are at most 20 people' : null;
      },
      defaultCapacity: (v) => (num(v) >= 1 && num(v) <= 50 ? null : "A mentor's capacity is from 1 to 50 mentees"),
      mentorRequestExpiryDays: (v) => (num(v) >= 1 && num(v) <= 365 ? null : 'Mentor requests expire after 1 to 365 days'),
    },
  });

  const setKind = (kind: string) => {
    latestKind.current = kind;
    form.setFieldValue('kind', kind);
    if (!isNew) {
      // An existing program keeps its settings; a group still needs sizes to start from.
      if (kind === 'group' && num(form.values.groupMin) < 2) form.setValues({ groupMin: 3, groupMax: 6 });
      return;
    }
    // A new program takes the kind's defaults: peer mentoring on for evergreen, off otherwise.
    const d = localDefaults(kind);
    form.setValues({ peerMentoring: d.peerMentoring, groupMin: d.groupMin, groupMax: d.groupMax });
    api.programs.defaults(kind).then(
      (g) => {
        if (latestKind.current !== kind) return; // the admin picked another kind meanwhile
        form.setValues({ peerMentoring: g.peerMentoring, groupMin: g.groupMin || d.groupMin, groupMax: g.groupMax || d.groupMax });
      },
      () => { /* keep the local defaults */ },
    );
  };

  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    setSaving(true);
    const input: ProgramInput = {
      ...v,
      name: v.name.trim(),
      description: v.description.trim(),
      groupMin: num(v.groupMin), groupMax: num(v.groupMax),
      defaultCapacity: num(v.defaultCapacity), mentorRequestExpiryDays: num(v.mentorRequestExpiryDays),
    };
    try {
      const saved = program ? await api.programs.update(program.id, input) : await api.programs.create(input);
      onSaved(saved);
    } catch (e) {
      const { error, onField } = showApiError(e, form, fields as string[], isNew ? 'The program was not created' : 'Not saved');
      if (!onField) setFormError(error.message);
    } finally {
      setSaving(false);
    }
  });

  const kind = form.values.kind;
  const statusData = Object.entries(programStatusLabels)
    .filter(([k]) => k !== 'archived' || form.values.status === 'archived')
    .map(([value, label]) => ({ value, label }));
  const date = (field: keyof Values, label: string) => (
    <DateInput
      label={label}
      valueFormat="D MMM YYYY"
      placeholder="Pick or type a date"
      clearable
      dateParser={parseDateInput}
      {...form.getInputProps(field)}
      value={(form.values[field] as string) || null}
      onChange={(d) => form.setFieldValue(field, (d ?? '') as never)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not saved">{formError}</Alert>}
        <TextInput label="Name" required data-autofocus placeholder="e.g. Peer mentoring 2026" {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />

        <Input.Wrapper label="Kind" labelElement="div" id={kindLabelId} error={form.errors.kind}>
          <SegmentedControl
            fullWidth
            mt={4}
            role="radiogroup"
            aria-labelledby={`${kindLabelId}-label`}
            value={kind}
            onChange={setKind}
            data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
          />
          <Text size="sm" mt={6}>{kindDescriptions[kind]}</Text>
        </Input.Wrapper>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Status"
            data={statusData}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <NumberInput
            label="Default mentor capacity"
            description="Mentees a mentor takes at once"
            min={1}
            max={50}
            {...form.getInputProps('defaultCapacity')}
          />
        </SimpleGrid>

        <Switch
          label="Peer mentoring"
          description="Participants can register as Peer (they must also be a mentor or a mentee)"
          {...form.getInputProps('peerMentoring', { type: 'checkbox' })}
        />

        {kind === 'group' && (
          <Text size="sm" c="dimmed">
            Groups are a cohort design: give the dates if the groups run for a set time, or leave them empty.
          </Text>
        )}
        {kind !== 'evergreen' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {date('registrationOpens', 'Registration opens')}
            {date('registrationCloses', 'Registration closes')}
            {date('matchingOpens', 'Matching opens')}
            {date('matchingCloses', 'Matching closes')}
            {date('startsOn', 'Starts on')}
            {date('endsOn', 'Ends on')}
          </SimpleGrid>
        )}

        {kind === 'group' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label="Smallest group" min={2} max={20} {...form.getInputProps('groupMin')} />
            <NumberInput label="Largest group" min={2} max={20} {...form.getInputProps('groupMax')} />
          </SimpleGrid>
        )}

        <NumberInput
          label="Mentor requests expire after (days)"
          description="Peer requests never expire."
          min={1}
          max={365}
          maw={320}
          {...form.getInputProps('mentorRequestExpiryDays')}
        />

        <Switch
          label="Review requests before they are sent"
          description="New peer and mentor requests wait for you to press Send now before their summary is emailed"
          {...form.getInputProps('reviewRequests', { type: 'checkbox' })}
        />

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>{isNew ? 'Create program' : 'Save changes'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** ProgramFormModal shows the program form in a modal. */
export function ProgramFormModal({ opened, onClose, program, onSaved }: {
  opened: boolean;
  onClose: () => void;
  program?: Program;
  onSaved: (p: Program) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={program ? `Edit ${program.name}` : 'New program'} size="lg">
      {opened && <ProgramForm program={program} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}
