// The Edit Credentials dialog against the real hub: the seed's procedure word for word, the
// JSON paste, X.509, the mask, and each way a save can fail. Files run in name order, one at
// a time; this one changes the hub's data.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { signInAs, row, requestTable, hubSession, findRequest } from './support.mjs';

const CERTIFICATE = readFileSync(new URL('../../crates/credentials/tests/fixtures/client-certificate.pem', import.meta.url), 'utf8');
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';

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

/** Everything the page shows or keeps where a secret must never be. */
async function everywhereButTheField(page) {
  return page.evaluate(() => [
    document.body.innerText,
    document.getElementById('credentials-json')?.value ?? '',
    JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, location.href,
  ].join('\n'));
}

test('the seed procedure as written: Actions column, Edit Credentials, Client ID and Client Secret, Save', async ({ page, playwright, baseURL }) => {
  const logged = [];
  page.on('console', (message) => logged.push(message.text()));
  const { session } = await hubSession(playwright, baseURL, 'alice');
  const before = await findRequest(session, 'EU Production Portal');

  // 1–2. Log on; the tile's screen is the table of connection requests.
  await signInAs(page, 'Alice Andersen');
  // 3. Go to the Actions column of the request and choose Edit Credentials.
  const actions = requestTable(page).getByRole('columnheader', { name: 'Actions' });
  await expect(actions).toBeInViewport();
  const edit = row(page, 'EU Production Portal').getByRole('link', { name: 'Edit Credentials for EU Production Portal' });
  const [column, link] = [await actions.boundingBox(), await edit.boundingBox()];
  expect(link.x).toBeGreaterThanOrEqual(column.x - 1);
  expect(link.x + link.width).toBeLessThanOrEqual(column.x + column.width + 1);
  await edit.click();
  // 4. On the "Edit Credentials for <alias>" popup, enter the Client ID and Client Secret.
  const dialog = page.getByRole('dialog', { name: 'Edit Credentials for EU Production Portal' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160');
  await dialog.getByLabel('Client Secret').fill(SECRET);
  await expect(dialog.getByRole('region', { name: 'What saving changes' }))
    .toContainText('Client ID and Client Secret will change; URL and Token URL stay.');
  // 5. Choose Save.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: "You've updated the API Portal access credentials successfully." })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'EU Production Portal').getByRole('rowheader')).toHaveAccessibleName(/^EU Production Portal\s*Saved$/);
  await expect(row(page, 'EU Production Portal')).toContainText('1701234567890!b6077');
  await expect(edit).toBeFocused();

  const after = await findRequest(session, 'EU Production Portal');
  expect(after.credentials.clientId).toBe('sb-apiaccess1701234567890!b6077|api-portal-xsuaa!b2160');
  expect(after.credentials.url).toBe(before.credentials.url);
  expect(after.credentials.tokenUrl).toBe(before.credentials.tokenUrl);
  expect(after.version).toBe(before.version + 1);
  expect(JSON.stringify(after)).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);
  expect(await everywhereButTheField(page)).not.toContain(SECRET);
  expect(logged.join('\n')).not.toContain(SECRET);
  await session.dispose();
});

test('the seed procedure on a phone, by keyboard alone', async ({ page, playwright, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'Alice Andersen');
  const edit = row(page, 'EU Quality Portal').getByRole('link', { name: 'Edit Credentials for EU Quality Portal' });
  await expect(edit).toBeVisible();
  /** Presses Tab until `target` has focus (as a keyboard user would), at most `limit` times. */
  const tabTo = async (target, limit = 80) => {
    for (let presses = 0; presses < limit; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  };
  await tabTo(edit);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit Credentials for EU Quality Portal' });
  await expect(dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toBeFocused();
  await page.keyboard.type('sb-apiaccess1701234567894!b6077|api-portal-xsuaa!b2160');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Client Secret')).toBeFocused();
  await page.keyboard.type(SECRET);
  const save = dialog.getByRole('button', { name: 'Save' });
  await tabTo(save, 20);
  await expect(save).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: "You've updated the API Portal access credentials successfully." })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  const { session } = await hubSession(playwright, baseURL, 'alice');
  expect((await findRequest(session, 'EU Quality Portal')).credentials.clientId).toContain('1701234567894');
  await session.dispose();
});

test('pasting the whole JSON replaces everything, checked at once', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Production Portal');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  await expect(json).toBeFocused();
  await json.fill(credentials('1701234567891'));
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue('sb-apiaccess1701234567891!b6077|api-portal-xsuaa!b2160');
  await expect(dialog.getByRole('textbox', { name: 'Token URL' })).toHaveValue('https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token');
  await expect(dialog.getByRole('region', { name: 'What saving changes' })).toContainText('Token URL will change');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const { session } = await hubSession(playwright, baseURL, 'alice');
  const saved = await findRequest(session, 'EU Production Portal');
  expect(saved.credentials.tokenUrl).toBe('https://acme-prod.authentication.eu10.hana.ondemand.com/oauth/token');
  await session.dispose();
});

