import { Badge, Group } from '@mantine/core';
import type { Program } from '../api';
import { kindLabels, programStatusColors, programStatusLabels } from '../lib/words/labels';

/** ProgramBadges shows a program's kind, status and whether peer mentoring is on. */
export function ProgramBadges({ program: p }: { program: Program }) {
  return (
    <Group gap={6}>
      <Badge color="indigo">{kindLabels[p.kind] ?? p.kind}</Badge>
      <Badge color={programStatusColors[p.status] ?? 'gray'}>{programStatusLabels[p.status] ?? p.status}</Badge>
      <Badge color={p.peerMentoring ? 'grape' : 'gray'} variant={p.peerMentoring ? 'light' : 'outline'}>
        Peer mentoring {p.peerMentoring ? 'on' : 'off'}
      </Badge>
    </Group>
  );
}
