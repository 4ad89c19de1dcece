import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { api, toApiError, type StartProblem, type StartProblemKind } from '../../api';
import { formatDateTime } from '../../lib/format';
import { Logo } from '../Logo';

const titles: Record<StartProblemKind, string> = {
  '': '',
  locked: 'Tandem is already open with this data',
  damaged: 'Your data file is damaged',
  readOnly: 'Tandem cannot save to its data file',
  full: 'The disk is full',
  tooNew: 'This data is from a newer Tandem',
  failed: 'Tandem could not open its data',
};

/** What the admin can do about each problem, in a sentence. */
function advice(p: StartProblem): string {
  switch (p.kind) {
    case 'locked':
      return 'Only one Tandem at a time may work on the same data, so that nothing is saved twice or lost. Switch to the window that is open, or close it and try again.';
    case 'damaged':
      return p.backup
        ? 'Tandem keeps a backup each time it starts. Restoring puts the newest backup that passes a full check in place of the damaged file; the damaged file is kept beside it, not deleted.'
        : 'There is no backup that passes a full check. Keep the file as it is and ask for help: nothing has been changed or deleted.';
    case 'readOnly':
      return 'Check that the disk is not read-only and that your account may change the file and its folder, then try again. Nothing was changed.';
    case 'full':
      return `Free at least ${p.needMb} MB on that disk (empty the bin, move large files), then try again. Nothing was changed.`;
    case 'tooNew':
      return 'Install the newest Tandem and open the data with it. This version will not change the file.';
    default:
      return p.logPath ? `The details are in the log: ${p.logPath}` : 'The details are in the log.';
  }
}

/** ProblemScreen is the whole window when Tandem could not open its data: what is wrong, where, and what to do. */
export function ProblemScreen({ problem }: { problem: StartProblem }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const act = (f: () => Promise<void>) => async () => {
    setBusy(true);
    setError('');
    try {
      await f();
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
  };
  const canRestore = problem.kind === 'damaged' && problem.backup !== '';
  return (
    <Stack component="main" align="center" justify="center" mih="100vh" p="xl">
      <Paper withBorder radius="md" p="xl" maw={640} w="100%">
        <Stack gap="md">
          <Group gap="sm">
            <Logo size={32} />
            <Title order={1} fz="xl">{titles[problem.kind] || titles.failed}</Title>
          </Group>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} role="alert">
            {problem.message}
          </Alert>
          <Text>{advice(problem)}</Text>
          <div>
            <Text size="sm" c="dimmed">Data file</Text>
            <Code block>{problem.path}</Code>
          </div>
          {canRestore && (
            <Text size="sm">
              Newest good backup: {problem.backupAt ? formatDateTime(problem.backupAt) : problem.backup}
            </Text>
          )}
          {error && <Alert color="red" role="alert">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={act(api.launch.quit)} disabled={busy}>Close Tandem</Button>
            {problem.kind !== 'tooNew' && (
              <Button variant={canRestore ? 'default' : 'filled'} onClick={act(api.launch.tryAgain)} disabled={busy}>
                Try again
              </Button>
            )}
            {canRestore && (
              <Button onClick={act(api.launch.restoreBackup)} loading={busy}>Restore the backup</Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
