import { Alert, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { api, toApiError, type Program } from '../api';
import { DirectoryTab } from '../components/directory/DirectoryTab';
import { PageHeader } from '../components/PageHeader';
import { ProgramBadges } from '../components/ProgramBadges';
import { PairingTab } from '../components/pairing/PairingTab';
import { ProgramFormModal } from '../components/ProgramForm';
import { usePrograms } from '../components/ProgramsContext';
import { QuestionnaireTab } from '../components/questions/QuestionnaireTab';
import { RelationshipsTab } from '../components/relationships/RelationshipsTab';
import { RequestsTab } from '../components/requests/RequestsTab';
import { formatDate, formatNumber } from '../lib/format';
import { kindDescriptions, kindLabels, programStatusLabels } from '../lib/words/labels';
import { href, navigate, type ProgramTab } from '../lib/router';

/** ProgramPage is one program: overview, participants, questionnaire and relationships, as tabs. */
export function ProgramPage({ id, tab, relationship }: { id: number; tab: ProgramTab; relationship?: number }) {
  const { programs, error, reload } = usePrograms();
  const program = programs?.find((p) => p.id === id);
  const shownTab = tab;

  if (!programs) {
    if (error) return <Alert color="red" title="The program could not be loaded">{error}</Alert>;
    return (
      <Stack role="status" aria-busy="true" aria-label="Loading program">
        <Skeleton h={36} w="40%" />
        <Skeleton h={20} w="60%" />
        <Skeleton h={240} mt="lg" />
      </Stack>
    );
  }
  if (!program) {
    return (
      <Stack align="flex-start">
        <Title order={1}>Program not found</Title>
        <Text>This program does not exist any more.</Text>
        <Button component="a" href={href({ name: 'programs' })}>Go to programs</Button>
      </Stack>
    );
  }

  return (
    <>
      <PageHeader title={program.name} subtitle={program.description || kindDescriptions[program.kind]}>
        <ProgramBadges program={program} />
      </PageHeader>
      <Tabs
        value={shownTab}
        onChange={(t) => {
          if (!t) return;
          navigate({ name: 'program', id, tab: t as ProgramTab });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="participants">Participants</Tabs.Tab>
          <Tabs.Tab value="questionnaire">Questionnaire</Tabs.Tab>
          <Tabs.Tab value="pairing">Pairing</Tabs.Tab>
          <Tabs.Tab value="relationships">Relationships</Tabs.Tab>
          <Tabs.Tab value="requests">Requests</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview program={program} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="participants">
          <DirectoryTab program={program} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="questionnaire">
          <QuestionnaireTab program={program} />
        </Tabs.Panel>
        <Tabs.Panel value="pairing">
          <PairingTab program={program} />
        </Tabs.Panel>
        <Tabs.Panel value="relationships">
          <RelationshipsTab program={program} openId={relationship ?? null} />
        </Tabs.Panel>
        <Tabs.Panel value="requests">
          <RequestsTab program={program} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function Overview({ program: p, onChanged }: { program: Program; onChanged: () => Promise<void> }) {
  const [editOpened, edit] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const archived = p.status === 'archived';

  const unarchive = async (quiet = false) => {
    setBusy(true);
    try {
      await api.programs.unarchive(p.id);
      await onChanged();
      if (!quiet) notifications.show({ color: 'teal', message: `${p.name} is back among the current programs.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not unarchived', message: toApiError(e).message });
    } finally {
      setBusy(false);
    }
  };

  const archive = () =>
    modals.openConfirmModal({
      title: `Archive ${p.name}?`,
      children: (
        <Text size="sm">
          The program moves to the Archived section. Nothing in it is deleted, and you can unarchive it at any time.
        </Text>
      ),
      labels: { confirm: 'Archive', cancel: 'Cancel' },
      onConfirm: async () => {
        setBusy(true);
        try {
          await api.programs.archive(p.id);
          await onChanged();
          const nid = notifications.show({
            color: 'teal',
            title: 'Program archived',
            autoClose: 8000,
            message: (
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Text size="sm">{p.name} was archived.</Text>
                <Button size="compact-sm" variant="light" onClick={() => { notifications.hide(nid); void unarchive(true); }}>
                  Undo
                </Button>
              </Group>
            ),
          });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not archived', message: toApiError(e).message });
        } finally {
          setBusy(false);
        }
      },
    });

  const c = p.counts;
  const settings: [string, string][] = [
    ['Kind', `${kindLabels[p.kind] ?? p.kind}: ${kindDescriptions[p.kind] ?? ''}`],
    ['Status', programStatusLabels[p.status] ?? p.status],
    ['Peer mentoring', p.peerMentoring ? 'On: participants can register as Peer' : 'Off'],
  ];
  if (p.kind !== 'evergreen' && (p.startsOn || p.endsOn)) {
    settings.push(
      ['Registration', window2(p.registrationOpens, p.registrationCloses)],
      ['Matching', window2(p.matchingOpens, p.matchingCloses)],
      ['Runs', window2(p.startsOn, p.endsOn)],
    );
  }
  if (p.kind === 'group') settings.push(['Group size', `${p.groupMin} to ${p.groupMax} people`]);
  settings.push(
    ['Default mentor capacity', `${p.defaultCapacity} ${p.defaultCapacity === 1 ? 'mentee' : 'mentees'}`],
    ['Mentor requests expire after', `${p.mentorRequestExpiryDays} days (peer requests never expire)`],
    ['Open requests per person', p.maxOpenRequests > 0 ? `at most ${p.maxOpenRequests}` : 'no limit'],
    ['Created', formatDate(p.createdAt)],
  );

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Participants" n={c.participants} />
        <Stat label="Mentors" n={c.mentors} />
        <Stat label="Mentees" n={c.mentees} />
        <Stat label="Peers" n={c.peers} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="lg">Settings</Title>
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>Edit program</Button>
            {archived ? (
              <Button variant="default" leftSection={<IconArchiveOff size={16} />} loading={busy} onClick={() => unarchive()}>
                Unarchive
              </Button>
            ) : (
              <Button variant="default" color="red" leftSection={<IconArchive size={16} />} loading={busy} onClick={archive}>
                Archive
              </Button>
            )}
          </Group>
        </Group>
        <Stack gap={0} component="dl" m={0}>
          {settings.map(([k, v]) => (
            <Group key={k} gap="md" py={8} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Text component="dt" fw={600} size="sm" w={230} style={{ flexShrink: 0 }}>{k}</Text>
              <Text component="dd" size="sm" m={0}>{v}</Text>
            </Group>
          ))}
        </Stack>
      </Paper>
      <ProgramFormModal
        opened={editOpened}
        onClose={edit.close}
        program={p}
        onSaved={async (saved) => {
          edit.close();
          await onChanged();
          notifications.show({ color: 'teal', message: `${saved.name} was saved.` });
        }}
      />
    </Stack>
  );
}

function window2(from: string, to: string): string {
  if (!from && !to) return 'Not set';
  return `${from ? formatDate(from) : '…'} – ${to ? formatDate(to) : '…'}`;
}

function Stat({ label, n }: { label: string; n: number }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" fw={600}>{label}</Text>
      <Text fz={28} fw={700} lh={1.2}>{formatNumber(n)}</Text>
    </Paper>
  );
}
