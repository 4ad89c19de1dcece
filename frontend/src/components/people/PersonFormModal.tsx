import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, toApiError, type Person, type PersonInput } from '../../api';
import { emptyPerson, PersonFields, personFields, trimPerson, validatePerson } from './PersonFields';

/** PersonFormModal adds a person to the organisation or edits one. */
export function PersonFormModal({ opened, onClose, person, onSaved }: {
  opened: boolean;
  onClose: () => void;
  person?: Person;
  onSaved: (p: Person) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Edit ${person.name}` : 'Add a person'} size="lg">
      {opened && <PersonForm person={person} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function PersonForm({ person, onCancel, onSaved }: { person?: Person; onCancel: () => void; onSaved: (p: Person) => void }) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PersonInput>({
    initialValues: person
      ? Object.fromEntries(personFields.map((k) => [k, person[k] ?? ''])) as unknown as PersonInput
      : { ...emptyPerson },
    validate: (v) => validatePerson(v),
  });

  const submit = form.onSubmit(async (v) => {
    setSaving(true);
    setFormError(null);
    try {
      const input = trimPerson(v);
      onSaved(person ? await api.people.update(person.id, input) : await api.people.create(input));
    } catch (e) {
      const err = toApiError(e);
      if (err.field && (personFields as string[]).includes(err.field)) form.setFieldError(err.field, err.message);
      else setFormError(err.message);
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not saved">{formError}</Alert>}
        <PersonFields form={form} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>{person ? 'Save changes' : 'Add person'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
