// Data changed elsewhere shows up when the window regains focus. This file changes the hub's
// data, so it runs after the others (files run in name order, one at a time).
import { test, expect } from '@playwright/test';
import { signInAs, row } from './support.mjs';

test('a request submitted elsewhere appears when the window regains focus', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  await expect(row(page, 'EU Production Portal')).toBeVisible();

  const elsewhere = await playwright.request.newContext({ baseURL });
  await elsewhere.post('/api/1.0/session', { data: { user: 'bob' } });
  const user = await elsewhere.get('/api/1.0/user', { headers: { 'X-CSRF-Token': 'Fetch' } });
  const token = user.headers()['x-csrf-token'];
  const submitted = await elsewhere.post('/api/1.0/connectionRequests', {
    headers: { 'X-CSRF-Token': token },
    data: {
      apiPortalAlias: 'Mexico Retail Portal',
      comment: 'Submitted while the table was open',
      credentials: {
        url: 'https://mx10retail.cfapps.us10.hana.ondemand.com',
        tokenUrl: 'https://mx10retail.authentication.us10.hana.ondemand.com/oauth/token',
        clientId: 'sb-apiaccess1700000000099!b6077|api-portal-xsuaa!b2160',
        clientSecret: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f$Kp3_Vx8-Lq2=',
      },
    },
  });
  expect(submitted.status()).toBe(201);
  await expect(row(page, 'Mexico Retail Portal')).toHaveCount(0);

  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(row(page, 'Mexico Retail Portal')).toBeVisible();
  await elsewhere.dispose();
});

/**
 * Carol, elsewhere, rejects a request below `alias` on the page (the first one still open): it
 * moves to the top (latest update first), and the rows above `alias` shift down by one.
 * Returns that request.
 */
async function rejectTheOneBelow(page, playwright, baseURL, alias) {
  const rowsBefore = await page.getByRole('rowheader').allTextContents();
  const elsewhere = await playwright.request.newContext({ baseURL });
  await elsewhere.post('/api/1.0/session', { data: { user: 'carol' } });
  const token = (await elsewhere.get('/api/1.0/user', { headers: { 'X-CSRF-Token': 'Fetch' } })).headers()['x-csrf-token'];
  const list = await (await elsewhere.get('/api/1.0/connectionRequests?top=50')).json();
  // Which requests lie below depends on when the tests before changed theirs (whole seconds).
  const open = ['SUBMITTED', 'PENDING_APPROVAL'];
  const below = list.results.slice(rowsBefore.indexOf(alias) + 1).find((request) => open.includes(request.status));
  expect(below, `an open request below ${alias}`).toBeTruthy();
  // The hub's times have whole seconds: the rejection is made in a later second than any
  // update so far, so that it sorts first and not level with one.
  const latest = Math.max(...list.results.map((request) => Date.parse(request.updatedAt)));
  const wait = latest + 1000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  const rejected = await elsewhere.post(`/api/1.0/connectionRequests/${below.id}/reject`, {
    headers: { 'X-CSRF-Token': token }, data: { reason: 'Moved to the top by this test' },
  });
  expect(rejected.status()).toBe(200);
  const after = await (await elsewhere.get('/api/1.0/connectionRequests?top=50')).json();
  expect(after.results[0].id, 'the rejected request sorts first').toBe(below.id);
  await elsewhere.dispose();
  return below;
}

test('when the fresh rows come in another order, focus stays on the request it was on', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const view = page.getByRole('button', { name: 'View EU Quality Portal' });
  await view.focus();
  const below = await rejectTheOneBelow(page, playwright, baseURL, 'EU Quality Portal');

  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('rowheader').first()).toHaveText(below.apiPortalAlias);
  await expect(view).toBeFocused();
});

test('rows that come in another order under an open dialog: closing it returns focus to its own request', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const view = page.getByRole('button', { name: 'View EU Production Portal' });
  await view.click();
  const details = page.getByRole('dialog', { name: 'EU Production Portal' });
  await expect(details).toBeVisible();
  const below = await rejectTheOneBelow(page, playwright, baseURL, 'EU Production Portal');

  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('rowheader').first()).toHaveText(below.apiPortalAlias);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(view).toBeFocused();
});
