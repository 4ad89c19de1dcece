import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { resolver, theme } from '../theme';

/** renderUI renders with Tandem's providers; env="test" turns off transitions and portals. */
export function renderUI(ui: ReactElement) {
  return render(
    <MantineProvider theme={theme} env="test" cssVariablesResolver={resolver}>
      <ModalsProvider>
        <Notifications />
        {ui}
      </ModalsProvider>
    </MantineProvider>,
  );
}
