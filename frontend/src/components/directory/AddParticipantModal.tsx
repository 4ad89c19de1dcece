import { Alert, Button, Group, Input, Modal, SegmentedControl, Select, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { api, toApiError, type Participant, type ParticipantInput, type Person, type PersonInput, type Program } from '../../api';
import { emptyPerson, PersonFields, personFields, trimPerson, validatePerson } from '../people/PersonFields';
import { checkRoles, RolesFields, type RolesErrors } from './RolesFields';

interface Values {
  mode: 'existing' | 'new';
  personId: string | null;
  person: PersonInput;
}

// validate lives outside the component so that it keeps its identity: Mantine rebuilds
// form.setFieldValue whenever its rules change, and the effect below depends on setFieldValue.
function validate(v: Values) {
  if (v.mode === 'existing') return v.personId ? {} : { personId: 'Choose a person, or add a new one' };
  const e = validatePerson(v.person);
  return Object.fromEntries(Object.entries(e).map(([k, m]) => [`person.${k}`, m]));
}

/** AddParticipantModal enrols an existing person or a new one in a program. */
export function AddParticipantModal({ program, opened, onClose, onAdded }: {
  program: Program;
  opened: boolean;
  onClose: () => void;
  onAdded: (p: Participant) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a participant to ${program.name}`} size="lg">
      {opened && <AddParticipantForm program={program} onCancel={onClose} onAdded={onAdded} />}
    </Modal>
  );
}

function AddParticipantForm({ program, onCancel, onAdded }: {
  program: Program;
  onCancel: () => void;
  onAdded: (p: Participant) => void;
}) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [roles, setRoles] = useState<ParticipantInput>({
    mentor: false, mentee: true, peer: false, capacity: program.defaultCapacity || 1, status: 'active',
  });
  const [rolesErrors, setRolesErrors] = useState<RolesErrors>({});
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: { mode: 'existing', personId: null, person: { ...emptyPerson } },
    validate,
  });
  const { setFieldValue } = form;

  useEffect(() => {
    let live = true;
    api.people.list().then(
      (ps) => {
        if (!live) return;
        setPeople(ps);
        if (ps.length === 0) setFieldValue('mode', 'new');
      },
      (e) => live && setPeopleError(toApiError(e).message),
    );
    return () => { live = false; };
  }, [setFieldValue]);

  const options = useMemo(
    () => (people ?? []).map((p) => ({ value: String(p.id), label: `${p.name} · ${p.email}` })),
    [people],
  );

  const submit = form.onSubmit(async (v) => {
    const re = checkRoles(roles, program);
    setRolesErrors(re);
    setFormError(null);
    if (Object.keys(re).length) return;
    setSaving(true);
    try {
      const p = await api.participants.enrol({
        programId: program.id,
        personId: v.mode === 'existing' ? Number(v.personId) : 0,
        newPerson: v.mode === 'new' ? trimPerson(v.person) : undefined,
        roles,
      });
      onAdded(p);
    } catch (e) {
      const err = toApiError(e);
      const f = err.field ?? '';
      if (f === 'roles' || f === 'capacity' || f === 'status') setRolesErrors({ [f]: err.message });
      else if (f === 'personId' && v.mode === 'existing') form.setFieldError('personId', err.message);
      else if (v.mode === 'new' && (personFields as string[]).includes(f)) form.setFieldError(`person.${f}`, err.message);
      else setFormError(err.message);
    } finally {
      setSaving(false);
    }
  }, (errors) => {
    // Also check the roles, so every problem shows at once.
    setRolesErrors(checkRoles(roles, program));
    void errors;
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not added">{formError}</Alert>}
        <Input.Wrapper label="Who" labelElement="div" id="add-who" styles={{ label: { display: 'block' } }}>
          <SegmentedControl
            mt={4}
            role="radiogroup"
            aria-labelledby="add-who-label"
            value={form.values.mode}
            onChange={(m) => form.setFieldValue('mode', m as Values['mode'])}
            data={[{ value: 'existing', label: 'Existing person' }, { value: 'new', label: 'New person' }]}
          />
        </Input.Wrapper>
        {form.values.mode === 'existing' ? (
          <Select
            label="Person"
            placeholder={people ? 'Search by name or email' : 'Loading people…'}
            searchable
            data={options}
            disabled={!people}
            limit={100}
            nothingFoundMessage="Nobody with that name: choose New person to add them"
            error={peopleError ?? undefined}
            {...form.getInputProps('personId')}
          />
        ) : (
          <PersonFields form={form} prefix="person." />
        )}
        <Title order={3} fz="md" mt="xs">Roles in {program.name}</Title>
        <RolesFields value={roles} onChange={setRoles} program={program} errors={rolesErrors} idPrefix="add" />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>Add participant</Button>
        </Group>
      </Stack>
    </form>
  );
}
