// The rest of the lifecycle on the one screen: a new request, Test Connection (before saving
// and from a row), Approve and Reject, and the request's history. Each test has a hub of its
// own (its decisions change the data) and a real token endpoint on loopback.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { row, hubSession, findRequest } from './support.mjs';
import { startOwnHub, ownHubAvailable, GOOD_CLIENT_ID, GOOD_SECRET } from './own-hub.mjs';

test.skip(!ownHubAvailable, 'needs HUB_BINARY and HUB_STATIC_DIR (set by cargo xtask test)');

let own;
test.beforeEach(async () => { own = await startOwnHub(); });
test.afterEach(async () => { await own.stop(); });

async function signIn(page, name) {
  await page.goto(`${own.url}/connections`);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
}

function credentials(secret = GOOD_SECRET, tokenUrl = own.tokenUrl) {
  return JSON.stringify({ url: 'https://eu30newportal.cfapps.eu30.hana.ondemand.com', tokenUrl, clientId: GOOD_CLIENT_ID, clientSecret: secret }, null, 2);
}

test('a new request: tested before it is submitted, an alias taken is shown at the alias, the new row appears', async ({ page }) => {
  await signIn(page, 'Alice Andersen');
  await page.getByRole('button', { name: 'Connect API Portal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect API Portal' });
  await dialog.getByRole('textbox', { name: 'API portal alias' }).fill('EU Production Portal');
  await dialog.getByRole('textbox', { name: 'Comment (optional)' }).fill('Catalog of the EU30 tenant');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(credentials());
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);

  await dialog.getByRole('button', { name: 'Test these credentials' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'The connection works' })).toContainText('the token endpoint issued a token');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(credentials('0000-wrong$Secret='));
  await dialog.getByRole('button', { name: 'Test these credentials' }).click();
  await expect(dialog.getByText('The token endpoint refused the client ID or secret (HTTP 401): generate new credentials in the API portal and paste them here.')).toBeVisible();

  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(credentials());
  await dialog.getByRole('button', { name: 'Submit' }).click();
  const alias = dialog.getByRole('textbox', { name: 'API portal alias' });
  await expect(alias).toHaveAttribute('aria-invalid', 'true');
  await expect(alias).toBeFocused();
  await expect(dialog.getByText("Another request already has the alias 'EU Production Portal'")).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(GOOD_CLIENT_ID);

  await alias.fill('EU30 New Portal');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: "You've submitted EU30 New Portal" })).toBeVisible();
  await expect(row(page, 'EU30 New Portal')).toContainText('Submitted');
  await expect(page.getByRole('button', { name: 'Connect API Portal' })).toBeFocused();
});

test('carol approves until three portals are connected, then Approve says why not; a rejection needs a reason', async ({ page }) => {
  await signIn(page, 'Carol Chen');
  await row(page, 'EU Quality Portal').getByRole('button', { name: 'Approve EU Quality Portal' }).click();
  let dialog = page.getByRole('dialog', { name: 'Approve EU Quality Portal?' });
  await expect(dialog).toContainText('Alice Andersen');
  await expect(dialog).toContainText('2 of 3 API portals are connected; approving connects one more.');
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "You've approved EU Quality Portal." })).toBeVisible();
  await expect(row(page, 'EU Quality Portal')).toContainText('Approved');

  await row(page, 'Canada Test Portal').getByRole('button', { name: 'Approve Canada Test Portal' }).click();
  dialog = page.getByRole('dialog', { name: 'Approve Canada Test Portal?' });
  await expect(dialog).toContainText('3 of 3 API portals are connected, the most a hub connects: Approve is unavailable');
  await expect(dialog.getByRole('button', { name: 'Approve', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Reject, by keyboard only.
  await row(page, 'Canada Test Portal').getByRole('button', { name: 'Reject Canada Test Portal' }).focus();
  await page.keyboard.press('Enter');
  dialog = page.getByRole('dialog', { name: 'Reject Canada Test Portal?' });
  const reason = dialog.getByRole('textbox', { name: 'Reason (shown to the requester)' });
  await reason.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Say why, so that the requester knows what to do next.')).toBeVisible();
  await expect(reason).toBeFocused();
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
  await page.keyboard.type('Use the EU Production Portal instead.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: "You've rejected Canada Test Portal." })).toBeVisible();
  await expect(row(page, 'Canada Test Portal')).toContainText('Rejected');
  await expect(page.getByRole('button', { name: 'View Canada Test Portal' })).toBeFocused();

  await row(page, 'Canada Test Portal').getByRole('button', { name: 'View Canada Test Portal' }).click();
  const details = page.getByRole('dialog', { name: 'Canada Test Portal' });
  await expect(details.getByRole('list')).toContainText('Carol Chen rejected the request. Reason: Use the EU Production Portal instead.');
  await expect(details.getByRole('list')).toContainText('Bob Becker submitted the request.');
});

test('a decision on a request someone changed meanwhile shows what changed, then goes through', async ({ page, playwright }) => {
  await signIn(page, 'Carol Chen');
  await row(page, 'Central HR Portal').getByRole('button', { name: 'Approve Central HR Portal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve Central HR Portal?' });
  await expect(dialog).toContainText('API portals are connected');

  // Carol, in another session, replaces the credentials of her request.
  const { session, token } = await hubSession(playwright, own.url, 'carol');
  const seen = await findRequest(session, 'Central HR Portal');
  const replaced = await session.put(`/api/1.0/connectionRequests/${seen.id}/credentials`, {
    headers: { 'X-CSRF-Token': token, 'If-Match': `"${seen.version}"` },
    data: { url: seen.apiPortalUrl, tokenUrl: own.tokenUrl, clientId: 'sb-hr-new!b6077|api-portal-xsuaa!b2160', clientSecret: GOOD_SECRET },
  });
  expect(replaced.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Central HR Portal changed since you opened this.');
  await expect(alert).toContainText('Its credentials were replaced: now Client secret, client ID sb-hr-new!b6077|api-portal-xsuaa!b2160.');
  await expect(dialog).toContainText('sb-hr-new');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: "You've approved Central HR Portal." })).toBeVisible();
});

