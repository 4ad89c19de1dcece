import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Requests', () => ({ Candidates: vi.fn(), Preview: vi.fn(), Create: vi.fn() }));
vi.mock('../../../wailsjs/go/app/Directory', () => ({ Query: vi.fn() }));
vi.mock('../../../wailsjs/go/app/Settings', () => ({ Get: vi.fn() }));

import * as DirectoryGo from '../../../wailsjs/go/app/Directory';
import * as RequestsGo from '../../../wailsjs/go/app/Requests';
import * as SettingsGo from '../../../wailsjs/go/app/Settings';
import type { Candidate, Participant, Program } from '../../api';
import { RequestWizardForm } from './RequestWizard';

const program = {
  id: 1, name: 'Peer Circles', description: '', kind: 'evergreen', status: 'active', peerMentoring: true,
  registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
  groupMin: 0, groupMax: 0, defaultCapacity: 1, mentorRequestExpiryDays: 14, reviewRequests: false, maxOpenRequests: 0, createdAt: '', updatedAt: '',
  counts: { participants: 3, mentors: 0, mentees: 3, peers: 3 },
} satisfies Program;

const person = (id: number, name: string, over: Partial<Participant> = {}): Participant => ({
  id, programId: 1, personId: id + 10, name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, department: 'Sales',
  title: 'Analyst', location: 'Lisbon', timeZone: 'Europe/Lisbon', mentor: false, mentee: true, peer: true, capacity: 0,
  status: 'active', enrolledAt: '2026-01-05T10:00:00Z', ...over,
});

const ana = person(1, 'Ana Silva');
const candidates: Candidate[] = [
  { participant: person(2, 'Jai Patel', { department: 'Engineering', title: 'Data Scientist' }), score: 80, reasons: ['offers Python (+5)', 'time zones 1 h apart'] },
  { participant: person(3, 'Mei Chen'), score: 40, reasons: [] },
];

const preview = {
  subject: 'Ana Silva would like you as their peer — Peer Circles',
  text: 'Hello Jai,\n\nAna Silva would like you as their peer in Peer Circles.\n',
  html: '<p>Hello Jai,</p>',
  confirmationSubject: 'Your request to Jai Patel is on its way',
  confirmationText: 'Hello Ana,\n\nYour request to Jai Patel has been sent.\n',
  inReview: false,
};

function setup() {
  const user = userEvent.setup();
  const onCreated = vi.fn();
  const onCancel = vi.fn();
  renderUI(<RequestWizardForm program={program} start={{ requester: ana, kind: 'peer' }} onCancel={onCancel} onCreated={onCreated} />);
  return { user, onCreated, onCancel };
}

/** toSummary walks the wizard to its last step: Jai, help on a topic over 3 sessions, with a note. */
async function toSummary(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Next' }));
  const whom = await screen.findByRole('radiogroup', { name: /Whom to ask/ });
  expect(within(whom).getByText('offers Python (+5)')).toBeInTheDocument();
  expect(within(whom).getByText('80% fit')).toBeInTheDocument();
  await user.click(within(whom).getByRole('radio', { name: 'Jai Patel' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('radio', { name: 'Help with a specific topic' }));
  await user.type(screen.getByRole('textbox', { name: 'Topic' }), 'Public speaking');
  expect(screen.getByRole('textbox', { name: 'Number of sessions' })).toHaveValue('3');
  await user.type(screen.getByRole('textbox', { name: 'Note introducing Ana' }), '  I give my first talk in March.  ');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

const expected = {
  programId: 1, kind: 'peer', requesterId: 1, recipientId: 2, commitment: 'topic', topic: 'Public speaking', sessions: 3,
  note: 'I give my first talk in March.',
};

describe('RequestWizard', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(DirectoryGo.Query).mockResolvedValue({ rows: [ana], total: 1, departments: [], locations: [] } as never);
    vi.mocked(SettingsGo.Get).mockResolvedValue({ autoSend: [] } as never);
    vi.mocked(RequestsGo.Candidates).mockResolvedValue(candidates as never);
    vi.mocked(RequestsGo.Preview).mockResolvedValue(preview as never);
  });

  it('sends the RequestInput the steps describe, after showing exactly what is emailed', async () => {
    const { user, onCreated } = setup();
    vi.mocked(RequestsGo.Create).mockResolvedValue({ id: 9, recipient: { name: 'Jai Patel' }, requester: { name: 'Ana Silva' }, inReview: false } as never);
    await toSummary(user);

    expect(RequestsGo.Candidates).toHaveBeenCalledWith(1, 1, 'peer');
    const recipientBox = await screen.findByRole('region', { name: 'What Jai Patel receives' });
    expect(within(recipientBox).getByText(preview.subject)).toBeInTheDocument();
    expect(within(recipientBox).getByText(/Ana Silva would like you as their peer in Peer Circles\./)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Ana Silva’s confirmation' })).getByText(preview.confirmationSubject)).toBeInTheDocument();
    expect(vi.mocked(RequestsGo.Preview).mock.calls[0][0]).toEqual(expected);

    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(vi.mocked(RequestsGo.Create).mock.calls[0][0]).toEqual(expected);
    expect(await screen.findByText(/Request summary waits in the outbox/)).toBeInTheDocument();
  });

  it("shows Go's field error next to its field, on that field's step", async () => {
    const { user } = setup();
    vi.mocked(RequestsGo.Preview).mockRejectedValue({ field: 'topic', message: 'The topic is longer than 200 characters' });
    await toSummary(user);

    const topic = await screen.findByRole('textbox', { name: 'Topic' });
    await waitFor(() => expect(topic).toHaveAttribute('aria-invalid', 'true'));
    expect(topic.getAttribute('aria-describedby')).toContain(screen.getByText('The topic is longer than 200 characters').id);

    // Fixed, the summary renders; then Create refuses the recipient: back to step 2, the error by the list.
    vi.mocked(RequestsGo.Preview).mockResolvedValue(preview as never);
    vi.mocked(RequestsGo.Create).mockRejectedValue({ field: 'recipientId', message: 'There is already a pending request between Ana Silva and Jai Patel' });
    await user.clear(topic);
    await user.type(topic, 'Talks');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Submit request' }));
    const whom = await screen.findByRole('radiogroup', { name: /Whom to ask/ });
    const message = await screen.findByText('There is already a pending request between Ana Silva and Jai Patel');
    expect(whom.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('checks each step before going on', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('radiogroup', { name: /Whom to ask/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Choose whom to ask')).toBeInTheDocument();
    expect(RequestsGo.Preview).not.toHaveBeenCalled();
  });
});