test('while hidden, the secret is nowhere on screen; Show reveals it in field and JSON at once', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1701234567892!b6077|api-portal-xsuaa!b2160');
  const secret = dialog.getByLabel('Client Secret');
  await secret.fill(SECRET);
  await expect(secret).toHaveAttribute('type', 'password');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  await expect(json).toHaveValue(/"clientSecret": "•••••• \(hidden\)"/);
  expect(await everywhereButTheField(page)).not.toContain(SECRET);

  // Editing the JSON around the placeholder keeps the secret.
  const shown = await json.inputValue();
  await json.fill(shown.replace('1701234567892', '1701234567893'));
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1701234567893/);
  await expect(secret).toHaveValue(SECRET);

  const show = dialog.getByRole('button', { name: 'Show' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  await expect(dialog.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');
  await expect(secret).toHaveAttribute('type', 'text');
  await expect(json).toHaveValue(new RegExp(SECRET.replace(/[$+/]/g, '\\$&')));
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expect(json).not.toHaveValue(new RegExp(SECRET.replace(/[$+/]/g, '\\$&')));

  // A broken paste in single quotes: the secret is hidden in the box and in every message.
  await json.fill(credentials().replaceAll('"', "'"));
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  expect(await everywhereButTheField(page)).not.toContain(SECRET);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain(SECRET);
});

test('X.509: a new certificate and key alone keep the URLs', async ({ page, playwright, baseURL }) => {
  const { session } = await hubSession(playwright, baseURL, 'bob');
  const before = await findRequest(session, 'Australia Field Service');
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'Australia Field Service');
  await expect(dialog.getByRole('textbox', { name: 'Cert URL' })).toHaveValue(before.credentials.certUrl);
  await dialog.getByRole('textbox', { name: 'Certificate' }).fill(CERTIFICATE);
  const certificate = dialog.getByRole('definition').filter({ hasText: 'CN=sb-apiaccess1689070958781' });
  await expect(certificate).toContainText('OU=API Portal, O=SAP SE, C=DE');
  await expect(dialog).toContainText('2054-04-16 02:08 UTC');
  await dialog.getByLabel('Private key').fill(KEY);
  await expect(dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })).toHaveValue(/"key": "•••••• \(hidden\)"/);
  // Hidden from screen readers too: the key's own box holds a placeholder, not masked text.
  await expect(dialog.getByLabel('Private key')).toHaveValue('•••••• (hidden)');
  expect(await page.locator('body').ariaSnapshot()).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  expect(await everywhereButTheField(page)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  await expect(dialog.getByRole('region', { name: 'What saving changes' }))
    .toContainText('Certificate and Private key will change; URL, Token URL and Cert URL stay.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Australia Field Service')).toContainText('just now');
  const after = await findRequest(session, 'Australia Field Service');
  expect(after.credentials.type).toBe('x509');
  expect([after.credentials.url, after.credentials.tokenUrl, after.credentials.certUrl])
    .toEqual([before.credentials.url, before.credentials.tokenUrl, before.credentials.certUrl]);
  await session.dispose();
});

