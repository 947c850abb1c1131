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
  // A row header holds the alias on its first line (what moved out of the columns follows it).
  const headers = await requestTable(page).locator('tbody').getByRole('rowheader').allInnerTexts();
  return headers.map((text) => text.split('\n')[0].trim());
}

/** A second session of `user` that talks to the hub directly, with its CSRF token. */
export async function hubSession(playwright, baseURL, user) {
  const session = await playwright.request.newContext({ baseURL });
  await session.post('/api/1.0/session', { data: { user } });
  const token = (await session.get('/api/1.0/user', { headers: { 'X-CSRF-Token': 'Fetch' } })).headers()['x-csrf-token'];
  return { session, token };
}

/** The request with `alias`, as the hub has it now. */
export async function findRequest(session, alias) {
  const page = await (await session.get(`/api/1.0/connectionRequests?search=${encodeURIComponent(alias)}`)).json();
  return page.results.find((request) => request.apiPortalAlias === alias);
}

/**
 * Holds back the next page of the list that `matches` (given its URL) until `release()` is
 * called, the way a slow network would; `asked` resolves once the app has asked for it.
 */
export async function holdListPage(page, matches = () => true) {
  let release;
  let askedFor;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = new Promise((resolve) => { askedFor = resolve; });
  await page.route((url) => url.pathname === '/api/1.0/connectionRequests' && matches(url), async (route) => {
    askedFor();
    await held;
    await route.continue();
  }, { times: 1 });
  return { asked, release };
}
