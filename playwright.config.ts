import { defineConfig } from 'playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/support/chromium';

export const FIXTURE_PORT = Number(process.env.E2E_PORT ?? 4173);
// The sample marks are bound to http://127.0.0.1:8080 (the default of xinbiao serve), so the demo runs there in tests too.
export const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8080);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 1, // 2-core machine; extension tests each launch their own Chromium
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./test/support/playwright-summary-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${FIXTURE_PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  webServer: [
    {
      command: `npx tsx test/support/fixture-server.ts ${FIXTURE_PORT}`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
    {
      command: `node bin/xinbiao.js serve --port ${DEMO_PORT}`,
      url: `http://127.0.0.1:${DEMO_PORT}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
  ],
});
