import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Participants', () => ({
  Profile: vi.fn(), SaveAnswers: vi.fn(), Update: vi.fn(), Remove: vi.fn(), Enrol: vi.fn(), Get: vi.fn(), LeavingImpact: vi.fn(),
}));

import * as ParticipantsGo from '../../../wailsjs/go/app/Participants';
import type { Profile, Program, Question } from '../../api';
import { ProfileDrawer } from './ProfileDrawer';

const program = {
  id: 2, name: 'Spring Cohort', description: '', kind: 'cohort', status: 'open', peerMentoring: false,
  registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
  groupMin: 0, groupMax: 0, defaultCapacity: 2, mentorRequestExpiryDays: 14, reviewRequests: false, createdAt: '', updatedAt: '',
  counts: { participants: 1, mentors: 0, mentees: 1, peers: 0 },
} satisfies Program;

const question = (over: Partial<Question>): Question => ({
  id: 12, programId: 2, position: 1, prompt: 'Years of experience', help: '', kind: 'number', options: [], audience: 'everyone',
  required: false, personField: '', scaleMin: 1, scaleMax: 5, rule: 'closest', weight: 'low', customWeight: 0, ruleHours: 0,
  complementId: 0, answers: 1, ...over,
});

const profile: Profile = {
  participant: {
    id: 31, programId: 2, personId: 8, name: 'Ana Lima', email: 'ana@example.org', department: 'Sales', title: 'Lead',
    location: 'Lisbon', timeZone: 'Europe/Lisbon', mentor: false, mentee: true, peer: false, capacity: 0, status: 'active',
    enrolledAt: '2026-01-05T10:00:00Z',
  },
  person: {
    id: 8, name: 'Ana Lima', email: 'ana@example.org', department: 'Sales', title: 'Lead', location: 'Lisbon',
    timeZone: 'Europe/Lisbon', managerEmail: '', employeeId: 'E1', programs: 1,
  },
  answers: [
    { question: question({}), value: { questionId: 12, text: '4', choices: [] }, answered: true },
    {
      question: question({ id: 13, prompt: 'Goals', kind: 'multi', options: ['Build confidence', 'Learn a new skill'], rule: 'overlap' }),
      value: { questionId: 13, text: '', choices: ['Build confidence'] }, answered: true,
    },
  ],
};

describe('ProfileDrawer', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(ParticipantsGo.Profile).mockResolvedValue(profile as never);
  });

  it("shows Go's error next to the answer it names (q:<id>)", async () => {
    const user = userEvent.setup();
    vi.mocked(ParticipantsGo.SaveAnswers).mockRejectedValue({ field: 'q:12', message: 'Years of experience: 4000 is more than 80' });
    renderUI(<ProfileDrawer participantId={31} program={program} onClose={() => {}} onChanged={() => {}} />);
    await user.click(await screen.findByRole('button', { name: 'Save answers' }));

    const input = screen.getByRole('textbox', { name: 'Years of experience' });
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input.getAttribute('aria-describedby')).toContain(screen.getByText('Years of experience: 4000 is more than 80').id);
    expect(vi.mocked(ParticipantsGo.SaveAnswers).mock.calls[0]).toEqual([
      31,
      [
        expect.objectContaining({ questionId: 12, text: '4', choices: [] }),
        expect.objectContaining({ questionId: 13, text: '', choices: ['Build confidence'] }),
      ],
    ]);
  });

  it('disables Peer when the program has peer mentoring off, and checks roles before calling Go', async () => {
    const user = userEvent.setup();
    renderUI(<ProfileDrawer participantId={31} program={program} onClose={() => {}} onChanged={() => {}} />);
    expect(await screen.findByRole('checkbox', { name: 'Peer' })).toBeDisabled();
    expect(screen.getByText(/Peer mentoring is off in this program/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Mentee' }));
    await user.click(screen.getByRole('button', { name: 'Save roles and status' }));
    expect(await screen.findByText('Choose a role: mentor, mentee or both')).toBeInTheDocument();
    expect(ParticipantsGo.Update).not.toHaveBeenCalled();

    await user.click(screen.getByRole('checkbox', { name: 'Mentor' }));
    expect(screen.getByRole('textbox', { name: 'Capacity' })).toHaveValue('2'); // the program's default
  });

  it('says what withdrawing does besides, and withdraws only once the admin confirms', async () => {
    const user = userEvent.setup();
    vi.mocked(ParticipantsGo.LeavingImpact).mockResolvedValue({
      name: 'Ana Lima', program: 'Spring Cohort', closes: ['Ana Lima and Jai Patel'], stays: [], sessions: 2, requests: 1,
    } as never);
    vi.mocked(ParticipantsGo.Update).mockResolvedValue(profile.participant as never);
    renderUI(<ProfileDrawer participantId={31} program={program} onClose={() => {}} onChanged={() => {}} />);
    await user.click(await screen.findByRole('textbox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Withdrawn' }));
    await user.click(screen.getByRole('button', { name: 'Save roles and status' }));
    expect(await screen.findByText('Closes Ana Lima and Jai Patel (cancelled: “Ana Lima left the program”).')).toBeInTheDocument();
    expect(screen.getByText('Cancels 2 upcoming sessions and queues the cancellations to the attendees.')).toBeInTheDocument();
    expect(ParticipantsGo.Update).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(ParticipantsGo.Update).toHaveBeenCalledTimes(1));
    expect(vi.mocked(ParticipantsGo.Update).mock.calls[0][1]).toMatchObject({ status: 'withdrawn' });
  });
});
