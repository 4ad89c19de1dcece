import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { LaunchGate } from './components/launch/LaunchGate';
import { OutboxProvider } from './components/OutboxContext';
import { Shell } from './components/Shell';
import { ProgramsProvider } from './components/ProgramsContext';
import { Routes } from './Routes';
import { resolver, theme } from './theme';

/** App is Tandem's whole UI: theme, modals, notifications, the shell and the current page. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver}>
      <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }}>
        <Notifications position="bottom-right" limit={4} />
        <LaunchGate>
          <ProgramsProvider>
            <OutboxProvider>
              <Shell>
                <Routes />
              </Shell>
            </OutboxProvider>
          </ProgramsProvider>
        </LaunchGate>
      </ModalsProvider>
    </MantineProvider>
  );
}
