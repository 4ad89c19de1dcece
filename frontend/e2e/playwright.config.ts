import { defineConfig } from '@playwright/test';

// Drives Debian's Chromium (never a downloaded browser) against the dev build that
// .ci/e2e.sh starts; the tests share its one database, so they run in order, one worker.
export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // Pairing approves pairs into relationships the other walks must not see: it runs last.
  projects: [
    { name: 'flows', testMatch: /(foundation|requests|sessions)\.spec\.ts/ },
    { name: 'pairing', testMatch: /pairing\.spec\.ts/, dependencies: ['flows'] },
  ],
  use: {
    baseURL: process.env.TANDEM_URL ?? 'http://127.0.0.1:34115',
    viewport: { width: 1366, height: 860 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
