// Playwright runs against a hub that `cargo xtask test` starts (fresh database, free port)
// and passes in HUB_URL; the browser is Debian's Chromium (Playwright cannot download its own here).
import { defineConfig } from '@playwright/test';

const baseURL = process.env.HUB_URL;
if (!baseURL) {
  throw new Error('HUB_URL is not set: run the end-to-end tests with `cargo xtask test`.');
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
