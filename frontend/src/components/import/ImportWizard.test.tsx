import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../../test/render';

vi.mock('../../../wailsjs/go/app/Imports', () => ({
  Read: vi.fn(), Preview: vi.fn(), Import: vi.fn(), ExportCSV: vi.fn(), SaveExport: vi.fn(),
}));

import * as ImportsGo from '../../../wailsjs/go/app/Imports';
import type { ImportProblem, ImportRequest, Program } from '../../api';
import { ImportWizard } from './ImportWizard';

const program = {
  id: 4, name: 'Spring Cohort', description: '', kind: 'cohort', status: 'open', peerMentoring: false,
  registrationOpens: '', registrationCloses: '', matchingOpens: '', matchingCloses: '', startsOn: '2026-03-01', endsOn: '2026-06-30',
  groupMin: 0, groupMax: 0, defaultCapacity: 1, mentorRequestExpiryDays: 14, reviewRequests: false, createdAt: '', updatedAt: '',
  counts: { participants: 0, mentors: 0, mentees: 0, peers: 0 },
} satisfies Program;

// A tiny stand-in for Go's Preview: an email needs a dot after the @.
function fakePreview(req: ImportRequest) {
  const problems: ImportProblem[] = [];
  let valid = 0;
  req.rows.forEach((r, i) => {
    const n = req.rowNumbers[i];
    if (req.skipRows.includes(n)) return;
    if (!/@.+\./.test(r[1])) problems.push({ row: n, column: 'Email', field: 'Email', value: r[1], reason: `"${r[1]}" is not an email address` });
    else valid++;
  });
  return { problems, badRows: problems.map((p) => p.row), valid, skipped: req.skipRows.length, newPeople: valid, updatedPeople: 0, newParticipants: valid, updatedParticipants: 0 };
}

async function openPreview(user: ReturnType<typeof userEvent.setup>) {
  renderUI(<ImportWizard program={program} opened onClose={() => {}} onImported={onImported} />);
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await user.upload(input, new File(['Name,Email\nAna,ana@\nBen,ben@example.org\n'], 'reg.csv', { type: 'text/csv' }));
  await user.click(await screen.findByRole('button', { name: 'Check the rows' }));
  await screen.findByRole('table', { name: 'Problems in the file' });
}

const onImported = vi.fn();
const importButton = () => screen.getByRole('button', { name: /^Import \d+ rows?$/ });

describe('ImportWizard', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(ImportsGo.Read).mockResolvedValue({
      fileName: 'reg.csv', headers: ['Name', 'Email'], rows: [['Ana', 'ana@'], ['Ben', 'ben@example.org']], rowNumbers: [2, 3],
      mapping: ['name', 'email'],
      targets: [{ key: 'name', label: 'Name', group: 'Person', required: true }, { key: 'email', label: 'Email', group: 'Person', required: true }],
    } as never);
    vi.mocked(ImportsGo.Preview).mockImplementation(async (req) => fakePreview(req as ImportRequest) as never);
    vi.mocked(ImportsGo.Import).mockImplementation(async (req) => fakePreview(req as ImportRequest) as never);
  });

  it('reads the file as base64 and keeps Import disabled while a row has a problem', async () => {
    const user = userEvent.setup();
    await openPreview(user);
    const [pid, name, b64] = vi.mocked(ImportsGo.Read).mock.calls[0];
    expect(pid).toBe(4);
    expect(name).toBe('reg.csv');
    expect(atob(b64)).toBe('Name,Email\nAna,ana@\nBen,ben@example.org\n');
    expect(vi.mocked(ImportsGo.Preview).mock.calls[0][0]).toMatchObject({
      programId: 4, mapping: ['name', 'email'], skipRows: [], defaultRoles: { mentor: false, mentee: true, peer: false },
    });

    expect(screen.getByText('"ana@" is not an email address')).toBeInTheDocument();
    expect(importButton()).toHaveTextContent('Import 1 row');
    expect(importButton()).toBeDisabled();
    expect(screen.getByText('Fix or skip the 1 row with problems first.')).toBeInTheDocument();
  });

  it('re-checks after a cell is fixed in place, then imports the corrected rows', async () => {
    const user = userEvent.setup();
    await openPreview(user);
    const cell = screen.getByRole('textbox', { name: 'Row 2, Email' });
    await user.clear(cell);
    await user.type(cell, 'ana@example.org');
    await waitFor(() => expect(importButton()).toBeEnabled(), { timeout: 3000 });
    expect(importButton()).toHaveTextContent('Import 2 rows');
    await user.click(importButton());
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(vi.mocked(ImportsGo.Import).mock.calls[0][0].rows[0]).toEqual(['Ana', 'ana@example.org']);
  });

  it('lets a bad row be skipped, and sends it as skipped', async () => {
    const user = userEvent.setup();
    await openPreview(user);
    await user.click(screen.getByRole('checkbox', { name: 'Skip this row' }));
    await waitFor(() => expect(importButton()).toBeEnabled());
    expect(screen.getByRole('checkbox', { name: 'Skip this row' })).toBeChecked();
    await user.click(importButton());
    await waitFor(() => expect(ImportsGo.Import).toHaveBeenCalled());
    expect(vi.mocked(ImportsGo.Import).mock.calls[0][0].skipRows).toEqual([2]);
  });

  it('says which of two Email columns is used, until the admin picks the other one', async () => {
    const user = userEvent.setup();
    vi.mocked(ImportsGo.Read).mockResolvedValue({
      fileName: 'reg.csv', headers: ['Name', 'Email', 'Email'], rows: [['Ana', 'ana@x.org', 'ana@example.org']], rowNumbers: [2],
      mapping: ['name', 'email', ''],
      targets: [{ key: 'name', label: 'Name', group: 'Person', required: true }, { key: 'email', label: 'Email', group: 'Person', required: true }],
      warnings: [{ key: 'email', used: 1, ignored: [2], message: 'Two columns are called "Email": column B is used, column C is ignored' }],
    } as never);
    renderUI(<ImportWizard program={program} opened onClose={() => {}} onImported={onImported} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['Name,Email,Email\nAna,ana@x.org,ana@example.org\n'], 'reg.csv', { type: 'text/csv' }));

    const alert = await screen.findByRole('alert', { name: 'Columns with the same name' });
    expect(alert).toHaveTextContent('Two columns are called "Email": column B is used, column C is ignored');

    const third = screen.getAllByRole('textbox', { name: 'Column “Email” goes into' })[1];
    await user.click(third);
    await user.click(await screen.findByRole('option', { name: 'Email (required)' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Columns with the same name' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    await waitFor(() => expect(ImportsGo.Preview).toHaveBeenCalled());
    expect(vi.mocked(ImportsGo.Preview).mock.calls[0][0].mapping).toEqual(['name', '', 'email']);
  });
});
