import { expect, test, type Locator } from '@playwright/test';
import { a11y, bodyRows, described, dialog, nav, notice, onePage, page, pick, shot } from './support';

// Peer and mentor requests, as an admin records them, after foundation.spec.ts loaded the sample
// organisation into the database .ci/e2e.sh started: the Requests tab of Peer Circles, a peer
// request for help on a topic recorded from a profile through the wizard, its summary in the
// outbox, the answer "intro only" that makes it a relationship, its first session scheduled from
// the request; the expired mentor request of Spring Leadership Cohort and the requester's notice;
// a request held for review, sent, then withdrawn; reminders. Every page and dialog on the way is
// checked with axe, and the README's screenshots are written.

const PROGRAM = 'Peer Circles';
const COHORT = 'Spring Leadership Cohort';
const TOPIC = 'Running better retrospectives';
const NOTE = 'Hi! I run our team’s retrospectives and would love to learn how you keep yours useful. Could we meet a few times?';
const REVIEW_SWITCH = 'Review requests before they are sent';

/** The request the walk records, read from the screen in step 2. */
const ours = { requester: '', recipient: '' };

onePage();

// ---- helpers (the shared ones are in support.ts) -------------------------------------------

const first = (name: string) => name.split(' ')[0];
const requestsTable = (program: string) => page.getByRole('table', { name: `Requests in ${program}` });
/** ourRow is the walk's request in the Requests table. */
const ourRow = () => bodyRows(requestsTable(PROGRAM)).filter({ hasText: ours.requester }).filter({ hasText: ours.recipient });

async function openProgram(name: string, tab: 'Overview' | 'Participants' | 'Relationships' | 'Requests') {
  await nav().getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  if (tab === 'Requests') await expect(page.getByRole('status', { name: 'Loading requests' })).toHaveCount(0);
}

