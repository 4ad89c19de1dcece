import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';

vi.mock('../../wailsjs/go/app/Programs', () => ({
  Create: vi.fn(), Update: vi.fn(), NewProgramDefaults: vi.fn(), List: vi.fn(), Get: vi.fn(), Archive: vi.fn(), Unarchive: vi.fn(),
}));

import * as ProgramsGo from '../../wailsjs/go/app/Programs';
import { ProgramForm } from './ProgramForm';

const kindRadio = (name: string) => screen.getByRole('radio', { name });
const peerSwitch = () => screen.getByRole('switch', { name: /Peer mentoring/ });

describe('ProgramForm', () => {
  beforeEach(() => {
    vi.mocked(ProgramsGo.Create).mockReset();
    vi.mocked(ProgramsGo.NewProgramDefaults).mockReset();
    vi.mocked(ProgramsGo.NewProgramDefaults).mockImplementation(async (kind: string) => ({
      name: '', description: '', kind, status: 'open', peerMentoring: kind === 'evergreen', registrationOpens: '',
      registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '', endsOn: '',
      groupMin: kind === 'group' ? 3 : 0, groupMax: kind === 'group' ? 6 : 0, defaultCapacity: 1, mentorRequestExpiryDays: 14,
    }) as never);
  });

  it('turns peer mentoring on for evergreen programs and off for the others', async () => {
    const user = userEvent.setup();
    renderUI(<ProgramForm onSaved={() => {}} onCancel={() => {}} />);
    expect(kindRadio('Evergreen')).toBeChecked();
    expect(peerSwitch()).toBeChecked();
    expect(screen.getByText('Participants can register as Peer (they must also be a mentor or a mentee)')).toBeInTheDocument();

    await user.click(screen.getByText('Cohort'));
    await waitFor(() => expect(peerSwitch()).not.toBeChecked());
    expect(screen.getByRole('textbox', { name: 'Starts on' })).toBeInTheDocument();
    expect(ProgramsGo.NewProgramDefaults).toHaveBeenLastCalledWith('cohort');

    await user.click(screen.getByText('Group'));
    await waitFor(() => expect(peerSwitch()).not.toBeChecked());
    expect(screen.getByRole('textbox', { name: 'Smallest group' })).toHaveValue('3');

    await user.click(screen.getByText('Evergreen'));
    await waitFor(() => expect(peerSwitch()).toBeChecked());
  });

  it('checks in the browser first: no name, no call to Go', async () => {
    const user = userEvent.setup();
    renderUI(<ProgramForm onSaved={() => {}} onCancel={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Create program' }));
    expect(await screen.findByText('A program needs a name')).toBeInTheDocument();
    expect(ProgramsGo.Create).not.toHaveBeenCalled();
  });

  it("shows Go's error next to the field it names", async () => {
    const user = userEvent.setup();
    vi.mocked(ProgramsGo.Create).mockRejectedValue(new Error('{"field":"mentorRequestExpiryDays","message":"Mentor requests expire after 1 to 365 days"}'));
    const onSaved = vi.fn();
    renderUI(<ProgramForm onSaved={onSaved} onCancel={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Buddies');
    await user.click(screen.getByRole('button', { name: 'Create program' }));

    const field = screen.getByRole('textbox', { name: /Mentor requests expire after/ });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    const msg = screen.getByText('Mentor requests expire after 1 to 365 days');
    expect(field.getAttribute('aria-describedby')).toContain(msg.id);
    expect(onSaved).not.toHaveBeenCalled();
    expect(vi.mocked(ProgramsGo.Create).mock.calls[0][0]).toMatchObject({ name: 'Buddies', kind: 'evergreen', peerMentoring: true });
  });

  it('sends a cohort with its dates as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    vi.mocked(ProgramsGo.Create).mockImplementation(async (p) => ({ ...p, id: 5 }) as never);
    const onSaved = vi.fn();
    renderUI(<ProgramForm onSaved={onSaved} onCancel={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Autumn');
    await user.click(screen.getByText('Cohort'));
    await user.click(screen.getByRole('button', { name: 'Create program' }));
    expect(await screen.findByText('A cohort needs a start date')).toBeInTheDocument();
    expect(ProgramsGo.Create).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: 'Starts on' }), '2026-09-01');
    await user.type(screen.getByRole('textbox', { name: 'Ends on' }), '31 Jan 2027');
    await user.click(screen.getByRole('button', { name: 'Create program' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(vi.mocked(ProgramsGo.Create).mock.calls[0][0]).toMatchObject({
      kind: 'cohort', startsOn: '2026-09-01', endsOn: '2027-01-31', peerMentoring: false,
    });
  });
});
