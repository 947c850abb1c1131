// SAP's four Horizon themes from the launchpad's sap-theme (or sap-ui-theme, query or hash),
// and the system's settings without one: each readable (axe, contrast included) on the table
// and in the Edit Credentials dialog.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInAs, row } from './support.mjs';

const THEMES = [
  { theme: 'sap_horizon', scheme: 'light' },
  { theme: 'sap_horizon_dark', scheme: 'dark' },
  { theme: 'sap_horizon_hcb', scheme: 'dark', aaa: true },
  { theme: 'sap_horizon_hcw', scheme: 'light', aaa: true },
];

/** axe's rules; for the high-contrast themes also WCAG AAA's enhanced contrast (7:1). */
function axe(page, aaa) {
  const builder = new AxeBuilder({ page });
  return aaa ? builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } }) : builder;
}

const rootTheme = (page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const { theme, scheme, aaa } of THEMES) {
  test(`${theme}: applied, and no axe violation on the table and in the dialog`, async ({ page }, testInfo) => {
    await signInAs(page, 'Alice Andersen', `/connections?sap-theme=${theme}`);
    expect(await rootTheme(page)).toBe(theme);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
    expect((await axe(page, aaa).analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`table-${theme}.png`), fullPage: true });
    await row(page, 'EU Production Portal').getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
    await expect(page.getByRole('dialog', { name: 'Edit Credentials for EU Production Portal' })).toBeVisible();
    expect((await axe(page, aaa).analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`dialog-${theme}.png`) });
  });
}

test('high contrast black is black and white, high contrast white the other way round', async ({ page }) => {
  await page.goto('/connections?sap-ui-theme=sap_horizon_hcb');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await background(page)).toBe('rgb(0, 0, 0)');
  await page.goto('/connections#Connections-manage?sap-theme=sap_horizon_hcw');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await rootTheme(page)).toBe('sap_horizon_hcw');
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('without a theme parameter the system decides: dark, and more contrast', async ({ browser, baseURL }) => {
  const dark = await browser.newContext({ baseURL, colorScheme: 'dark' });
  const page = await dark.newPage();
  await page.goto('/connections');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await rootTheme(page)).toBe(null);
  expect(await background(page)).toBe('rgb(18, 23, 28)');
  await dark.close();

  const contrast = await browser.newContext({ baseURL, colorScheme: 'dark', contrast: 'more' });
  const high = await contrast.newPage();
  await high.goto('/connections');
  await expect(high.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await rootTheme(high)).toBe('sap_horizon_hcb');
  await contrast.close();

  const unknown = await browser.newContext({ baseURL, colorScheme: 'light' });
  const other = await unknown.newPage();
  await other.goto('/connections?sap-theme=sap_fiori_3');
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await rootTheme(other)).toBe(null);
  expect(await background(other)).toBe('rgb(245, 246, 247)');
  await unknown.close();
});

test('with forced colours (a Windows contrast theme), statuses stay in words and axe finds nothing', async ({ browser, baseURL }) => {
  const forced = await browser.newContext({ baseURL, forcedColors: 'active' });
  const page = await forced.newPage();
  await signInAs(page, 'Alice Andersen');
  await expect(row(page, 'EU Production Portal')).toContainText('Submitted');
  // The status's icon is drawn in the system's text colour, not in the page's background (invisible).
  const icon = await row(page, 'EU Production Portal').getByRole('cell', { name: 'Submitted' }).evaluate((cell) => {
    const before = getComputedStyle(cell, '::before'); // the cell is the status's badge
    return { drawn: before.backgroundColor, text: getComputedStyle(document.body).color, page: getComputedStyle(document.body).backgroundColor };
  });
  expect(icon.drawn).toBe(icon.text);
  expect(icon.drawn).not.toBe(icon.page);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // On a phone, a card: the cell's label and its icon (drawn after it) are in the system's text colour too.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = await row(page, 'EU Production Portal').getByRole('cell', { name: 'Status: Submitted' }).evaluate((cell) => ({
    label: getComputedStyle(cell, '::before').color,
    icon: getComputedStyle(cell, '::after').backgroundColor,
    text: getComputedStyle(document.body).color,
  }));
  expect(card.label).toBe(card.text);
  expect(card.icon).toBe(card.text);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await forced.close();
});
