// A user opens the app, signs in with the development login and sees the connection requests.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInAs, requestTable, row } from './support.mjs';

test('the root opens the connection requests, which ask who signs in; Back leaves the app', async ({ page }) => {
  await page.goto('data:text/html,<title>Before the app</title>');
  await page.goto('/');
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole('button', { name: 'Sign in as Alice Andersen' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // The root's address became the table's in place: no entry to come back to the root by.
  await page.goBack();
  await expect(page).toHaveTitle('Before the app');
});

test('the root reached within the app leads to the table in place too', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  await page.goto('data:text/html,<title>Before the app</title>');
  await page.goBack();
  await expect(requestTable(page)).toBeVisible();
  await page.evaluate(() => {
    history.pushState(null, '', '/?status=APPROVED');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page).toHaveURL(/\/connections\?status=APPROVED$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/connections$/);
});

test('alice signs in and sees her seeded requests in the table', async ({ page }) => {
  await signInAs(page, 'Alice Andersen', '/');
  await expect(requestTable(page)).toBeVisible();
  const production = row(page, 'EU Production Portal');
  await expect(production.getByRole('cell', { name: 'Submitted' })).toBeVisible();
  await expect(production.getByRole('cell', { name: 'Alice Andersen' })).toBeVisible();
  await expect(row(page, 'Partner Sandbox')).toContainText('Rejected');
  await expect(row(page, 'Brazil Retail Portal')).toContainText(/Expires in \d+ days/);
  await expect(row(page, 'Japan Manufacturing')).toContainText(/Expired \d+ days ago/);
});
