import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';

vi.mock('../../wailsjs/go/app/Outbox', () => ({
  List: vi.fn(), Get: vi.fn(), Send: vi.fn(), Progress: vi.fn(), Cancel: vi.fn(), Requeue: vi.fn(),
}));
vi.mock('../../wailsjs/go/app/Settings', () => ({ Get: vi.fn() }));

import * as OutboxGo from '../../wailsjs/go/app/Outbox';
import * as SettingsGo from '../../wailsjs/go/app/Settings';
import type { OutboxMessage } from '../api';
import { OutboxPage } from './OutboxPage';

const message = (id: number, name: string, over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id, kind: 'invite', status: 'queued', toName: name, toEmail: `${name.split(' ')[0].toLowerCase()}@example.org`,
  subject: `Invitation: First session — ${name}`, text: 'Hello', html: '<p>Hello</p>', calendar: '', method: 'REQUEST', sessionId: 1,
  relationshipId: 1, attempts: 0, lastError: '', smtpCode: 0, deliveredVia: '', createdAt: '2026-11-23T10:00:00Z', sentAt: '', ...over,
});

const idle = { running: false, total: 0, done: 0, sent: 0, failed: 0, message: '' };

describe('OutboxPage', () => {
  beforeEach(() => {
    vi.mocked(OutboxGo.List).mockReset();
    vi.mocked(OutboxGo.Send).mockReset();
    vi.mocked(OutboxGo.Progress).mockReset();
    vi.mocked(OutboxGo.List).mockResolvedValue({
      messages: [message(7, 'Ana Silva'), message(8, 'Jai Patel'), message(9, 'Mei Chen')],
      counts: { queued: 3, sent: 1 },
    } as never);
    vi.mocked(OutboxGo.Progress).mockResolvedValue(idle as never);
    vi.mocked(SettingsGo.Get).mockResolvedValue({
      organisationName: 'Northwind', adminName: 'Sam', adminEmail: 'sam@example.org', defaultTimeZone: 'UTC', delivery: 'smtp',
      smtpHost: 'smtp.example.org', smtpPort: 587, smtpSecurity: 'starttls', smtpUsername: 'sam', smtpCaFile: '', perMinute: 20, draftsDir: '',
      autoSend: null, passwordSaved: true, passwordRemembered: true,
    } as never);
  });

  it('sends the selected messages, follows the progress, then says what happened', async () => {
    const user = userEvent.setup();
    renderUI(<OutboxPage />);
    expect(await screen.findByText('Ana Silva')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Queued (3)' })).toBeChecked();
    expect(screen.getByRole('button', { name: /Send selected/ })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: /email to Ana Silva/ }));
    await user.click(screen.getByRole('checkbox', { name: /email to Mei Chen/ }));
    expect(screen.getByText('2 emails selected')).toBeInTheDocument();

    vi.mocked(OutboxGo.Send).mockResolvedValue({ running: true, total: 2, done: 0, sent: 0, failed: 0, message: '' } as never);
    vi.mocked(OutboxGo.Progress)
      .mockResolvedValueOnce({ running: true, total: 2, done: 1, sent: 1, failed: 0, message: '' } as never)
      .mockResolvedValue({ running: false, total: 2, done: 2, sent: 1, failed: 1, message: '550 5.1.1 Mailbox unavailable' } as never);

    await user.click(screen.getByRole('button', { name: 'Send selected (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send 2 emails?' });
    expect(dialog).toHaveTextContent('through the SMTP server smtp.example.org:587');
    expect(OutboxGo.Send).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Send 2 emails' }));

    await waitFor(() => expect(OutboxGo.Send).toHaveBeenCalledTimes(1));
    expect(OutboxGo.Send).toHaveBeenCalledWith([7, 9]);
    expect(await screen.findByRole('progressbar', { name: 'Sending progress' })).toBeInTheDocument();
    expect(await screen.findByText(/Sending 2 of 2/, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(await screen.findByText('Sent 1. 1 failed: 550 5.1.1 Mailbox unavailable.', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByText('Some emails did not leave')).toBeInTheDocument();
    // The list is read again once the run ends.
    await waitFor(() => expect(vi.mocked(OutboxGo.List).mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('selects every message with one checkbox, and sends all queued with an empty list', async () => {
    const user = userEvent.setup();
    renderUI(<OutboxPage />);
    await screen.findByText('Ana Silva');
    await user.click(screen.getByRole('checkbox', { name: 'Select all 3 emails' }));
    expect(screen.getByRole('button', { name: 'Send selected (3)' })).toBeEnabled();

    vi.mocked(OutboxGo.Send).mockResolvedValue({ running: false, total: 3, done: 3, sent: 3, failed: 0, message: '' } as never);
    await user.click(screen.getByRole('button', { name: 'Send all queued (3)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send 3 emails?' });
    await user.click(within(dialog).getByRole('button', { name: 'Send 3 emails' }));
    await waitFor(() => expect(OutboxGo.Send).toHaveBeenCalledWith([]));
    expect(await screen.findByText('Sent 3.')).toBeInTheDocument();
  });

  it('says that nothing waits when the queue is empty', async () => {
    vi.mocked(OutboxGo.List).mockResolvedValue({ messages: null, counts: null } as never);
    renderUI(<OutboxPage />);
    expect(await screen.findByText('Emails appear here when you schedule sessions; nothing leaves until you send it.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send all queued (0)' })).toBeDisabled();
  });
});
