// Inside a launchpad: a host page on another origin frames the app with sap-language and
// sap-theme; the app speaks German, wears the dark theme, leaves the top bar to the launchpad,
// and the seed's procedure works in the frame. An origin not in --frame-ancestors cannot frame it.
import { test, expect } from '@playwright/test';
import { ownHubAvailable, startOwnHub } from './own-hub.mjs';
import { startLaunchpad } from './launchpad-host.mjs';

test.skip(!ownHubAvailable, 'needs HUB_BINARY and HUB_STATIC_DIR (set by cargo xtask test)');

const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d$L4unchP4d-Xy7=';

let hub;
let launchpad;
let stranger;

test.beforeAll(async () => {
  launchpad = await startLaunchpad();
  stranger = await startLaunchpad();
  hub = await startOwnHub({ args: ['--frame-ancestors', `'self' ${launchpad.origin}`] });
});

test.afterAll(async () => {
  await hub?.stop();
  await launchpad?.stop();
  await stranger?.stop();
});

test('an origin not in --frame-ancestors cannot frame the app', async ({ page }) => {
  const refused = [];
  page.on('console', (message) => { if (message.text().includes('frame-ancestors')) refused.push(message.text()); });
  await page.goto(stranger.frame(`${hub.url}/connections?sap-language=de`));
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed.url()).not.toContain(hub.url);
  await expect(page.frameLocator('iframe').getByRole('heading')).toHaveCount(0);
});

test('framed by the launchpad in German and dark: one top bar, and the seed procedure works in the frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(launchpad.frame(`${hub.url}/?sap-language=de&sap-theme=sap_horizon_dark`));
  const app = page.frameLocator('iframe[title="API-Portal-Verbindungen"]');
  await app.getByRole('button', { name: 'Als Alice Andersen anmelden' }).click();
  await expect(app.getByText('Angemeldet als Alice Andersen')).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().startsWith(hub.url));
  expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]))
    .toEqual(['de', 'sap_horizon_dark']);
  // The launchpad has the top bar; the app has none of its own, but the user and Abmelden stay.
  await expect(app.getByRole('banner')).toHaveCount(0);
  await expect(app.getByText('API-Portal-Verbindungen', { exact: true })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  expect(await frame.title()).toBe('Verbindungsanfragen – API-Portal-Verbindungen');

  // The seed's steps: the Actions column of the request, Edit Credentials, Client ID and
  // Client Secret, Save.
  const table = app.getByRole('table', { name: 'Verbindungsanfragen' });
  await expect(table.getByRole('columnheader', { name: 'Aktionen' })).toBeVisible();
  await table.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' }).click();
  const dialog = app.getByRole('dialog', { name: 'Anmeldedaten bearbeiten: EU Production Portal' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1723456789012!b6077|api-portal-xsuaa!b2160');
  await dialog.getByLabel('Client Secret').fill(SECRET);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Sie haben die Anmeldedaten für das API-Portal erfolgreich aktualisiert.' })).toBeVisible();
  await expect(dialog).toBeHidden();
  // Dates in German, and a reload in the frame keeps language and theme.
  await expect(table).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await frame.evaluate(() => location.reload());
  await expect(app.getByRole('table', { name: 'Verbindungsanfragen' })).toBeVisible();
  const reloaded = page.frames().find((candidate) => candidate.url().startsWith(hub.url));
  // (Polled: right after the reload, the frame may still hold the page before it, or be between
  // the two pages, where evaluating fails and the poll asks again.)
  await expect.poll(() => reloaded.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]).catch(() => null))
    .toEqual(['de', 'sap_horizon_dark']);
  await expect(app.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
});

test('the browser\'s languages decide without sap-language; anything else is English', async ({ browser }) => {
  const german = await browser.newContext({ locale: 'de-DE' });
  const page = await german.newPage();
  await page.goto(`${hub.url}/connections`);
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  await page.goto(`${hub.url}/connections?sap-language=fr`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await german.close();
});
