import { List, Text } from '@mantine/core';
import type { Leaving } from '../../api';
import { leavingWords } from '../../lib/words/leaving';

/** LeavingSummary lists what a participant's leaving does besides, for the admin to read before confirming. */
export function LeavingSummary({ leaving, heading }: { leaving: Leaving; heading?: string }) {
  const lines = leavingWords(leaving);
  if (lines.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>{heading ?? `Withdrawing ${leaving.name} also:`}</Text>
      <List size="sm" spacing={2} mt={4}>
        {lines.map((l) => <List.Item key={l}>{l}</List.Item>)}
      </List>
    </div>
  );
}
