import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Sessions', () => ({ ImportRSVP: vi.fn(), ConfirmRSVP: vi.fn() }));

import * as SessionsGo from '../../../wailsjs/go/app/Sessions';
import type { app } from '../../../wailsjs/go/models';
import type { Session } from '../../api';
import { ImportReplies } from './ImportRepliesModal';

const session = { id: 7, title: 'Peer session: Ana & Kenji', attendees: [], warnings: [] } as unknown as Session;

const ICS = 'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n';
const ICS_BASE64 = btoa(ICS);

/** result is what Go answers for a reply for Ana. */
function result(over: Partial<app.RSVPResult>): app.RSVPResult {
  return {
    recorded: true, name: 'Ana Silva', email: 'ana@example.org', partStat: 'DECLINED', comment: '', from: 'ana@example.org',
    message: 'Ana Silva (ana@example.org): declined', ...over,
  } as app.RSVPResult;
}

/** goError is how Wails rejects with Go's app.Error: its JSON text. */
const goError = (message: string) => JSON.stringify({ field: 'file', message });

const onImported = vi.fn();

async function importFile(name = 'reply.eml') {
  const user = userEvent.setup();
  renderUI(<ImportReplies session={session} onDone={() => {}} onImported={onImported} />);
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await user.upload(input, new File([ICS], name, { type: 'message/rfc822' }));
  await user.click(screen.getByRole('button', { name: 'Import reply' }));
  return user;
}

describe('ImportReplies', () => {
  beforeEach(() => {
    vi.mocked(SessionsGo.ImportRSVP).mockReset();
    vi.mocked(SessionsGo.ConfirmRSVP).mockReset();
    onImported.mockReset();
  });

  it("records the attendee's own reply and lists it", async () => {
    vi.mocked(SessionsGo.ImportRSVP).mockResolvedValue(result({}));
    await importFile();
    expect(await screen.findByText('reply.eml: Ana Silva (ana@example.org): declined')).toBeInTheDocument();
    expect(screen.getByText('Answer recorded')).toBeInTheDocument();
    expect(SessionsGo.ImportRSVP).toHaveBeenCalledWith(7, 'reply.eml', ICS_BASE64);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('shows a refusal as Go words it, and records nothing', async () => {
    const refusal = 'many.ics: A calendar reply answers for one person; this file has 1,000 attendees. Nothing was changed.';
    vi.mocked(SessionsGo.ImportRSVP).mockRejectedValue(goError(refusal));
    await importFile('many.ics');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Reply not recorded');
    expect(alert).toHaveTextContent(refusal);
    expect(onImported).not.toHaveBeenCalled();
    expect(SessionsGo.ConfirmRSVP).not.toHaveBeenCalled();
    expect(screen.queryByText('Answer recorded')).not.toBeInTheDocument();
  });

  it("asks before recording a reply someone else sent, and records it on Confirm", async () => {
    const question = 'This reply came from kenji@example.org but answers for ana@example.org — apply it anyway?';
    vi.mocked(SessionsGo.ImportRSVP).mockResolvedValue(result({ recorded: false, from: 'kenji@example.org', message: question }));
    vi.mocked(SessionsGo.ConfirmRSVP).mockResolvedValue(result({ from: 'kenji@example.org' }));
    const user = await importFile('kenji.eml');

    const dialog = await screen.findByRole('alertdialog', { name: 'Check who sent this reply' });
    expect(dialog).toHaveTextContent(question);
    expect(dialog).toHaveTextContent('Ana Silva answers');
    expect(within(dialog).getByText('Declined')).toBeInTheDocument();
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Import reply' })).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(SessionsGo.ConfirmRSVP).toHaveBeenCalledWith(7, 'kenji.eml', ICS_BASE64);
    expect(await screen.findByText('kenji.eml: Ana Silva (ana@example.org): declined')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('records nothing when the admin cancels', async () => {
    vi.mocked(SessionsGo.ImportRSVP).mockResolvedValue(result({ recorded: false, from: 'mallory@evil.example',
      message: 'This reply came from mallory@evil.example but answers for ana@example.org — apply it anyway?' }));
    const user = await importFile('mallory.eml');
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(SessionsGo.ConfirmRSVP).not.toHaveBeenCalled();
    expect(onImported).not.toHaveBeenCalled();
    expect(screen.queryByText('Answer recorded')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import reply' })).toBeEnabled();
  });

  it('shows why a confirmation was refused', async () => {
    vi.mocked(SessionsGo.ImportRSVP).mockResolvedValue(result({ recorded: false, from: 'kenji@example.org', message: 'This reply came from kenji@example.org but answers for ana@example.org — apply it anyway?' }));
    const refusal = 'kenji.eml: This answers an older version of the invite; the session has changed since (Ana Silva needs to answer the latest invite). Nothing was changed.';
    vi.mocked(SessionsGo.ConfirmRSVP).mockRejectedValue(goError(refusal));
    const user = await importFile('kenji.eml');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('asks for a reply file before calling Go', async () => {
    const user = userEvent.setup();
    renderUI(<ImportReplies session={session} onDone={() => {}} onImported={onImported} />);
    await user.click(screen.getByRole('button', { name: 'Import reply' }));
    expect(screen.getByText('Choose the reply file first')).toBeInTheDocument();
    expect(SessionsGo.ImportRSVP).not.toHaveBeenCalled();
  });
});
