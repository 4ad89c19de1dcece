import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface DirectoryFilterValues {
  role: string;
  department: string;
  location: string;
  status: string;
}

export const noFilters: DirectoryFilterValues = { role: '', department: '', location: '', status: '' };

const ALL = '__all';
const withAll = (label: string, items: { value: string; label: string }[]) => [{ value: ALL, label }, ...items];

/** DirectoryFilters is the search box and the filters over a program's participants. */
export function DirectoryFilters({ search, onSearch, value, onChange, departments, locations }: {
  search: string;
  onSearch: (s: string) => void;
  value: DirectoryFilterValues;
  onChange: (v: DirectoryFilterValues) => void;
  departments: string[];
  locations: string[];
}) {
  const set = (key: keyof DirectoryFilterValues) => (v: string | null) =>
    onChange({ ...value, [key]: !v || v === ALL ? '' : v });
  const opts = (xs: string[]) => xs.filter(Boolean).map((x) => ({ value: x, label: x }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name, email or any answer"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 260px' }}
        type="search"
      />
      <Select
        label="Role"
        w={150}
        allowDeselect={false}
        value={value.role || ALL}
        onChange={set('role')}
        data={withAll('All roles', [
          { value: 'mentor', label: 'Mentor' }, { value: 'mentee', label: 'Mentee' }, { value: 'peer', label: 'Peer' },
        ])}
      />
      <Select
        label="Department"
        w={190}
        searchable
        allowDeselect={false}
        value={value.department || ALL}
        onChange={set('department')}
        data={withAll('All departments', opts(departments))}
      />
      <Select
        label="Location"
        w={170}
        searchable
        allowDeselect={false}
        value={value.location || ALL}
        onChange={set('location')}
        data={withAll('All locations', opts(locations))}
      />
      <Select
        label="Status"
        w={150}
        allowDeselect={false}
        value={value.status || ALL}
        onChange={set('status')}
        data={withAll('All statuses', [
          { value: 'active', label: 'Active' }, { value: 'paused', label: 'Paused' }, { value: 'withdrawn', label: 'Withdrawn' },
        ])}
      />
    </Group>
  );
}
