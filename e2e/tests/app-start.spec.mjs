// What the page says before the app runs: never a white page.
import { test, expect, chromium } from '@playwright/test';

test('once the app has started, the start-up message is gone', async ({ page }) => {
  await page.goto('/connections');
  await expect(page.getByRole('button', { name: /Sign in as/ }).first()).toBeVisible();
  await expect(page.getByText('Starting API Portal Connections')).toHaveCount(0);
});

test('an app that cannot load says so on the page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/connections');
  await expect(page.getByRole('alert')).toHaveText(/API Portal Connections could not start\. Reload the page/);
});

test('without JavaScript, the page says what the app needs', async ({ baseURL }) => {
  // Scripting off for the HTML parser too (as in a browser whose user turned it off), so that
  // <noscript> is shown; Playwright's javaScriptEnabled only stops scripts from running.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--blink-settings=scriptEnabled=false'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/connections`);
    // Playwright's text locators skip <noscript>; innerText is what is rendered.
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('API Portal Connections needs JavaScript and WebAssembly.');
    expect(shown).not.toContain('Starting API Portal Connections');
  } finally {
    await browser.close();
  }
});

test('the title names the page: sign in, the table, the dialog of a deep link', async ({ page }) => {
  await page.goto('/connections');
  await expect(page).toHaveTitle('Sign in – API Portal Connections');
  await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
  await expect(page).toHaveTitle('Connection requests – API Portal Connections');
  await page.getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
  await expect(page).toHaveTitle('Edit Credentials for EU Production Portal – API Portal Connections');
  await page.keyboard.press('Escape');
  await expect(page).toHaveTitle('Connection requests – API Portal Connections');
});