test('Test Connection from a row, its outcome in the table, and the timeline of the changes', async ({ page }) => {
  await signIn(page, 'Alice Andersen');
  await row(page, 'EU Production Portal').getByRole('button', { name: 'Test Connection EU Production Portal' }).click();
  let dialog = page.getByRole('dialog', { name: 'Test Connection for EU Production Portal' });
  await expect(dialog.getByRole('status')).toContainText("The token URL's host could not be found.");
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row(page, 'EU Production Portal')).toContainText("Connection test failed");

  // New credentials that work: saved, then tested from the row.
  await row(page, 'EU Production Portal').getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Credentials for EU Production Portal' });
  await edit.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(JSON.stringify({
    url: 'https://eu10apiportal.cfapps.eu10.hana.ondemand.com', tokenUrl: own.tokenUrl, clientId: GOOD_CLIENT_ID, clientSecret: GOOD_SECRET,
  }));
  await edit.getByRole('button', { name: 'Test these credentials' }).click();
  await expect(edit.getByText('The connection works')).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row(page, 'EU Production Portal')).not.toContainText('Connection test');

  await row(page, 'EU Production Portal').getByRole('button', { name: 'Test Connection EU Production Portal' }).click();
  dialog = page.getByRole('dialog', { name: 'Test Connection for EU Production Portal' });
  await expect(dialog.getByRole('status')).toContainText('The connection works: the token endpoint issued a token, valid for 11 hours.');
  await page.keyboard.press('Escape');
  await expect(row(page, 'EU Production Portal')).toContainText('Connection tested OK');
  await expect(page.getByRole('button', { name: 'Test Connection EU Production Portal' })).toBeFocused();

  await row(page, 'EU Production Portal').getByRole('button', { name: 'View EU Production Portal' }).click();
  // The history loads once the dialog is open.
  const events = page.getByRole('dialog', { name: 'EU Production Portal' }).getByRole('listitem');
  await expect(events).toHaveCount(4);
  const lines = await events.allInnerTexts();
  const said = lines.map((line) => line.split('\n').pop());
  expect(said).toEqual([
    'Alice Andersen tested the connection: the token endpoint issued a token.',
    `Alice Andersen replaced the credentials: ${said[1].slice('Alice Andersen replaced the credentials: '.length)}`,
    "Alice Andersen tested the connection: the token URL's host could not be found.",
    'Alice Andersen submitted the request.',
  ]);
  expect(said[1]).toContain(`→ client ID ${GOOD_CLIENT_ID}.`);
});

test('in German, what the hub says comes in German too: a refused test and an alias taken', async ({ page }) => {
  await page.goto(`${own.url}/connections?sap-language=de`);
  await page.getByRole('button', { name: 'Als Alice Andersen anmelden' }).click();
  await page.getByRole('button', { name: 'API-Portal verbinden' }).click();
  const dialog = page.getByRole('dialog', { name: 'API-Portal verbinden' });
  await dialog.getByRole('textbox', { name: 'Alias des API-Portals' }).fill('EU Production Portal');
  await dialog.getByRole('textbox', { name: 'API-Portal-Anmeldedaten' }).fill(credentials('0000-wrong$Secret='));
  await dialog.getByRole('button', { name: 'Diese Anmeldedaten testen' }).click();
  await expect(dialog.getByText('Der Token-Endpunkt hat Client ID oder Client Secret abgelehnt (HTTP 401): Erzeugen Sie im API-Portal neue Anmeldedaten und fügen Sie sie hier ein.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'API-Portal-Anmeldedaten' }).fill(credentials());
  await dialog.getByRole('button', { name: 'Einreichen' }).click();
  await expect(dialog.getByText('Eine andere Anfrage hat bereits den Alias „EU Production Portal“. Wählen Sie einen anderen Alias.')).toBeVisible();
});
