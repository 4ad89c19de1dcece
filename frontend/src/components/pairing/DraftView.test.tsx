import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Pairing', () => ({ Lock: vi.fn(), Check: vi.fn(), Add: vi.fn(), Approve: vi.fn() }));
vi.mock('../../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));

import * as DirectoryGo from '../../../wailsjs/go/app/Directory';
import * as PairingGo from '../../../wailsjs/go/app/Pairing';
import type { Draft, DraftMember, Participant, Program } from '../../api';
import { AddPairForm } from './AddPairModal';
import { DraftView } from './DraftView';

const member = (id: number, name: string, role: string): DraftMember => ({
  participantId: id, personId: id + 100, name, email: '', role, title: 'Engineer', department: 'Sales', location: '', timeZone: '',
});
const draft = (over: Partial<Draft> = {}): Draft => ({
  id: 1, programId: 2, mode: 'mentoring', objective: 'max_weight', status: 'draft',
  items: [
    {
      id: 10, members: [member(1, 'Jai Patel', 'mentor'), member(2, 'Ana Silva', 'mentee')], points: 20, score: 72,
      reasons: ['both: English (+3)', 'time zones 2 h apart', 'offers Python, wants Python (+5)'], warnings: ['must: same location'],
      locked: false, manual: false, wish: true, needsOk: true, relationshipId: 0,
    },
  ],
  unmatched: [],
  totals: { people: 1, matched: 1, matchedPercent: 100, items: 1, averageScore: 72, lowestScore: 72, wishes: 1, wishesGranted: 1, alreadyPaired: 0 },
  run: { pruned: false, candidateK: 0, pairs: 6, millis: 2, boundPercent: 0, ranAt: '2026-12-01T10:00:00Z' },
  needsOk: 1, createdAt: '', updatedAt: '',
  ...over,
});
const program = {
  id: 2, name: 'Spring Leadership Cohort', kind: 'cohort', peerMentoring: false, groupMin: 3, groupMax: 5,
  counts: { participants: 2, mentors: 1, mentees: 1, peers: 0 },
} as unknown as Program;

function view(d: Draft, onDraft = vi.fn()) {
  return renderUI(
    <DraftView
      program={program} draft={d} onDraft={onDraft} choice={{ mode: 'mentoring', objective: 'max_weight' }} onChoice={() => {}}
      running={false} runError={null} onRun={() => {}} onApproved={() => {}} onDiscarded={() => {}} onSettings={() => {}} autoSend={false}
    />,
  );
}

describe('DraftView', () => {
  beforeEach(() => vi.clearAllMocks());

  it('keeps Approve disabled while a wish pair needs an OK, and says why', () => {
    view(draft());
    const approve = screen.getByRole('button', { name: 'Approve…' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('1 pair made from participants’ wishes needs your OK: lock or remove it first.');
    expect(screen.getByText('Needs your OK')).toBeInTheDocument();
  });

  it('enables Approve once nothing waits', () => {
    view(draft({ needsOk: 0, items: [{ ...draft().items[0], needsOk: false, locked: true }] }));
    expect(screen.getByRole('button', { name: 'Approve…' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Unlock Ana Silva & Jai Patel' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the strongest two reasons, the rest on demand, and warnings', async () => {
    const user = userEvent.setup();
    view(draft());
    const list = screen.getByRole('list', { name: 'Reasons for Ana Silva & Jai Patel' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['offers Python, wants Python (+5)', 'both: English (+3)']);
    await user.click(screen.getByRole('button', { name: 'Show all 3 reasons for Ana Silva & Jai Patel' }));
    expect(list.querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByText('must: same location')).toBeInTheDocument();
  });

  it('locks a pair by its named button and shows the draft Go returns', async () => {
    const user = userEvent.setup();
    const onDraft = vi.fn();
    vi.mocked(PairingGo.Lock).mockResolvedValue(draft({ needsOk: 0 }) as never);
    view(draft(), onDraft);
    await user.click(screen.getByRole('button', { name: 'Lock Ana Silva & Jai Patel' }));
    await waitFor(() => expect(onDraft).toHaveBeenCalled());
    expect(PairingGo.Lock).toHaveBeenCalledWith(10, true);
  });
});

const participant = (id: number, name: string, over: Partial<Participant>): Participant => ({
  id, programId: 2, personId: id + 100, name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, department: '', title: '',
  location: '', timeZone: '', mentor: false, mentee: false, peer: false, capacity: 0, status: 'active', enrolledAt: '', ...over,
});

describe('AddPairForm', () => {
  beforeEach(() => vi.clearAllMocks());

  it('scores the pair with Check as soon as both are chosen, then adds it', async () => {
    const user = userEvent.setup();
    vi.mocked(DirectoryGo.Query).mockImplementation(async (q) => ({
      rows: q.role === 'mentor' ? [participant(1, 'Jai Patel', { mentor: true })] : [participant(2, 'Ana Silva', { mentee: true })],
      total: 1, departments: [], locations: [],
    }) as never);
    vi.mocked(PairingGo.Check).mockResolvedValue({ score: 35, points: 7, reasons: ['both: English (+3)'], warnings: ['Jai Patel would mentor more than their capacity (1)'] } as never);
    vi.mocked(PairingGo.Add).mockResolvedValue(draft() as never);
    const onAdded = vi.fn();
    renderUI(<AddPairForm program={program} draft={draft()} onCancel={() => {}} onAdded={onAdded} />);

    await user.click(screen.getByRole('button', { name: 'Add pair' }));
    expect(await screen.findByText('Choose a mentee')).toBeInTheDocument();
    expect(PairingGo.Add).not.toHaveBeenCalled();

    await user.click(screen.getByRole('textbox', { name: 'Mentee' }));
    await user.click(await screen.findByRole('option', { name: /Ana Silva/ }));
    expect(PairingGo.Check).not.toHaveBeenCalled();
    await user.click(screen.getByRole('textbox', { name: 'Mentor' }));
    await user.click(await screen.findByRole('option', { name: /Jai Patel/ }));

    const region = await screen.findByRole('region', { name: "This pair's score" });
    await waitFor(() => expect(region).toHaveTextContent('35 %'));
    expect(region).toHaveTextContent('both: English (+3)');
    expect(region).toHaveTextContent('Jai Patel would mentor more than their capacity (1)');
    expect({ ...vi.mocked(PairingGo.Check).mock.calls[0][0] }).toEqual({
      draftId: 1, members: [{ participantId: 2, role: 'mentee' }, { participantId: 1, role: 'mentor' }],
    });

    await user.click(screen.getByRole('button', { name: 'Add pair' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(vi.mocked(PairingGo.Add).mock.calls[0][0].members).toEqual([{ participantId: 2, role: 'mentee' }, { participantId: 1, role: 'mentor' }]);
  });

  it('shows why Go refuses the pair, and keeps Add disabled', async () => {
    const user = userEvent.setup();
    vi.mocked(DirectoryGo.Query).mockImplementation(async (q) => ({
      rows: q.role === 'mentor' ? [participant(1, 'Jai Patel', { mentor: true })] : [participant(2, 'Ana Silva', { mentee: true })],
      total: 1, departments: [], locations: [],
    }) as never);
    vi.mocked(PairingGo.Check).mockRejectedValue({ message: 'Ana Silva is already in the draft (Ana & Tom): remove that pair first', field: 'members' });
    renderUI(<AddPairForm program={program} draft={draft()} onCancel={() => {}} onAdded={() => {}} />);
    await user.click(screen.getByRole('textbox', { name: 'Mentee' }));
    await user.click(await screen.findByRole('option', { name: /Ana Silva/ }));
    await user.click(screen.getByRole('textbox', { name: 'Mentor' }));
    await user.click(await screen.findByRole('option', { name: /Jai Patel/ }));
    expect(await screen.findByText('Ana Silva is already in the draft (Ana & Tom): remove that pair first')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add pair' })).toBeDisabled();
  });
});
