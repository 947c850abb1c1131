// A save while the hub is down: this test starts a hub of its own (HUB_BINARY, serving
// HUB_STATIC_DIR, both set by `cargo xtask test`), stops it mid-edit, and checks that the dialog
// says so and keeps what the user entered.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { row } from './support.mjs';

/** Starts a hub with the demo data on a free port; resolves with its process and URL. */
function startHub(data) {
  const hub = spawn(process.env.HUB_BINARY, [
    '--addr', '127.0.0.1:0', '--db', join(data, 'hub.sqlite3'), '--seed', 'demo', '--dev-login', '--static-dir', process.env.HUB_STATIC_DIR,
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    hub.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
    createInterface({ input: hub.stdout }).on('line', (line) => {
      if (line.startsWith('listening on ')) resolve({ hub, url: line.slice('listening on '.length).trim() });
    });
  });
}

test('a stopped hub: Save says the hub cannot be reached and keeps the input', async ({ page }) => {
  test.skip(!process.env.HUB_BINARY || !process.env.HUB_STATIC_DIR, 'needs HUB_BINARY and HUB_STATIC_DIR (set by cargo xtask test)');
  const data = mkdtempSync(join(tmpdir(), 'stopped-hub-'));
  const { hub, url } = await startHub(data);
  try {
    await page.goto(`${url}/connections`);
    await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
    await row(page, 'EU Quality Portal').getByRole('link', { name: /Edit Credentials/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Credentials for EU Quality Portal' });
    await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(JSON.stringify({
      url: 'https://eu10qaportal.cfapps.eu10.hana.ondemand.com',
      tokenUrl: 'https://acme-qa.authentication.eu10.hana.ondemand.com/oauth/token',
      clientId: 'sb-apiaccess1708888888888!b6077|api-portal-xsuaa!b2160',
      clientSecret: '3a4b5c6d-7e8f-4a9b-8c7d-6e5f4a3b2c1d$Jw5_Rq8-Tz3=',
    }));

    const stopped = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill('SIGTERM');
    await stopped;

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The hub could not be reached');
    await expect(dialog.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1708888888888/);
  } finally {
    if (hub.exitCode === null) hub.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
});
