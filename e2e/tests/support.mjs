// Steps shared by the end-to-end tests, written the way a user goes about them.
import { expect } from '@playwright/test';

/** Opens the app and signs in with the development login as `name` ("Alice Andersen"). */
export async function signInAs(page, name, path = '/connections') {
  await page.goto(path);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

/** The table of connection requests. */
export function requestTable(page) {
  return page.getByRole('table', { name: 'Connection requests' });
}

/** The row of the request with `alias`. */
export function row(page, alias) {
  return requestTable(page).getByRole('row', { name: new RegExp(`^${alias}\\b`) });
}

/** The aliases of the rows, top to bottom. */
export async function aliases(page) {
  return requestTable(page).locator('tbody').getByRole('rowheader').allTextContents();
}