test('live validation: a paste at once, a typed field when left, Save points at the first problem', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  await json.fill(credentials().replace('https://acme-prod.authentication', 'http://acme-prod.authentication'));
  const tokenUrl = dialog.getByRole('textbox', { name: 'Token URL' });
  await expect(tokenUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(tokenUrl).toHaveAccessibleDescription(/The token URL must use https/);
  await expect(dialog.getByText(/1 problem to fix before saving/)).toBeVisible();

  await json.fill('{\n  "url": "https://eu10qaportal.cfapps.eu10.hana.ondemand.com"\n  "clientId": "x"\n}');
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  await expect(json).toHaveAccessibleDescription(/Line 3, column 3/);

  // Emptied, the box starts over; a typed field is not judged before it is left.
  await json.fill('');
  const clientId = dialog.getByRole('textbox', { name: 'Client ID' });
  await clientId.fill('sb-apiaccess 1709999999999');
  await expect(clientId).toHaveAttribute('aria-invalid', 'false');
  await expect(dialog.getByLabel('Client Secret')).toHaveAttribute('aria-invalid', 'false');
  await clientId.press('Tab');
  await expect(clientId).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Client Secret')).toHaveAttribute('aria-invalid', 'false');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(clientId).toBeFocused();
  await expect(dialog.getByLabel('Client Secret')).toHaveAccessibleDescription(/The client secret is missing/);

  // SAP's documentation sample: short messages at the fields, the way to real ones said once.
  await json.fill(JSON.stringify({
    url: 'https://<application name>.cfapps.sap.hana.ondemand.com',
    tokenUrl: 'https://<name>.authentication.sap.hana.ondemand.com/oauth/token',
    clientId: 'sb-apiaccessxxxxxxxx!xxxx|api-portal-xsuaa!bxxxx',
    clientSecret: 'xxxxxxxxxxxxxxxxxxxxxxx=',
  }, null, 2));
  await expect(clientId).toHaveAccessibleDescription("Error: Placeholder from SAP's sample — paste your own value.");
  await expect(dialog.getByText('Generate Credentials, and paste what it copies')).toHaveCount(1);

  // A paste: one input event (fill() would retry, since the box shows the repaired text).
  await json.fill('');
  await json.focus();
  await page.keyboard.insertText('Sample credentials:\n' + credentials().replaceAll('"', '\u201c'));
  await expect(dialog.getByText(/typographic quotes/)).toBeVisible();
  await expect(json).toHaveValue(/^\{/);
});

test('text in the JSON box that is not credentials is set aside, not lost, when a field is typed in', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  const json = dialog.getByRole('textbox', { name: 'API Portal Access Credentials' });
  const typed = '{"clientId": "sb-apiaccess17';
  await json.pressSequentially(typed);
  await page.keyboard.press('Tab');
  const clientId = dialog.getByRole('textbox', { name: 'Client ID' });
  await clientId.focus();
  await page.keyboard.type('sb-x');
  // The box follows the fields, and says what became of the text it had.
  await expect(json).toHaveValue(/"clientId": "sb-x"/);
  await expect(json).toHaveAccessibleDescription(/Your other text in this box, which was not credentials, is set aside/);
  await expect(clientId).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(violations).toEqual([]);
  const putBack = dialog.getByRole('button', { name: 'Put my text back' });
  await putBack.click();
  await expect(json).toHaveValue(typed);
  await expect(json).toBeFocused();
  await expect(json).toHaveAttribute('aria-invalid', 'true');
  await expect(putBack).toHaveCount(0);
  await expect(clientId).toHaveValue('sb-x');
});

test('Cancel and Escape ask in the app before discarding; keeping returns to the input', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1709999999999!b6077|api-portal-xsuaa!b2160');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1709999999999/);
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'EU Quality Portal').getByRole('link', { name: /Edit Credentials/ })).toBeFocused();
});

