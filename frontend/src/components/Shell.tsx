import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDatabase, IconLayoutGrid, IconMailForward, IconSettings, IconUsers } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { href, useRoute } from '../lib/router';
import { Logo } from './Logo';
import { useOutbox } from './OutboxContext';
import { usePrograms } from './ProgramsContext';

/** Shell is the one layout: header with the app name, navigation, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const route = useRoute();
  const { programs } = usePrograms();
  const { queued } = useOutbox();
  useEffect(close, [route, close]);

  const current = (active: boolean) => (active ? ({ 'aria-current': 'page' } as const) : {});
  const programsActive = route.name === 'programs' || route.name === 'home';
  const listed = (programs ?? []).filter((p) => p.status !== 'archived');

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="xl">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Logo />
          <Text component="span" fw={700} fz="lg">Tandem</Text>
          <Text component="span" fz="sm" visibleFrom="sm">Mentoring programs</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <NavLink
            href={href({ name: 'programs' })}
            label="Programs"
            leftSection={<IconLayoutGrid size={18} stroke={1.6} />}
            active={programsActive}
            {...current(programsActive)}
          />
          {listed.map((p) => {
            const active = route.name === 'program' && route.id === p.id;
            return (
              <NavLink
                key={p.id}
                href={href({ name: 'program', id: p.id, tab: 'overview' })}
                label={p.name}
                pl={44}
                active={active}
                {...current(active)}
              />
            );
          })}
          <NavLink
            href={href({ name: 'people' })}
            label="People"
            leftSection={<IconUsers size={18} stroke={1.6} />}
            active={route.name === 'people'}
            {...current(route.name === 'people')}
          />
          <NavLink
            href={href({ name: 'outbox' })}
            label="Outbox"
            leftSection={<IconMailForward size={18} stroke={1.6} />}
            rightSection={queued > 0 ? <Badge size="sm" variant="filled" aria-hidden="true">{queued}</Badge> : undefined}
            aria-describedby={queued > 0 ? 'outbox-waiting' : undefined}
            active={route.name === 'outbox'}
            {...current(route.name === 'outbox')}
          />
          <NavLink
            href={href({ name: 'settings' })}
            label="Settings"
            leftSection={<IconSettings size={18} stroke={1.6} />}
            active={route.name === 'settings'}
            {...current(route.name === 'settings')}
          />
          <NavLink
            href={href({ name: 'about' })}
            label="About & data"
            leftSection={<IconDatabase size={18} stroke={1.6} />}
            active={route.name === 'about'}
            {...current(route.name === 'about')}
          />
        </AppShell.Section>
        {/* The badge's meaning for screen readers; the link's name stays "Outbox". */}
        {queued > 0 && <VisuallyHidden id="outbox-waiting">{queued === 1 ? '1 email waits' : `${queued} emails wait`} to be sent</VisuallyHidden>}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
