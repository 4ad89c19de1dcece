import { expect, test, type Locator } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { a11y, bodyRows, described, dialog, nav, onePage, page, pick, screenshot } from './support';

// Sessions and the outbox, as an admin would run them, after foundation.spec.ts loaded the
// sample organisation into the database .ci/e2e.sh started: connect Tandem to the harness's
// real SMTP server (STARTTLS with its own certificate), schedule a session of a Peer Circles
// relationship, check and send the invites from the outbox, reschedule it, cancel it and send
// the cancellations. What the server received is read back from MAIL_DIR as .eml files. Every
// page and dialog on the way is checked with axe, and the README's screenshots are written.

const SMTP = {
  host: process.env.SMTP_HOST ?? '',
  port: process.env.SMTP_PORT ?? '',
  ca: process.env.SMTP_CA ?? '',
  mailDir: process.env.MAIL_DIR ?? '',
};
const ADMIN = { name: 'Sam Rivera', org: 'Northwind', email: 'mentoring@northwind.example', zone: 'UTC' };
const PROGRAM = 'Peer Circles';
const TITLE = 'Practice run: the quarterly demo';
const ZONE = 'Europe/Berlin';
const AGENDA = 'First session: getting started';
const REASON = 'The quarterly demo moved to January: we will find a new date together.';

/** The relationship the walk works on, read from the screen in step 2. */
const rel = { name: '', members: [] as { name: string; email: string; zone: string }[] };
/** The session's calendar UID, from the first invite's preview. */
let uid = '';

// The admin's own zone ("your time") is fixed, so that the times on screen are known; only what
// this walk sends counts: anything an earlier spec sent is known already.
onePage({ timezoneId: ADMIN.zone, opened: () => { for (const f of emlFiles()) seenMail.add(f); } });

// ---- helpers (the shared ones are in support.ts) -------------------------------------------

/**
 * shot writes a screenshot for the docs (see support.ts's screenshot).
 * fit (a modal or a drawer) makes the window tall enough for all of it; height sets the window's
 * height; arrange scrolls what the picture shows into place once the window has its size.
 */
async function shot(name: string, { fit, height, arrange }: { fit?: Locator; height?: number; arrange?: () => Promise<void> } = {}) {
  const viewport = page.viewportSize()!;
  if (fit) {
    const { scroll, modal } = await fit.evaluate((e) => ({ scroll: e.scrollHeight, modal: e.classList.contains('mantine-Modal-content') }));
    // A modal keeps a margin above and below (5% of the window each); a drawer is as tall as the window.
    height = modal ? Math.ceil(scroll / 0.88) : scroll;
  }
  if (height) await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await arrange?.();
  await screenshot(name);
  if (height) await page.setViewportSize(viewport);
}

/** scrollToTop scrolls an element to the top of its scrolling box, clear of a sticky header. */
async function scrollToTop(target: Locator, clearance: number) {
  await target.evaluate((e, gap) => {
    e.scrollIntoView({ block: 'start' });
    let box: HTMLElement | null = e.parentElement;
    while (box && box.scrollTop === 0 && box !== document.documentElement) box = box.parentElement;
    (box ?? document.documentElement).scrollBy(0, -gap);
  }, clearance);
}

const notice = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/**
 * closeDrawer closes a drawer with the keyboard: its close button may sit under the
 * notifications (top right) for up to 10 seconds after an action.
 */
async function closeDrawer(drawer: Locator) {
  await drawer.focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

// ---- time: what the admin and each attendee should see -------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

function partsIn(instant: Date, zone: string) {
  const out: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', weekday: 'long',
  });
  for (const p of f.formatToParts(instant)) out[p.type] = p.value;
  const month = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'numeric' }).format(instant));
  return {
    year: Number(out.year), month, monthName: out.month, day: Number(out.day), weekday: out.weekday,
    time: `${pad(Number(out.hour) % 24)}:${out.minute}`,
  };
}

