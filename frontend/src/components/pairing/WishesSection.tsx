import { Alert, Button, Group, MultiSelect, Skeleton, Stack, Text, Title, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, toApiError, type PreferencePerson, type Preferences } from '../../api';

/** MAX_WISHES is how many people a participant can wish to meet (Go's MaxWishes). */
export const MAX_WISHES = 5;

type Errors = { wishes?: string; avoid?: string; form?: string };

/** checkPreferences validates wishes as Go does, before they are sent. */
export function checkPreferences(p: Pick<Preferences, 'wishes' | 'avoid'>): Errors {
  const e: Errors = {};
  if (p.wishes.length > MAX_WISHES) e.wishes = `Up to ${MAX_WISHES} wishes: keep the ones that matter most`;
  const wished = new Set(p.wishes.map((w) => w.participantId));
  const both = p.avoid.find((a) => wished.has(a.participantId));
  if (both) e.avoid = `${both.name} cannot be both wished for and avoided`;
  return e;
}

/**
 * usePeople searches a program's active participants on the server (so thousands stay fast) and
 * remembers every name it has seen, so chosen people keep their label.
 */
function usePeople(programId: number, search: string, seed: PreferencePerson[]) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const known = useRef(new Map<number, string>());
  const [rows, setRows] = useState<{ id: number; name: string; detail: string }[]>([]);
  for (const p of seed) if (!known.current.has(p.participantId)) known.current.set(p.participantId, p.name);
  useEffect(() => {
    let live = true;
    api.directory.query({
      programId, search: debounced, role: '', department: '', location: '', status: 'active', sort: 'name', desc: false, offset: 0, limit: 50,
    }).then((page) => {
      if (!live) return;
      for (const r of page.rows) known.current.set(r.id, r.name);
      setRows(page.rows.map((r) => ({ id: r.id, name: r.name, detail: [r.department, r.title].filter(Boolean).join(' · ') })));
    }, () => {});
    return () => { live = false; };
  }, [programId, debounced]);
  return { rows, known: known.current };
}

/** WishesSection is a participant's pairing wishes: whom they would like to meet, in order, and whom not. */
export function WishesSection({ participantId, programId, name }: { participantId: number; programId: number; name: string }) {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setPrefs(null);
    api.pairing.preferences(participantId).then((p) => live && setPrefs(p), (e) => live && setErrors({ form: toApiError(e).message }));
    return () => { live = false; };
  }, [participantId]);

  const save = async () => {
    if (!prefs) return;
    const errs = checkPreferences(prefs);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      setPrefs(await api.pairing.savePreferences(prefs));
      notifications.show({ color: 'teal', message: `${name}'s pairing wishes were saved.` });
    } catch (e) {
      const err = toApiError(e);
      setErrors(err.field === 'wishes' || err.field === 'avoid' ? { [err.field]: err.message } : { form: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="profile-wishes">
      <Title order={3} fz="md" id="profile-wishes" mb={4}>Pairing wishes</Title>
      <Text size="sm" mb="sm">Pairing favours the people {name} would like to meet, and never pairs them with those they would rather not meet.</Text>
      {errors.form && <Alert color="red" title="Wishes not saved" mb="sm">{errors.form}</Alert>}
      {!prefs && !errors.form && <Skeleton h={120} />}
      {prefs && (
        <Stack gap="md">
          <PeopleSelect
            label="Would like to meet (in order)"
            description={`Up to ${MAX_WISHES}, the first matters most. To change the order, remove and add again.`}
            programId={programId}
            self={participantId}
            value={prefs.wishes}
            onChange={(wishes) => { setPrefs({ ...prefs, wishes }); setErrors((e) => ({ ...e, wishes: undefined })); }}
            error={errors.wishes}
            max={MAX_WISHES}
            numbered
          />
          <PeopleSelect
            label="Would rather not meet"
            programId={programId}
            self={participantId}
            value={prefs.avoid}
            onChange={(avoid) => { setPrefs({ ...prefs, avoid }); setErrors((e) => ({ ...e, avoid: undefined })); }}
            error={errors.avoid}
          />
          <Group justify="flex-end">
            <Button onClick={save} loading={busy}>Save wishes</Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}

function PeopleSelect({ label, description, programId, self, value, onChange, error, max, numbered }: {
  label: string;
  description?: string;
  programId: number;
  self: number;
  value: PreferencePerson[];
  onChange: (v: PreferencePerson[]) => void;
  error?: string;
  max?: number;
  numbered?: boolean;
}) {
  const [search, setSearch] = useState('');
  const { rows, known } = usePeople(programId, search, value);
  const data: (ComboboxItem & { detail?: string })[] = useMemo(() => {
    const chosen = value.map((p, i) => ({ value: String(p.participantId), label: numbered ? `${i + 1}. ${p.name}` : p.name }));
    const rest = rows
      .filter((r) => r.id !== self && !value.some((v) => v.participantId === r.id))
      .map((r) => ({ value: String(r.id), label: r.name, detail: r.detail }));
    return [...chosen, ...rest];
  }, [rows, value, self, numbered]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Search by name'}
      data={data}
      value={value.map((p) => String(p.participantId))}
      onChange={(ids) => onChange(ids.map((id) => ({ participantId: Number(id), name: known.get(Number(id)) ?? '' })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      maxValues={max}
      error={error}
      clearable
      nothingFoundMessage="Nobody by that name in this program"
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={240}
      renderOption={({ option }) => {
        const o = option as ComboboxItem & { detail?: string };
        return (
          <div>
            <Text size="sm">{o.label}</Text>
            {o.detail && <Text size="xs">{o.detail}</Text>}
          </div>
        );
      }}
    />
  );
}
