import { Alert, Button, Code, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { api, toApiError, type AppState } from '../api';
import { PageHeader } from '../components/PageHeader';
import { formatBytes, formatDateTime } from '../lib/format';

/** AboutPage says where Tandem keeps the data and lists the backups. */
export function AboutPage() {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.system.state().then(
      (s) => live && setState(s),
      (e) => live && setError(toApiError(e).message),
    );
    return () => { live = false; };
  }, []);

  const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;

  const restore = (path: string, written: string) => {
    modals.openConfirmModal({
      title: 'Restore this backup?',
      children: (
        <Text size="sm">
          Tandem goes back to the data as it was on {formatDateTime(written)}. It first backs up the data as it is now,
          so you can come back to it from this list.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.system.restoreBackup(path);
          notifications.show({ color: 'green', title: 'Backup restored', message: 'Reloading Tandem with the restored data…' });
          window.setTimeout(() => window.location.reload(), 600);
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not restored', message: toApiError(e).message });
        }
      },
    });
  };

  return (
    <>
      <PageHeader title="About & data" subtitle="Tandem keeps everything in one file on this computer, and backs it up each time it starts." />
      {error && <Alert color="red" title="The data folder could not be read">{error}</Alert>}
      {!state && !error && <Skeleton h={200} role="status" aria-busy="true" aria-label="Loading" />}
      {state && (
        <Stack gap="lg" maw={900}>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <div>
                <Text fw={600} size="sm">Version</Text>
                <Text size="sm">Tandem {state.version}</Text>
              </div>
              <div>
                <Text fw={600} size="sm">Database</Text>
                <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{state.dbPath}</Code>
              </div>
              <div>
                <Text fw={600} size="sm">Backups folder</Text>
                <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{state.backupDir}</Code>
              </div>
            </Stack>
          </Paper>
          <Stack gap="sm">
            <Title order={2} fz="lg">Backups</Title>
            {state.backups.length === 0 ? (
              <Text>No backups yet. Tandem makes one each time it starts with data in it.</Text>
            ) : (
              <Table withTableBorder verticalSpacing="xs" aria-label="Backups">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Written</Table.Th>
                    <Table.Th ta="right">Size</Table.Th>
                    <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.backups.map((b) => (
                    <Table.Tr key={b.path}>
                      <Table.Td><Text size="sm" title={b.path}>{fileName(b.path)}</Text></Table.Td>
                      <Table.Td><Text size="sm">{formatDateTime(b.written)}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm">{formatBytes(b.size)}</Text></Table.Td>
                      <Table.Td ta="right">
                        <Button size="compact-sm" variant="default" onClick={() => restore(b.path, b.written)}
                          aria-label={`Restore the backup of ${formatDateTime(b.written)}`}>
                          Restore
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}
