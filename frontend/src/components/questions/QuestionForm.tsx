import {
  Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, toApiError, type Question, type QuestionInput } from '../../api';
import { audienceLabels, personFieldLabels, questionKindLabels, ruleLabels, weightLabels } from '../../lib/words/labels';

interface Values {
  prompt: string;
  help: string;
  kind: string;
  optionsText: string;
  audience: string;
  required: boolean;
  scaleMin: number | string;
  scaleMax: number | string;
  rule: string;
  weight: string;
  customWeight: number | string;
  ruleHours: number | string;
  complementId: string | null;
}

/** rulesFor lists the matching rules that fit a kind of question. */
export function rulesFor(kind: string): string[] {
  switch (kind) {
    case 'single': return ['none', 'same', 'different', 'overlap', 'complement'];
    case 'multi': return ['none', 'same', 'different', 'overlap', 'complement'];
    case 'number':
    case 'scale': return ['none', 'same', 'different', 'closest'];
    case 'timezone': return ['none', 'same', 'different', 'within'];
    default: return ['none', 'same', 'different'];
  }
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);

function toValues(q?: Question): Values {
  return {
    prompt: q?.prompt ?? '', help: q?.help ?? '', kind: q?.kind ?? 'single', optionsText: (q?.options ?? []).join('\n'),
    audience: q?.audience ?? 'everyone', required: q?.required ?? false, scaleMin: q?.scaleMin ?? 1, scaleMax: q?.scaleMax ?? 5,
    rule: q?.rule || 'none', weight: q?.weight || 'medium', customWeight: q?.customWeight || 2, ruleHours: q?.ruleHours ?? 3,
    complementId: q?.complementId ? String(q.complementId) : null,
  };
}

/** toInput is what the form sends to Go. */
export function toInput(v: Values): QuestionInput {
  const choice = v.kind === 'single' || v.kind === 'multi';
  return {
    prompt: v.prompt.trim(), help: v.help.trim(), kind: v.kind,
    options: choice ? v.optionsText.split('\n').map((o) => o.trim()).filter(Boolean) : [],
    audience: v.audience, required: v.required,
    scaleMin: v.kind === 'scale' ? num(v.scaleMin) : 1, scaleMax: v.kind === 'scale' ? num(v.scaleMax) : 5,
    rule: v.rule, weight: v.rule === 'none' ? 'medium' : v.weight, customWeight: v.weight === 'custom' ? num(v.customWeight) : 0,
    ruleHours: v.rule === 'within' ? num(v.ruleHours) : 0,
    complementId: v.rule === 'complement' && v.complementId ? Number(v.complementId) : 0,
  };
}

const goFields: Record<string, string> = {
  prompt: 'prompt', help: 'help', kind: 'kind', options: 'optionsText', audience: 'audience', required: 'required',
  scale: 'scaleMax', scaleMin: 'scaleMin', scaleMax: 'scaleMax', rule: 'rule', weight: 'weight', customWeight: 'customWeight',
  ruleHours: 'ruleHours', complementId: 'complementId',
};

