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
