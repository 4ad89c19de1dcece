import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Sessions', () => ({ RecordOutcome: vi.fn() }));

import type { Session } from '../../api';
import { OutcomeModal } from './SessionModals';

const at = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

function session(startsAt: string): Session {
  return {
    id: 7, relationshipId: 4, title: 'Peer session', startsAt, localStart: '', timeZone: 'Europe/Lisbon', durationMinutes: 45,
    location: '', videoUrl: '', agenda: '', agendaTemplateId: 0, seriesId: '', status: 'scheduled', notes: '', rating: 0,
    sequence: 0, attendees: [], warnings: [],
  } as unknown as Session;
}

describe('OutcomeModal', () => {
  it('offers Held for a session that has taken place', () => {
    renderUI(<OutcomeModal session={session(at(-1))} onClose={() => {}} onSaved={() => {}} />);
    expect(screen.getByRole('radio', { name: 'Held' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Held' })).toBeEnabled();
  });

  it('does not default a session still ahead to Held, and says why', () => {
    renderUI(<OutcomeModal session={session(at(3))} onClose={() => {}} onSaved={() => {}} />);
    expect(screen.getByRole('radio', { name: 'Not yet (scheduled)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Held' })).toBeDisabled();
    expect(screen.getByText(/has not begun yet/)).toBeInTheDocument();
  });
});