test('reloading or closing the page asks first while the dialog holds input, not before', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const asked = [];
  page.on('dialog', async (question) => {
    asked.push(question.type());
    await question.dismiss();
  });
  const dialog = await openEdit(page, 'EU Quality Portal');
  // Whether the page's own listener would ask (a dispatched event returns false when it does).
  const wouldAsk = () => page.evaluate(() => !dispatchEvent(new Event('beforeunload', { cancelable: true })));
  expect(await wouldAsk()).toBe(false);
  const clientId = dialog.getByRole('textbox', { name: 'Client ID' });
  await clientId.click();
  await page.keyboard.type('sb-apiaccess1709999999999');
  // Staying is the answer: the page and what was typed are still there.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(clientId).toHaveValue('sb-apiaccess1709999999999');
  // Discarded in the app, the input is gone, and so is the question.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  expect(await wouldAsk()).toBe(false);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});

test('opened from its row, the dialog has its own address: Back closes it, Forward opens it again', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 360 });
  await signInAs(page, 'Alice Andersen');
  const table = page.url();
  const edit = row(page, 'EU Quality Portal').getByRole('link', { name: /Edit Credentials/ });
  await edit.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  expect(scrolled).toBeGreaterThan(0);
  const dialog = await openEdit(page, 'EU Quality Portal');
  await expect(page).toHaveURL(/\/connections\/cr-[^/]+\/credentials$/);
  await expect(page).toHaveTitle(/^Edit Credentials for EU Quality Portal/);
  // The table behind stays where it was, then and once the dialog has closed.
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  await page.goBack();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(table);
  await expect(edit).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  await page.goForward();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(table);

  // Closed before its address has come (a frame after it opened), it stays closed, and the
  // address stays the table's, with no entry added to the history.
  const entries = await page.evaluate(() => history.length);
  await page.evaluate(async () => {
    document.querySelector('tbody a[href*="/credentials"]').click();
    await new Promise(requestAnimationFrame);
    document.querySelector('dialog[open]').dispatchEvent(new Event('cancel', { cancelable: true }));
  });
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(table);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // A new tab is the browser's: Ctrl+click (Cmd on a Mac) opens the address there, not the dialog here.
  const [opened] = await Promise.all([page.context().waitForEvent('page'), edit.click({ modifiers: ['ControlOrMeta'] })]);
  await expect(opened).toHaveURL(/\/credentials$/);
  await opened.close();
  await expect(dialog).toBeHidden();
});

test('Back with input in the dialog asks first, as Cancel does: Keep editing keeps it at its address, Discard closes it', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const table = page.url();
  const dialog = await openEdit(page, 'EU Quality Portal');
  await expect(page).toHaveURL(/\/credentials$/);
  const clientId = dialog.getByRole('textbox', { name: 'Client ID' });
  await clientId.click();
  await page.keyboard.type('sb-apiaccess1709999999999');
  await page.goBack();
  const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expect(page).toHaveURL(/\/credentials$/);
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(clientId).toHaveValue('sb-apiaccess1709999999999');
  await expect(page).toHaveURL(/\/credentials$/);

  await page.goBack();
  await confirm.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(table);
  await expect(row(page, 'EU Quality Portal').getByRole('link', { name: /Edit Credentials/ })).toBeFocused();
  // Nothing entered, Back closes it without a question.
  await openEdit(page, 'EU Quality Portal');
  await expect(page).toHaveURL(/\/credentials$/);
  await page.goBack();
  await expect(dialog).toBeHidden();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(table);
});

test('a press on Edit Credentials draws its dialog unseen: the release (the click) shows it, a press taken elsewhere leaves nothing', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const table = page.url();
  const tableTitle = await page.title();
  const alias = 'EU Quality Portal';
  const link = row(page, alias).getByRole('link', { name: `Edit Credentials for ${alias}` });
  const box = await link.boundingBox();
  const press = async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
  };
  const drawn = page.locator('dialog');
  await press();
  // While pressed: the dialog is in the page, closed, so neither seen nor heard; the page keeps
  // its title and address, frames later.
  await expect(drawn).toHaveCount(1);
  await expect(drawn).not.toHaveAttribute('open');
  await expect(drawn.locator('h2')).toHaveText(`Edit Credentials for ${alias}`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.waitForTimeout(200);
  await expect(page).toHaveTitle(tableTitle);
  await expect(page).toHaveURL(table);
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: `Edit Credentials for ${alias}` });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await expect(page).toHaveTitle(/^Edit Credentials for EU Quality Portal/);
  await expect(page).toHaveURL(/\/connections\/cr-[^/]+\/credentials$/);
  await expect(dialog.getByRole('textbox', { name: 'URL', exact: true })).toHaveValue(/^https:\/\//);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
  await expect(page).toHaveURL(table);

  // Pressed, then released elsewhere: no click, so no dialog, and nothing of it stays.
  await press();
  await expect(drawn).toHaveCount(1);
  await page.mouse.move(box.x + box.width / 2, 5, { steps: 5 });
  await page.mouse.up();
  await expect(drawn).toHaveCount(0);
  await page.waitForTimeout(200);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(table);
  await expect(page).toHaveTitle(tableTitle);

  // And the next click still opens it.
  await link.click();
  await expect(dialog).toBeVisible();
});

