import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Sessions', () => ({ Schedule: vi.fn(), Reschedule: vi.fn() }));

import * as SessionsGo from '../../../wailsjs/go/app/Sessions';
import type { AgendaTemplate, Relationship, Settings } from '../../api';
import { ScheduleForm } from './ScheduleModal';

const relationship: Relationship = {
  id: 4, programId: 1, kind: 'peer', origin: 'admin', commitment: 'long_term', topic: '', plannedSessions: 6, startsOn: '',
  endsOn: '', status: 'active', closedAt: '', closedBy: '', closeReason: '', title: 'Ana Silva and Jai Patel',
  sessionsHeld: 0, sessionsAhead: 0, nextSession: '', createdAt: '2026-11-01T10:00:00Z',
  members: [
    { participantId: 1, personId: 11, name: 'Ana Silva', email: 'ana@example.org', role: 'peer', timeZone: 'Europe/Lisbon', title: '', department: '' },
    { participantId: 2, personId: 12, name: 'Jai Patel', email: 'jai@example.org', role: 'peer', timeZone: 'Asia/Kolkata', title: '', department: '' },
  ],
};

const settings: Settings = {
  organisationName: 'Northwind', adminName: 'Sam', adminEmail: 'sam@example.org', defaultTimeZone: 'Europe/Lisbon',
  delivery: 'smtp', smtpHost: '', smtpPort: 587, smtpSecurity: 'starttls', smtpUsername: '', smtpCaFile: '', perMinute: 20, draftsDir: '',
  autoSend: [], passwordSaved: false, passwordRemembered: false,
};

const agendas: AgendaTemplate[] = [
  { id: 3, name: 'Show and tell', summary: 'Bring a photo.', body: '1. Each of you brings a photo.', builtin: true },
];

function setup(onSaved = vi.fn()) {
  const user = userEvent.setup();
  renderUI(<ScheduleForm target={{ relationship }} settings={settings} agendas={agendas} onCancel={() => {}} onSaved={onSaved} />);
  return { user, onSaved };
}

async function chooseDateAndTime(user: ReturnType<typeof userEvent.setup>, date: string, time: string) {
  const dateInput = screen.getByRole('textbox', { name: 'Date' });
  await user.click(dateInput);
  await user.type(dateInput, date);
  await user.tab();
  fireEvent.change(screen.getByLabelText(/^Time/, { selector: 'input[type="time"]' }), { target: { value: time } });
}

describe('ScheduleForm', () => {
  beforeEach(() => {
    vi.mocked(SessionsGo.Schedule).mockReset();
  });

  it('starts from the relationship: a title with first names and the default zone', () => {
    setup();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Peer session: Ana & Jai');
    expect(screen.getByRole('textbox', { name: 'Time zone' })).toHaveValue('Europe/Lisbon');
    expect(screen.getByText(/Choose a date, a time and a time zone/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Jai (Asia/Kolkata)' })).toBeInTheDocument();
  });

  it("previews each attendee's local time as the time changes, with a warning outside 08:00–20:00", async () => {
    const { user } = setup();
    await chooseDateAndTime(user, '2026-12-03', '10:00');
    const preview = screen.getByRole('group', { name: 'Local times of the attendees' });
    const row = (name: string) => within(preview).getByRole('row', { name: new RegExp(name) });
    expect(row('Ana Silva')).toHaveTextContent('Thu 3 Dec, 10:00–10:45');
    expect(row('Jai Patel')).toHaveTextContent('Thu 3 Dec, 15:30–16:15');
    expect(within(preview).queryByText('Outside working hours')).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/^Time/, { selector: 'input[type="time"]' }), { target: { value: '16:00' } });
    expect(row('Jai Patel')).toHaveTextContent('Thu 3 Dec, 21:30–22:15');
    expect(within(row('Jai Patel')).getByText('Outside 08:00–20:00')).toBeInTheDocument();
    expect(within(row('Ana Silva')).queryByText('Outside 08:00–20:00')).not.toBeInTheDocument();
    expect(within(preview).getByText('Outside working hours')).toBeInTheDocument();
    expect(within(preview).getByText(/For Jai Patel it is 21:30–22:15/)).toBeInTheDocument();

    // Another zone for the same wall time moves everyone.
    await user.click(screen.getByRole('button', { name: 'Jai (Asia/Kolkata)' }));
    expect(row('Ana Silva')).toHaveTextContent('Thu 3 Dec, 10:30–11:15');
    expect(row('Jai Patel')).toHaveTextContent('Thu 3 Dec, 16:00–16:45');
    expect(within(preview).queryByText('Outside working hours')).not.toBeInTheDocument();
  });

  it('checks in the browser first, then sends the wall time in the chosen zone', async () => {
    const { user, onSaved } = setup();
    await user.click(screen.getByRole('button', { name: 'Schedule session' }));
    expect(await screen.findByText('Choose a date')).toBeInTheDocument();
    expect(SessionsGo.Schedule).not.toHaveBeenCalled();

    vi.mocked(SessionsGo.Schedule).mockResolvedValue([{ id: 9, title: 'Peer session: Ana & Jai', attendees: [{}, {}], warnings: [] }] as never);
    await chooseDateAndTime(user, '2026-12-03', '09:30');
    await user.click(screen.getByRole('textbox', { name: 'Agenda template' }));
    await user.click(screen.getByRole('option', { name: 'Show and tell' }));
    expect(screen.getByRole('textbox', { name: 'Agenda' })).toHaveValue('1. Each of you brings a photo.');
    await user.click(screen.getByRole('button', { name: 'Schedule session' }));

    await waitFor(() => expect(SessionsGo.Schedule).toHaveBeenCalledTimes(1));
    expect({ ...vi.mocked(SessionsGo.Schedule).mock.calls[0][0] }).toEqual({
      relationshipId: 4, title: 'Peer session: Ana & Jai', start: '2026-12-03T09:30', timeZone: 'Europe/Lisbon', durationMinutes: 45,
      location: '', videoUrl: '', agenda: '1. Each of you brings a photo.', agendaTemplateId: 3, repeat: 'none', count: 1,
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it("shows Go's error next to the field it names", async () => {
    const { user, onSaved } = setup();
    vi.mocked(SessionsGo.Schedule).mockRejectedValue(new Error('{"field":"videoUrl","message":"A video link starts with https://"}'));
    await chooseDateAndTime(user, '2026-12-03', '09:30');
    await user.click(screen.getByRole('button', { name: 'Schedule session' }));
    const link = screen.getByRole('textbox', { name: 'Video link' });
    await waitFor(() => expect(link).toHaveAccessibleDescription('A video link starts with https://'));
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
