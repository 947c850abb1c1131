// A user opens the app, signs in with the development login and sees the connection requests.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('alice signs in and sees her seeded requests in the table', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connections$/);

  await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();

  await expect(page.getByText('Signed in as Alice Andersen')).toBeVisible();
  const table = page.getByRole('table', { name: 'Connection requests' });
  const row = table.getByRole('row', { name: /EU Production Portal/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Submitted' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Alice Andersen' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Partner Sandbox/ })).toContainText('Rejected');
});

test('the sign-in page and the table have no accessibility violations', async ({ page }) => {
  await page.goto('/connections');
  await expect(page.getByRole('button', { name: 'Sign in as Bob Becker' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole('button', { name: 'Sign in as Bob Becker' }).click();
  await expect(page.getByRole('table', { name: 'Connection requests' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('dave, without a role, is told which role he lacks', async ({ page }) => {
  await page.goto('/connections');
  await page.getByRole('button', { name: 'Sign in as Dave Dietrich' }).click();
  await expect(page.getByRole('alert')).toContainText('AuthGroup.APIPortalRegistration');
});
