import {
  Badge, Button, Group, Input, MultiSelect, NumberInput, SegmentedControl, Select, Textarea, TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { Question } from '../../api';
import { timeZoneOptions } from '../../lib/timezones';

export interface AnswerDraft {
  text: string;
  choices: string[];
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => x && !a.includes(x))];

/** AnswerInput edits one answer with the input that fits the question's kind. */
export function AnswerInput({ question: q, value, onChange, error }: {
  question: Question;
  value: AnswerDraft;
  onChange: (v: AnswerDraft) => void;
  error?: string;
}) {
  const label: ReactNode = q.personField ? (
    <>
      {q.prompt}
      <Badge component="span" size="sm" color="gray" ml={8} style={{ verticalAlign: 'middle' }}>From the person's record</Badge>
    </>
  ) : q.prompt;
  const common = { label, description: q.help || undefined, error, withAsterisk: q.required };
  const setText = (text: string) => onChange({ text, choices: [] });
  const id = `answer-${q.id}`;

  switch (q.kind) {
    case 'single':
      return (
        <Select
          {...common}
          id={id}
          data={union(q.options, [value.text])}
          value={value.text || null}
          onChange={(v) => setText(v ?? '')}
          clearable={!q.required}
          searchable={q.options.length > 8}
          placeholder="Not answered"
        />
      );
    case 'multi':
      return (
        <MultiSelect
          {...common}
          id={id}
          data={union(q.options, value.choices)}
          value={value.choices}
          onChange={(choices) => onChange({ text: '', choices })}
          searchable
          clearable
          placeholder={value.choices.length ? undefined : 'Not answered'}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          id={id}
          value={value.text === '' ? '' : Number(value.text)}
          onChange={(v) => setText(v === '' || v === undefined ? '' : String(v))}
          placeholder="Not answered"
          maw={240}
        />
      );
    case 'scale': {
      const steps: string[] = [];
      for (let i = q.scaleMin; i <= q.scaleMax; i++) steps.push(String(i));
      return (
        <Input.Wrapper {...common} id={id} labelElement="div">
          <Group gap="sm" mt={4} wrap="nowrap">
            <SegmentedControl
              role="radiogroup"
              aria-labelledby={`${id}-label`}
              data={steps}
              value={value.text}
              onChange={setText}
            />
            {value.text !== '' && !q.required && (
              <Button variant="subtle" size="compact-sm" onClick={() => setText('')}>Clear</Button>
            )}
          </Group>
        </Input.Wrapper>
      );
    }
    case 'timezone':
      return (
        <Select
          {...common}
          id={id}
          data={timeZoneOptions(value.text)}
          value={value.text || null}
          onChange={(v) => setText(v ?? '')}
          searchable
          clearable={!q.required}
          placeholder="Search a time zone, e.g. Berlin"
          limit={200}
        />
      );
    default:
      return q.personField ? (
        <TextInput {...common} id={id} value={value.text} onChange={(e) => setText(e.currentTarget.value)} />
      ) : (
        <Textarea {...common} id={id} value={value.text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} maxRows={6} />
      );
  }
}
