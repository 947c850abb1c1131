// One build deployed anywhere: `dist/` under /apps/connections/ of a plain static web server,
// the hub on another port (same site) that allows the app's origin, found through config.json.
import { test, expect } from '@playwright/test';
import { ownHubAvailable, startOwnHub } from './own-hub.mjs';
import { freePort, startStaticSite } from './static-site.mjs';
import { row, requestTable, aliases } from './support.mjs';

test.skip(!ownHubAvailable, 'needs HUB_BINARY and HUB_STATIC_DIR (set by cargo xtask test)');

const APP_PATH = '/apps/connections/';
const SECRET = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d$St4t1c_Ho5t-Qw3=';

test.describe('dist/ at /apps/connections/ of a static web server, the hub on another origin', () => {
  let hub;
  let site;
  let loginSite;

  test.beforeAll(async () => {
    const [port, loginPort] = [await freePort(), await freePort()];
    hub = await startOwnHub({ args: ['--allow-origin', `http://127.0.0.1:${port}`, '--allow-origin', `http://127.0.0.1:${loginPort}`] });
    site = await startStaticSite({ port, path: APP_PATH, config: { apiBase: `${hub.url}/api/1.0` } });
    // A deployment with a login of its own (the app router's), a page of the same static site.
    loginSite = await startStaticSite({
      port: loginPort, path: APP_PATH,
      config: { apiBase: `${hub.url}/api/1.0`, loginUrl: '/login.html?target={returnTo}' },
      files: { 'login.html': '<!DOCTYPE html><html lang="en"><title>Sign in</title><h1>The deployment\'s sign-in page</h1></html>' },
    });
  });

  test.afterAll(async () => {
    await site?.stop();
    await loginSite?.stop();
    await hub?.stop();
  });

  test('with a login URL, a signed-out user is sent there, with the address to come back to', async ({ page }) => {
    const deepLink = `${loginSite.appUrl}connections?status=SUBMITTED`;
    await page.goto(deepLink);
    await expect(page.getByRole('heading', { name: "The deployment's sign-in page" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/login.html');
    expect(new URL(page.url()).searchParams.get('target')).toBe(deepLink);
    // Back from the login and still signed out (the login gave the hub no session): said, not
    // another round trip.
    await page.goto(deepLink);
    await expect(page.getByRole('alert')).toContainText('You signed in, but the hub still sees no session for this app');
    await expect(page).toHaveURL(deepLink);
    await expect(page.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', /\/login\.html\?target=/);
  });

  test('sign in, the table, a filter, Edit Credentials by deep link and by reload, save, the toast', async ({ page }) => {
    await page.goto(`${site.appUrl}`);
    await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
    await expect(page.getByText('Signed in as Alice Andersen')).toBeVisible();
    // Every API call from here on succeeds, across origins, with the session cookie.
    const failed = [];
    page.on('response', (response) => { if (response.url().startsWith(hub.url) && !response.ok()) failed.push(response.url()); });
    await expect(page).toHaveURL(`${site.appUrl}connections`);
    await expect(row(page, 'EU Production Portal')).toBeVisible();

    // A status tab and the search keep to the app's own path.
    await page.getByRole('link', { name: /^Pending approval/ }).click();
    await expect(page).toHaveURL(new RegExp(`^${site.appUrl}connections\\?.*status=PENDING_APPROVAL`));
    await page.getByRole('link', { name: /^All/ }).click();
    // Paging keeps to the app's path too.
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(new RegExp(`^${site.appUrl}connections\\?.*page=2`));
    await expect.poll(async () => (await aliases(page)).length).toBe(4);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('EU Production');
    await expect.poll(() => aliases(page)).toEqual(['EU Production Portal']);
    await expect(page).toHaveURL(/search=EU/);

    // The dialog's deep link, then a reload of it: the host answers that path with 404.html.
    await row(page, 'EU Production Portal').getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
    await expect(page).toHaveURL(new RegExp(`^${site.appUrl}connections/[^/]+/credentials`));
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Edit Credentials for EU Production Portal' });
    await expect(dialog).toBeVisible();

    await dialog.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1712345678901!b6077|api-portal-xsuaa!b2160');
    await dialog.getByLabel('Client Secret').fill(SECRET);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: "You've updated the API Portal access credentials successfully." })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`^${site.appUrl}connections\\?`));
    await expect(row(page, 'EU Production Portal')).toContainText('1712345678901!b6077');
    expect(failed).toEqual([]);
  });

  test('a path that names another host (//host/…) never makes it the base of the page', async ({ page }) => {
    const elsewhere = [];
    page.on('request', (request) => { if (new URL(request.url()).origin !== site.url) elsewhere.push(request.url()); });
    await page.goto(`${site.url}//127.0.0.1:9/connections`);
    await page.goto(`${site.url}/%5C127.0.0.1:9/connections`);
    await page.waitForLoadState('networkidle');
    expect(elsewhere).toEqual([]);
  });

  test('a deep link opened in a new tab loads the app from its own path', async ({ page }) => {
    await page.goto(`${site.appUrl}connections?status=SUBMITTED`);
    await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
    await expect(requestTable(page)).toBeVisible();
    await expect(page.getByRole('link', { name: /^Submitted/ })).toHaveAttribute('aria-current', 'page');
    await page.goto(`${site.appUrl}nowhere`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the connection requests' }).click();
    await expect(page).toHaveURL(`${site.appUrl}connections`);
    await expect(requestTable(page)).toBeVisible();
  });
});

test.describe('config.json', () => {
  test('malformed: the page says what is wrong with it instead of staying blank', async ({ page }) => {
    const site = await startStaticSite({ port: await freePort(), path: APP_PATH, config: '{"apiBase": "http://127.0.0.1:1/api/1.0",}' });
    try {
      await page.goto(site.appUrl);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('The file config.json beside index.html is not valid: trailing comma');
      await expect(alert).toContainText('remove it to reach the API at api/1.0 under the app');
    } finally {
      await site.stop();
    }
  });

  test('missing: the API is expected at api/1.0 under the app, and its absence is said plainly', async ({ page }) => {
    const site = await startStaticSite({ port: await freePort(), path: APP_PATH });
    try {
      const asked = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(site.appUrl);
      await expect(page.getByRole('alert')).toContainText(`The hub's API is not at ${site.appUrl}api/1.0. If this app is deployed apart from the hub, name the API's address as apiBase in a config.json`);
      expect(asked).toContain(`${APP_PATH}api/1.0/user`);
    } finally {
      await site.stop();
    }
  });

});