test('the dialog opens with its fields already filled in, so that the browser lays it out once', async ({ page }) => {
  // What the URL field held each time a dialog was opened, by the dialog's title (the warm-up
  // opens a copy of another row's dialog, unseen, in an idle moment).
  await page.addInitScript(() => {
    const showModal = HTMLDialogElement.prototype.showModal;
    window.urlsAtOpening = [];
    HTMLDialogElement.prototype.showModal = function () {
      window.urlsAtOpening.push([this.querySelector('h2')?.textContent, this.querySelector('#credentials-url')?.value ?? null]);
      return showModal.call(this);
    };
  });
  await signInAs(page, 'Alice Andersen');
  const dialog = await openEdit(page, 'EU Quality Portal');
  const url = await dialog.getByRole('textbox', { name: 'URL', exact: true }).inputValue();
  expect(url).toMatch(/^https:\/\//);
  const openings = await page.evaluate(() => window.urlsAtOpening);
  expect(openings.filter(([title]) => title === 'Edit Credentials for EU Quality Portal').map(([, opened]) => opened)).toEqual([url]);
});

test('the warm-up opens a copy of the dialog unseen while nothing is focused or selected, and not after a click', async ({ page }) => {
  // Each dialog that showModal() opens: its title, and whether it was still open or in the page
  // once the task that opened it had run (then a frame could have shown it).
  await page.addInitScript(() => {
    const showModal = HTMLDialogElement.prototype.showModal;
    window.openings = [];
    HTMLDialogElement.prototype.showModal = function () {
      showModal.call(this);
      const opening = { title: this.querySelector('h2')?.textContent, stayed: null };
      window.openings.push(opening);
      queueMicrotask(() => { opening.stayed = this.open || this.isConnected; });
    };
  });
  // Signed in elsewhere (as by a deployment's own login): nothing on the page clicked yet.
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  await page.goto('/connections');
  await expect.poll(() => page.evaluate(() => window.openings.length), { timeout: 10_000 }).toBe(1);
  const [copy] = await page.evaluate(() => window.openings);
  expect(copy).toEqual({ title: expect.stringMatching(/^Edit Credentials for /), stayed: false });
  await expect(page.locator('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => getSelection().rangeCount), 'no selection left behind').toBe(0);
  // Tab starts at the top of the page, as it did.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Switch user' })).toBeFocused();

  // A click on the page's heading, before the warm-up's moment, leaves a caret there: no copy
  // opens, which would take it, and with it where Tab starts from. The rest of the code, which
  // the warm-up waits for, comes only once the button is down.
  let pressed;
  const press = new Promise((resolve) => { pressed = resolve; });
  await page.route(/-rest-[0-9a-f]+\.wasm$/, async (route) => { await press; await route.continue(); });
  await page.goto('/connections');
  // The app's own heading, not the shell's that it replaces.
  await expect(requestTable(page).getByRole('row').nth(1)).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  await page.mouse.move(heading.x + 2, heading.y + heading.height / 2);
  await page.mouse.down();
  pressed();
  await page.mouse.up();
  // The warm-up has built its dialog (the dialogs' styles are in place), and three idle moments
  // have passed: it is over. (Each look waits for a frame: after such a click, headless Chromium
  // at times draws no frame and then gives no idle moment either, until something asks for one.)
  const afterAFrame = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(document.adoptedStyleSheets.length))));
  await expect.poll(afterAFrame, { timeout: 10_000 }).toBe(1);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => requestIdleCallback(done)))));
  expect(await page.evaluate(() => window.openings), 'no copy opened').toEqual([]);
  expect(await page.evaluate(() => getSelection().type), 'the caret stays').toBe('Caret');
});

