import { expect, test, type Locator } from '@playwright/test';
import { a11y, bodyRows, dialog, nav, notice, onePage, page, shot } from './support';

// The matching engine, as an admin runs it, after the other specs (project "flows") walked the
// sample organisation: the Pairing tab of Spring Leadership Cohort, a draft of mentors ↔ mentees
// with its reasons, a pair locked, another removed then added back by hand, a re-run that keeps
// the lock and reconsiders the removed people, the approval into relationships and the
// introduction emails in the outbox; then peers paired in Peer Circles. Approving creates
// relationships, so this spec runs last (its own project, after "flows"). Every page and dialog
// on the way is checked with axe, and the README's screenshots are written.

const COHORT = 'Spring Leadership Cohort';
const PEERS = 'Peer Circles';
const PROGRESS = 'Scoring everyone and finding the best pairing…';

/** What the walk reads from the screen and checks later. */
const walk = { locked: '', removed: '', removedMentee: '', removedMentor: '', relationships: 0, emails: 0, lockedPeople: [] as string[] };

onePage();

// ---- helpers (the shared ones are in support.ts) -------------------------------------------

const pairsTable = (word = 'pairs') => page.getByRole('table', { name: `Proposed ${word}` });
const unmatchedTable = () => page.getByRole('table', { name: 'Not matched' });
/** rowOf is the row of the pair whose actions are named after name ("Ana Silva & Jai Patel"). */
const rowOf = (name: string) =>
  bodyRows(pairsTable()).filter({ has: page.getByRole('button', { name: `Swap a person in ${name}`, exact: true }) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openPairing(program: string) {
  await nav().getByRole('link', { name: program, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: program })).toBeVisible();
  await page.getByRole('tab', { name: 'Pairing' }).click();
  await expect(page.getByRole('tab', { name: 'Pairing' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/programs\/\d+\/pairing$/);
  await expect(page.getByRole('status', { name: 'Loading the pairing draft' })).toHaveCount(0);
}

/** watchProgress records whether the progress line shows, then goes (a run can take a few ms only). */
async function watchProgress() {
  await page.evaluate((text) => {
    const w = window as unknown as { sawProgress: boolean; runDone: boolean };
    w.sawProgress = false;
    w.runDone = false;
    const seen = () => {
      const shown = !!document.body.textContent?.includes(text);
      if (shown) w.sawProgress = true;
      else if (w.sawProgress) w.runDone = true;
    };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, PROGRESS);
}
/** ranWithProgress waits until a run watched by watchProgress showed its progress and ended. */
async function ranWithProgress() {
  await page.waitForFunction(() => (window as unknown as { runDone: boolean }).runDone);
}

/** nameOf reads a pair's name from its Lock/Unlock button ("Lock Ana Silva & Jai Patel" → the names). */
async function nameOf(row: Locator): Promise<string> {
  const label = await row.getByRole('button', { name: /^Swap a person in / }).getAttribute('aria-label');
  return label!.replace(/^Swap a person in /, '');
}

/** pickPerson chooses a participant in a picker by typing their name. */
async function pickPerson(field: Locator, name: string) {
  await field.click();
  await field.fill(name);
  await page.getByRole('option').filter({ hasText: name }).first().click();
  await expect(field).toHaveValue(new RegExp(`^${escape(name)} \\(`));
}

// ---- the walk ------------------------------------------------------------------------------

test.describe.serial('Pairing', () => {
  test('1. a program without a draft offers to turn pairing on', async () => {
    await page.goto('/#/programs');
    await openPairing(COHORT);
    await expect(page.getByRole('heading', { name: 'Turn on pairing' })).toBeVisible();
    await expect(page.getByText('Nothing is emailed until you approve the draft.')).toBeVisible();
    // The cohort has mentors and mentees, and peer mentoring off: no peers to pair.
    await expect(page.getByRole('radio', { name: /^Mentors ↔ mentees/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /^Peers in pairs/ })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: /^Highest total score/ })).toBeChecked();
    await a11y('the pairing tab without a draft');
  });

  test('2. running pairing shows its progress, then the draft', async () => {
    await watchProgress();
    await page.getByRole('button', { name: 'Run pairing' }).click();
    await ranWithProgress();
    await expect(pairsTable()).toBeVisible();

    const glance = page.getByRole('group', { name: 'The draft at a glance' });
    await expect(glance).toContainText('Matched');
    await expect(glance).toContainText(/\d+ of \d+ mentees/);
    await expect(glance).toContainText('Average score');
    await expect(glance).toContainText('Lowest score');
    await expect(page.getByText(/^(All pairs considered|Candidate lists: each person's best \d+) · [\d,]+ pairs? · [\d,]+ ms/)).toBeVisible();
    expect(await bodyRows(pairsTable()).count()).toBeGreaterThan(2);
    // Each pair: a mentee and a mentor, a score.
    const first = bodyRows(pairsTable()).first();
    await expect(first.getByText('Mentee', { exact: true })).toBeVisible();
    await expect(first.getByText('Mentor', { exact: true })).toBeVisible();
    await expect(first.getByText(/^\d+ %$/)).toBeVisible();
    await shot('pairing-draft.png');
    await a11y('the pairing draft', ['light', 'dark']);
  });

  test('3. a pair\'s reasons', async () => {
    const withMore = bodyRows(pairsTable()).filter({ has: page.getByRole('button', { name: /^Show all \d+ reasons for / }) });
    expect(await withMore.count(), 'some pair has more than two reasons').toBeGreaterThan(0);
    const name = await nameOf(withMore.first());
    const row = rowOf(name);
    const more = row.getByRole('button', { name: `Show all`, exact: false });
    const total = Number((await more.getAttribute('aria-label'))!.match(/Show all (\d+) reasons/)![1]);
    const reasons = row.getByRole('list', { name: `Reasons for ${name}` }).getByRole('listitem');
    await expect(reasons).toHaveCount(2);
    await more.click();
    await expect(reasons).toHaveCount(total);
    await expect(row.getByRole('button', { name: `Show fewer reasons for ${name}` })).toHaveAttribute('aria-expanded', 'true');
    await row.scrollIntoViewIfNeeded();
    await shot('pairing-reasons.png');
    await a11y('a pair with all its reasons');
  });

  test('4. lock one pair, remove another', async () => {
    const rows = bodyRows(pairsTable());
    walk.locked = await nameOf(rows.nth(0));
    walk.removed = await nameOf(rows.nth(1));
    [walk.removedMentee, walk.removedMentor] = walk.removed.split(' & ');

    await page.getByRole('button', { name: `Lock ${walk.locked}`, exact: true }).click();
    const locked = rowOf(walk.locked);
    await expect(locked.getByRole('button', { name: `Unlock ${walk.locked}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(locked.getByText('Locked', { exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: 'The draft at a glance' })).toContainText('1 locked');

    const before = await rows.count();
    await page.getByRole('button', { name: `Remove ${walk.removed}`, exact: true }).click();
    await expect(rows).toHaveCount(before - 1);
    const out = bodyRows(unmatchedTable()).filter({ hasText: walk.removedMentee });
    await expect(out).toContainText('You removed their pair from the draft');
  });

  test('5. add a pair by hand: its score and warnings first', async () => {
    await page.getByRole('button', { name: 'Add a pair…' }).click();
    const modal = dialog('Add a pair by hand');
    await expect(modal).toBeVisible();
    await pickPerson(modal.getByRole('textbox', { name: 'Mentee' }), walk.removedMentee);
    await pickPerson(modal.getByRole('textbox', { name: 'Mentor' }), walk.removedMentor);
    const score = modal.getByRole('region', { name: "This pair's score" });
    await expect(score).toContainText(/Score\s*\d+ %/);
    await shot('pairing-add.png', modal);
    await a11y('the add-a-pair dialog');
    await modal.getByRole('button', { name: 'Add pair' }).click();
    await expect(modal).toBeHidden();
    const added = rowOf(walk.removed);
    await expect(added.getByText('Manual', { exact: true })).toBeVisible();
    await expect(added.getByText('Locked', { exact: true })).toBeVisible();
    await expect(bodyRows(unmatchedTable()).filter({ hasText: walk.removedMentee })).toHaveCount(0);

    // Taken out again: the re-run is to reconsider them.
    await page.getByRole('button', { name: `Remove ${walk.removed}`, exact: true }).click();
    await expect(rowOf(walk.removed)).toHaveCount(0);
    await expect(bodyRows(unmatchedTable()).filter({ hasText: walk.removedMentee })).toContainText('You removed their pair');
  });

  test('6. re-running keeps the locked pair and reconsiders the removed people', async () => {
    await watchProgress();
    await page.getByRole('button', { name: 'Re-run' }).click();
    await ranWithProgress();
    await expect(page.getByRole('button', { name: 'Re-run' })).toBeEnabled();
    const locked = rowOf(walk.locked);
    await expect(locked).toHaveCount(1);
    await expect(locked.getByRole('button', { name: `Unlock ${walk.locked}`, exact: true })).toBeVisible();
    // The removed mentee is either paired again or left out for a reason of the run's own.
    await expect(page.getByText('You removed their pair from the draft')).toHaveCount(0);
    const paired = await bodyRows(pairsTable()).filter({ hasText: walk.removedMentee }).count();
    const left = await bodyRows(unmatchedTable()).filter({ hasText: walk.removedMentee }).count();
    expect(paired + left).toBe(1);
  });

  test('7. approve: relationships and one introduction email per person', async () => {
    // Pairs made from the sample's wishes wait for an OK: Approve says so until each is locked.
    const waiting = page.getByRole('row').filter({ hasText: 'Needs your OK' });
    const approve = page.getByRole('button', { name: 'Approve…' });
    const n = await waiting.count();
    expect(n).toBeGreaterThan(0);
    await expect(approve).toHaveAttribute('aria-describedby', /.+/);
    for (let left = n; left > 0; left--) {
      // A locked row no longer waits, so the first one waiting is always the next.
      await waiting.first().getByRole('button', { name: /^Lock / }).click();
      await expect(waiting).toHaveCount(left - 1);
    }
    await expect(approve).toBeEnabled();
    walk.lockedPeople = walk.locked.split(' & ');
    await approve.click();
    const modal = dialog('Approve the draft?');
    const sentence = modal.getByText(/^Create \d+ relationships? and queue \d+ introduction emails? \(one per person\)\./);
    await expect(sentence).toBeVisible();
    const [, rels, emails] = (await sentence.innerText()).match(/^Create (\d+) relationships? and queue (\d+)/)!;
    walk.relationships = Number(rels);
    walk.emails = Number(emails);
    expect(walk.emails).toBe(walk.relationships * 2);
    await a11y('the approve dialog');
    await modal.getByRole('button', { name: 'Approve and create relationships' }).click();
    await expect(modal).toBeHidden();
    await expect(notice(`Approved: ${walk.relationships} relationships created`)).toBeVisible();
    // The tab is back to its start, with what was made.
    await expect(page.getByRole('heading', { name: 'Pair again' })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: 'Pairing' }).getByRole('alert').filter({ hasText: `Approved: ${walk.relationships} relationships created` })).toContainText(
      `${walk.emails} introduction emails are in the Outbox`);

    // The relationships are there.
    await page.getByRole('tab', { name: 'Relationships' }).click();
    const rels2 = page.getByRole('table', { name: `Relationships in ${COHORT}` });
    await expect(bodyRows(rels2).filter({ hasText: walk.lockedPeople[0] }).filter({ hasText: walk.lockedPeople[1] })).toHaveCount(1);
  });

  test('8. the outbox holds the introductions, one per member', async () => {
    await nav().getByRole('link', { name: 'Outbox', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    const choices = page.getByRole('radiogroup', { name: 'Show emails' });
    await choices.getByText(/^Queued \(\d+\)$/).click();
    const table = page.getByRole('table', { name: 'Queued emails' });
    await expect(table).toBeVisible();
    const intros = bodyRows(table).filter({ has: page.getByText('Introduction', { exact: true }) });
    await expect(intros).toHaveCount(walk.emails);
    for (const who of walk.lockedPeople) {
      await expect(intros.filter({ has: page.getByRole('button', { name: `Preview the email to ${who}`, exact: true }) })).toHaveCount(1);
    }
    await a11y('the outbox with introductions');
  });

  test('9. peers in Peer Circles', async () => {
    await openPairing(PEERS);
    await expect(page.getByRole('heading', { name: 'Turn on pairing' })).toBeVisible();
    await page.getByRole('radio', { name: /^Peers in pairs/ }).check();
    await page.getByRole('radio', { name: /^Most people matched/ }).check();
    await page.getByRole('button', { name: 'Run pairing' }).click();
    await expect(pairsTable()).toBeVisible();
    const glance = page.getByRole('group', { name: 'The draft at a glance' });
    await expect(glance).toContainText(/\d+ of \d+ peers/);
    const first = bodyRows(pairsTable()).first();
    await expect(first.getByText('Peer', { exact: true })).toHaveCount(2);
    await shot('pairing-peers.png');
    await a11y('the peer pairing draft', ['light', 'dark']);

    // Settings: the options and the forbidden pairs.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = dialog(`Pairing settings: ${PEERS}`);
    await expect(settings.getByRole('textbox', { name: 'Wish bonus' })).toBeVisible();
    await expect(settings.getByText('No forbidden pairs.')).toBeVisible();
    await a11y('the pairing settings');
    await settings.getByRole('button', { name: 'Close' }).click();
    await expect(settings).toBeHidden();

    const approve = page.getByRole('button', { name: 'Approve…' });
    await expect(approve).toBeEnabled();
    await approve.click();
    const modal = dialog('Approve the draft?');
    await modal.getByRole('button', { name: 'Approve and create relationships' }).click();
    await expect(modal).toBeHidden();
    await expect(notice(/^Approved: \d+ relationships? created/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Pair again' })).toBeVisible();
  });
});
