import { expect, test, type Locator } from '@playwright/test';
import { a11y, bodyRows, dialog, nav, onePage, page, setScheme, shot } from './support';

// One ordered walk through Tandem's foundation, as a new admin would take it, against the dev
// build that .ci/e2e.sh starts on a new, empty database: welcome, sample data, a new program, a
// participant, an import with problems fixed in place, the directory, a profile, the
// questionnaire, people, and a reload. Every page and dialog on the way is checked with axe in
// the light and the dark scheme, and the README's screenshots are written on the way.

const PROGRAM = 'Onboarding Buddies';
const LENA = { name: 'Lena Fischer', email: 'lena.fischer@northwind.example' };

// Row 2 and row 5 are good; row 3 has a bad email, row 4 a skill that is not an option.
const CSV = [
  'Full name,Email address,Team,Office,Time zone,I want to join as,Skills I want to grow,Goals',
  'Maja Lindqvist,maja.lindqvist@northwind.example,Engineering,Berlin,Europe/Berlin,Mentee; Peer,Python; Data analysis,Learn a new skill',
  'Omar Haddad,omar@,Sales,London,Europe/London,Mentor,Negotiation,Get to know other teams',
  'Keiko Watanabe,keiko.watanabe@northwind.example,Product,Tokyo,Asia/Tokyo,Mentor and peer,Juggling,Build confidence',
  'Tobias Berger,tobias.berger@northwind.example,Finance,Toronto,America/Toronto,Mentee,Finance; Leadership,Plan my next career step',
].join('\n') + '\n';
const IMPORTED = ['Maja Lindqvist', 'Omar Haddad', 'Keiko Watanabe', 'Tobias Berger'];

let samplePeople = 0; // from the "Sample organisation loaded" notification
/** This walk checks every page in both schemes. */
const BOTH: ('light' | 'dark')[] = ['light', 'dark'];

onePage();

// ---- helpers -------------------------------------------------------------------------------

const programCard = (name: string) =>
  page.getByRole('link').filter({ has: page.getByRole('heading', { name, exact: true }) });
const directory = (program: string) => page.getByRole('table', { name: `Participants of ${program}` });

