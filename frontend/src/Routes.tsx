import { Button, Stack, Text, Title } from '@mantine/core';
import { href, useRoute } from './lib/router';
import { AboutPage } from './pages/AboutPage';
import { OutboxPage } from './pages/OutboxPage';
import { PeoplePage } from './pages/PeoplePage';
import { ProgramPage } from './pages/ProgramPage';
import { ProgramsPage } from './pages/ProgramsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StartPage } from './pages/StartPage';

/** Routes shows the page of the current location. */
export function Routes() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <StartPage />;
    case 'programs':
      return <ProgramsPage />;
    case 'program':
      return <ProgramPage key={route.id} id={route.id} tab={route.tab} relationship={route.relationship} />;
    case 'people':
      return <PeoplePage />;
    case 'outbox':
      return <OutboxPage />;
    case 'settings':
      return <SettingsPage />;
    case 'about':
      return <AboutPage />;
    case 'notFound':
      return (
        <Stack align="flex-start">
          <Title order={1}>Page not found</Title>
          <Text>There is no page at {route.path}.</Text>
          <Button component="a" href={href({ name: 'programs' })}>Go to programs</Button>
        </Stack>
      );
  }
}
