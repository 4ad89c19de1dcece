import { ActionIcon, Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconListDetails, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type Program, type Question } from '../../api';
import { plural } from '../../lib/format';
import { audienceLabels, questionKindLabels, ruleInWords } from '../../lib/words/labels';
import { EmptyState } from '../EmptyState';
import { QuestionFormModal } from './QuestionForm';

/** QuestionnaireTab is a program's registration questionnaire: order, edit, add, delete. */
export function QuestionnaireTab({ program }: { program: Program }) {
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Question | 'new' | null>(null);
  const [moving, setMoving] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setQuestions(await api.questions.list(program.id));
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }, [program.id]);

  useEffect(() => { void load(); }, [load]);

  const move = async (index: number, delta: -1 | 1) => {
    if (!questions) return;
    const j = index + delta;
    if (j < 0 || j >= questions.length) return;
    const next = [...questions];
    [next[index], next[j]] = [next[j], next[index]];
    const prev = questions;
    setQuestions(next); // at once; Go confirms
    setMoving(questions[index].id);
    try {
      setQuestions(await api.questions.reorder(program.id, next.map((q) => q.id)));
    } catch (e) {
      setQuestions(prev);
      notifications.show({ color: 'red', title: 'Not moved', message: toApiError(e).message });
      void load();
    } finally {
      setMoving(null);
    }
  };

  const remove = (q: Question) =>
    modals.openConfirmModal({
      title: `Delete “${q.prompt}”?`,
      children: (
        <Text size="sm">
          {q.answers > 0
            ? `${plural(q.answers, 'participant')} answered this question; their answers are deleted with it. This cannot be undone.`
            : 'Nobody has answered it yet.'}
        </Text>
      ),
      labels: { confirm: 'Delete question', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.questions.remove(q.id);
          notifications.show({ color: 'teal', message: `“${q.prompt}” was deleted.` });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not deleted', message: toApiError(e).message });
        }
        await load();
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2} maw={640}>
          <Title order={2} fz="lg">Registration questionnaire</Title>
          <Text size="sm">
            What participants answer when they register, and how each answer counts when Tandem proposes pairs.
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>Add a question</Button>
      </Group>

      {error && <Alert color="red" title="The questionnaire could not be loaded">{error}</Alert>}
      {!questions && !error && (
        <Stack role="status" aria-busy="true" aria-label="Loading questions">
          {[0, 1, 2, 3].map((i) => <Skeleton key={i} h={72} radius="md" />)}
        </Stack>
      )}
      {questions && questions.length === 0 && (
        <EmptyState
          icon={<IconListDetails size={26} />}
          title="No questions yet"
          headingOrder={3}
          actions={<Button onClick={() => setEditing('new')}>Add a question</Button>}
        >
          Ask about skills to offer and to grow, goals or languages: matching uses the answers.
        </EmptyState>
      )}
      {questions && questions.length > 0 && (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {questions.map((q, i) => (
            <Paper component="li" key={q.id} withBorder radius="md" p="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={700} size="sm">{i + 1}.</Text>
                    <Title order={3} fz="md">{q.prompt}</Title>
                    {q.required && <Badge color="red" variant="outline">Required</Badge>}
                    {q.personField && <Badge color="gray">From the person's record</Badge>}
                  </Group>
                  {q.help && <Text size="sm">{q.help}</Text>}
                  <Group gap="xs">
                    <Badge color="indigo">{questionKindLabels[q.kind] ?? q.kind}</Badge>
                    <Badge color="gray" variant="outline">Asked of {(audienceLabels[q.audience] ?? q.audience).toLowerCase()}</Badge>
                    {(q.kind === 'single' || q.kind === 'multi') && (
                      <Text size="sm">{plural(q.options.length, 'option')}</Text>
                    )}
                    {q.kind === 'scale' && <Text size="sm">{q.scaleMin} to {q.scaleMax}</Text>}
                  </Group>
                  <Text size="sm"><Text span fw={600}>Matching:</Text> {ruleInWords(q, questions)}</Text>
                  <Text size="sm">{q.answers > 0 ? `${plural(q.answers, 'answer')}` : 'No answers yet'}</Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label="Move up">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Move “${q.prompt}” up`} disabled={i === 0 || moving !== null} onClick={() => move(i, -1)}>
                      <IconArrowUp size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Move down">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Move “${q.prompt}” down`} disabled={i === questions.length - 1 || moving !== null} onClick={() => move(i, 1)}>
                      <IconArrowDown size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Edit “${q.prompt}”`} onClick={() => setEditing(q)}>
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete “${q.prompt}”`} onClick={() => remove(q)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      <QuestionFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        programId={program.id}
        question={editing === 'new' || editing === null ? undefined : editing}
        all={questions ?? []}
        onSaved={async (q) => {
          const isNew = editing === 'new';
          setEditing(null);
          notifications.show({ color: 'teal', message: isNew ? `“${q.prompt}” was added.` : `“${q.prompt}” was saved.` });
          await load();
        }}
      />
    </Stack>
  );
}
