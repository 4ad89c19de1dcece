import { ActionIcon, Badge, Checkbox, Group, Pagination, Table, Text, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { OutboxMessage } from '../../api';
import { kindLabel, messageKindColors, messageStatusColors, messageStatusLabels } from '../../lib/words/sessions';
import { formatInstant, formatShortInstant } from '../../lib/zonedTime';
import { PAGE, views, type OutboxState } from './useOutboxPage';

/** OutboxTable lists a page of the view's messages, with a checkbox each and a preview button, and the pages below. */
export function OutboxTable({ o }: { o: OutboxState }) {
  const { list, selected, page } = o;
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const shown = list.slice((page - 1) * PAGE, page * PAGE);
  const allChecked = list.length > 0 && list.every((m) => selected.has(m.id));
  const someChecked = !allChecked && list.some((m) => selected.has(m.id));

  return (
    <>
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing="xs" highlightOnHover aria-label={`${views.find((v) => v.value === o.view)?.label} emails`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>
                  <Checkbox
                    aria-label={allChecked ? 'Clear the selection' : `Select all ${list.length} emails`}
                    checked={allChecked}
                    indeterminate={someChecked}
                    onChange={(e) => o.selectAll(e.currentTarget.checked)}
                  />
                </Table.Th>
                <Table.Th miw={180}>Recipient</Table.Th>
                <Table.Th miw={240}>Subject</Table.Th>
                <Table.Th miw={150}>Kind</Table.Th>
                <Table.Th miw={110}>Queued</Table.Th>
                <Table.Th miw={110}>Status</Table.Th>
                <Table.Th>Details</Table.Th>
                <Table.Th w={72}>Preview</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.id} bg={selected.has(m.id) ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select the email to ${m.toName || m.toEmail}: ${m.subject}`}
                      checked={selected.has(m.id)}
                      onChange={(e) => o.toggle(m.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>{m.toName || m.toEmail}</Text>
                    {m.toName && <Text size="xs">{m.toEmail}</Text>}
                  </Table.Td>
                  <Table.Td maw={360}><Text size="sm" lineClamp={2} title={m.subject}>{m.subject}</Text></Table.Td>
                  <Table.Td><Badge color={messageKindColors[m.kind] ?? 'gray'} style={{ flexShrink: 0 }}>{kindLabel(m.kind)}</Badge></Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }} title={formatInstant(m.createdAt)}>{formatShortInstant(m.createdAt)}</Text></Table.Td>
                  <Table.Td>
                    <Badge color={messageStatusColors[m.status] ?? 'gray'} variant="outline" style={{ flexShrink: 0 }}>
                      {messageStatusLabels[m.status] ?? m.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={300}><Details m={m} /></Table.Td>
                  <Table.Td>
                    <Tooltip label="Preview" withArrow>
                      <ActionIcon variant="subtle" size="lg" onClick={() => o.setPreviewId(m.id)}
                        aria-label={`Preview the email to ${m.toName || m.toEmail}`}>
                        <IconEye size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={o.setPage}
            getControlProps={(c) => ({ 'aria-label': { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' }[c] })}
            getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            withEdges
          />
        </Group>
      )}
    </>
  );
}

/** Details says what became of a message: the server's answer, when it left, or a warning. */
function Details({ m }: { m: OutboxMessage }) {
  switch (m.status) {
    case 'held':
      return <Text size="sm" fw={600}>May have been sent — check your sent mail.</Text>;
    case 'failed':
      return <Text size="sm" lineClamp={3} title={m.lastError}>{m.lastError || 'Not sent'}{m.smtpCode ? ` (${m.smtpCode})` : ''}</Text>;
    case 'queued':
      return m.lastError ? <Text size="sm" lineClamp={2} title={m.lastError}>Last try: {m.lastError}</Text> : null;
    case 'sent':
      return <Text size="sm" title={formatInstant(m.sentAt)}>{m.deliveredVia === 'draft' ? 'Saved as a draft' : 'Sent'} <span style={{ whiteSpace: 'nowrap' }}>{formatShortInstant(m.sentAt)}</span></Text>;
    default:
      return null;
  }
}
