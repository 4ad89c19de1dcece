import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** PageHeader is a page's h1, its one-line subtitle, and the page's main actions. */
export function PageHeader({ title, subtitle, actions, children }: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
        <Title order={1} fz={28}>{title}</Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
        {children}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
