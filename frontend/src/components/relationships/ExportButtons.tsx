import { Button, Group } from '@mantine/core';
import { IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { canSaveAs } from './calendarExport';

/** ExportButtons: a download, and "Save as…" (a native dialog) inside the desktop window only. */
export function ExportButtons({ label, onExport, size = 'sm' }: {
  label: string;
  onExport: (mode: 'download' | 'save') => Promise<void>;
  size?: 'sm' | 'compact-sm';
}) {
  const [busy, setBusy] = useState<'' | 'download' | 'save'>('');
  const run = (mode: 'download' | 'save') => async () => {
    setBusy(mode);
    try {
      await onExport(mode);
    } finally {
      setBusy('');
    }
  };
  return (
    <Group gap={4}>
      <Button size={size} variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'download'} disabled={busy !== ''} onClick={run('download')}>
        {label} (.ics)
      </Button>
      {canSaveAs() && (
        <Button size={size} variant="subtle" leftSection={<IconDeviceFloppy size={16} />} loading={busy === 'save'} disabled={busy !== ''} onClick={run('save')}>
          Save as…
        </Button>
      )}
    </Group>
  );
}
