import { Alert, Button, Card, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, toApiError, type AppState } from '../api';
import { Logo } from '../components/Logo';
import { ProgramFormModal } from '../components/ProgramForm';
import { usePrograms } from '../components/ProgramsContext';
import { plural } from '../lib/format';
import { navigate } from '../lib/router';
import { ProgramsPage } from './ProgramsPage';

/** StartPage shows the welcome screen on an empty database, and the programs otherwise. */
export function StartPage() {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.system.state().then(
      (s) => live && setState(s),
      (e) => live && setError(toApiError(e).message),
    );
    return () => { live = false; };
  }, [attempt]);

  if (error) {
    return (
      <Stack align="flex-start">
        <Title order={1}>Tandem</Title>
        <Alert color="red" title="Tandem could not read its data">{error}</Alert>
        <Button onClick={() => { setError(null); setAttempt((n) => n + 1); }}>Try again</Button>
      </Stack>
    );
  }
  if (!state) {
    return (
      <Stack align="center" mt="xl" role="status" aria-busy="true" aria-label="Loading">
        <Loader />
      </Stack>
    );
  }
  return state.empty ? <Welcome /> : <ProgramsPage />;
}

/** Welcome is the first screen of a new database: what Tandem is, and two ways to start. */
export function Welcome() {
  const [formOpened, form] = useDisclosure(false);
  const [loading, setLoading] = useState(false);
  const { reload } = usePrograms();

  const loadSample = async () => {
    setLoading(true);
    try {
      const res = await api.system.loadSample();
      await reload();
      notifications.show({
        color: 'teal',
        title: 'Sample organisation loaded',
        message: `${plural(res.people, 'person', 'people')} and ${plural(res.programs.length, 'program')} to explore.`,
      });
      navigate({ name: 'programs' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'The sample was not loaded', message: toApiError(e).message, autoClose: 10000 });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Stack maw={860} mx="auto" mt="lg" gap="xl">
      <Stack gap="sm" align="center" ta="center">
        <Logo size={56} />
        <Title order={1}>Welcome to Tandem</Title>
        <Text size="lg" maw={640}>
          Tandem runs your organisation's mentoring programs (peer mentoring, mentor and mentee pairs, small groups)
          from this laptop. Everything stays in one file on this computer; participants only ever receive emails.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="xl">
          <Stack gap="sm" h="100%">
            <ThemeIcon size={44} radius="md" variant="light"><IconPlus size={24} /></ThemeIcon>
            <Title order={2} fz="lg">Start your first program</Title>
            <Text style={{ flex: 1 }}>Set up a cohort, an always-open program or small groups, then add or import its participants.</Text>
            <Button size="md" onClick={form.open} disabled={loading}>Create a program</Button>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="xl">
          <Stack gap="sm" h="100%">
            <ThemeIcon size={44} radius="md" variant="light" color="teal"><IconFlask size={24} /></ThemeIcon>
            <Title order={2} fz="lg">Look around first</Title>
            <Text style={{ flex: 1 }}>Load a made-up organisation with 80 people and two programs, and try everything safely.</Text>
            <Button size="md" variant="light" onClick={loadSample} loading={loading}>Explore with sample data</Button>
          </Stack>
        </Card>
      </SimpleGrid>
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
    </Stack>
  );
}
