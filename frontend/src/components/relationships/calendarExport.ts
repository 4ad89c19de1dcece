import { notifications } from '@mantine/notifications';
import { api, inDesktopWindow, toApiError } from '../../api';
import { downloadText, safeFileName } from '../../lib/files';

/** canSaveAs tells whether "Save as…" (a native dialog) is offered: only inside the desktop window. */
export const canSaveAs = (): boolean => inDesktopWindow();

/**
 * exportCalendar writes a calendar file: downloaded through the browser, or (mode "save", in the
 * desktop window only) saved where the admin picks with the native dialog.
 */
export async function exportCalendar(load: () => Promise<string>, name: string, mode: 'download' | 'save' = 'download'): Promise<void> {
  const fileName = `${safeFileName(name)}.ics`;
  try {
    const text = await load();
    if (mode === 'save' && inDesktopWindow()) {
      const path = await api.sessions.saveCalendar(text, fileName);
      if (path) notifications.show({ color: 'teal', title: 'Calendar saved', message: path });
      return;
    }
    downloadText(fileName, text, 'text/calendar;charset=utf-8');
    notifications.show({ color: 'teal', title: 'Calendar ready', message: `${fileName} was downloaded.` });
  } catch (e) {
    notifications.show({ color: 'red', title: 'No calendar exported', message: toApiError(e).message });
  }
}
