import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Launch', () => ({ Problem: vi.fn(), RestoreBackup: vi.fn(), TryAgain: vi.fn(), Quit: vi.fn() }));

import * as LaunchGo from '../../../wailsjs/go/app/Launch';
import type { StartProblem } from '../../api';
import { LaunchGate } from './LaunchGate';
import { ProblemScreen } from './ProblemScreen';

const damaged: StartProblem = {
  kind: 'damaged', message: "Tandem's data file /home/sam/.config/tandem/tandem.db is damaged.",
  path: '/home/sam/.config/tandem/tandem.db', folder: '/home/sam/.config/tandem', needMb: 0,
  backup: '/home/sam/.config/tandem/backups/tandem-20261201-090000.000-00.db', backupAt: '2026-12-01T09:00:00Z', logPath: '',
};

describe('ProblemScreen', () => {
  beforeEach(() => {
    vi.mocked(LaunchGo.RestoreBackup).mockReset();
    vi.mocked(LaunchGo.TryAgain).mockReset();
  });

  it('offers the newest good backup for a damaged file and restores it', async () => {
    vi.mocked(LaunchGo.RestoreBackup).mockResolvedValue();
    renderUI(<ProblemScreen problem={damaged} />);
    expect(screen.getByRole('heading', { name: 'Your data file is damaged' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('is damaged');
    expect(screen.getByText(/Newest good backup: 1 Dec 2026/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Restore the backup' }));
    expect(LaunchGo.RestoreBackup).toHaveBeenCalledTimes(1);
  });

  it('says why a restore failed and lets the admin try again', async () => {
    vi.mocked(LaunchGo.RestoreBackup).mockRejectedValue(new Error('{"message":"The backup could not be put in place; the details are in the log"}'));
    renderUI(<ProblemScreen problem={damaged} />);
    await userEvent.click(screen.getByRole('button', { name: 'Restore the backup' }));
    expect(await screen.findByText('The backup could not be put in place; the details are in the log')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore the backup' })).toBeEnabled();
  });

  it('offers no restore when Tandem is already open, only closing or trying again', async () => {
    vi.mocked(LaunchGo.TryAgain).mockResolvedValue();
    renderUI(<ProblemScreen problem={{ ...damaged, kind: 'locked', backup: '', message: 'Tandem is already open with this data (/x/tandem.db).' }} />);
    expect(screen.getByRole('heading', { name: 'Tandem is already open with this data' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore the backup' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(LaunchGo.TryAgain).toHaveBeenCalledTimes(1);
  });

  it('says how much room a full disk needs', () => {
    renderUI(<ProblemScreen problem={{ ...damaged, kind: 'full', backup: '', needMb: 42, message: 'The disk is full.' }} />);
    expect(screen.getByText(/Free at least 42 MB/)).toBeInTheDocument();
  });
});

describe('LaunchGate', () => {
  it('renders the app when there is no problem, and only the problem screen otherwise', async () => {
    vi.mocked(LaunchGo.Problem).mockResolvedValueOnce({ ...damaged, kind: '' } as never);
    const { unmount } = renderUI(<LaunchGate><p>the app</p></LaunchGate>);
    expect(await screen.findByText('the app')).toBeInTheDocument();
    unmount();
    vi.mocked(LaunchGo.Problem).mockResolvedValueOnce(damaged as never);
    renderUI(<LaunchGate><p>the app</p></LaunchGate>);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your data file is damaged' })).toBeInTheDocument());
    expect(screen.queryByText('the app')).not.toBeInTheDocument();
  });
});
