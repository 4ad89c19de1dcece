import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Requests', () => ({ Answer: vi.fn() }));

import * as RequestsGo from '../../../wailsjs/go/app/Requests';
import type { MatchRequest } from '../../api';
import { AnswerForm } from './AnswerModal';

const member = (id: number, name: string, role: string) => ({
  participantId: id, personId: id + 10, name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, role, timeZone: 'Europe/Lisbon',
  title: '', department: '',
});

const request = (id: number, over: Partial<MatchRequest> = {}): MatchRequest => ({
  id, programId: 1, kind: 'peer', requester: member(1, 'Ana Silva', 'requester'), recipient: member(2, 'Jai Patel', 'recipient'),
  commitment: 'topic', topic: 'Public speaking', sessions: 3, note: '', status: 'pending', inReview: false,
  sentAt: '2026-11-20T10:00:00Z', expiresAt: '', overdue: false, declineReason: '', answerMessage: '', relationshipId: 0,
  decidedAt: '', createdAt: '2026-11-20T10:00:00Z', ...over,
});

describe('AnswerModal', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('sends the decision chosen: an introductory session only', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    vi.mocked(RequestsGo.Answer).mockResolvedValue(request(7, { status: 'intro_approved', relationshipId: 4 }) as never);
    renderUI(<AnswerForm targets={[request(7)]} onCancel={() => {}} onDone={onDone} />);

    expect(screen.getByRole('radio', { name: 'Approve all 3 sessions' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Approve an introductory session only' }));
    await user.click(screen.getByRole('button', { name: 'Record answer' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(vi.mocked(RequestsGo.Answer).mock.calls[0]).toEqual([7, { decision: 'intro', reason: '', message: '' }]);
    expect(onDone.mock.calls[0][0]).toMatchObject({ decision: 'intro', failed: [], done: [expect.objectContaining({ relationshipId: 4 })] });
  });

  it('asks for a reason to decline, then sends it with the message', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    vi.mocked(RequestsGo.Answer).mockResolvedValue(request(7, { status: 'declined' }) as never);
    renderUI(<AnswerForm targets={[request(7)]} onCancel={() => {}} onDone={onDone} />);

    await user.click(screen.getByRole('radio', { name: 'Decline' }));
    await user.click(screen.getByRole('button', { name: 'Record answer' }));
    expect(await screen.findByText('Choose a reason from the list')).toBeInTheDocument();
    expect(RequestsGo.Answer).not.toHaveBeenCalled();

    await user.click(screen.getByRole('textbox', { name: 'Reason' }));
    await user.click(screen.getByRole('option', { name: 'Someone else fits better' }));
    await user.type(screen.getByRole('textbox', { name: 'Message from Jai (optional)' }), ' Mei knows this better than me. ');
    await user.click(screen.getByRole('button', { name: 'Record answer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(vi.mocked(RequestsGo.Answer).mock.calls[0]).toEqual([7, { decision: 'decline', reason: 'better_fit', message: 'Mei knows this better than me.' }]);
  });

  it("shows Go's error next to the answer", async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    vi.mocked(RequestsGo.Answer).mockRejectedValue({ field: 'decision', message: 'It cannot be approved: Jai Patel is paused in this program' });
    renderUI(<AnswerForm targets={[request(7)]} onCancel={() => {}} onDone={onDone} />);

    await user.click(screen.getByRole('radio', { name: 'Approve all 3 sessions' }));
    await user.click(screen.getByRole('button', { name: 'Record answer' }));
    const message = await screen.findByText('It cannot be approved: Jai Patel is paused in this program');
    expect(screen.getByRole('radiogroup', { name: /Answer/ }).getAttribute('aria-describedby')).toContain(message.id);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('records the same answer for several requests, one after the other', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    vi.mocked(RequestsGo.Answer).mockImplementation(async (id) => request(id, { status: 'approved' }) as never);
    renderUI(<AnswerForm targets={[request(7), request(8, { commitment: 'intro', sessions: 1 })]} onCancel={() => {}} onDone={onDone} />);

    await user.click(screen.getByRole('radio', { name: 'Approve all the requested sessions' }));
    await user.click(screen.getByRole('button', { name: 'Record 2 answers' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(vi.mocked(RequestsGo.Answer).mock.calls.map((c) => c[0])).toEqual([7, 8]);
    expect(vi.mocked(RequestsGo.Answer).mock.calls[1][1]).toEqual({ decision: 'approve', reason: '', message: '' });
  });
});
