import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../wailsjs/go/app/Pairing', () => ({
  Get: vi.fn(), Run: vi.fn(), Lock: vi.fn(), Remove: vi.fn(), Swap: vi.fn(), Check: vi.fn(), Add: vi.fn(), Approve: vi.fn(),
  Discard: vi.fn(), Options: vi.fn(), SaveOptions: vi.fn(), Preferences: vi.fn(), SavePreferences: vi.fn(), Forbid: vi.fn(),
  Forbidden: vi.fn(),
}));

import * as PairingGo from '../../wailsjs/go/app/Pairing';
import { api, ApiError } from './index';

/** A draft as Go may send it: nil slices as null. */
const goDraft = (over: Record<string, unknown> = {}) => ({
  id: 3, programId: 7, mode: 'mentoring', objective: 'max_weight', status: 'draft',
  items: [{ id: 11, members: null, points: 12, score: 60, reasons: null, warnings: null, locked: false, manual: false, wish: false, needsOk: false, relationshipId: 0 }],
  unmatched: null,
  totals: { people: 4, matched: 2, matchedPercent: 50, items: 1, averageScore: 60, lowestScore: 60, wishes: 0, wishesGranted: 0 },
  run: { pruned: false, candidateK: 0, pairs: 6, millis: 2, boundPercent: 0, ranAt: '2026-12-01T10:00:00Z' },
  needsOk: 0, createdAt: '', updatedAt: '',
  ...over,
});

describe('pairing seam', () => {
  beforeEach(() => vi.clearAllMocks());

  it('get reads no open draft as null', async () => {
    vi.mocked(PairingGo.Get).mockResolvedValue(null as never);
    await expect(api.pairing.get(7)).resolves.toBeNull();
    expect(PairingGo.Get).toHaveBeenCalledWith(7);
  });

  it('run sends the choice and turns Go nil slices into arrays', async () => {
    vi.mocked(PairingGo.Run).mockResolvedValue(goDraft() as never);
    const d = await api.pairing.run({ programId: 7, mode: 'mentoring', objective: 'max_cardinality' });
    expect({ ...vi.mocked(PairingGo.Run).mock.calls[0][0] }).toEqual({ programId: 7, mode: 'mentoring', objective: 'max_cardinality' });
    expect(d.unmatched).toEqual([]);
    expect(d.items[0]).toMatchObject({ members: [], reasons: [], warnings: [] });
  });

  it('fills totals and run when Go leaves them out', async () => {
    vi.mocked(PairingGo.Lock).mockResolvedValue(goDraft({ totals: null, run: null, items: null }) as never);
    const d = await api.pairing.lock(11, true);
    expect(PairingGo.Lock).toHaveBeenCalledWith(11, true);
    expect(d.items).toEqual([]);
    expect(d.totals.matchedPercent).toBe(0);
    expect(d.run.ranAt).toBe('');
  });

  it('remove answers with the draft Go returns, the people left out normalised', async () => {
    vi.mocked(PairingGo.Remove).mockResolvedValue(goDraft({ items: null, unmatched: [{ participantId: 5, name: 'Ana Silva', role: 'mentee', reason: 'You removed their pair from the draft' }] }) as never);
    const d = await api.pairing.remove(11);
    expect(PairingGo.Remove).toHaveBeenCalledWith(11);
    expect(d.items).toEqual([]);
    expect(d.unmatched[0].reason).toBe('You removed their pair from the draft');
  });

  it('check, preferences and forbidden normalise their lists', async () => {
    vi.mocked(PairingGo.Check).mockResolvedValue({ score: 40, points: 8, reasons: null, warnings: ['must: same location'] } as never);
    vi.mocked(PairingGo.Preferences).mockResolvedValue({ participantId: 5, wishes: null, avoid: null } as never);
    vi.mocked(PairingGo.Forbidden).mockResolvedValue(null as never);
    expect(await api.pairing.check({ draftId: 3, members: [{ participantId: 5, role: 'mentee' }, { participantId: 6, role: 'mentor' }] }))
      .toEqual({ score: 40, points: 8, reasons: [], warnings: ['must: same location'] });
    expect(await api.pairing.preferences(5)).toEqual({ participantId: 5, wishes: [], avoid: [] });
    expect(await api.pairing.forbidden(7)).toEqual([]);
  });

  it('rejects with an ApiError naming the field', async () => {
    vi.mocked(PairingGo.SavePreferences).mockRejectedValue({ message: 'Row 2: this person is listed twice', field: 'wishes' });
    const err = await api.pairing.savePreferences({ participantId: 5, wishes: [], avoid: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ message: 'Row 2: this person is listed twice', field: 'wishes' });
  });
});
