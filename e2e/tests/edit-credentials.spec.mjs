// The Edit Credentials dialog against the real hub: the seed's procedure, and each way a save
// can fail. Files run in name order, one at a time; this one changes the hub's data.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { signInAs, row } from './support.mjs';

const CERTIFICATE = readFileSync(new URL('../../crates/credentials/tests/fixtures/client-certificate.pem', import.meta.url), 'utf8');

const SECRET = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9$Tq4_Hz7-Np2+Rb6/Wm1=';

/** Credentials shaped like the documentation's sample, with real-looking values. */
function credentials(clientIdDigits = '1701234567890', portal = 'https://eu10apiportal.cfapps.eu10.hana.ondemand.com') {
  return JSON.stringify({
    url: portal,
    tokenUrl: 'https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token',
    clientId: `sb-apiaccess${clientIdDigits}!b6077|api-portal-xsuaa!b2160`,
    clientSecret: SECRET,
  }, null, 2);
}

async function openEdit(page, alias) {
  await row(page, alias).getByRole('link', { name: `Edit Credentials for ${alias}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit Credentials for ${alias}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A second session of `user` that talks to the hub directly. */
async function hubSession(playwright, baseURL, user) {
  const session = await playwright.request.newContext({ baseURL });
  await session.post('/api/1.0/session', { data: { user } });
  const token = (await session.get('/api/1.0/user', { headers: { 'X-CSRF-Token': 'Fetch' } })).headers()['x-csrf-token'];
  return { session, token };
}

async function findRequest(session, alias) {
  const page = await (await session.get(`/api/1.0/connectionRequests?search=${encodeURIComponent(alias)}`)).json();
  return page.results.find((request) => request.apiPortalAlias === alias);
}

test('the seed procedure: paste, save, see the toast and the updated row, stored in the hub', async ({ page, playwright, baseURL }) => {
  const logged = [];
  page.on('console', (message) => logged.push(message.text()));
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Production Portal');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  await expect(json).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  await json.fill(credentials());
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue('sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160');
  const secret = dialog.getByLabel('Client Secret');
  await expect(secret).toHaveAttribute('type', 'password');
  await expect(secret).toHaveValue(SECRET);
  const show = dialog.getByRole('button', { name: 'Show' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(dialog.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
  await expect(secret).toHaveAttribute('type', 'text');
  await expect(dialog.getByRole('region', { name: 'Saving will change' })).toContainText('Client secret: replaced');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: "You've updated the API Portal access credentials successfully." })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(row(page, 'EU Production Portal')).toContainText('sb-apiaccess17');
  await expect(row(page, 'EU Production Portal')).toContainText('just now');
  await expect(row(page, 'EU Production Portal').getByRole('link', { name: /Edit Credentials/ })).toBeFocused();

  // The secret is gone from the page, its storage and its URL.
  expect(await page.content()).not.toContain(SECRET);
  expect(page.url()).not.toContain(SECRET);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain(SECRET);
  expect(logged.join('\n')).not.toContain(SECRET);

  const { session } = await hubSession(playwright, baseURL, 'alice');
  const saved = await findRequest(session, 'EU Production Portal');
  expect(saved.credentials.clientId).toBe('sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160');
  expect(JSON.stringify(saved)).not.toContain(SECRET);
  await session.dispose();
});

test('live validation points at the field and at the JSON line and column', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  await json.fill(credentials().replace('https://acme-prod.authentication', 'http://acme-prod.authentication'));
  const tokenUrl = dialog.getByRole('textbox', { name: 'Token URL' });
  await expect(tokenUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(tokenUrl).toHaveAccessibleDescription(/The token URL must use https/);
  await expect(dialog.getByText(/1 problem to fix before saving/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  await json.fill('{\n  "url": "https://eu10qaportal.cfapps.eu10.hana.ondemand.com"\n  "clientId": "x"\n}');
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  await expect(json).toHaveAccessibleDescription(/line 3, column 3/);

  // A paste: one input event (fill() would retry, since the box shows the repaired text).
  await json.fill('');
  await json.focus();
  await page.keyboard.insertText('Sample credentials:\n' + credentials().replaceAll('"', '\u201c'));
  await expect(dialog.getByText(/typographic quotes/)).toBeVisible();
  await expect(json).toHaveValue(/^\{/);
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();

  // Editing a field rewrites the JSON.
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1709999999999!b6077|api-portal-xsuaa!b2160');
  await expect(json).toHaveValue(/sb-apiaccess1709999999999/);

  // Cancel with input asks first; dismissing keeps everything.
  page.once('dialog', (confirm) => confirm.dismiss());
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeVisible();
  await expect(json).toHaveValue(/sb-apiaccess1709999999999/);
  page.once('dialog', (confirm) => confirm.accept());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain(SECRET);
});

test('someone else changed it (412): the dialog shows it, loads the current state and keeps the input', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'Finance Integration Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1702222222222', 'https://finportal-prod.cfapps.eu10-004.hana.ondemand.com'));

  const { session, token } = await hubSession(playwright, baseURL, 'alice');
  const before = await findRequest(session, 'Finance Integration Portal');
  const other = await session.put(`/api/1.0/connectionRequests/${before.id}/credentials`, {
    headers: { 'X-CSRF-Token': token, 'If-Match': `"${before.version}"`, 'Content-Type': 'application/json' },
    data: credentials('1703333333333', 'https://finportal-prod.cfapps.eu10-004.hana.ondemand.com'),
  });
  expect(other.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone else changed this request');
  await expect(dialog.getByRole('alert')).toContainText('sb-apiaccess1703333333333');
  await dialog.getByRole('button', { name: 'Load the current state and keep my credentials' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1702222222222/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const after = await findRequest(session, 'Finance Integration Portal');
  expect(after.credentials.clientId).toContain('1702222222222');
  await session.dispose();
});

test('an administrator approved it meanwhile (409): the dialog names the new status', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'AP Logistics Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1704444444444', 'https://ap10logistics.cfapps.ap10.hana.ondemand.com'));
  const { session, token } = await hubSession(playwright, baseURL, 'carol');
  const request = await findRequest(session, 'AP Logistics Portal');
  const approved = await session.post(`/api/1.0/connectionRequests/${request.id}/approve`, { headers: { 'X-CSRF-Token': token } });
  expect(approved.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText("status changed");
  await expect(dialog.getByRole('alert')).toContainText('Approved');
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1704444444444/);
  await session.dispose();
});

test('a network failure keeps the input and offers Retry', async ({ page, context }) => {
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'Canada Test Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1705555555555', 'https://ca10testportal.cfapps.ca10.hana.ondemand.com'));
  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('could not be reached');
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1705555555555/);
  await context.setOffline(false);
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Canada Test Portal')).toContainText('sb-apiaccess17');
});

test('a session that ended (401): sign in again, the input stays, then save', async ({ page, context }) => {
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'China Operations Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1707777777777', 'https://cn40opsportal.cfapps.cn40.platform.sapcloud.cn'));
  await context.clearCookies();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your session has ended');
  await dialog.getByRole('button', { name: 'Sign in again as Bob Becker' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1707777777777/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'China Operations Portal')).toContainText('sb-apiaccess17');
});

test('X.509 credentials show the certificate’s subject and validity, and save', async ({ page }) => {
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'Australia Field Service');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill(JSON.stringify({
    url: 'https://au10fieldservice.cfapps.ap20.hana.ondemand.com',
    tokenurl: 'https://au10fieldservice.authentication.cert.ap20.hana.ondemand.com/oauth/token',
    certurl: 'https://au10fieldservice.authentication.cert.ap20.hana.ondemand.com',
    certificate: CERTIFICATE,
    key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
  }, null, 2));
  const certificate = dialog.getByRole('definition').filter({ hasText: 'CN=sb-apiaccess1689070958781' });
  await expect(certificate).toContainText('OU=API Portal, O=SAP SE, C=DE');
  await expect(dialog).toContainText('2054-04-16 02:08 UTC');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Australia Field Service')).toContainText('just now');
});

test('dave, without the role, is told so on the deep link', async ({ page, playwright, baseURL }) => {
  const { session } = await hubSession(playwright, baseURL, 'alice');
  const request = await findRequest(session, 'EU Quality Portal');
  await session.dispose();
  await signInAs(page, 'Dave Dietrich');
  await page.goto(`/connections/${request.id}/credentials`);
  await expect(page.getByRole('dialog')).toContainText('AuthGroup.APIPortalRegistration');
});

test('keyboard alone, and no accessibility violations with the dialog open', async ({ page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await signInAs(page, 'Bob Becker');
    const edit = row(page, 'Brazil Retail Portal').getByRole('link', { name: /Edit Credentials/ });
    await edit.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit Credentials for Brazil Retail Portal' });
    await expect(dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })).toBeFocused();
    await page.keyboard.insertText(credentials('1706666666666', 'https://br10retail.cfapps.br10.hana.ondemand.com'));
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    page.once('dialog', (confirm) => confirm.accept());
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(edit).toBeFocused();
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});
