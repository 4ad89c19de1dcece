import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { navigate } from '../../lib/router';
import { kindPlural } from '../../lib/words/sessions';

/**
 * useAutoSend returns the kinds of message that leave without the admin pressing Send (from
 * Settings), or null while it loads; [] when it cannot be read (the safe assumption).
 */
export function useAutoSend(): string[] | null {
  const [kinds, setKinds] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    api.settings.get().then((s) => live && setKinds(s.autoSend), () => live && setKinds([]));
    return () => { live = false; };
  }, []);
  return kinds;
}

/**
 * showQueued says what an action put in the outbox: "Invites for 2 people wait in the outbox"
 * with a button to open it, or, when automatic sending is on for that kind, that they are
 * being sent.
 */
export function showQueued({ what, kind, autoSend, title }: {
  /** "Invites for 2 people" */
  what: string;
  kind: string;
  autoSend: string[] | null;
  title?: string;
}): void {
  const auto = !!autoSend?.includes(kind);
  const id = notifications.show({
    color: 'teal',
    title,
    autoClose: 10000,
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap" align="center">
        <Text size="sm">
          {auto
            ? `${what} are being sent now: automatic sending is on for ${kindPlural(kind)}.`
            : `${what} wait in the outbox. Nothing leaves until you send it.`}
        </Text>
        <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => { notifications.hide(id); navigate({ name: 'outbox' }); }}>
          Open outbox
        </Button>
      </Group>
    ),
  });
}
