import { MultiSelect, Select, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, toApiError, type Participant } from '../../api';

const LIMIT = 100;

/** optionLabel is how a participant reads in a picker: "Ana Silva (ana@northwind.example)". */
export const optionLabel = (p: Pick<Participant, 'name' | 'email'>) => `${p.name} (${p.email})`;

/**
 * useParticipantSearch asks the directory (on the server) for a program's active participants
 * with a role whose name or email matches what is typed, so a program of thousands stays fast.
 * It remembers every participant it has seen, so chosen ones keep their label.
 */
function useParticipantSearch(programId: number, role: string, search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [rows, setRows] = useState<Participant[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const known = useRef(new Map<number, Participant>());

  useEffect(() => {
    let live = true;
    setLoading(true);
    api.directory
      .query({
        programId, search: debounced, role, department: '', location: '', status: 'active', sort: 'name', desc: false,
        offset: 0, limit: LIMIT,
      })
      .then(
        (page) => {
          if (!live) return;
          for (const p of page.rows) known.current.set(p.id, p);
          setRows(page.rows);
          setError(null);
        },
        (e) => { if (live) setError(toApiError(e).message); },
      )
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [programId, role, debounced]);

  return { rows, loading, error, known: known.current };
}

function renderOption({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  const p = (option as ComboboxItem & { participant?: Participant }).participant;
  if (!p) return option.label;
  return (
    <div>
      <Text size="sm" fw={600}>{p.name}</Text>
      <Text size="xs">{[p.email, p.department, p.timeZone].filter(Boolean).join(' · ')}</Text>
    </div>
  );
}

// The server already filtered by what was typed.
const noFilter: OptionsFilter = ({ options }) => options;

interface PickerProps {
  programId: number;
  /** Only participants with this role ("mentor", "mentee", "peer"; "" for anyone). */
  role: string;
  label: string;
  description?: string;
  error?: string | boolean;
  /** Participants chosen elsewhere in the form, left out of the choices. */
  exclude?: number[];
}

/** ParticipantPicker chooses one of a program's active participants, searching on the server. */
export function ParticipantPicker({ value, onChange, programId, role, label, description, error, exclude = [] }: PickerProps & {
  value: Participant | null;
  onChange: (p: Participant | null) => void;
}) {
  const [search, setSearch] = useState('');
  // While a choice is shown, its label is in the box: search for everyone, not for that label.
  const query = value && search === optionLabel(value) ? '' : search;
  const { rows, loading, error: loadError } = useParticipantSearch(programId, role, query);
  const data = useMemo(() => {
    const list = rows.filter((p) => !exclude.includes(p.id) || p.id === value?.id);
    if (value && !list.some((p) => p.id === value.id)) list.unshift(value);
    return list.map((p) => ({ value: String(p.id), label: optionLabel(p), participant: p }));
  }, [rows, exclude, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder="Search by name or email"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      data={data}
      value={value ? String(value.id) : null}
      onChange={(v) => onChange(data.find((d) => d.value === v)?.participant ?? null)}
      renderOption={renderOption}
      nothingFoundMessage={loading ? 'Searching…' : nothingFound(role)}
      error={loadError ?? error}
      rightSectionPointerEvents={value ? 'all' : 'none'}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}

/** ParticipantsPicker chooses several participants (a group), searching on the server. */
export function ParticipantsPicker({ value, onChange, programId, role, label, description, error }: PickerProps & {
  value: Participant[];
  onChange: (ps: Participant[]) => void;
}) {
  const [search, setSearch] = useState('');
  const { rows, loading, error: loadError, known } = useParticipantSearch(programId, role, search);
  const data = useMemo(() => {
    const list = [...value, ...rows.filter((p) => !value.some((v) => v.id === p.id))];
    return list.map((p) => ({ value: String(p.id), label: optionLabel(p), participant: p }));
  }, [rows, value]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Search by name or email'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={noFilter}
      data={data}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.map((id) => known.get(Number(id)) ?? value.find((p) => String(p.id) === id)).filter((p): p is Participant => !!p))}
      renderOption={renderOption}
      nothingFoundMessage={loading ? 'Searching…' : nothingFound(role)}
      error={loadError ?? error}
      hidePickedOptions
      clearable
      maxDropdownHeight={280}
    />
  );
}

function nothingFound(role: string): string {
  const who = role ? `${role}s` : 'participants';
  return `No active ${who} by that name in this program`;
}
