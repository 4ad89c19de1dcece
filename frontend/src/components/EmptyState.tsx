import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** EmptyState says there is nothing here yet and what to do next. */
export function EmptyState({ icon, title, children, actions, headingOrder = 2 }: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  headingOrder?: 2 | 3 | 4;
}) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" ta="center" maw={520} mx="auto">
        {icon && <ThemeIcon size={48} radius="xl" variant="light">{icon}</ThemeIcon>}
        <Title order={headingOrder} fz="lg">{title}</Title>
        {children && <Text>{children}</Text>}
        {actions && <Stack gap="xs" align="center" mt="xs">{actions}</Stack>}
      </Stack>
    </Paper>
  );
}
