import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));

import * as DirectoryGo from '../../../wailsjs/go/app/Directory';
import type { Participant, Program } from '../../api';
import { DirectoryTab } from './DirectoryTab';

const program = {
  id: 9, name: 'Peer Circles', description: '', kind: 'evergreen', status: 'active', peerMentoring: true,
  registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
  groupMin: 0, groupMax: 0, defaultCapacity: 1, mentorRequestExpiryDays: 14, reviewRequests: false, maxOpenRequests: 0, createdAt: '', updatedAt: '',
  counts: { participants: 120, mentors: 40, mentees: 80, peers: 30 },
} satisfies Program;

const row = (i: number): Participant => ({
  id: i, programId: 9, personId: i, name: `Person ${i}`, email: `p${i}@example.org`, department: 'Sales', title: '',
  location: 'Berlin', timeZone: 'Europe/Berlin', mentor: i % 2 === 0, mentee: true, peer: false, capacity: 1,
  status: 'active', enrolledAt: '2026-01-05T10:00:00Z',
});

const lastQuery = () => ({ ...vi.mocked(DirectoryGo.Query).mock.lastCall![0] });

describe('DirectoryTab', () => {
  beforeEach(() => {
    vi.mocked(DirectoryGo.Query).mockReset();
    vi.mocked(DirectoryGo.Query).mockImplementation(async (q) => ({
      rows: Array.from({ length: Math.min(50, 10_000 - q.offset) }, (_, i) => row(q.offset + i + 1)),
      total: 10_000, departments: ['Engineering', 'Sales'], locations: ['Berlin', 'Lisbon'],
    }) as never);
  });

  it('asks for the first page of 50, sorted by name', async () => {
    renderUI(<DirectoryTab program={program} onChanged={() => {}} />);
    expect(await screen.findByText('1–50 of 10,000')).toBeInTheDocument();
    expect(lastQuery()).toEqual({
      programId: 9, search: '', role: '', department: '', location: '', status: '', sort: 'name', desc: false, offset: 0, limit: 50,
    });
    expect(screen.getAllByRole('row')).toHaveLength(51); // header + 50
  });

  it('sends the role, department and status filters, and the debounced search', async () => {
    const user = userEvent.setup();
    renderUI(<DirectoryTab program={program} onChanged={() => {}} />);
    await screen.findByText('1–50 of 10,000');

    await user.click(screen.getByRole('textbox', { name: 'Role' }));
    await user.click(screen.getByRole('option', { name: 'Mentor' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ role: 'mentor', offset: 0 }));

    await user.click(screen.getByRole('textbox', { name: 'Department' }));
    await user.click(screen.getByRole('option', { name: 'Engineering' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ role: 'mentor', department: 'Engineering' }));

    await user.click(screen.getByRole('textbox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'Paused' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ status: 'paused' }));

    const calls = vi.mocked(DirectoryGo.Query).mock.calls.length;
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ana lima');
    // Debounced: one query for the whole phrase, not one per key.
    await waitFor(() => expect(lastQuery()).toMatchObject({ search: 'ana lima', role: 'mentor', department: 'Engineering', status: 'paused' }));
    expect(vi.mocked(DirectoryGo.Query).mock.calls.length - calls).toBeLessThanOrEqual(2);
  });

  it('pages with offsets and starts again at page 1 when the search changes', async () => {
    const user = userEvent.setup();
    renderUI(<DirectoryTab program={program} onChanged={() => {}} />);
    await screen.findByText('1–50 of 10,000');
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('51–100 of 10,000')).toBeInTheDocument();
    expect(lastQuery()).toMatchObject({ offset: 50, limit: 50 });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'x');
    await waitFor(() => expect(lastQuery()).toMatchObject({ search: 'x', offset: 0 }));
  });

  it('sorts by a column header, then reverses on a second click', async () => {
    const user = userEvent.setup();
    renderUI(<DirectoryTab program={program} onChanged={() => {}} />);
    await screen.findByText('1–50 of 10,000');
    const table = screen.getByRole('table');
    await user.click(within(table).getByRole('button', { name: 'Email' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'email', desc: false }));
    await user.click(within(table).getByRole('button', { name: 'Email' }));
    await waitFor(() => expect(lastQuery()).toMatchObject({ sort: 'email', desc: true }));
    expect(within(table).getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('says what to do next when the program has nobody yet', async () => {
    vi.mocked(DirectoryGo.Query).mockResolvedValue({ rows: [], total: 0, departments: [], locations: [] } as never);
    renderUI(<DirectoryTab program={program} onChanged={() => {}} />);
    expect(await screen.findByText('No participants yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Import registrations' }).length).toBeGreaterThan(0);
  });
});