/** QuestionForm adds a question to a program's questionnaire or edits one. */
export function QuestionForm({ programId, question, all, onSaved, onCancel }: {
  programId: number;
  question?: Question;
  all: Question[];
  onSaved: (q: Question) => void;
  onCancel: () => void;
}) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const fromRecord = !!question?.personField;
  const kindLocked = fromRecord || (question?.answers ?? 0) > 0;

  const form = useForm<Values>({
    initialValues: toValues(question),
    validate: {
      prompt: (v) => (v.trim() ? null : 'A question needs a prompt'),
      optionsText: (v, x) => {
        if (x.kind !== 'single' && x.kind !== 'multi') return null;
        const opts = v.split('\n').map((o) => o.trim()).filter(Boolean);
        if (opts.length < 2) return 'A choice question needs at least two options, one per line';
        const seen = new Set<string>();
        for (const o of opts) {
          if (seen.has(o.toLowerCase())) return `"${o}" is listed twice`;
          seen.add(o.toLowerCase());
        }
        return null;
      },
      scaleMax: (v, x) => {
        if (x.kind !== 'scale') return null;
        const lo = num(x.scaleMin), hi = num(v);
        if (hi <= lo) return 'The highest value must be above the lowest';
        return hi - lo > 10 ? 'A scale has at most 10 steps' : null;
      },
      customWeight: (v, x) => (x.rule !== 'none' && x.weight === 'custom' && (num(v) < 1 || num(v) > 100) ? 'A custom weight is from 1 to 100' : null),
      ruleHours: (v, x) => (x.rule === 'within' && (num(v) < 0 || num(v) > 24) ? 'Hours apart is from 0 to 24' : null),
      complementId: (v, x) => (x.rule === 'complement' && !v ? 'Choose the question this one pairs with' : null),
    },
  });

  const v = form.values;
  const rules = rulesFor(v.kind);
  const partners = all.filter((q) => q.id !== question?.id && (q.kind === 'single' || q.kind === 'multi'));

  const setKind = (kind: string) => {
    form.setFieldValue('kind', kind);
    if (!rulesFor(kind).includes(form.values.rule)) form.setFieldValue('rule', 'none');
  };

  const submit = form.onSubmit(async (vals) => {
    setSaving(true);
    setFormError(null);
    try {
      const input = toInput(vals);
      onSaved(question ? await api.questions.update(question.id, input) : await api.questions.create(programId, input));
    } catch (e) {
      const err = toApiError(e);
      const path = err.field ? goFields[err.field] : undefined;
      if (path) form.setFieldError(path, err.message);
      else setFormError(err.message);
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not saved">{formError}</Alert>}
        {fromRecord && (
          <Alert color="blue" title="From the person's record">
            This question is answered by the person's {personFieldLabels[question!.personField] ?? question!.personField}; its kind
            cannot change.
          </Alert>
        )}
        <TextInput label="Question" required data-autofocus {...form.getInputProps('prompt')} />
        <Textarea label="Help text" description="Shown under the question" autosize minRows={1} maxRows={4} {...form.getInputProps('help')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            data={Object.entries(questionKindLabels).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            disabled={kindLocked}
            description={!fromRecord && kindLocked ? `${question!.answers} participants answered: the kind is fixed` : undefined}
            {...form.getInputProps('kind')}
            onChange={(k) => k && setKind(k)}
          />
          <Select
            label="Asked of"
            data={Object.entries(audienceLabels).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('audience')}
          />
        </SimpleGrid>
        {(v.kind === 'single' || v.kind === 'multi') && (
          <Textarea
            label="Options"
            description="One per line"
            required
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('optionsText')}
          />
        )}
        {v.kind === 'scale' && (
          <SimpleGrid cols={2}>
            <NumberInput label="Lowest value" {...form.getInputProps('scaleMin')} />
            <NumberInput label="Highest value" {...form.getInputProps('scaleMax')} />
          </SimpleGrid>
        )}
        <Switch label="An answer is required" {...form.getInputProps('required', { type: 'checkbox' })} />

        <Stack gap="sm">
          <Text fw={600}>Matching</Text>
          <Select
            label="Rule"
            description="How two participants' answers compare when Tandem proposes pairs"
            data={rules.map((r) => ({ value: r, label: ruleLabels[r] }))}
            allowDeselect={false}
            {...form.getInputProps('rule')}
          />
          {v.rule === 'complement' && (
            <Select
              label="Pairs with"
              description="What one person offers here is matched with what the other wants there"
              placeholder={partners.length ? 'Choose a question' : 'Add another choice question first'}
              data={partners.map((q) => ({ value: String(q.id), label: q.prompt }))}
              {...form.getInputProps('complementId')}
            />
          )}
          {v.rule === 'within' && (
            <NumberInput label="Hours apart at most" min={0} max={24} maw={220} {...form.getInputProps('ruleHours')} />
          )}
          {v.rule !== 'none' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Weight"
                description="must = a filter, not points"
                data={Object.entries(weightLabels).map(([value, label]) => ({ value, label }))}
                allowDeselect={false}
                {...form.getInputProps('weight')}
              />
              {v.weight === 'custom' && (
                <NumberInput label="Points" min={1} max={100} {...form.getInputProps('customWeight')} />
              )}
            </SimpleGrid>
          )}
        </Stack>

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>{question ? 'Save question' : 'Add question'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** QuestionFormModal shows the question form in a modal. */
export function QuestionFormModal({ opened, onClose, ...props }: {
  opened: boolean;
  onClose: () => void;
  programId: number;
  question?: Question;
  all: Question[];
  onSaved: (q: Question) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.question ? 'Edit question' : 'New question'} size="lg">
      {opened && <QuestionForm {...props} onCancel={onClose} />}
    </Modal>
  );
}
