import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Participants', () => ({
  Profile: vi.fn(), SaveAnswers: vi.fn(), Update: vi.fn(), Remove: vi.fn(), Enrol: vi.fn(), Get: vi.fn(),
}));
vi.mock('../../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));
vi.mock('../../../wailsjs/go/app/Settings', () => ({ Get: vi.fn() }));

import * as DirectoryGo from '../../../wailsjs/go/app/Directory';
import * as ParticipantsGo from '../../../wailsjs/go/app/Participants';
import * as SettingsGo from '../../../wailsjs/go/app/Settings';
import type { Participant, Profile, Program } from '../../api';
import { ProfileDrawer } from '../directory/ProfileDrawer';

const program = (peerMentoring: boolean): Program => ({
  id: 2, name: 'Spring Cohort', description: '', kind: 'cohort', status: 'open', peerMentoring,
  registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
  groupMin: 0, groupMax: 0, defaultCapacity: 2, mentorRequestExpiryDays: 21, reviewRequests: false, maxOpenRequests: 0, createdAt: '', updatedAt: '',
  counts: { participants: 1, mentors: 0, mentees: 1, peers: 1 },
});

const profileOf = (over: Partial<Participant>): Profile => ({
  participant: {
    id: 31, programId: 2, personId: 8, name: 'Ana Lima', email: 'ana@example.org', department: 'Sales', title: 'Lead',
    location: 'Lisbon', timeZone: 'Europe/Lisbon', mentor: false, mentee: true, peer: true, capacity: 0, status: 'active',
    enrolledAt: '2026-01-05T10:00:00Z', ...over,
  },
  person: {
    id: 8, name: 'Ana Lima', email: 'ana@example.org', department: 'Sales', title: 'Lead', location: 'Lisbon',
    timeZone: 'Europe/Lisbon', managerEmail: '', employeeId: 'E1', programs: 1,
  },
  answers: [],
});

describe('ProfileDrawer: requests', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(DirectoryGo.Query).mockResolvedValue({ rows: [], total: 0, departments: [], locations: [] } as never);
    vi.mocked(SettingsGo.Get).mockResolvedValue({ autoSend: [] } as never);
  });

  it('offers a mentor request to a mentee, and opens the wizard with them as the one who asks', async () => {
    const user = userEvent.setup();
    vi.mocked(ParticipantsGo.Profile).mockResolvedValue(profileOf({}) as never);
    renderUI(<ProfileDrawer participantId={31} program={program(false)} onClose={() => {}} onChanged={() => {}} />);

    await user.click(await screen.findByRole('button', { name: 'Request a mentor' }));
    // Peer mentoring is off in the program: no peer request, even for a peer.
    expect(screen.queryByRole('button', { name: 'Request a peer' })).not.toBeInTheDocument();
    const wizard = await screen.findByRole('dialog', { name: 'New request in Spring Cohort' });
    expect(wizard).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Request as their mentor' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Request as their peer' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Who is asking' })).toHaveValue('Ana Lima (ana@example.org)');
    expect(screen.getByText('For a mentee. Mentor requests expire after 21 days without an answer.')).toBeInTheDocument();
  });

  it('offers a peer request to a peer when the program has peer mentoring, and nothing to a paused participant', async () => {
    vi.mocked(ParticipantsGo.Profile).mockResolvedValue(profileOf({ mentee: false, mentor: true }) as never);
    const { unmount } = renderUI(<ProfileDrawer participantId={31} program={program(true)} onClose={() => {}} onChanged={() => {}} />);
    expect(await screen.findByRole('button', { name: 'Request a peer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Request a mentor' })).not.toBeInTheDocument();
    unmount();

    vi.mocked(ParticipantsGo.Profile).mockResolvedValue(profileOf({ status: 'paused' }) as never);
    renderUI(<ProfileDrawer participantId={31} program={program(true)} onClose={() => {}} onChanged={() => {}} />);
    expect(await screen.findByRole('heading', { name: 'Answers' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Request a/ })).not.toBeInTheDocument();
  });
});