test('closed at its own address, the dialog goes once: no second one opens on the way back to the table', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  // Every dialog put on the page from now on.
  await page.evaluate(() => {
    window.dialogsAdded = 0;
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeName === 'DIALOG' || node.querySelector?.('dialog')) window.dialogsAdded += 1;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (const close of ['Escape', 'Cancel']) {
    const dialog = await openEdit(page, 'EU Quality Portal');
    await expect(page).toHaveURL(/\/credentials$/);
    await page.evaluate(() => { window.dialogsAdded = 0; });
    if (close === 'Escape') {
      await page.keyboard.press('Escape');
    } else {
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/connections(\?.*)?$/);
    await expect(row(page, 'EU Quality Portal').getByRole('link', { name: /Edit Credentials/ })).toBeFocused();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.dialogsAdded), `dialogs put on the page after ${close}`).toBe(0);
  }
});

test('someone else saved meanwhile (412): the dialog shows the new state and saves again on request', async ({ page, playwright, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
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
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Someone else saved other credentials');
  await expect(alert).toContainText('1703333333333!b6077');
  const again = dialog.getByRole('button', { name: 'Save mine instead' });
  await expect(again).toBeFocused();
  await expect(again).toBeInViewport();
  await expect(dialog.getByRole('region', { name: 'Current credentials' })).toContainText('sb-apiaccess1703333333333');
  await expect(dialog.getByRole('region', { name: 'What saving changes' })).toContainText('now sb-apiaccess1703333333333');
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1702222222222/);
  await again.click();
  await expect(dialog).toBeHidden();
  const after = await findRequest(session, 'Finance Integration Portal');
  expect(after.credentials.clientId).toContain('1702222222222');
  await session.dispose();
});

test('opened from its row, the dialog asks the hub nothing first; a change since the table loaded is caught on save', async ({ page, playwright, baseURL }) => {
  await signInAs(page, 'Alice Andersen');
  await expect(row(page, 'EU Quality Portal')).toBeVisible();
  // Someone else saves after the table was loaded: the row shows the version before.
  const { session, token } = await hubSession(playwright, baseURL, 'alice');
  const before = await findRequest(session, 'EU Quality Portal');
  const other = await session.put(`/api/1.0/connectionRequests/${before.id}/credentials`, {
    headers: { 'X-CSRF-Token': token, 'If-Match': `"${before.version}"`, 'Content-Type': 'application/json' },
    data: credentials('1705555555555', 'https://eu10qaportal.cfapps.eu10.hana.ondemand.com'),
  });
  expect(other.status()).toBe(200);
  const asked = [];
  page.on('request', (request) => { if (request.url().includes(before.id)) asked.push(`${request.method()} ${request.url()}`); });

  const dialog = await openEdit(page, 'EU Quality Portal');
  expect(asked, 'the row had what the dialog shows').toEqual([]);
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1706666666666', 'https://eu10qaportal.cfapps.eu10.hana.ondemand.com'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Someone else saved other credentials');
  await expect(dialog.getByRole('alert')).toContainText('1705555555555!b6077');
  await dialog.getByRole('button', { name: 'Save mine instead' }).click();
  await expect(dialog).toBeHidden();
  expect((await findRequest(session, 'EU Quality Portal')).credentials.clientId).toContain('1706666666666');
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
  await expect(dialog.getByRole('alert')).toContainText('This request is now approved');
  await expect(dialog.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1704444444444/);
  await session.dispose();
});

test('a network failure keeps the input and offers Retry, with focus on it', async ({ page, context }) => {
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'Canada Test Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1705555555555', 'https://ca10testportal.cfapps.ca10.hana.ondemand.com'));
  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('could not be reached');
  await expect(dialog.getByRole('button', { name: 'Retry' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1705555555555/);
  await context.setOffline(false);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Canada Test Portal')).toContainText('1705555555555!b6077');
});

test('a session that ended (401): sign in again, the input stays, then save', async ({ page, context }) => {
  await signInAs(page, 'Bob Becker');
  const dialog = await openEdit(page, 'China Operations Portal');
  await dialog.getByRole('textbox', { name: 'API Portal Access Credentials' })
    .fill(credentials('1707777777777', 'https://cn40opsportal.cfapps.cn40.platform.sapcloud.cn'));
  await context.clearCookies();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your session has ended');
  const signIn = dialog.getByRole('button', { name: 'Sign in again as Bob Becker' });
  await expect(signIn).toBeFocused();
  await signIn.click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/1707777777777/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'China Operations Portal')).toContainText('1707777777777!b6077');
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
    await expect(dialog.getByRole('region', { name: 'What saving changes' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
    await expect(confirm).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Discard' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(edit).toBeFocused();
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});
