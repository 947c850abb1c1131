// In German: the credentials engine's findings in the dialog (rendered from their templates and
// parameters), a syntax error's place, and a hub finding the browser did not make, all in German;
// their texts (i18n/de-findings.json) come after the first page, which does not wait for them.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hubSession, findRequest } from './support.mjs';

/** Opens Edit Credentials for EU Production Portal, gives it an http token URL, and sees its finding in German. */
async function editWithAnHttpTokenUrl(page) {
  await page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' }).click();
  return editWithAnHttpTokenUrlOpen(page);
}

/** The same, with the dialog open already. */
async function editWithAnHttpTokenUrlOpen(page) {
  const dialog = page.getByRole('dialog', { name: 'Anmeldedaten bearbeiten: EU Production Portal' });
  const tokenUrl = dialog.getByRole('textbox', { name: 'Token URL' });
  await tokenUrl.fill('http://acme.authentication.eu10.hana.ondemand.com/oauth/token');
  await tokenUrl.blur();
  await expect(dialog).toContainText('Das Feld „Token URL“ muss https verwenden, nicht http.');
  return dialog;
}

async function signInInGerman(page) {
  await page.goto('/connections?sap-language=de');
  await page.getByRole('button', { name: 'Als Alice Andersen anmelden' }).click();
  await expect(page.getByText('Angemeldet als Alice Andersen')).toBeVisible();
}

test('the engine\'s findings in German, at their field and for the text as a whole', async ({ page }) => {
  await signInInGerman(page);
  const dialog = await editWithAnHttpTokenUrl(page);

  await dialog.getByRole('textbox', { name: 'API-Portal-Anmeldedaten' }).fill('{\n  "url": "https://eu10apiportal.cfapps.eu10.hana.ondemand.com"\n  "tokenUrl": "x"\n}');
  await expect(dialog).toContainText(/Zeile 3, Spalte 3: Erwartet wurde ein Komma oder die schließende geschweifte Klammer/);
});

test('a finding of the hub is shown in German from its template and parameters', async ({ page, playwright, baseURL }) => {
  // The hub's answer to credentials the browser would never send: its details carry the finding's
  // template and parameters, which the app renders in the user's language.
  const { session, token } = await hubSession(playwright, baseURL, 'alice');
  const request = await findRequest(session, 'EU Production Portal');
  const answer = await session.put(`/api/1.0/connectionRequests/${request.id}/credentials`, {
    headers: { 'X-CSRF-Token': token, 'If-Match': `"${request.version}"`, 'Content-Type': 'application/json' },
    data: JSON.stringify({ url: request.credentials.url, tokenUrl: 'http://acme.authentication.eu10.hana.ondemand.com/oauth/token', clientId: 'sb-x!b1|api-portal-xsuaa!b2', clientSecret: 'abcdefghijklmnopqrstuvwxyz012345' }),
  });
  expect(answer.status()).toBe(422);
  const detail = (await answer.json()).error.details.find((d) => d.code === 'TOKEN_URL_NOT_HTTPS');
  expect(detail).toMatchObject({ template: 'The {field} must use https, not {scheme}.', params: { field: 'token URL', scheme: 'http' } });
  await session.dispose();

  // The same finding from the hub, shown to a German user: the app renders it from the details.
  await page.route('**/api/1.0/connectionRequests/*/credentials', (route) => route.request().method() === 'PUT'
    ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: [detail] } }) })
    : route.continue());
  await signInInGerman(page);
  await page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anmeldedaten bearbeiten: EU Production Portal' });
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1734567890123!b6077|api-portal-xsuaa!b2160');
  await dialog.getByLabel('Client Secret').fill('1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b$De_Hub-Fi9=');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toContainText('Das Feld „Token URL“ muss https verwenden, nicht http.');
});

test('the first page does not wait for the findings\' texts, and the dialog has them once they come', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = [];
  await page.route('**/i18n/de-findings.json', async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  await signInInGerman(page);
  await expect(page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' })).toBeVisible();
  // Asked for once a page was there, and not come yet: the table is in German all the same.
  await expect.poll(() => asked.length).toBe(1);
  await expect(page.getByRole('heading', { name: 'Verbindungsanfragen' })).toBeVisible();
  release();
  await page.waitForResponse('**/i18n/de-findings.json');
  await editWithAnHttpTokenUrl(page);
  expect(asked, 'the texts came once, for the dialog too').toHaveLength(1);
});

test('findings shown before their texts could come are in German all the same', async ({ page }) => {
  // The texts asked for after the first page do not come (the network failed then); the dialog's
  // first finding has them loaded at once.
  // Signed in before the first page, so that the rows' page is the only one before the dialog (a
  // sign-in page would ask too, and its page after it again if that had failed by then).
  let requests = 0;
  await page.route('**/i18n/de-findings.json', (route) => (requests++ === 0 ? route.abort() : route.continue()));
  await page.context().request.post('/api/1.0/session', { data: { user: 'alice' } });
  await page.goto('/connections?sap-language=de');
  await expect(page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' })).toBeVisible();
  await expect.poll(() => requests).toBe(1);
  const dialog = await editWithAnHttpTokenUrl(page);
  await expect(dialog).not.toContainText('must use https');
  expect(requests, 'the texts were asked for once more, by the finding').toBe(2);
});

test('a deep link to Edit Credentials in German has its findings\' texts from the start, asked for once', async ({ page, playwright, baseURL }) => {
  const { session } = await hubSession(playwright, baseURL, 'alice');
  const request = await findRequest(session, 'EU Production Portal');
  const asked = [];
  page.on('request', (sent) => { if (sent.url().endsWith('/i18n/de-findings.json')) asked.push(sent.url()); });
  // Signed in without a page of the app before the deep link's.
  await page.context().request.post('/api/1.0/session', { data: { user: 'alice' } });
  await page.goto(`/connections/${request.id}/credentials?sap-language=de`);
  await editWithAnHttpTokenUrlOpen(page);
  expect(asked, 'the deep link\'s start asked for the texts once').toHaveLength(1);
});

test('a link to a request that is no longer there says so in German', async ({ page }) => {
  await page.context().request.post('/api/1.0/session', { data: { user: 'alice' } });
  await page.goto('/connections/cr-0000000000000000/credentials?sap-language=de');
  const notice = page.getByRole('dialog', { name: 'Anmeldedaten bearbeiten' });
  await expect(notice.getByRole('alert')).toHaveText(
    "Nicht gefunden: Es gibt keine Verbindungsanfrage 'cr-0000000000000000'. Vielleicht wurde sie entfernt; laden Sie die Liste neu.");
  await notice.getByRole('button', { name: 'Schließen' }).press('Enter');
  await expect(notice).toHaveCount(0);
});

test('in German, no axe violation on the table and in the dialog, each visible label part of its control\'s name', async ({ page }) => {
  // axe's check that a control's name holds its visible label (WCAG 2.5.3) is off by default.
  const axe = () => new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  await signInInGerman(page);
  await expect(page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' })).toBeVisible();
  expect((await axe()).violations).toEqual([]);
  await page.getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' }).click();
  await expect(page.getByRole('dialog', { name: 'Anmeldedaten bearbeiten: EU Production Portal' })).toBeVisible();
  expect((await axe()).violations).toEqual([]);
});
