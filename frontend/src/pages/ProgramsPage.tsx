import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLayoutGrid, IconPlus } from '@tabler/icons-react';
import type { Program } from '../api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { ProgramBadges } from '../components/ProgramBadges';
import { ProgramFormModal } from '../components/ProgramForm';
import { usePrograms } from '../components/ProgramsContext';
import { formatNumber, formatRange } from '../lib/format';
import { href, navigate } from '../lib/router';

/** ProgramsPage lists the programs, archived ones apart. */
export function ProgramsPage() {
  const { programs, error, reload } = usePrograms();
  const [formOpened, form] = useDisclosure(false);
  const active = (programs ?? []).filter((p) => p.status !== 'archived');
  const archived = (programs ?? []).filter((p) => p.status === 'archived');

  return (
    <>
      <PageHeader
        title="Programs"
        subtitle="Your mentoring programs: who takes part, how they are matched, and how they are doing."
        actions={<Button leftSection={<IconPlus size={18} />} onClick={form.open}>New program</Button>}
      />
      {error && <Alert color="red" title="The programs could not be loaded" mb="md">{error}</Alert>}
      {!programs && !error && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} role="status" aria-busy="true" aria-label="Loading programs">
          {[0, 1, 2].map((i) => <Skeleton key={i} h={180} radius="md" />)}
        </SimpleGrid>
      )}
      {programs && active.length === 0 && (
        <EmptyState
          icon={<IconLayoutGrid size={26} />}
          title={archived.length ? 'No current programs' : 'No programs yet'}
          actions={<Button onClick={form.open}>Create a program</Button>}
        >
          A program is a cohort with dates, an always-open (evergreen) program or a set of small groups. Create one,
          then add or import its participants.
        </EmptyState>
      )}
      {active.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
          {active.map((p) => <ProgramCard key={p.id} program={p} />)}
        </SimpleGrid>
      )}
      {archived.length > 0 && (
        <Stack mt={40} gap="sm">
          <Title order={2} fz="lg">Archived</Title>
          <Text c="dimmed" size="sm">Archived programs keep everything; open one to unarchive it.</Text>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
            {archived.map((p) => <ProgramCard key={p.id} program={p} headingOrder={3} />)}
          </SimpleGrid>
        </Stack>
      )}
      <ProgramFormModal
        opened={formOpened}
        onClose={form.close}
        onSaved={async (p) => {
          form.close();
          await reload();
          notifications.show({ color: 'teal', title: 'Program created', message: `${p.name} is ready for participants.` });
          navigate({ name: 'program', id: p.id, tab: 'participants' });
        }}
      />
    </>
  );
}

function ProgramCard({ program: p, headingOrder = 2 }: { program: Program; headingOrder?: 2 | 3 }) {
  const c = p.counts;
  return (
    <Card withBorder radius="md" padding="lg" component="a" href={href({ name: 'program', id: p.id, tab: 'overview' })}>
      <Stack gap="sm" h="100%">
        <Title order={headingOrder} fz="lg" lineClamp={2}>{p.name}</Title>
        <ProgramBadges program={p} />
        {p.description && <Text size="sm" lineClamp={2}>{p.description}</Text>}
        {p.kind === 'cohort' && (p.startsOn || p.endsOn) && (
          <Text size="sm">Runs {formatRange(p.startsOn, p.endsOn)}</Text>
        )}
        <Group gap="lg" mt="auto" pt="xs">
          <Count label="participants" n={c.participants} strong />
          <Count label="mentors" n={c.mentors} />
          <Count label="mentees" n={c.mentees} />
          {(p.peerMentoring || c.peers > 0) && <Count label="peers" n={c.peers} />}
        </Group>
      </Stack>
    </Card>
  );
}

function Count({ n, label, strong }: { n: number; label: string; strong?: boolean }) {
  return (
    <Text size="sm">
      <Text span fw={strong ? 700 : 600} fz="md">{formatNumber(n)}</Text> {label}
    </Text>
  );
}