async function openProgram(name: string, tab: 'Overview' | 'Participants' | 'Questionnaire') {
  await nav().getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

async function filterRole(role: 'Peer' | 'All roles') {
  const select = page.getByRole('textbox', { name: 'Role', exact: true });
  await select.click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await expect(select).toHaveValue(role);
  await expect(select).not.toHaveAttribute('aria-expanded', 'true');
}

async function countOf(card: Locator, label: string): Promise<number> {
  const text = await card.getByText(new RegExp(`^\\d[\\d,]* ${label}$`)).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

// ---- the walk ------------------------------------------------------------------------------

test.describe.serial('Tandem foundation', () => {
  test('1. first run shows the welcome screen', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Tandem' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create a program' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Explore with sample data' })).toBeVisible();
    await shot('welcome.png');
    await a11y('the welcome screen', BOTH);
  });

  test('2. the sample data fills the programs list', async () => {
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    const loaded = page.getByRole('alert').filter({ hasText: 'Sample organisation loaded' });
    await expect(loaded).toContainText(/\d+ people and 2 programs to explore/);
    samplePeople = Number((await loaded.innerText()).match(/(\d+) people and/)![1]);
    expect(samplePeople).toBeGreaterThan(0);

    await expect(page).toHaveURL(/#\/programs$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
    const peer = programCard('Peer Circles');
    const cohort = programCard('Spring Leadership Cohort');
    await expect(peer).toBeVisible();
    await expect(cohort).toBeVisible();
    await expect(peer).toContainText('Peer mentoring on');
    await expect(cohort).toContainText('Peer mentoring off');
    for (const card of [peer, cohort]) {
      expect(await countOf(card, 'participants')).toBeGreaterThan(0);
      expect(await countOf(card, 'mentees')).toBeGreaterThan(0);
    }
    expect(await countOf(peer, 'peers')).toBeGreaterThan(0);
    // Both programs are also in the navigation.
    await expect(nav().getByRole('link', { name: 'Peer Circles' })).toBeVisible();
    await expect(nav().getByRole('link', { name: 'Spring Leadership Cohort' })).toBeVisible();
    await shot('programs.png');
    await a11y('the programs page', BOTH);
  });

  test('3. a new evergreen program, peer mentoring on by default', async () => {
    await page.getByRole('button', { name: 'New program' }).click();
    const form = dialog('New program');
    await expect(form).toBeVisible();
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(PROGRAM);
    await form.getByRole('textbox', { name: 'Description' }).fill('Every new joiner gets a buddy from another team for their first months.');
    const peerSwitch = form.getByRole('switch', { name: 'Peer mentoring' });
    // Cohorts start without peer mentoring; evergreen programs start with it.
    await form.getByText('Cohort', { exact: true }).click();
    await expect(form.getByText('Starts on', { exact: true })).toBeVisible();
    await expect(peerSwitch).not.toBeChecked();
    await form.getByText('Evergreen', { exact: true }).click();
    await expect(form.getByText('Always open: people join and are matched or rematched any time.')).toBeVisible();
    await expect(form.getByText('Starts on', { exact: true })).toBeHidden();
    await expect(peerSwitch).toBeChecked();
    await a11y('the new program form', BOTH);
    await form.getByRole('button', { name: 'Create program' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Program created' })).toContainText(`${PROGRAM} is ready for participants.`);
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();

    // It is listed with the others; open it from there.
    await nav().getByRole('link', { name: 'Programs', exact: true }).click();
    const card = programCard(PROGRAM);
    await expect(card).toContainText('Evergreen');
    await expect(card).toContainText('Peer mentoring on');
    await expect(card.getByText('0 participants', { exact: true })).toBeVisible();
    await card.click();
    await expect(page.getByRole('heading', { level: 1, name: PROGRAM })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('On: participants can register as Peer')).toBeVisible();
    await a11y('the program overview', BOTH);
  });

  test('4. add a participant: a peer must also be a mentor or a mentee', async () => {
    await page.getByRole('tab', { name: 'Participants' }).click();
    await expect(page.getByRole('heading', { name: 'No participants yet' })).toBeVisible();
    await a11y('the empty directory', BOTH);

    await page.getByRole('button', { name: 'Add participant' }).first().click();
    const add = dialog(`Add a participant to ${PROGRAM}`);
    await expect(add).toBeVisible();
    await add.getByText('New person', { exact: true }).click();
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill(LENA.name);
    await add.getByRole('textbox', { name: 'Email', exact: true }).fill(LENA.email);
    await add.getByRole('textbox', { name: 'Department', exact: true }).fill('Customer Success');
    await add.getByRole('textbox', { name: 'Title', exact: true }).fill('Onboarding Lead');
    await add.getByRole('textbox', { name: 'Location', exact: true }).fill('Berlin');
    await add.getByRole('textbox', { name: 'Time zone' }).fill('Berlin');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await expect(add.getByRole('textbox', { name: 'Time zone' })).toHaveValue('Europe/Berlin');

    // Only Peer: refused, with the reason.
    await add.getByRole('checkbox', { name: 'Mentee' }).uncheck();
    await add.getByRole('checkbox', { name: 'Peer' }).check();
    await add.getByRole('button', { name: 'Add participant' }).click();
    await expect(add.getByText('A peer must also be a mentor or a mentee', { exact: true })).toBeVisible();
    await expect(add).toBeVisible();
    await a11y('the add participant form with an error', BOTH);

    await add.getByRole('checkbox', { name: 'Mentee' }).check();
    await add.getByRole('button', { name: 'Add participant' }).click();
    await expect(add).toBeHidden();
    // Her profile opens: close it and find her in the directory.
    const profile = dialog(LENA.name);
    await expect(profile).toBeVisible();
    await profile.getByRole('button', { name: 'Close' }).click();
    await expect(profile).toBeHidden();
    const row = bodyRows(directory(PROGRAM)).filter({ hasText: LENA.name });
    await expect(row).toContainText(LENA.email);
    await expect(row.getByText('Mentee', { exact: true })).toBeVisible();
    await expect(row.getByText('Peer', { exact: true })).toBeVisible();
    await expect(row.getByText('Mentor', { exact: true })).toHaveCount(0);
    await expect(page.getByText('1–1 of 1', { exact: true })).toBeVisible();
  });

  test('5. import registrations, fix the bad rows in place', async () => {
    await page.getByRole('button', { name: 'Import registrations' }).click();
    const wizard = dialog(`Import registrations into ${PROGRAM}`);
    await expect(wizard.getByLabel('Registration file')).toBeVisible();
    await a11y('the import wizard: choose a file', BOTH);

    await wizard.locator('input[type=file]').setInputFiles({
      name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV),
    });
    // Map: Tandem guessed every column from its header.
    const mapping = wizard.getByRole('table', { name: 'Columns of the file' });
    await expect(mapping).toBeVisible();
    await expect(wizard.getByText('registrations.csv: 4 rows, 8 columns.')).toBeVisible();
    const goesInto = (h: string) => wizard.getByLabel(`Column “${h}” goes into`);
    await expect(goesInto('Full name')).toHaveValue('Name (required)');
    await expect(goesInto('Email address')).toHaveValue('Email (required)');
    await expect(goesInto('Team')).toHaveValue('Department');
    await expect(goesInto('Office')).toHaveValue('Location');
    await expect(goesInto('Time zone')).toHaveValue('Time zone');
    await expect(goesInto('I want to join as')).toHaveValue('Roles');
    await expect(goesInto('Skills I want to grow')).toHaveValue('Skills I want to grow');
    await expect(goesInto('Goals')).toHaveValue('Goals (required)');
    await a11y('the import wizard: map the columns', BOTH);

    // Check: each problem names its row, its column and the reason.
    await wizard.getByRole('button', { name: 'Check the rows' }).click();
    const problems = wizard.getByRole('table', { name: 'Problems in the file' });
    await expect(problems).toBeVisible();
    const row3 = problems.getByRole('row').filter({ hasText: 'Row 3' });
    await expect(row3).toContainText('Email address');
    await expect(row3).toContainText('"omar@" is not an email address');
    const row4 = problems.getByRole('row').filter({ hasText: 'Row 4' });
    await expect(row4).toContainText('Skills I want to grow');
    await expect(row4).toContainText('"Juggling" is not one of the options');
    await expect(problems.getByText(/^Row [25]$/)).toHaveCount(0);
    await expect(wizard.getByText(/2 rows with problems\.$/)).toBeVisible();
    const importButton = wizard.getByRole('button', { name: /^Import \d+ rows?$/ });
    await expect(importButton).toHaveText('Import 2 rows');
    await expect(importButton).toBeDisabled();
    await expect(wizard.getByText('Fix or skip the 2 rows with problems first.')).toBeVisible();
    await shot('import-errors.png');
    await a11y('the import wizard: problems', BOTH);

    // Fix both cells in place; Tandem checks again by itself.
    await wizard.getByLabel('Row 3, Email address').fill('omar.haddad@northwind.example');
    await wizard.getByLabel('Row 4, Skills I want to grow').fill('Python');
    await expect(wizard.getByText('No problems: every row can be imported.')).toBeVisible();
    await expect(problems).toBeHidden();
    await expect(importButton).toHaveText('Import 4 rows');
    await expect(importButton).toBeEnabled();
    await a11y('the import wizard: ready to import', BOTH);
    await importButton.click();
    await expect(wizard).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Imported 4 rows' })).toContainText('4 new people');

    const rows = bodyRows(directory(PROGRAM));
    await expect(page.getByText('1–5 of 5', { exact: true })).toBeVisible();
    await expect(rows).toHaveCount(5);
    for (const name of [LENA.name, ...IMPORTED]) await expect(rows.filter({ hasText: name })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Omar Haddad' })).toContainText('omar.haddad@northwind.example');
    await expect(rows.filter({ hasText: 'Keiko Watanabe' }).getByText('Peer', { exact: true })).toBeVisible();
    await a11y('the directory', BOTH);
  });

  test('6. filter the directory by role', async () => {
    // The new program: Lena, Maja and Keiko are peers.
    await filterRole('Peer');
    await expect(page.getByText('1–3 of 3', { exact: true })).toBeVisible();
    const rows = bodyRows(directory(PROGRAM));
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all()) await expect(row.getByText('Peer', { exact: true })).toBeVisible();
    for (const name of [LENA.name, 'Maja Lindqvist', 'Keiko Watanabe']) await expect(rows.filter({ hasText: name })).toHaveCount(1);

    // The sample's peer program: as many peers as its overview counts, each with the badge.
    await openProgram('Peer Circles', 'Overview');
    const peersStat = page.getByText('Peers', { exact: true }).locator('xpath=..');
    const peers = Number((await peersStat.innerText()).replace(/[^\d]/g, ''));
    expect(peers).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Participants' }).click();
    const table = directory('Peer Circles');
    await expect(bodyRows(table).first()).toBeVisible();
    await filterRole('Peer');
    const shown = Math.min(peers, 50);
    await expect(page.getByText(`1–${shown} of ${peers}`, { exact: true })).toBeVisible();
    await expect(bodyRows(table)).toHaveCount(shown);
    await expect(bodyRows(table).filter({ has: page.getByText('Peer', { exact: true }) })).toHaveCount(shown);
    await shot('directory-peers.png');
    await setScheme('dark');
    await shot('dark-directory.png');
    await setScheme('light');
    await a11y('the directory filtered by role', BOTH);
  });

  test('7. a participant\'s profile shows their answers', async () => {
    // A sample participant: the README's picture.
    const first = bodyRows(directory('Peer Circles')).first();
    const name = await first.locator('td').first().locator('p').first().innerText();
    await first.click();
    const drawer = dialog(name);
    await expect(drawer.getByRole('heading', { name: 'Answers' })).toBeVisible();
    await expect(drawer.getByText('Skills I can offer')).toBeVisible();
    await expect(drawer.getByRole('checkbox', { name: 'Peer' })).toBeChecked();
    // The picture shows the answers (the person's record is above them).
    await drawer.getByRole('heading', { name: 'Roles and status' }).evaluate((h) => {
      h.scrollIntoView({ block: 'start' });
      // Clear of the drawer's sticky title.
      let box = h.parentElement;
      while (box && box.scrollTop === 0) box = box.parentElement;
      box?.scrollBy(0, -72);
    });
    await shot('profile.png');
    await a11y('the profile drawer', BOTH);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();

    // An imported participant: the answers from the file, the Python fix included.
    await openProgram(PROGRAM, 'Participants');
    await bodyRows(directory(PROGRAM)).filter({ hasText: 'Keiko Watanabe' }).click();
    const keiko = dialog('Keiko Watanabe');
    await expect(keiko.getByRole('heading', { name: 'Answers' })).toBeVisible();
    await expect(keiko.getByText('keiko.watanabe@northwind.example')).toBeVisible();
    await expect(keiko.getByText('Asia/Tokyo', { exact: true })).toBeVisible();
    await expect(keiko.getByRole('checkbox', { name: 'Mentor' })).toBeChecked();
    await expect(keiko.getByRole('checkbox', { name: 'Peer' })).toBeChecked();
    await expect(keiko.getByRole('checkbox', { name: 'Mentee' })).not.toBeChecked();
    // Her only skill answer is the one fixed in the import, and her goal is from the file.
    await expect(keiko.getByText('Python', { exact: true })).toBeVisible();
    await expect(keiko.getByText('Juggling')).toHaveCount(0);
    await expect(keiko.getByText('Build confidence', { exact: true })).toBeVisible();
    await keiko.getByRole('button', { name: 'Close' }).click();
    await expect(keiko).toBeHidden();
  });

  test('8. the questionnaire lists the default questions', async () => {
    await page.getByRole('tab', { name: 'Questionnaire' }).click();
    await expect(page.getByRole('heading', { name: 'Registration questionnaire' })).toBeVisible();
    const questions = page.getByRole('listitem');
    for (const q of ['Department', 'Time zone', 'Skills I can offer', 'Skills I want to grow', 'Goals', 'Languages']) {
      await expect(page.getByRole('heading', { level: 3, name: q, exact: true })).toBeVisible();
    }
    const wants = questions.filter({ has: page.getByRole('heading', { name: 'Skills I want to grow', exact: true }) });
    await expect(wants).toContainText('Matching: Skills I want to grow ↔ Skills I can offer, high (5)');
    await expect(wants).toContainText('4 answers');
    const goals = questions.filter({ has: page.getByRole('heading', { name: 'Goals', exact: true }) });
    await expect(goals).toContainText('Required');
    await shot('questionnaire.png', 'page');
    await a11y('the questionnaire', BOTH);
  });

  test('9. people: everyone, with search', async () => {
    await nav().getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    const total = samplePeople + 1 + IMPORTED.length;
    await expect(page.getByText(`${total} people`, { exact: true })).toBeVisible();
    const search = page.getByRole('searchbox', { name: 'Search people' });
    const rows = bodyRows(page.getByRole('table', { name: 'People' }));

    await search.fill('Fischer');
    await expect(page.getByText(`1 of ${total} people`, { exact: true })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(LENA.email);

    await search.fill('berlin');
    await expect(page.getByText(new RegExp(`^\\d+ of ${total} people$`))).toBeVisible();
    const n = await rows.count();
    expect(n).toBeGreaterThan(2);
    for (const row of await rows.all()) await expect(row).toContainText('Berlin');
    await expect(rows.filter({ hasText: LENA.name })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Maja Lindqvist' })).toHaveCount(1);
    await shot('people.png');
    await a11y('the people page', BOTH);

    await search.fill('nobody-by-this-name');
    await expect(page.getByText('Nobody matches “nobody-by-this-name”.')).toBeVisible();
    await search.fill('');
    await expect(page.getByText(`${total} people`, { exact: true })).toBeVisible();
  });

  test('10. everything is still there after a reload', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expect(page.getByText(`${samplePeople + 1 + IMPORTED.length} people`, { exact: true })).toBeVisible();

    await nav().getByRole('link', { name: 'Programs', exact: true }).click();
    const card = programCard(PROGRAM);
    await expect(card).toBeVisible();
    await expect(card.getByText('5 participants', { exact: true })).toBeVisible();
    await expect(card.getByText('3 peers', { exact: true })).toBeVisible();
    await openProgram(PROGRAM, 'Participants');
    const rows = bodyRows(directory(PROGRAM));
    await expect(rows).toHaveCount(5);
    for (const name of [LENA.name, ...IMPORTED]) await expect(rows.filter({ hasText: name })).toHaveCount(1);
  });

  test('11. about & data says where the data lives', async () => {
    await nav().getByRole('link', { name: 'About & data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About & data' })).toBeVisible();
    if (process.env.E2E_DB) await expect(page.getByText(process.env.E2E_DB, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
    await a11y('about & data', BOTH);
  });
});
