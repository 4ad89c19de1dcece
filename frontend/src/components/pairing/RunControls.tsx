import { Group, Loader, Radio, Select, Stack, Text } from '@mantine/core';
import type { Objective, PairingMode, Program } from '../../api';
import { modeDescription, modeLabels, modesFor, objectiveDescriptions, objectiveLabels } from '../../lib/words/pairing';

export interface RunChoice {
  mode: PairingMode;
  objective: Objective;
}

const objectives: Objective[] = ['max_weight', 'max_cardinality'];

/** RunChoices are the two questions of a run, as radio cards (the start panel). */
export function RunChoices({ program, value, onChange, disabled, modeError }: {
  program: Program;
  value: RunChoice;
  onChange: (v: RunChoice) => void;
  disabled?: boolean;
  modeError?: string;
}) {
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      <Radio.Group
        label="What to pair"
        value={value.mode}
        onChange={(m) => onChange({ ...value, mode: m as PairingMode })}
        error={modeError}
        style={{ flex: '1 1 280px' }}
      >
        <Stack gap="sm" mt="xs">
          {modesFor(program).map((m) => (
            <Radio key={m} value={m} label={modeLabels[m]} description={modeDescription(m, program)} disabled={disabled} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label="Aim for"
        value={value.objective}
        onChange={(o) => onChange({ ...value, objective: o as Objective })}
        style={{ flex: '1 1 280px' }}
      >
        <Stack gap="sm" mt="xs">
          {objectives.map((o) => (
            <Radio key={o} value={o} label={objectiveLabels[o]} description={objectiveDescriptions[o]} disabled={disabled} />
          ))}
        </Stack>
      </Radio.Group>
    </Group>
  );
}

/** RunSelects are the same two questions, compact, for the draft's toolbar. */
export function RunSelects({ program, value, onChange, disabled, current }: {
  program: Program;
  value: RunChoice;
  onChange: (v: RunChoice) => void;
  disabled?: boolean;
  /** The draft's mode: choosing another one starts afresh. */
  current: string;
}) {
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="What to pair"
          data={modesFor(program).map((m) => ({ value: m, label: modeLabels[m] }))}
          value={value.mode}
          onChange={(m) => m && onChange({ ...value, mode: m as PairingMode })}
          allowDeselect={false}
          disabled={disabled}
          w={200}
        />
        <Select
          label="Aim for"
          data={objectives.map((o) => ({ value: o, label: objectiveLabels[o] }))}
          value={value.objective}
          onChange={(o) => o && onChange({ ...value, objective: o as Objective })}
          allowDeselect={false}
          disabled={disabled}
          w={210}
        />
      </Group>
      {value.mode !== current && (
        <Text size="xs" c="var(--mantine-color-orange-light-color)" fw={600}>
          Another kind of pairing starts afresh: locked and hand-made pairs are dropped too.
        </Text>
      )}
    </Stack>
  );
}

/** RunningNote says the engine is at work. */
export function RunningNote() {
  return (
    <Group gap="xs" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">Scoring everyone and finding the best pairing…</Text>
    </Group>
  );
}
