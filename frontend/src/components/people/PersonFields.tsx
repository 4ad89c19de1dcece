import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { PersonInput } from '../../api';
import { emailLooksValid } from '../../lib/forms';
import { timeZoneOptions } from '../../lib/timezones';

export const emptyPerson: PersonInput = {
  name: '', email: '', department: '', title: '', location: '', timeZone: '', managerEmail: '', employeeId: '',
};

export const personFields: (keyof PersonInput)[] = [
  'name', 'email', 'department', 'title', 'location', 'timeZone', 'managerEmail', 'employeeId',
];

/** validatePerson is the browser's first check of a person's fields (Go has the final word). */
export function validatePerson(p: PersonInput): Partial<Record<keyof PersonInput, string>> {
  const e: Partial<Record<keyof PersonInput, string>> = {};
  if (!p.name.trim()) e.name = 'A name is required';
  if (!p.email.trim()) e.email = 'An email address is required';
  else if (!emailLooksValid(p.email)) e.email = `"${p.email.trim()}" is not an email address`;
  if (p.managerEmail.trim()) {
    if (!emailLooksValid(p.managerEmail)) e.managerEmail = `"${p.managerEmail.trim()}" is not an email address`;
    else if (p.managerEmail.trim().toLowerCase() === p.email.trim().toLowerCase()) e.managerEmail = 'A person cannot be their own manager';
  }
  return e;
}

/** trimPerson trims every field before it goes to Go. */
export function trimPerson(p: PersonInput): PersonInput {
  const out = { ...p };
  for (const k of personFields) out[k] = out[k].trim();
  return out;
}

/**
 * PersonFields are a person's inputs, bound to a form whose values hold the person at prefix
 * ("" for the form's root, "person." for a nested one).
 */
// The form's values differ per caller (a person, or a person nested under "person."); its
// type cannot name them, so it takes any form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function PersonFields({ form, prefix = '' }: { form: UseFormReturnType<any>; prefix?: string }) {
  const p = (k: keyof PersonInput) => `${prefix}${k}`;
  const tz = form.getInputProps(p('timeZone'));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label="Name" required {...form.getInputProps(p('name'))} />
      <TextInput label="Email" required type="email" {...form.getInputProps(p('email'))} />
      <TextInput label="Department" {...form.getInputProps(p('department'))} />
      <TextInput label="Title" {...form.getInputProps(p('title'))} />
      <TextInput label="Location" {...form.getInputProps(p('location'))} />
      <Select
        label="Time zone"
        searchable
        clearable
        placeholder="Search, e.g. Berlin"
        limit={200}
        data={timeZoneOptions(tz.value)}
        {...tz}
        value={tz.value || null}
        onChange={(v) => form.setFieldValue(p('timeZone'), v ?? '')}
      />
      <TextInput label="Manager's email" type="email" {...form.getInputProps(p('managerEmail'))} />
      <TextInput label="Employee ID" {...form.getInputProps(p('employeeId'))} />
    </SimpleGrid>
  );
}