/** dayOf is the date of an instant in a zone, as YYYY-MM-DD. */
function dayOf(instant: Date, zone: string): string {
  const p = partsIn(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** wallInZone reads a wall-clock date and time in a zone as an instant. */
function wallInZone(date: string, time: string, zone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const offset = (t: number) => Date.parse(`${dayOf(new Date(t), zone)}T${partsIn(new Date(t), zone).time}:00Z`) - t;
  let t = guess - offset(guess);
  t = guess - offset(t);
  return new Date(t);
}

/** localText is the schedule preview's "Wed 2 Dec, 10:00–10:45" for a zone. */
function localText(start: Date, minutes: number, zone: string): string {
  const s = partsIn(start, zone);
  const e = partsIn(new Date(start.getTime() + minutes * 60000), zone);
  const nextDay = s.day !== e.day ? ' (next day)' : '';
  return `${s.weekday.slice(0, 3)} ${s.day} ${s.monthName.slice(0, 3)}, ${s.time}–${e.time}${nextDay}`;
}

/** whenText is the emails' "Wednesday 2 December 2026, 10:00 (Europe/Berlin)". */
function whenText(start: Date, zone: string): string {
  const s = partsIn(start, zone);
  return `${s.weekday} ${s.day} ${s.monthName} ${s.year}, ${s.time} (${zone})`;
}

/** nextWeek is a day of next week (1 Monday … 7 Sunday) in Berlin, as YYYY-MM-DD. */
function nextWeek(isoDay: number): string {
  const today = Date.parse(`${dayOf(new Date(), ZONE)}T00:00:00Z`);
  const dow = ((new Date(today).getUTCDay() + 6) % 7) + 1;
  const monday = today + (8 - dow) * 86400000;
  return new Date(monday + (isoDay - 1) * 86400000).toISOString().slice(0, 10);
}

const FIRST = { date: nextWeek(3), time: '10:00', minutes: 45 };
const MOVED = { date: nextWeek(4), time: '14:00', minutes: 45 };
const firstStart = wallInZone(FIRST.date, FIRST.time, ZONE);
const movedStart = wallInZone(MOVED.date, MOVED.time, ZONE);

// ---- the mail the SMTP server received -----------------------------------------------------

interface Part { headers: Record<string, string>; body: string; parts: Part[] }

/** parseMime reads an email just enough for the checks: unfolded headers, decoded leaf bodies. */
function parseMime(raw: string): Part {
  const text = raw.replace(/\r\n/g, '\n');
  const cut = text.indexOf('\n\n');
  const head = cut < 0 ? text : text.slice(0, cut);
  const body = cut < 0 ? '' : text.slice(cut + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const c = line.indexOf(':');
    if (c > 0) headers[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";\s]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const chunks = body.split(`--${boundary}`).slice(1).filter((c) => !c.startsWith('--'));
    return { headers, body: '', parts: chunks.map((c) => parseMime(c.replace(/^\n/, ''))) };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  let decoded = body;
  if (encoding === 'base64') decoded = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    decoded = Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
      .toString('utf8');
  }
  return { headers, body: decoded, parts: [] };
}

const leaves = (p: Part): Part[] => (p.parts.length ? p.parts.flatMap(leaves) : [p]);
/** unfoldIcs joins iCalendar's folded lines. */
const unfoldIcs = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

interface Received { file: string; raw: string; mime: Part; to: string; calendar: Part | undefined; attachment: Part | undefined }

const seenMail = new Set<string>();

function emlFiles(): string[] {
  if (!fs.existsSync(SMTP.mailDir)) return [];
  return fs.readdirSync(SMTP.mailDir).filter((f: string) => /^\d+\.eml$/.test(f));
}

/** newMail waits for n messages that arrived since the last call, and reads them. */
async function newMail(n: number): Promise<Received[]> {
  const fresh = () => emlFiles().filter((f) => !seenMail.has(f));
  await expect.poll(() => fresh().length, { message: `${n} new .eml files in ${SMTP.mailDir}`, timeout: 30_000 }).toBe(n);
  return fresh().map((file) => {
    seenMail.add(file);
    const raw = fs.readFileSync(path.join(SMTP.mailDir, file), 'utf8');
    const mime = parseMime(raw);
    const parts = leaves(mime);
    return {
      file,
      raw,
      mime,
      to: /<([^>]+)>/.exec(mime.headers.to ?? '')?.[1] ?? mime.headers.to ?? '',
      calendar: parts.find((p) => /^text\/calendar/i.test(p.headers['content-type'] ?? '')),
      attachment: parts.find((p) => /filename="?invite\.ics"?/i.test(p.headers['content-disposition'] ?? '')),
    };
  });
}

// ---- pages -----------------------------------------------------------------------------------

async function openOutbox() {
  await nav().getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
}

/** showEmails switches the outbox's view ("Queued", "Sent", "All" …) and returns its table. */
async function showEmails(view: 'Queued' | 'Sent' | 'Cancelled' | 'All') {
  const choices = page.getByRole('radiogroup', { name: 'Show emails' });
  await choices.getByText(new RegExp(`^${view} \\(\\d+\\)$`)).click();
  await expect(choices.getByRole('radio', { name: new RegExp(`^${view} \\(`) })).toBeChecked();
  const table = page.getByRole('table', { name: `${view} emails` });
  await expect(table).toBeVisible();
  return table;
}

/** ours are the outbox rows about this walk's session. */
const ours = (table: Locator) => bodyRows(table).filter({ hasText: TITLE });

/** openRelationship opens the walk's relationship from the program's Relationships tab. */
async function openRelationship(): Promise<Locator> {
  await nav().getByRole('link', { name: PROGRAM, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();
  await page.getByRole('tab', { name: 'Relationships' }).click();
  await expect(page.getByRole('tab', { name: 'Relationships' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: `Relationships in ${PROGRAM}` });
  const row = bodyRows(table).filter({ hasText: rel.members[0].name }).filter({ hasText: rel.members[1].name });
  await row.locator('td').first().click();
  const drawer = dialog(rel.name);
  await expect(drawer.getByRole('heading', { name: 'Sessions', exact: true })).toBeVisible();
  await expect(drawer.getByRole('status', { name: 'Loading sessions' })).toHaveCount(0);
  return drawer;
}

/** sessionCard is the card of the walk's session in the relationship drawer. */
const sessionCard = (drawer: Locator) => drawer.getByRole('article', { name: TITLE });

/** previewOf opens the outbox preview of the email to a member and returns the drawer. */
async function previewOf(table: Locator, member: { name: string }): Promise<Locator> {
  const row = ours(table).filter({ hasText: member.name });
  await row.getByRole('button', { name: `Preview the email to ${member.name}` }).click();
  const drawer = dialog(`Email to ${member.name}`);
  await expect(drawer.getByRole('heading', { name: 'Calendar invitation' })).toBeVisible();
  return drawer;
}

/** rawIcs opens the preview's "Raw .ics" and returns the calendar as shown. */
async function rawIcs(preview: Locator): Promise<string> {
  await preview.getByRole('button', { name: 'Raw .ics' }).click();
  const raw = preview.getByRole('region', { name: 'Raw calendar file' });
  await expect(raw).toBeVisible();
  return unfoldIcs(await raw.innerText());
}

/** sendOurs selects the queued emails about the session and sends them. */
async function sendOurs(table: Locator, count: number) {
  const rows = ours(table);
  await expect(rows).toHaveCount(count);
  for (const row of await rows.all()) await row.getByRole('checkbox').check();
  await expect(page.getByText(`${count} emails selected`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Send selected (${count})` }).click();
  const confirm = dialog(`Send ${count} emails?`);
  await expect(confirm).toContainText(`The ${count} selected emails will leave through the SMTP server ${SMTP.host}:${SMTP.port}, from ${ADMIN.email}`);
  await a11y('the send confirmation');
  await confirm.getByRole('button', { name: `Send ${count} emails` }).click();
  await expect(confirm).toBeHidden();
  // The progress follows the run, then says how it ended.
  const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Sending progress' }) });
  await expect(progress).toContainText(`Last run: ${count} of ${count} done`);
  await expect(progress).toContainText(`${count} sent · 0 failed`);
  await expect(notice(`Sent ${count}.`).last()).toBeVisible();
  await expect(rows).toHaveCount(0);
}

// ---- the walk ------------------------------------------------------------------------------

test.describe.serial('Sessions and the outbox', () => {
  test.skip(!SMTP.host || !SMTP.mailDir, 'needs the SMTP test server of .ci/e2e.sh');

  test('1. settings: connect to the SMTP server and send a test email', async () => {
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    // The sample organisation filled in who the emails come from.
    await expect(page.getByRole('textbox', { name: 'Organisation name' })).toHaveValue(ADMIN.org);
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue(ADMIN.name);
    await expect(page.getByRole('textbox', { name: 'Your sending address' })).toHaveValue(ADMIN.email);
    await expect(page.getByRole('radio', { name: 'SMTP server' })).toBeChecked();

    await page.getByRole('textbox', { name: 'SMTP server' }).fill(SMTP.host);
    await page.getByRole('textbox', { name: 'Port' }).fill(SMTP.port);
    await page.getByRole('radio', { name: /^STARTTLS/ }).check();
    await page.getByRole('textbox', { name: 'Username' }).fill('tandem');
    // The test server signs its certificate itself: trust it like an organisation's own CA.
    const ca = page.getByRole('textbox', { name: /certificate authority|CA certificate/i });
    await ca.fill(SMTP.ca);
    await expect(page.getByText('You have unsaved changes.')).toBeVisible();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(notice('Settings saved.')).toBeVisible();
    await expect(page.getByText('All changes saved.')).toBeVisible();
    await expect(ca).toHaveValue(SMTP.ca);

    await page.getByLabel('SMTP password').fill('secret');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(notice(/^Password (saved in your system’s keyring|kept for this session only)/)).toBeVisible();
    await expect(page.getByText(/A password for tandem is kept/)).toBeVisible();
    await expect(page.getByLabel('SMTP password')).toHaveValue('');

    // The test email: the page shows what the server answered, and the server has it.
    await page.getByRole('button', { name: 'Send test email' }).click();
    const answer = page.getByRole('status').filter({ hasText: 'The server accepted the test email' });
    await expect(answer).toContainText(
      `The test email to ${ADMIN.email} was accepted by ${SMTP.host}:${SMTP.port} over STARTTLS (TLS 1.`);
    await expect(answer).toContainText('signed in as tandem. The server said: ');
    const [test] = await newMail(1);
    expect(test.to).toBe(ADMIN.email);
    expect(test.mime.headers.subject).toBe('Tandem test email');

    // The picture: the whole Delivery section, with the server's answer.
    const delivery = page.getByRole('region', { name: 'Delivery' });
    const box = (await delivery.boundingBox())!;
    await shot('settings-delivery.png', { height: Math.ceil(box.height) + 200, arrange: () => scrollToTop(delivery, 72) });
    await a11y('the settings page', ['light', 'dark']);
  });

  test('2. schedule a session: everyone\'s local time before saving', async () => {
    await nav().getByRole('link', { name: PROGRAM, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();
    await page.getByRole('tab', { name: 'Relationships' }).click();
    const table = page.getByRole('table', { name: `Relationships in ${PROGRAM}` });
    const rows = bodyRows(table);
    await expect(rows.first()).toBeVisible();
    await a11y('the relationships tab');

    // The first active pairing that has met already; its drawer names it and lists its members
    // with their zones.
    const row = rows.filter({ has: page.getByText('Active', { exact: true }) }).filter({ hasText: /[1-9]\d* held/ }).first();
    const names = await row.locator('td').first().locator('p').allInnerTexts();
    expect(names).toHaveLength(2);
    rel.name = `${names[0]} & ${names[1]}`;
    await row.locator('td').first().click();
    const drawer = dialog(rel.name);
    await expect(drawer.getByRole('heading', { name: 'Members' })).toBeVisible();
    for (const member of await bodyRows(drawer.getByRole('table', { name: 'Members' })).all()) {
      const cells = member.getByRole('cell');
      const who = await cells.nth(0).locator('p').allInnerTexts();
      rel.members.push({ name: who[0], email: /[^\s·]+@[^\s·]+/.exec(who[1])![0], zone: await cells.nth(2).innerText() });
    }
    expect(rel.members.map((m) => m.name)).toEqual(names);
    await expect(drawer.getByRole('status', { name: 'Loading sessions' })).toHaveCount(0);
    await a11y('the relationship drawer');

    await drawer.getByRole('button', { name: 'Schedule session' }).click();
    const form = dialog(`Schedule a session: ${rel.name}`);
    await expect(form.getByRole('textbox', { name: 'Title' })).toBeVisible();
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    const date = form.getByRole('textbox', { name: 'Date' });
    await date.fill(FIRST.date);
    await date.press('Tab');
    await expect(date).toHaveValue(new RegExp(`^\\w{3} ${Number(FIRST.date.slice(8))} \\w{3} ${FIRST.date.slice(0, 4)}$`));
    await form.getByRole('textbox', { name: 'Time', exact: true }).fill(FIRST.time);
    await pick(form.getByRole('textbox', { name: 'Time zone' }), ZONE, 'Berlin');
    await form.getByText('45 min', { exact: true }).click();
    await expect(form.getByRole('radio', { name: '45 min' })).toBeChecked();
    await pick(form.getByRole('textbox', { name: 'Agenda template' }), AGENDA);
    await expect(form.getByText('Set the tone, agree how you will work together.')).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Agenda', exact: true })).toHaveValue(/^1\. Introductions \(10 min\)/);

    // The live preview: each attendee's own time for the session.
    const preview = form.getByRole('group', { name: 'Local times of the attendees' });
    for (const m of rel.members) {
      const line = bodyRows(preview).filter({ hasText: m.name });
      await expect(line).toContainText(localText(firstStart, FIRST.minutes, m.zone));
      await expect(line).toContainText(m.zone);
    }
    await expect(form).toContainText('An invite for each of the 2 people is queued in the outbox. Nothing is sent until you send it from the outbox.');
    await shot('sessions-schedule.png', { fit: form });
    await a11y('the schedule form');

    await form.getByRole('button', { name: 'Schedule session' }).click();
    await expect(form).toBeHidden();
    await expect(notice('Invites for 2 people wait in the outbox. Nothing leaves until you send it.')).toContainText('Scheduled for');

    // The drawer lists it, with everyone's time and no reply yet.
    const card = sessionCard(drawer);
    await expect(card.getByText('Scheduled', { exact: true })).toBeVisible();
    await expect(card).toContainText(`${FIRST.minutes} min`);
    await expect(card).toContainText(`Planned in ${ZONE}: ${localText(firstStart, FIRST.minutes, ZONE)}`);
    const attendees = card.getByRole('table', { name: `Attendees of ${TITLE}` });
    for (const m of rel.members) {
      await expect(bodyRows(attendees).filter({ hasText: m.name })).toContainText('Needs action');
    }
    await expect(card).toContainText('Agenda');
    await closeDrawer(drawer);
  });

  test('3. the outbox: preview the invites, send them, the server gets real invites', async () => {
    await openOutbox();
    const queued = await showEmails('Queued');
    const rows = ours(queued);
    await expect(rows).toHaveCount(2);
    for (const m of rel.members) {
      const row = rows.filter({ hasText: m.email });
      await expect(row).toContainText(m.name);
      await expect(row).toContainText(`Invitation: ${TITLE} — ${whenText(firstStart, m.zone)}`);
      await expect(row.getByText('Invitation', { exact: true })).toBeVisible();
      await expect(row.getByText('Queued', { exact: true })).toBeVisible();
    }
    await a11y('the outbox', ['light', 'dark']);

    // The preview: who it is from and to, the body, and the calendar it carries.
    const m = rel.members[0];
    const preview = await previewOf(queued, m);
    await expect(described(preview, 'From')).toHaveText(`${ADMIN.name} (${ADMIN.org}) <${ADMIN.email}>`);
    await expect(described(preview, 'To')).toHaveText(`${m.name} <${m.email}>`);
    await expect(described(preview, 'Subject')).toHaveText(`Invitation: ${TITLE} — ${whenText(firstStart, m.zone)}`);
    const body = preview.getByRole('tabpanel', { name: 'Plain text' });
    await expect(body).toContainText(`Hello ${m.name.split(' ')[0]},`);
    await expect(body).toContainText(`You are invited to a ${PROGRAM} session with ${rel.members[1].name}.`);
    await expect(body).toContainText(`When: ${whenText(firstStart, m.zone)} (${FIRST.minutes} minutes)`);
    await expect(body).toContainText('1. Introductions (10 min)');
    const calendar = preview.getByRole('region', { name: 'Calendar invitation' });
    await expect(described(calendar, 'Method')).toHaveText(/^REQUEST: an invitation/);
    await expect(described(calendar, 'Event')).toHaveText(TITLE);
    await expect(described(calendar, 'Sequence')).toHaveText('0');
    await expect(described(calendar, 'Attendees')).toContainText(m.email);
    uid = (await described(calendar, 'UID').innerText()).trim();
    expect(uid).not.toBe('');
    await shot('outbox-preview.png', { fit: preview });
    await a11y('the outbox preview');
    const ics = await rawIcs(preview);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain(`UID:${uid}`);
    await closeDrawer(preview);

    await sendOurs(queued, 2);
    const sent = await showEmails('Sent');
    for (const mm of rel.members) {
      const row = ours(sent).filter({ hasText: mm.email });
      await expect(row.getByText('Sent', { exact: true })).toBeVisible();
      await expect(row).toContainText('Invitation');
    }

    // What the server received: a real calendar invitation for each member.
    const mail = await newMail(2);
    expect(mail.map((x) => x.to).sort()).toEqual(rel.members.map((mm) => mm.email).sort());
    for (const x of mail) {
      expect(x.mime.headers['content-type'], x.file).toMatch(/^multipart\/mixed;/);
      expect(x.calendar?.headers['content-type'], `${x.file}: text/calendar part`).toMatch(/^text\/calendar; method=REQUEST\b/);
      const cal = unfoldIcs(x.calendar!.body);
      expect(cal, x.file).toContain('METHOD:REQUEST');
      expect(cal, x.file).toContain(`UID:${uid}`);
      expect(cal, x.file).toContain('SEQUENCE:0');
      expect(x.attachment, `${x.file}: invite.ics attachment`).toBeDefined();
      expect(unfoldIcs(x.attachment!.body), x.file).toContain('METHOD:REQUEST');
    }
  });

  test('4. reschedule: updates of the same event, sequence 1', async () => {
    const drawer = await openRelationship();
    const card = sessionCard(drawer);
    await card.getByRole('button', { name: `More actions for ${TITLE}` }).click();
    await page.getByRole('menuitem', { name: 'Reschedule' }).click();
    const form = dialog(`Reschedule: ${rel.name}`);
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
    await expect(form.getByRole('textbox', { name: 'Time zone' })).toHaveValue(ZONE);
    const date = form.getByRole('textbox', { name: 'Date' });
    await date.fill(MOVED.date);
    await date.press('Tab');
    await expect(date).toHaveValue(new RegExp(`^\\w{3} ${Number(MOVED.date.slice(8))} \\w{3} ${MOVED.date.slice(0, 4)}$`));
    await form.getByRole('textbox', { name: 'Time', exact: true }).fill(MOVED.time);
    const preview = form.getByRole('group', { name: 'Local times of the attendees' });
    for (const m of rel.members) {
      await expect(bodyRows(preview).filter({ hasText: m.name })).toContainText(localText(movedStart, MOVED.minutes, m.zone));
    }
    await expect(form).toContainText('An update for 2 people is queued in the outbox.');
    await a11y('the reschedule form');
    await form.getByRole('button', { name: 'Reschedule' }).click();
    await expect(form).toBeHidden();
    await expect(notice(`“${TITLE}” moved to`)).toContainText('Updates for 2 people wait in the outbox.');
    await expect(card.getByText('Updated 1 time', { exact: true })).toBeVisible();
    await expect(card).toContainText(`Planned in ${ZONE}: ${localText(movedStart, MOVED.minutes, ZONE)}`);
    await closeDrawer(drawer);

    await openOutbox();
    const queued = await showEmails('Queued');
    const rows = ours(queued);
    await expect(rows).toHaveCount(2);
    for (const m of rel.members) {
      const row = rows.filter({ hasText: m.email });
      await expect(row.getByText('Update', { exact: true })).toBeVisible();
      await expect(row).toContainText(`Updated: ${TITLE} — ${whenText(movedStart, m.zone)}`);
    }
    for (const m of rel.members) {
      const preview = await previewOf(queued, m);
      const calendar = preview.getByRole('region', { name: 'Calendar invitation' });
      await expect(described(calendar, 'Method')).toHaveText(/^REQUEST: /);
      await expect(described(calendar, 'UID')).toHaveText(uid);
      await expect(described(calendar, 'Sequence')).toHaveText('1 (changed since the first invite)');
      const ics = await rawIcs(preview);
      expect(ics).toContain('SEQUENCE:1');
      expect(ics).toContain(`UID:${uid}`);
      await closeDrawer(preview);
    }
  });

  test('5. cancel: the updates are withdrawn, the cancellations leave', async () => {
    const drawer = await openRelationship();
    const card = sessionCard(drawer);
    await card.getByRole('button', { name: `More actions for ${TITLE}` }).click();
    await page.getByRole('menuitem', { name: 'Cancel session' }).click();
    const form = dialog(`Cancel “${TITLE}”`);
    await form.getByRole('textbox', { name: 'Reason' }).fill(REASON);
    await a11y('the cancel form');
    await form.getByRole('button', { name: 'Cancel session' }).click();
    await expect(form).toBeHidden();
    await expect(notice(`“${TITLE}” is cancelled`)).toBeVisible();
    await expect(notice('Cancellation notices for up to 2 people wait in the outbox.')).toBeVisible();
    await expect(card.getByText('Cancelled', { exact: true })).toBeVisible();
    await closeDrawer(drawer);

    await openOutbox();
    const queued = await showEmails('Queued');
    const rows = ours(queued);
    await expect(rows).toHaveCount(2);
    for (const m of rel.members) {
      const row = rows.filter({ hasText: m.email });
      await expect(row.getByText('Cancellation', { exact: true })).toBeVisible();
      await expect(row).toContainText(`Cancelled: ${TITLE} — ${whenText(movedStart, m.zone)}`);
    }
    const m = rel.members[0];
    const preview = await previewOf(queued, m);
    await expect(preview.getByRole('tabpanel', { name: 'Plain text' })).toContainText(REASON);
    const calendar = preview.getByRole('region', { name: 'Calendar invitation' });
    await expect(described(calendar, 'Method')).toHaveText(/^CANCEL: /);
    await expect(described(calendar, 'UID')).toHaveText(uid);
    await expect(described(calendar, 'Status')).toHaveText('CANCELLED');
    const ics = await rawIcs(preview);
    expect(ics).toContain('METHOD:CANCEL');
    await closeDrawer(preview);

    await sendOurs(queued, 2);
    const mail = await newMail(2);
    expect(mail.map((x) => x.to).sort()).toEqual(rel.members.map((mm) => mm.email).sort());
    for (const x of mail) {
      expect(x.mime.headers['content-type'], x.file).toMatch(/^multipart\/mixed;/);
      // The part's header (unfolded) and the calendar itself.
      expect(x.raw.replace(/\r?\n[ \t]+/g, ' '), x.file).toContain('method=CANCEL');
      expect(x.calendar?.headers['content-type'], x.file).toMatch(/^text\/calendar; method=CANCEL\b/);
      const cal = unfoldIcs(x.calendar!.body);
      expect(cal, x.file).toContain('METHOD:CANCEL');
      expect(cal, x.file).toContain('STATUS:CANCELLED');
      expect(cal, x.file).toContain(`UID:${uid}`);
      expect(x.attachment, `${x.file}: invite.ics attachment`).toBeDefined();
    }

    // The updates never left: the cancellation replaced them.
    const cancelled = await showEmails('Cancelled');
    await expect(ours(cancelled)).toHaveCount(2);
    await expect(ours(cancelled).getByText('Update', { exact: true })).toHaveCount(2);
  });

  test('6. the outbox and the sessions list, for the docs', async () => {
    // Every email about the session: the invites and the cancellations sent, the updates withdrawn.
    const all = await showEmails('All');
    await expect(ours(all)).toHaveCount(6);
    await expect(ours(all).filter({ hasText: 'Cancellation' }).getByText('Sent', { exact: true })).toHaveCount(2);
    await expect(ours(all).filter({ hasText: 'Update' }).getByText('Cancelled', { exact: true })).toHaveCount(2);
    await expect(ours(all).filter({ hasText: 'Invitation' }).getByText('Sent', { exact: true })).toHaveCount(2);
    // The picture: what left, newest first.
    const sent = await showEmails('Sent');
    await expect(ours(sent)).toHaveCount(4);
    await expect(bodyRows(sent).first()).toContainText(`Cancelled: ${TITLE}`);
    await shot('outbox.png');
    await a11y('the outbox, sent emails');

    const drawer = await openRelationship();
    const card = sessionCard(drawer);
    await expect(card.getByText('Cancelled', { exact: true })).toBeVisible();
    await expect(drawer.getByRole('heading', { name: 'Earlier and cancelled' })).toBeVisible();
    await shot('sessions-list.png', { fit: drawer });
    await a11y('the relationship drawer with the cancelled session');
  });
});
