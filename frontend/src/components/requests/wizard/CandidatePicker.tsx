import { Alert, Badge, Group, Progress, Radio, ScrollArea, Skeleton, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { Candidate, RequestKind } from '../../../api';
import { plural } from '../../../lib/format';

const MAX_SHOWN = 60;

/** CandidatePicker lists whom a participant may ask: fit as a bar, the reasons as badges. */
export function CandidatePicker({ kind, candidates, error, search, onSearch, value, onChange, fieldError }: {
  kind: RequestKind;
  candidates: Candidate[] | null;
  error: string | null;
  search: string;
  onSearch: (s: string) => void;
  value: Candidate | null;
  onChange: (c: Candidate) => void;
  fieldError?: string;
}) {
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = candidates ?? [];
    if (!q) return all;
    return all.filter((c) => [c.participant.name, c.participant.email, c.participant.title, c.participant.department, ...c.reasons]
      .some((s) => s.toLowerCase().includes(q)));
  }, [candidates, search]);

  if (error) return <Alert color="red" title="The candidates could not be loaded">{error}</Alert>;
  if (!candidates) {
    return (
      <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading candidates">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} h={64} />)}
      </Stack>
    );
  }
  const role = kind === 'peer' ? 'peers' : 'mentors with free capacity';
  if (candidates.length === 0) {
    return (
      <Alert color="orange" title="Nobody to ask">
        No active {role} are left to ask: people already asked, or already in a relationship with them, are not listed.
      </Alert>
    );
  }
  const list = shown.slice(0, MAX_SHOWN);
  // The chosen one stays listed even when the search hides it.
  if (value && !list.some((c) => c.participant.id === value.participant.id)) list.unshift(value);

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        aria-label="Search candidates"
        placeholder="Search by name, title, department or reason"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
      />
      <Radio.Group
        label="Whom to ask"
        description={`${plural(candidates.length, kind === 'peer' ? 'peer' : 'mentor')} to choose from, best fit first${
          shown.length > MAX_SHOWN ? ` (the first ${MAX_SHOWN} shown: search to find others)` : ''}.`}
        value={value ? String(value.participant.id) : null}
        onChange={(id) => {
          const c = candidates.find((x) => String(x.participant.id) === id);
          if (c) onChange(c);
        }}
        error={fieldError}
        required
      >
        <ScrollArea.Autosize mah={380} mt={6} type="auto" offsetScrollbars>
          <Stack gap={6} p={2}>
            {list.length === 0 && <Text size="sm">Nobody matches “{search.trim()}”.</Text>}
            {list.map((c) => <CandidateCard key={c.participant.id} c={c} />)}
          </Stack>
        </ScrollArea.Autosize>
      </Radio.Group>
    </Stack>
  );
}

function CandidateCard({ c }: { c: Candidate }) {
  const p = c.participant;
  const detailsId = `candidate-${p.id}-details`;
  const about = [p.title, p.department, p.timeZone].filter(Boolean).join(' · ');
  return (
    <Radio.Card value={String(p.id)} radius="md" p="sm" aria-label={p.name} aria-describedby={detailsId}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={4} />
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" fw={600}>{p.name}</Text>
            <Group gap={8} wrap="nowrap" w={170}>
              <Progress value={c.score} size="md" style={{ flex: 1 }} aria-hidden="true" />
              <Text size="xs" fw={600} w={58} ta="right">{c.score}% fit</Text>
            </Group>
          </Group>
          <div id={detailsId}>
            <Text size="xs">{about || p.email}</Text>
            <VisuallyHidden>{c.score}% fit.</VisuallyHidden>
            {c.reasons.length > 0 && (
              <Group gap={4} mt={4}>
                {c.reasons.map((r) => <Badge key={r} size="sm" variant="light" color="gray" tt="none">{r}</Badge>)}
              </Group>
            )}
          </div>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
