import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, toApiError, type AgendaTemplate, type AgendaTemplateInput } from '../../api';

/** AgendaLibrary is the library of agenda templates the schedule form offers. */
export function AgendaLibrary() {
  const [list, setList] = useState<AgendaTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AgendaTemplate | 'new' | null>(null);

  const load = async () => {
    try {
      setList(await api.agendas.list());
      setError(null);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };
  useEffect(() => { void load(); }, []);

  const remove = (a: AgendaTemplate) =>
    modals.openConfirmModal({
      title: `Delete “${a.name}”?`,
      children: <Text size="sm">It leaves the library. Sessions that used it keep their agenda text.</Text>,
      labels: { confirm: 'Delete', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.agendas.remove(a.id);
          await load();
          notifications.show({ color: 'teal', message: `“${a.name}” was deleted.` });
        } catch (e) {
          notifications.show({ color: 'red', title: 'Not deleted', message: toApiError(e).message });
        }
      },
    });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="settings-agendas">
      <Group justify="space-between" mb="md" wrap="wrap">
        <div>
          <Title order={2} fz="lg" id="settings-agendas" mb={4}>Agenda templates</Title>
          <Text size="sm">Ready-made agendas to choose when you schedule a session: icebreakers, activities, goal setting.</Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>Add agenda template</Button>
      </Group>
      {error && <Alert color="red" title="The agenda templates could not be loaded">{error}</Alert>}
      {!list && !error && <Skeleton h={200} role="status" aria-busy="true" aria-label="Loading agenda templates" />}
      {list && list.length === 0 && <Text size="sm">The library is empty: add the agendas you use often.</Text>}
      {list && list.length > 0 && (
        <Table verticalSpacing="xs" aria-labelledby="settings-agendas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Summary</Table.Th>
              <Table.Th ta="right">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600}>{a.name}</Text>
                    {a.builtin && <Badge size="sm" color="gray" variant="outline">Built in</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td><Text size="sm">{a.summary}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit">
                      <ActionIcon variant="subtle" aria-label={`Edit ${a.name}`} onClick={() => setEditing(a)}>
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${a.name}`} onClick={() => remove(a)}>
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing != null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New agenda template' : 'Edit agenda template'} size="lg">
        {editing != null && (
          <AgendaForm
            template={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={async (a) => {
              setEditing(null);
              await load();
              notifications.show({ color: 'teal', message: `“${a.name}” was saved.` });
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function AgendaForm({ template, onCancel, onSaved }: {
  template: AgendaTemplate | null;
  onCancel: () => void;
  onSaved: (a: AgendaTemplate) => void;
}) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AgendaTemplateInput>({
    initialValues: { name: template?.name ?? '', summary: template?.summary ?? '', body: template?.body ?? '' },
    validate: {
      name: (v) => (!v.trim() ? 'A template needs a name' : v.trim().length > 100 ? 'The name is longer than 100 characters' : null),
      summary: (v) => (v.trim().length > 300 ? 'The summary is longer than 300 characters' : null),
      body: (v) => (!v.trim() ? 'Write the agenda' : v.length > 20000 ? 'The agenda is longer than 20,000 characters' : null),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setSaving(true);
    setFormError(null);
    try {
      const a = template ? await api.agendas.update(template.id, v) : await api.agendas.create(v);
      onSaved(a);
    } catch (e) {
      const a = toApiError(e);
      if (a.field === 'name' || a.field === 'summary' || a.field === 'body') form.setFieldError(a.field, a.message);
      else setFormError(a.message);
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && <Alert color="red" title="Not saved">{formError}</Alert>}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Summary" description="One line, shown when choosing it." {...form.getInputProps('summary')} />
        <Textarea label="Agenda" required autosize minRows={6} maxRows={16} {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>
          <Button type="submit" loading={saving}>{template ? 'Save changes' : 'Add template'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
