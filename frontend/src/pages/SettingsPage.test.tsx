import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderUI } from '../test/render';

vi.mock('../../wailsjs/go/app/Settings', () => ({ Get: vi.fn(), Save: vi.fn(), SetPassword: vi.fn(), SendTestEmail: vi.fn() }));
vi.mock('../../wailsjs/go/app/Templates', () => ({ List: vi.fn(), Save: vi.fn(), Reset: vi.fn(), Preview: vi.fn() }));
vi.mock('../../wailsjs/go/app/Agendas', () => ({ List: vi.fn(), Create: vi.fn(), Update: vi.fn(), Delete: vi.fn() }));

import * as AgendasGo from '../../wailsjs/go/app/Agendas';
import * as SettingsGo from '../../wailsjs/go/app/Settings';
import * as TemplatesGo from '../../wailsjs/go/app/Templates';
import type { Settings } from '../api';
import { SettingsPage } from './SettingsPage';

const saved: Settings = {
  organisationName: 'Northwind', adminName: 'Sam Rivera', adminEmail: 'sam@example.org', defaultTimeZone: 'Europe/London',
  delivery: 'smtp', smtpHost: '', smtpPort: 587, smtpSecurity: 'starttls', smtpUsername: '', smtpCaFile: '', perMinute: 20, draftsDir: '',
  autoSend: [], passwordSaved: false, passwordRemembered: false,
};

describe('SettingsPage', () => {
  beforeEach(() => {
    vi.mocked(SettingsGo.Get).mockReset().mockResolvedValue({ ...saved, autoSend: null } as never);
    vi.mocked(SettingsGo.Save).mockReset();
    vi.mocked(SettingsGo.SendTestEmail).mockReset();
    vi.mocked(TemplatesGo.List).mockResolvedValue([
      { kind: 'invite', label: 'Session invitation', subject: 'Invitation: {{.Session.Title}}', text: 'Hello', html: '<p>Hello</p>', custom: false },
      { kind: 'closing', label: 'Relationship closed', subject: 'Thank you', text: 'Thanks', html: '', custom: true },
    ] as never);
    vi.mocked(TemplatesGo.Save).mockReset();
    vi.mocked(AgendasGo.List).mockResolvedValue([] as never);
  });

  it("shows Go's field error next to the field it names", async () => {
    const user = userEvent.setup();
    vi.mocked(SettingsGo.Save).mockRejectedValue(new Error('{"field":"smtpHost","message":"smtp.example.org is not reachable"}'));
    renderUI(<SettingsPage />);
    const host = await screen.findByRole('textbox', { name: 'SMTP server' });
    await user.type(host, 'smtp.example.org');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(host).toHaveAccessibleDescription('smtp.example.org is not reachable'));
    expect(host).toHaveAttribute('aria-invalid', 'true');
    expect({ ...vi.mocked(SettingsGo.Save).mock.calls[0][0] }).toMatchObject({ smtpHost: 'smtp.example.org', smtpPort: 587, delivery: 'smtp', autoSend: [] });
  });

  it('checks in the browser first: a bad address never reaches Go', async () => {
    const user = userEvent.setup();
    renderUI(<SettingsPage />);
    const email = await screen.findByRole('textbox', { name: 'Your sending address' });
    await user.clear(email);
    await user.type(email, 'sam@');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription(/is not an email address/));
    expect(SettingsGo.Save).not.toHaveBeenCalled();
  });

  it("saves the automatic sending choices, and shows the server's answer to a test email", async () => {
    const user = userEvent.setup();
    vi.mocked(SettingsGo.Save).mockImplementation(async (s) => ({ ...s, passwordSaved: false, passwordRemembered: false }) as never);
    renderUI(<SettingsPage />);
    await user.click(await screen.findByRole('checkbox', { name: /Invitations/ }));
    await user.type(screen.getByRole('textbox', { name: 'SMTP server' }), 'smtp.example.org');
    vi.mocked(SettingsGo.SendTestEmail).mockRejectedValue(new Error('{"message":"535 5.7.8 Authentication failed"}'));
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    // Unsaved changes are saved first: the test uses the saved settings.
    await waitFor(() => expect(SettingsGo.Save).toHaveBeenCalledTimes(1));
    expect({ ...vi.mocked(SettingsGo.Save).mock.calls[0][0] }).toMatchObject({ autoSend: ['invite'], smtpHost: 'smtp.example.org' });
    expect(await screen.findByText('535 5.7.8 Authentication failed')).toBeInTheDocument();
    expect(screen.getByText('The test email was not sent')).toBeInTheDocument();
  });

  it('puts a template error under the part it concerns', async () => {
    const user = userEvent.setup();
    vi.mocked(TemplatesGo.Save).mockRejectedValue(new Error('{"field":"html","message":"HTML, line 1: unexpected \\"}\\" in operand"}'));
    renderUI(<SettingsPage />);
    const section = await screen.findByRole('region', { name: 'Message templates' });
    const html = await within(section).findByRole('textbox', { name: /HTML/ });
    await user.click(within(section).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(html).toHaveAccessibleDescription(/unexpected "}" in operand/));
    expect(within(section).getByRole('textbox', { name: 'Subject' })).not.toHaveAttribute('aria-invalid', 'true');
  });
});