/** openRequest opens a request's drawer from its row and waits for its timeline. */
async function openRequest(row: Locator, name: string): Promise<Locator> {
  await row.locator('td').nth(1).click();
  const drawer = dialog(name);
  await expect(drawer.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  return drawer;
}

async function openOutbox() {
  await nav().getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
}

/** showEmails switches the outbox's view ("Queued", "All" …) and returns its table. */
async function showEmails(view: 'Queued' | 'All') {
  const choices = page.getByRole('radiogroup', { name: 'Show emails' });
  await choices.getByText(new RegExp(`^${view} \\(\\d+\\)$`)).click();
  await expect(choices.getByRole('radio', { name: new RegExp(`^${view} \\(`) })).toBeChecked();
  const table = page.getByRole('table', { name: `${view} emails` });
  await expect(table).toBeVisible();
  return table;
}

/** stat is the number on one of the Requests tab's cards. */
async function stat(label: string): Promise<number> {
  const card = page.getByRole('group', { name: 'Requests at a glance' }).getByText(label, { exact: true }).locator('xpath=..');
  const read = async () => {
    const n = /^\s*\S.*?\s+([\d,]+)/s.exec(await card.innerText());
    return n ? Number(n[1].replace(/,/g, '')) : NaN;
  };
  // The cards render before their counts arrive: wait for a number.
  await expect.poll(read).not.toBeNaN();
  return read();
}

async function editProgram(review: boolean) {
  await openProgram(PROGRAM, 'Overview');
  await page.getByRole('button', { name: 'Edit program' }).click();
  const form = dialog(`Edit ${PROGRAM}`);
  const toggle = form.getByRole('switch', { name: REVIEW_SWITCH });
  await expect(toggle).toBeVisible();
  if (review) await toggle.check();
  else await toggle.uncheck();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(notice(`${PROGRAM} was saved.`)).toBeVisible();
}

/** nextWeek is a day of next week (1 Monday … 7 Sunday), as YYYY-MM-DD. */
function nextWeek(isoDay: number): string {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const dow = ((new Date(today).getUTCDay() + 6) % 7) + 1;
  return new Date(today + (8 - dow + isoDay - 1) * 86400000).toISOString().slice(0, 10);
}

// ---- the walk ------------------------------------------------------------------------------

test.describe.serial('Peer and mentor requests', () => {
  test('1. the Requests tab: counts, requests in every state, filters', async () => {
    await page.goto('/#/programs');
    await openProgram(PROGRAM, 'Requests');
    const rows = bodyRows(requestsTable(PROGRAM));
    await expect(rows.first()).toBeVisible();
    for (const status of ['Pending', 'Approved', 'Intro only', 'Declined', 'Withdrawn']) {
      await expect(rows.filter({ has: page.getByText(status, { exact: true }) }).first(), `a ${status} request`).toBeVisible();
    }
    // Pending first, each with how long it has waited; only those can be selected.
    await expect(rows.first()).toContainText('Pending');
    await expect(rows.first()).toContainText(/waiting (since today|\d+ days?)/);
    expect(await stat('Pending')).toBeGreaterThan(0);
    expect(await stat('Approved this month')).toBeGreaterThan(0);

    await page.getByRole('radiogroup', { name: 'Type' }).getByText('Mentor', { exact: true }).click();
    await expect(page.getByText('No request matches these filters.')).toBeVisible();
    await page.getByRole('radiogroup', { name: 'Type' }).getByText('All', { exact: true }).click();
    await pick(page.getByRole('textbox', { name: 'Status' }), 'Declined');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Declined');
    await pick(page.getByRole('textbox', { name: 'Status' }), 'Any status');
    await expect(rows.filter({ hasText: 'Withdrawn' })).toHaveCount(1);
    await a11y('the Requests tab', ['light', 'dark']);
  });

  test('2. request a peer from a profile: the wizard shows exactly what is emailed', async () => {
    await page.getByRole('tab', { name: 'Participants' }).click();
    const role = page.getByRole('textbox', { name: 'Role', exact: true });
    await pick(role, 'Peer');
    const directory = page.getByRole('table', { name: `Participants of ${PROGRAM}` });
    const row = bodyRows(directory).filter({ has: page.getByText('Active', { exact: true }) }).first();
    ours.requester = await row.locator('td').first().locator('p').first().innerText();
    await row.click();
    const profile = dialog(ours.requester);
    await expect(profile.getByRole('heading', { name: 'Answers' })).toBeVisible();
    await profile.getByRole('button', { name: 'Request a peer' }).click();

    // Step 1: who asks, from the profile, and the kind.
    const wizard = dialog(`New request in ${PROGRAM}`);
    await expect(wizard.getByRole('radio', { name: 'Request as their peer' })).toBeChecked();
    await expect(wizard.getByRole('textbox', { name: 'Who is asking' })).toHaveValue(new RegExp(`^${ours.requester} \\(`));
    await a11y('the request wizard: who asks');
    await wizard.getByRole('button', { name: 'Next' }).click();

    // Step 2: the candidates, best fit first, with why; searchable.
    const whom = wizard.getByRole('radiogroup', { name: /Whom to ask/ });
    await expect(wizard.getByRole('status', { name: 'Loading candidates' })).toHaveCount(0);
    const best = whom.getByRole('radio').first();
    ours.recipient = (await best.getAttribute('aria-label')) ?? '';
    expect(ours.recipient).not.toBe('');
    await expect(best).toContainText(/\d+% fit/);
    const search = wizard.getByRole('searchbox', { name: 'Search candidates' });
    await search.fill(ours.recipient);
    await expect(whom.getByRole('radio', { name: ours.recipient, exact: true })).toBeVisible();
    await search.fill('nobody-by-this-name');
    await expect(whom.getByText('Nobody matches “nobody-by-this-name”.')).toBeVisible();
    await search.fill('');
    // Next without a choice: the step says what is missing.
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByText('Choose whom to ask', { exact: true })).toBeVisible();
    await whom.getByRole('radio', { name: ours.recipient, exact: true }).click();
    await expect(whom.getByRole('radio', { name: ours.recipient, exact: true })).toHaveAttribute('aria-checked', 'true');
    await a11y('the request wizard: whom to ask');
    await wizard.getByRole('button', { name: 'Next' }).click();

    // Step 3: help with a topic, three sessions by default, and a note.
    await wizard.getByRole('radio', { name: 'Help with a specific topic' }).check();
    await wizard.getByRole('textbox', { name: 'Topic' }).fill(TOPIC);
    await expect(wizard.getByRole('textbox', { name: 'Number of sessions' })).toHaveValue('3');
    await wizard.getByRole('textbox', { name: `Note introducing ${first(ours.requester)}` }).fill(NOTE);
    await a11y('the request wizard: commitment');
    await wizard.getByRole('button', { name: 'Next' }).click();

    // Step 4: exactly what the person asked receives, and the requester's confirmation.
    const summary = wizard.getByRole('region', { name: `What ${ours.recipient} receives` });
    await expect(summary).toContainText(`Subject: ${ours.requester} would like you as their peer — ${PROGRAM}`);
    await expect(summary).toContainText(`help with ${TOPIC} over 3 sessions`);
    await expect(summary).toContainText(NOTE);
    const confirmation = wizard.getByRole('region', { name: `${ours.requester}’s confirmation` });
    await expect(confirmation).toContainText(`Your request to ${ours.recipient} is on its way`);
    await expect(wizard).toContainText('Nothing leaves until you send it from the outbox.');
    await shot('requests-wizard.png', wizard);
    await a11y('the request wizard: summary', ['light', 'dark']);

    await wizard.getByRole('button', { name: 'Submit request' }).click();
    await expect(wizard).toBeHidden();
    await expect(notice('Request summary waits in the outbox')).toContainText(`Request to ${ours.recipient} recorded`);
    await expect(notice('Request summary waits in the outbox')).toContainText(`with ${ours.requester}’s confirmation`);
    await expect(profile).toBeVisible();
  });

  test('3. the summary waits in the outbox, its subject naming the requester', async () => {
    await notice('Request summary waits in the outbox').getByRole('button', { name: 'Open outbox' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    const queued = await showEmails('Queued');
    const summary = bodyRows(queued).filter({ hasText: `${ours.requester} would like you as their peer — ${PROGRAM}` });
    await expect(summary).toHaveCount(1);
    await expect(summary).toContainText(ours.recipient);
    const confirmation = bodyRows(queued).filter({ hasText: `Your request to ${ours.recipient} is on its way` });
    await expect(confirmation).toHaveCount(1);
    await expect(confirmation).toContainText(ours.requester);

    await summary.getByRole('button', { name: `Preview the email to ${ours.recipient}` }).click();
    const preview = dialog(`Email to ${ours.recipient}`);
    const body = preview.getByRole('tabpanel', { name: 'Plain text' });
    await expect(body).toContainText(`${ours.requester} would like you as their peer in ${PROGRAM}.`);
    await expect(body).toContainText(NOTE);
    await a11y('the preview of the request summary');
    await preview.getByRole('button', { name: 'Close' }).click();
    await expect(preview).toBeHidden();
  });

  test('4. back in Requests: "intro only" makes it a relationship with one planned session', async () => {
    await openProgram(PROGRAM, 'Requests');
    const row = ourRow();
    await expect(row).toContainText('Pending');
    await expect(row).toContainText(`Topic: ${TOPIC} · 3 sessions`);
    await expect(row).toContainText('waiting since today');

    const drawer = await openRequest(row, `${ours.requester} → ${ours.recipient}`);
    await expect(drawer.getByRole('region', { name: `Note from ${first(ours.requester)}` })).toContainText(NOTE);
    await expect(drawer.getByRole('list', { name: 'Timeline' })).toContainText('Request recorded');
    await a11y('the request drawer');

    await drawer.getByRole('button', { name: 'Record answer' }).click();
    const answer = dialog(`Record ${first(ours.recipient)}’s answer`);
    await expect(answer.getByRole('radio', { name: 'Approve all 3 sessions' })).toBeVisible();
    await answer.getByRole('radio', { name: 'Approve an introductory session only' }).check();
    await answer.getByRole('textbox', { name: `Message from ${first(ours.recipient)} (optional)` }).fill('Happy to meet once to start.');
    await a11y('the answer form');
    await answer.getByRole('button', { name: 'Record answer' }).click();
    await expect(answer).toBeHidden();
    await expect(notice(`Approved: ${ours.requester} → ${ours.recipient} is now a relationship`)).toContainText('wait in the outbox');

    // The drawer follows: intro only, the relationship with its one planned session.
    await expect(drawer.getByText('Intro only', { exact: true })).toBeVisible();
    await expect(described(drawer, 'Their message')).toHaveText('Happy to meet once to start.');
    const relationship = drawer.getByRole('region', { name: 'Relationship' });
    await expect(relationship).toContainText('Introduction · 1 planned session · Active');
    await expect(relationship).toContainText('0 held · 0 ahead');
    await expect(drawer.getByRole('list', { name: 'Timeline' })).toContainText('Approved an introduction only');
    await shot('requests-drawer.png');
    await a11y('the request drawer, approved', ['light', 'dark']);
  });

  test('5. "Schedule the first session" opens the scheduling form, filled in for the pair', async () => {
    const drawer = dialog(`${ours.requester} → ${ours.recipient}`);
    const relationship = drawer.getByRole('region', { name: 'Relationship' });
    await relationship.getByRole('button', { name: 'Schedule the first session' }).click();
    const form = dialog(/^Schedule a session: /);
    await expect(form).toHaveAccessibleName(new RegExp(`${ours.requester}|${ours.recipient}`));
    const title = form.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue(/^Peer session: /);
    await expect(title).toHaveValue(new RegExp(first(ours.requester)));
    await expect(title).toHaveValue(new RegExp(first(ours.recipient)));
    // Escape closes the form only: the request stays open beneath.
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    await expect(drawer).toBeVisible();

    await relationship.getByRole('button', { name: 'Schedule the first session' }).click();
    await expect(title).toHaveValue(/^Peer session: /);
    const date = form.getByRole('textbox', { name: 'Date' });
    await date.fill(nextWeek(2));
    await date.press('Tab');
    await a11y('the scheduling form from a request');
    await form.getByRole('button', { name: 'Schedule session' }).click();
    await expect(form).toBeHidden();
    await expect(notice('Invites for 2 people wait in the outbox.')).toContainText('Scheduled for');
    await expect(relationship).toContainText('0 held · 1 ahead');
    await expect(relationship.getByRole('button', { name: 'Schedule a session' })).toBeVisible();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();

    await expect(ourRow()).toContainText('Intro only');
    await shot('requests-list.png', 'page');

    // The Relationships tab has it too.
    await page.getByRole('tab', { name: 'Relationships' }).click();
    const rel = bodyRows(page.getByRole('table', { name: `Relationships in ${PROGRAM}` }))
      .filter({ hasText: ours.requester }).filter({ hasText: ours.recipient });
    await expect(rel).toContainText('Introduction');
    await expect(rel).toContainText('1 session planned');
    await expect(rel).toContainText('0 held · 1 ahead');
  });

  test('6. Spring Leadership Cohort: the mentor request that expired, and the requester told', async () => {
    await openProgram(COHORT, 'Requests');
    await pick(page.getByRole('textbox', { name: 'Status' }), 'Expired');
    const rows = bodyRows(requestsTable(COHORT));
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    await expect(row.getByText('Mentor', { exact: true })).toBeVisible();
    await expect(row.getByText('Expired', { exact: true })).toBeVisible();
    await expect(row).toContainText(/Expired \d{1,2} \w{3} \d{4}/);

    await row.locator('td').nth(1).click();
    const drawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Timeline' }) });
    await expect(drawer.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    const [requester, recipient] = (await drawer.getByRole('heading', { level: 2 }).innerText()).split(' → ');
    expect(recipient).toBeTruthy();
    await expect(described(drawer, 'Type')).toHaveText('Mentor request');
    await expect(described(drawer, 'Expires')).toHaveText(/^Expired /);
    const timeline = drawer.getByRole('list', { name: 'Timeline' });
    await expect(timeline).toContainText('Expired');
    await expect(timeline).toContainText('by Tandem');
    await expect(timeline).toContainText('Not answered in time');
    // Nothing more can be recorded: the button says why.
    const answerButton = drawer.getByRole('button', { name: 'Record answer' });
    await expect(answerButton).toHaveAttribute('aria-disabled', 'true');
    await expect(answerButton).toHaveAccessibleDescription('This request is already expired.');
    await a11y('the expired request');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();

    await openOutbox();
    const all = await showEmails('All');
    const expired = bodyRows(all).filter({ hasText: `Your request to ${recipient} has expired` });
    await expect(expired).toHaveCount(1);
    await expect(expired).toContainText(requester);
  });

  test('7. a request held for review: the answer waits until it is sent; withdrawn; reminders', async () => {
    await editProgram(true);
    await page.getByRole('tab', { name: 'Requests' }).click();
    await expect(page.getByRole('status', { name: 'Loading requests' })).toHaveCount(0);
    const inReview = await stat('Waiting for review');

    await page.getByRole('button', { name: 'New request' }).click();
    const wizard = dialog(`New request in ${PROGRAM}`);
    const who = wizard.getByRole('textbox', { name: 'Who is asking' });
    await who.click();
    await page.getByRole('option').first().click();
    await expect(who).not.toHaveAttribute('aria-expanded', 'true');
    const requester = (await who.inputValue()).replace(/ \(.*$/, '');
    await wizard.getByRole('button', { name: 'Next' }).click();
    const whom = wizard.getByRole('radiogroup', { name: /Whom to ask/ });
    await expect(wizard.getByRole('status', { name: 'Loading candidates' })).toHaveCount(0);
    const recipient = (await whom.getByRole('radio').first().getAttribute('aria-label')) ?? '';
    await whom.getByRole('radio').first().click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('radio', { name: 'An introduction' }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('alert').filter({ hasText: 'Held for your review' })).toContainText('nothing is emailed until you press Send now');
    await wizard.getByRole('button', { name: 'Submit request' }).click();
    await expect(wizard).toBeHidden();
    await expect(notice('Held for your review: nothing is emailed')).toBeVisible();

    const row = bodyRows(requestsTable(PROGRAM)).filter({ hasText: requester }).filter({ hasText: recipient });
    await expect(row.getByText('In review', { exact: true })).toBeVisible();
    await expect(row).toContainText('Not sent yet');
    await expect.poll(() => stat('Waiting for review')).toBe(inReview + 1);

    const drawer = await openRequest(row, `${requester} → ${recipient}`);
    const answerButton = drawer.getByRole('button', { name: 'Record answer' });
    await expect(answerButton).toHaveAttribute('aria-disabled', 'true');
    await expect(answerButton).toHaveAccessibleDescription('It waits for your review: send it first, then record the answer when it comes.');
    // It stays reachable, so that its reason is read out, and does nothing.
    await answerButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: /answer/ })).toHaveCount(0);
    await a11y('a request waiting for review');
    await drawer.getByRole('button', { name: 'Send now' }).click();
    await expect(notice(`${requester} → ${recipient}: sent`)).toContainText(`The request summary to ${recipient} waits in the outbox`);
    await expect(drawer.getByText('Waiting for review', { exact: true })).toHaveCount(0);
    await expect(answerButton).not.toHaveAttribute('aria-disabled', 'true');
    await expect(drawer.getByRole('list', { name: 'Timeline' })).toContainText('Reviewed and sent');

    // Withdrawn on the requester's behalf: the person asked is told, with the note.
    await drawer.getByRole('button', { name: 'Withdraw…' }).click();
    const withdraw = dialog(`Withdraw ${requester} → ${recipient}?`);
    await withdraw.getByRole('textbox', { name: 'Note (optional)' }).fill('Found a peer in my own team.');
    await a11y('the withdraw form');
    await withdraw.getByRole('button', { name: 'Withdraw request' }).click();
    await expect(withdraw).toBeHidden();
    await expect(notice(`${requester} → ${recipient}: withdrawn`)).toContainText(`The notice to ${recipient} waits in the outbox`);
    await expect(described(drawer, 'Closed')).toHaveText(/^Withdrawn, /);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();

    // Reminders for every pending request shown.
    const pending = await bodyRows(requestsTable(PROGRAM)).filter({ has: page.getByRole('checkbox') }).count();
    expect(pending).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Select every pending request shown' }).check();
    const bar = page.getByRole('region', { name: 'Selected requests' });
    await expect(bar).toContainText(`${pending} request${pending === 1 ? '' : 's'} selected`);
    await a11y('the Requests tab with a selection');
    await bar.getByRole('button', { name: 'Send reminders' }).click();
    await expect(notice(`${pending} reminder${pending === 1 ? '' : 's'} queued`)).toBeVisible();
    await expect(bar).toBeHidden();

    await editProgram(false);
  });
});
