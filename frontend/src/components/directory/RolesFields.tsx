import { Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { ParticipantInput, Program } from '../../api';
import { participantStatusDescriptions, participantStatusLabels } from '../../lib/words/labels';

export interface RolesErrors {
  roles?: string;
  capacity?: string;
  status?: string;
}

/** checkRoles is the browser's first check of a participant's roles (Go has the final word). */
export function checkRoles(v: ParticipantInput, program: Program): RolesErrors {
  const e: RolesErrors = {};
  if (v.peer && !v.mentor && !v.mentee) e.roles = 'A peer must also be a mentor or a mentee';
  else if (!v.mentor && !v.mentee) e.roles = 'Choose a role: mentor, mentee or both';
  else if (v.peer && !program.peerMentoring) e.roles = 'Peer mentoring is off in this program';
  if (v.mentor && (v.capacity < 1 || v.capacity > 50)) e.capacity = "A mentor's capacity is from 1 to 50 mentees";
  return e;
}

/** RolesFields edits a participant's roles, capacity and status. */
export function RolesFields({ value, onChange, program, errors, idPrefix }: {
  value: ParticipantInput;
  onChange: (v: ParticipantInput) => void;
  program: Program;
  errors: RolesErrors;
  idPrefix: string;
}) {
  const set = (patch: Partial<ParticipantInput>) => onChange({ ...value, ...patch });
  const peerOff = !program.peerMentoring;
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label="Roles"
        description="A peer must also be a mentor or a mentee."
        error={errors.roles}
        value={[value.mentor && 'mentor', value.mentee && 'mentee', value.peer && 'peer'].filter(Boolean) as string[]}
        onChange={(vs) => set({
          mentor: vs.includes('mentor'), mentee: vs.includes('mentee'), peer: vs.includes('peer'),
          capacity: vs.includes('mentor') ? value.capacity || program.defaultCapacity || 1 : value.capacity,
        })}
      >
        <Group gap="lg" mt={6}>
          <Checkbox id={`${idPrefix}-mentor`} value="mentor" label="Mentor" />
          <Checkbox id={`${idPrefix}-mentee`} value="mentee" label="Mentee" />
          <Checkbox id={`${idPrefix}-peer`} value="peer" label="Peer" disabled={peerOff && !value.peer} />
        </Group>
        {peerOff && (
          <Text size="sm" mt={6}>Peer mentoring is off in this program: turn it on in the program's settings to enrol peers.</Text>
        )}
      </Checkbox.Group>
      <Group gap="md" align="flex-start" grow preventGrowOverflow={false}>
        {value.mentor && (
          <NumberInput
            id={`${idPrefix}-capacity`}
            label="Capacity"
            description="Mentees at once"
            min={1}
            max={50}
            value={value.capacity}
            onChange={(v) => set({ capacity: typeof v === 'number' ? v : Number(v) || 0 })}
            error={errors.capacity}
            maw={200}
          />
        )}
        <Select
          id={`${idPrefix}-status`}
          label="Status"
          description={participantStatusDescriptions[value.status]}
          data={Object.entries(participantStatusLabels).map(([v, label]) => ({ value: v, label }))}
          value={value.status}
          onChange={(v) => v && set({ status: v })}
          allowDeselect={false}
          error={errors.status}
          maw={280}
        />
      </Group>
    </Stack>
  );
}
