import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Settings } from '../../api';
import { formatNumber, plural } from '../../lib/format';
import { href } from '../../lib/router';

/** deliveryInWords says how the emails leave, for the confirmation. */
function deliveryInWords(s: Settings | null): { text: string; problem?: string } {
  if (!s) return { text: 'with the delivery method in Settings' };
  if (s.delivery === 'drafts') {
    if (!s.draftsDir) return { text: 'as drafts', problem: 'Choose the folder for drafts in Settings first.' };
    return { text: `as drafts (.eml files) in ${s.draftsDir}, for your mail client to send` };
  }
  if (!s.smtpHost) return { text: 'through an SMTP server', problem: 'Set the SMTP server in Settings first.' };
  return { text: `through the SMTP server ${s.smtpHost}:${s.smtpPort}, from ${s.adminEmail || '(no address)'}, at most ${s.perMinute} a minute` };
}

/** SendConfirm asks before a run starts, saying how the emails will leave and what stands in the way. */
export function SendConfirm({ request, settings, starting, onClose, onSend }: {
  request: { ids: number[]; count: number } | null;
  settings: Settings | null;
  starting: boolean;
  onClose: () => void;
  onSend: (ids: number[]) => Promise<{ ok: boolean; field?: string; message?: string }>;
}) {
  const [error, setError] = useState<{ message: string; settings: boolean } | null>(null);
  useEffect(() => setError(null), [request]);
  const drafts = settings?.delivery === 'drafts';
  const how = deliveryInWords(settings);
  const n = request?.count ?? 0;
  const verb = drafts ? `Save ${plural(n, 'draft')}` : `Send ${plural(n, 'email')}`;
  const minutes = !drafts && settings ? Math.ceil(n / Math.max(1, settings.perMinute)) : 0;

  const go = async () => {
    if (!request) return;
    const r = await onSend(request.ids);
    if (!r.ok) setError({ message: r.message ?? 'Not sent', settings: !!r.field });
  };

  const problem = how.problem;
  return (
    <Modal opened={!!request} onClose={onClose} title={`${verb}?`}>
      <Stack gap="md">
        <Text size="sm">
          {request?.ids.length === 0 ? `Every queued email (${formatNumber(n)})` : `The ${plural(n, 'selected email')}`} will leave {how.text}.
          {minutes > 1 && ` This takes about ${minutes} minutes.`}
        </Text>
        {drafts && <Text size="sm">Drafts are marked sent in Tandem once saved: open them in your mail client and send them from there.</Text>}
        {(problem || error) && (
          <Alert color="red" title="Cannot send yet">
            {error?.message ?? problem}{' '}
            {(problem || error?.settings) && <Anchor href={href({ name: 'settings' })} onClick={onClose}>Open Settings</Anchor>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={starting}>Cancel</Button>
          <Button onClick={go} loading={starting} disabled={!!problem} leftSection={<IconSend size={16} />}>{verb}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
