import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsShuffle, IconSettings } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApproveResult, type Draft, type Program } from '../../api';
import { plural } from '../../lib/format';
import { href } from '../../lib/router';
import { useOutbox } from '../OutboxContext';
import { showQueued, useAutoSend } from '../outbox/queuedNotice';
import { DraftView } from './DraftView';
import { PairingSettingsModal } from './PairingSettings';
import { defaultMode } from '../../lib/words/pairing';
import { RunChoices, RunningNote, type RunChoice } from './RunControls';

/** PairingTab runs the matching engine over a program and lets the admin edit and approve its draft. */
export function PairingTab({ program }: { program: Program }) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<{ message: string; field?: string } | null>(null);
  const [approved, setApproved] = useState<ApproveResult | null>(null);
  const [choice, setChoice] = useState<RunChoice>({ mode: defaultMode(program), objective: 'max_weight' });
  const [settingsOpened, settings] = useDisclosure(false);
  const autoSend = useAutoSend();
  const outbox = useOutbox();

  const load = useCallback(async () => {
    try {
      const d = await api.pairing.get(program.id);
      setDraft(d);
      if (d) setChoice({ mode: d.mode as RunChoice['mode'], objective: d.objective as RunChoice['objective'] });
      setLoadError(null);
    } catch (e) {
      setLoadError(toApiError(e).message);
    }
  }, [program.id]);

  useEffect(() => { void load(); }, [load]);

  const run = async () => {
    setRunning(true);
    setRunError(null);
    try {
      const d = await api.pairing.run({ programId: program.id, mode: choice.mode, objective: choice.objective });
      setDraft(d);
      setApproved(null);
    } catch (e) {
      const err = toApiError(e);
      setRunError({ message: err.message, field: err.field });
    } finally {
      setRunning(false);
    }
  };

  const onApproved = (res: ApproveResult) => {
    setDraft(null);
    setApproved(res);
    void outbox.refresh();
    showQueued({
      title: `Approved: ${plural(res.relationships, 'relationship')} created`,
      what: `Introduction emails to ${plural(res.emails, 'person', 'people')}`,
      kind: 'introduction',
      autoSend,
    });
  };

  if (loadError && draft === undefined) return <Alert color="red" title="The pairing draft could not be loaded">{loadError}</Alert>;
  if (draft === undefined) {
    return (
      <Stack role="status" aria-busy="true" aria-label="Loading the pairing draft">
        <Skeleton h={90} />
        <Skeleton h={240} />
      </Stack>
    );
  }

  return (
    <>
      {draft ? (
        <DraftView
          program={program}
          draft={draft}
          onDraft={setDraft}
          choice={choice}
          onChoice={setChoice}
          running={running}
          runError={runError?.message ?? null}
          onRun={run}
          onApproved={onApproved}
          onDiscarded={() => { setDraft(null); setApproved(null); }}
          onSettings={settings.open}
          autoSend={!!autoSend?.includes('introduction')}
        />
      ) : (
        <Stack gap="md">
          {approved && (
            <Alert color="teal" title={`Approved: ${plural(approved.relationships, 'relationship')} created`}>
              <Text size="sm">
                {plural(approved.emails, 'introduction email')} {approved.emails === 1 ? 'is' : 'are'} in the{' '}
                <Anchor href={href({ name: 'outbox' })}>Outbox</Anchor>. The new pairs are in the{' '}
                <Anchor href={href({ name: 'program', id: program.id, tab: 'relationships' })}>Relationships</Anchor> tab.
              </Text>
            </Alert>
          )}
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="pairing-start">
            <Group justify="space-between" align="flex-start" mb="xs">
              <Title order={2} fz="lg" id="pairing-start">{approved ? 'Pair again' : 'Turn on pairing'}</Title>
              <Button variant="default" leftSection={<IconSettings size={16} />} onClick={settings.open}>Pairing settings</Button>
            </Group>
            <Text size="sm" mb="md" maw={720}>
              Tandem scores every possible pair from the questionnaire’s matching rules and participants’ wishes, then proposes the
              best pairing as a draft. You can lock, swap, remove or add pairs before you approve it.{' '}
              <strong>Nothing is emailed until you approve the draft.</strong>
            </Text>
            <RunChoices
              program={program}
              value={choice}
              onChange={(c) => { setChoice(c); setRunError(null); }}
              disabled={running}
              modeError={runError?.field === 'mode' ? runError.message : undefined}
            />
            {runError && runError.field !== 'mode' && (
              <Alert color="red" mt="md" title="Pairing did not run">{runError.message}</Alert>
            )}
            <Group mt="lg" gap="md">
              <Button leftSection={<IconArrowsShuffle size={18} />} onClick={run} loading={running}>Run pairing</Button>
              {running && <RunningNote />}
            </Group>
          </Paper>
        </Stack>
      )}
      <PairingSettingsModal program={program} opened={settingsOpened} onClose={settings.close} />
    </>
  );
}
