// Data changed elsewhere shows up when the window regains focus. This file changes the hub's
// data, so it runs after the others (files run in name order, one at a time).
import { test, expect } from '@playwright/test';
import { signInAs, row } from './support.mjs';

/** `user` signed in elsewhere (another browser): the API context and its CSRF token. */
async function signedInElsewhere(playwright, baseURL, user) {
  const elsewhere = await playwright.request.newContext({ baseURL });
  await elsewhere.post('/api/1.0/session', { data: { user } });
  const token = (await elsewhere.get('/api/1.0/user', { headers: { 'X-CSRF-Token': 'Fetch' } })).headers()['x-csrf-token'];
  return { elsewhere, token };
}

/** Bob, elsewhere, submits a request for the portal `alias`. */
async function submitAsBob(playwright, baseURL, alias, digits) {
  const { elsewhere, token } = await signedInElsewhere(playwright, baseURL, 'bob');
  const host = alias.toLowerCase().replaceAll(' ', '');
  const submitted = await elsewhere.post('/api/1.0/connectionRequests', {
    headers: { 'X-CSRF-Token': token },
    data: {
      apiPortalAlias: alias,
      comment: 'Submitted while the table was open',
      credentials: {
        url: `https://${host}.cfapps.us10.hana.ondemand.com`,
        tokenUrl: `https://${host}.authentication.us10.hana.ondemand.com/oauth/token`,
        clientId: `sb-apiaccess${digits}!b6077|api-portal-xsuaa!b2160`,
        clientSecret: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f$Kp3_Vx8-Lq2=',
      },
    },
  });
  expect(submitted.status()).toBe(201);
  await elsewhere.dispose();
}

const isOpen = (request) => ['SUBMITTED', 'PENDING_APPROVAL'].includes(request.status);

/** Waits, if need be, until the hub's clock (whole seconds) is past every update in `list`. */
async function waitForTheNextSecond(page, list) {
  const latest = Math.max(...list.results.map((request) => Date.parse(request.updatedAt)));
  const wait = latest + 1000 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

test('a request submitted elsewhere appears when the window regains focus', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  await expect(row(page, 'EU Production Portal')).toBeVisible();

  await submitAsBob(playwright, baseURL, 'Mexico Retail Portal', '1700000000099');
  await expect(row(page, 'Mexico Retail Portal')).toHaveCount(0);

  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(row(page, 'Mexico Retail Portal')).toBeVisible();
});

/**
 * Carol, elsewhere, rejects a request below `alias` on the page (the first one still open): it
 * moves to the top (latest update first), and the rows above `alias` shift down by one.
 * Returns that request.
 */
async function rejectTheOneBelow(page, playwright, baseURL, alias) {
  const rowsBefore = await page.getByRole('rowheader').allTextContents();
  const { elsewhere, token } = await signedInElsewhere(playwright, baseURL, 'carol');
  const list = await (await elsewhere.get('/api/1.0/connectionRequests?top=50')).json();
  // Which requests lie below depends on when the tests before changed theirs (whole seconds).
  const below = list.results.slice(rowsBefore.indexOf(alias) + 1).find(isOpen);
  expect(below, `an open request below ${alias}`).toBeTruthy();
  // The hub's times have whole seconds: the rejection is made in a later second than any
  // update so far, so that it sorts first and not level with one.
  await waitForTheNextSecond(page, list);
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

test('rows that come in another order keep one tab stop in each row’s actions', async ({ page, playwright, baseURL }) => {
  // Arranged elsewhere: carol rejects an open request, and a second later bob submits a new
  // one. Newest first, a new open request (View, Test Connection, Approve, Reject for carol)
  // now sits right above a closed one (View, Test Connection).
  const carol = await signedInElsewhere(playwright, baseURL, 'carol');
  const list = await (await carol.elsewhere.get('/api/1.0/connectionRequests?top=50')).json();
  const closed = list.results.find(isOpen);
  // In a later second than any update so far (the hub's times have whole seconds), so that
  // the rejected request sorts above every other, and the new one above it.
  await waitForTheNextSecond(page, list);
  const rejected = await carol.elsewhere.post(`/api/1.0/connectionRequests/${closed.id}/reject`, {
    headers: { 'X-CSRF-Token': carol.token }, data: { reason: 'Closed by this test' },
  });
  expect(rejected.status()).toBe(200);
  const rejectedAt = await rejected.json();
  await carol.elsewhere.dispose();
  await waitForTheNextSecond(page, { results: [rejectedAt] });
  await submitAsBob(playwright, baseURL, 'Norway Field Portal', '1700000000098');

  await signInAs(page, 'Carol Chen');
  await expect(page.getByRole('rowheader').nth(1)).toHaveText(closed.apiPortalAlias);
  // Carol moves the closed request's tab stop from View to Test Connection, then leaves.
  const alias = closed.apiPortalAlias;
  await row(page, alias).getByRole('button', { name: `View ${alias}` }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(row(page, alias).getByRole('button', { name: `Test Connection ${alias}` })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Search' }).focus();

  // A request further down moves to the top: the closed request's row now shows the new one.
  const below = await rejectTheOneBelow(page, playwright, baseURL, alias);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('rowheader').first()).toHaveText(below.apiPortalAlias);
  await expect(page.getByRole('rowheader').nth(2)).toHaveText(alias);
  const stops = await page.getByRole('toolbar').evaluateAll((toolbars) => toolbars.map((toolbar) =>
    [...toolbar.querySelectorAll('a[href], button:not([disabled])')].filter((action) => action.tabIndex >= 0).length));
  expect(stops.length).toBeGreaterThan(10);
  expect(stops).toEqual(stops.map(() => 1));
});

test('a status tab chosen with the keyboard keeps focus as its rows and then new counts come', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const tabs = page.getByRole('navigation', { name: 'Filter by status' });
  const submitted = tabs.getByRole('link', { name: /^Submitted \d+$/ });
  await submitted.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/status=SUBMITTED/);
  await expect(submitted).toHaveAttribute('aria-current', 'page');
  await expect.poll(async () => [...new Set(await page.getByRole('cell', { name: /^(Submitted|Pending approval|Approved|Rejected)$/ }).allInnerTexts())])
    .toEqual(['Submitted']);
  await expect(submitted).toBeFocused();

  // New counts redraw the tabs: the focused one stays focused, and says its new count.
  const before = Number(await submitted.getAttribute('data-count'));
  await submitAsBob(playwright, baseURL, 'Chile Retail Portal', '1700000000097');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(tabs.getByRole('link', { name: `Submitted ${before + 1}`, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(submitted).toBeFocused();
});
