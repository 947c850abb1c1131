// What the page says before the app runs: never a white page.
import { test, expect, chromium } from '@playwright/test';
import { holdListPage, signInAs } from './support.mjs';

test('once the app has started, the start-up message is gone', async ({ page }) => {
  await page.goto('/connections');
  await expect(page.getByRole('button', { name: /Sign in as/ }).first()).toBeVisible();
  await expect(page.getByText('Starting API Portal Connections')).toHaveCount(0);
  // So are index.html's start-up scripts and the preloads of the app's code: they have done their work.
  await expect(page.locator('script, noscript, link[rel=preload], link[rel=modulepreload]')).toHaveCount(0);
});

test('before the app has arrived, the page shows its frame and placeholder rows', async ({ page }) => {
  // The app's code never arrives: what is painted is index.html's own shell.
  await page.route('**/*.wasm', () => {});
  await page.goto('/connections');
  await expect(page.getByRole('banner')).toHaveText('API Portal Connections');
  await expect(page.getByRole('heading', { level: 1, name: 'Connection requests' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Starting API Portal Connections…');
  const laptop = page.viewportSize();
  expect(await placeholderBars(page.locator('#app-shell .skeleton-table'), 25)).toEqual({ first: 'bar', last: 'bar' });
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await placeholderBars(page.locator('#app-shell .skeleton-table'), 25)).toEqual({ first: 'bar', last: 'bar' });
  await page.setViewportSize(laptop);
  // In the launchpad's language and theme, from the first paint on.
  await page.goto('/connections?sap-language=de&sap-theme=sap_horizon_dark');
  await expect(page.getByRole('heading', { level: 1, name: 'Verbindungsanfragen' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('API-Portal-Verbindungen wird gestartet…');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sap_horizon_dark');
  // The client IDs' font is laid out already, unheard: not in the frame that first shows them.
  const shellCodeFonts = await fontsOf(page, '#app-shell code');
  expect(shellCodeFonts.length).toBeGreaterThan(0);
  expect(shellCodeFonts).not.toEqual(expect.arrayContaining(await fontsOf(page, '#app-shell h1')));
  expect(await page.locator('body').ariaSnapshot()).not.toMatch(/sb-|code/);
  // The app takes the shell's place: one banner, one page heading.
  await page.unroute('**/*.wasm');
  await page.goto('/connections');
  await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  expect(await fontsOf(page, 'td[data-label="Credentials"]')).toEqual(expect.arrayContaining(shellCodeFonts));
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByText('Starting API Portal Connections')).toHaveCount(0);
});

test('served by the hub, a load logs no error: the hub says it has no config.json with 204 No Content', async ({ page }) => {
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const config = page.waitForResponse((response) => new URL(response.url()).pathname === '/config.json');
  await page.goto('/connections');
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  expect((await config).status()).toBe(204);
  // The rest of the code and the idle work after the first page too.
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});

test('config.json, the user and the first page are asked for while the app\'s code is still on its way, once', async ({ page }) => {
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  const early = ['/config.json', '/api/1.0/user', '/api/1.0/connectionRequests'];
  let askedWhileWasmHeld = [];
  // Hold the wasm (at most 3 s) until those have been asked for.
  await page.route('**/*.wasm', async (route) => {
    for (let waited = 0; waited < 3000 && !early.every((path) => asked.includes(path)); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    askedWhileWasmHeld = early.filter((path) => asked.includes(path));
    await route.continue();
  });
  await page.goto('/connections');
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  expect(askedWhileWasmHeld).toEqual(early);
  // The app took those answers: it asked for neither again.
  expect(asked.filter((path) => path === '/api/1.0/user')).toHaveLength(1);
  expect(asked.filter((path) => path === '/api/1.0/connectionRequests')).toHaveLength(1);

  // Another view of the table: its page is the app's to ask for, once.
  asked.length = 0;
  await page.unroute('**/*.wasm');
  await page.goto('/connections?status=SUBMITTED');
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Approved\s*2/ })).toBeVisible();
  expect(asked.filter((path) => path === '/api/1.0/connectionRequests')).toHaveLength(1);
  expect(asked.filter((path) => path === '/api/1.0/user')).toHaveLength(1);
});

test('with the user and the first page already here when its code arrives, the app draws that page in one go', async ({ page }) => {
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  // Whether the shell ever gave way to a page without its rows (drawn in steps).
  await page.addInitScript(() => {
    let shellSeen = false;
    window.drawnInSteps = false;
    new MutationObserver(() => {
      if (document.getElementById('app-shell')) shellSeen = true;
      else if (shellSeen && !document.querySelector('tbody th[scope=row]')) window.drawnInSteps = true;
    }).observe(document, { childList: true, subtree: true });
  });
  // Hold the wasm until both answers are in, and a moment more for their events.
  const answered = [];
  page.on('requestfinished', (request) => answered.push(new URL(request.url()).pathname));
  const bothIn = () => ['/api/1.0/user', '/api/1.0/connectionRequests'].every((path) => answered.includes(path));
  let inBeforeCode = false;
  await page.route('**/*_bg.wasm', async (route) => {
    while (!bothIn()) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
    inBeforeCode = bothIn();
    await route.continue();
  });
  await page.goto('/connections');
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  expect(inBeforeCode).toBe(true);
  expect(await page.evaluate(() => window.drawnInSteps)).toBe(false);
});

// The shell stands where the page will: its placeholder rows where the app then draws its table,
// at a laptop's and a phone's width, in both languages (the heights in style/main.css's "The
// shell stands where the page will").
for (const { language, width } of [{ language: 'en', width: 1280 }, { language: 'en', width: 375 }, { language: 'de', width: 1280 }, { language: 'de', width: 375 }]) {
  test(`the shell's placeholder rows stand where the app then draws its table: ${language} at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
    // Where each is drawn first: in the frame after it came.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        for (const [key, selector] of [['shell', '#app-shell .skeleton-table'], ['app', 'table.requests']]) {
          const element = document.querySelector(selector);
          if (!element || window[key]) continue;
          window[key] = {};
          requestAnimationFrame(() => { window[key].top = element.getBoundingClientRect().top; });
          if (key === 'app') observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/connections${language === 'de' ? '?sap-language=de' : ''}`);
    await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.app?.top)).toBeDefined();
    const { shell, app } = await page.evaluate(() => ({ shell: window.shell, app: window.app }));
    expect(Math.abs(app.top - shell.top), `from ${shell.top} px to ${app.top} px`).toBeLessThanOrEqual(2);
  });
}

test('a first page still on its way is waited for behind the page\'s frame and placeholder rows', async ({ page }) => {
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  const { asked, release } = await holdListPage(page);
  await page.goto('/connections?status=SUBMITTED');
  await asked;
  await expect(page.getByRole('heading', { level: 1, name: 'Connection requests' })).toBeVisible();
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading connection requests…' })).toBeAttached();
  expect(await placeholderBars(page.getByRole('status').filter({ hasText: 'Loading connection requests…' }), 25))
    .toEqual({ first: 'bar', last: 'bar' });
  await expect(page.getByText('Starting API Portal Connections')).toHaveCount(0);
  release();
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading connection requests…' })).toHaveCount(0);
});

test('once the first page is shown, the Edit Credentials dialog is built off the page: nothing shows, is asked for or moves', async ({ page }) => {
  await page.request.post('/api/1.0/session', { data: { user: 'alice' } });
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('/connections');
  await expect(page.getByRole('row', { name: /^EU Production Portal\b/ })).toBeVisible();
  // Only a dialog brings the dialogs' styles: with none opened, they are there once it was built.
  await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets
    .some((sheet) => [...sheet.cssRules].some((rule) => rule.selectorText === '.dialog')))).toBe(true);
  // Thrown away in a later idle moment; then the frame in which a dialog's clean-up would hand
  // focus back.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => requestAnimationFrame(() => done())))));
  await page.waitForTimeout(100);
  await expect(page.locator('dialog')).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe('/connections');
  // The API was asked for the page's own needs only (the development login's users included).
  expect(asked.filter((path) => path.startsWith('/api/')).sort())
    .toEqual(['/api/1.0/connectionRequests', '/api/1.0/session/users', '/api/1.0/user']);
  // And the dialog itself opens as ever.
  await page.getByRole('link', { name: /^Edit Credentials for EU Production Portal/ }).first().click();
  await expect(page.getByRole('dialog', { name: /^Edit Credentials for EU Production Portal/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'API Portal Access Credentials' })).toBeFocused();
});

test('an app that cannot load says so on the page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/connections');
  await expect(page.getByRole('alert')).toHaveText(/API Portal Connections could not start\. Reload the page/);
});

test('when the rest of the app\'s code cannot be loaded after the start, the page says so', async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  // The release build loads the rest of its code after the first page: here it is gone.
  await page.route(/-rest-[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await page.getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
  await expect(page.getByRole('alert').first()).toHaveText(/^Part of API Portal Connections could not be loaded\. Reload the page/);
});

// The release build's first module holds the code (and the data) the first page needs; the rest
// holds the others. Whatever the start would miss, the page would miss: a text, or the message
// that a part of the app could not be loaded. Only "Switch user" (the development login) waits
// for the rest of the code, as no part of the first page.
for (const { view, width } of [{ view: '/connections', width: 1280 }, { view: '/connections?sap-language=de&status=PENDING_APPROVAL', width: 390 }]) {
  test(`the first page is the same without the rest of the code: ${view} at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInAs(page, 'Alice Andersen');
    const switchUser = view.includes('sap-language=de') ? 'Benutzer wechseln' : 'Switch user';
    const firstPage = async (banner, settled) => {
      await page.goto(view);
      await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
      // What the first page asks for after its rows has had its time.
      await settled;
      await page.waitForTimeout(300);
      await expect(page.getByRole('banner').getByRole('button')).toHaveText(banner);
      // Data the first module lacks reads as zeros: in no text, no attribute (an id made of
      // zeros loses the focus that the table gives back by it).
      const zeros = await page.locator('body').evaluate((body) => [body, ...body.querySelectorAll('*')]
        .flatMap((element) => [element.localName, ...[...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.data),
          ...[...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`)])
        .filter((text) => text.includes('\0')).map((text) => text.replaceAll('\0', '␀')));
      expect(zeros).toEqual([]);
      const without = (text) => text.split('\n').filter((line) => !line.includes(switchUser)).join('\n');
      return { seen: without(await page.locator('body').innerText()), heard: without(await page.locator('body').ariaSnapshot()) };
    };
    await page.route(/-rest-[0-9a-f]+\.wasm$/, (route) => route.abort());
    const signOut = view.includes('sap-language=de') ? 'Abmelden' : 'Sign out';
    const alone = await firstPage([signOut], page.waitForRequest(/-rest-[0-9a-f]+\.wasm$/));
    await page.unrouteAll();
    const whole = await firstPage([switchUser, signOut]);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /-rest-[0-9a-f]+\.wasm$/.test(entry.name)))).toBe(true);
    expect(alone.seen).toEqual(whole.seen);
    expect(alone.heard).toEqual(whole.heard);
  });
}

// The first module is cut by what the start ran with the demo data (cargo xtask's code split):
// a first page that calls into the rest loads it at once, synchronously, before its rows. No
// signed-in role's first page may (an X.509 key without a client ID, Approve and Reject, …).
test('no signed-in user\'s first page waits for the rest of the code', async ({ browser, baseURL }) => {
  for (const user of ['alice', 'bob', 'carol']) {
    const context = await browser.newContext({ baseURL });
    await context.request.post('/api/1.0/session', { data: { user } });
    const page = await context.newPage();
    const loadedAtOnce = [];
    page.on('request', (request) => {
      if (/-rest-[0-9a-f]+\.wasm$/.test(request.url()) && request.resourceType() === 'xhr') loadedAtOnce.push(user);
    });
    await page.goto('/connections');
    await expect(page.getByRole('table').getByRole('rowheader').first()).toBeVisible();
    expect(loadedAtOnce).toEqual([]);
    await context.close();
  }
});

test('without JavaScript, the page says what the app needs', async ({ baseURL }) => {
  // Scripting off for the HTML parser too (as in a browser whose user turned it off), so that
  // <noscript> is shown; Playwright's javaScriptEnabled only stops scripts from running.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--blink-settings=scriptEnabled=false'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/connections`);
    // Playwright's text locators skip <noscript>; innerText is what is rendered.
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('API Portal Connections needs JavaScript and WebAssembly.');
    expect(shown).not.toContain('Starting API Portal Connections');
  } finally {
    await browser.close();
  }
});

test('the title names the page: sign in, the table, the dialog of a deep link', async ({ page }) => {
  await page.goto('/connections');
  await expect(page).toHaveTitle('Sign in – API Portal Connections');
  await page.getByRole('button', { name: 'Sign in as Alice Andersen' }).click();
  await expect(page).toHaveTitle('Connection requests – API Portal Connections');
  await page.getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
  await expect(page).toHaveTitle('Edit Credentials for EU Production Portal – API Portal Connections');
  await page.keyboard.press('Escape');
  await expect(page).toHaveTitle('Connection requests – API Portal Connections');
});

test("the history names each entry by its own page: the table's stays the table's while Edit Credentials is open", async ({ page }) => {
  await signInAs(page, 'Alice Andersen');
  const cdp = await page.context().newCDPSession(page);
  // The entries' addresses and titles, as Back's list shows them, oldest first.
  const history = async () => (await cdp.send('Page.getNavigationHistory')).entries
    .filter((entry) => entry.url.startsWith('http'))
    .map((entry) => [new URL(entry.url).pathname.replace(/cr-[^/]+/, 'ID'), entry.title]);
  const table = ['/connections', 'Connection requests – API Portal Connections'];
  const dialog = ['/connections/ID/credentials', 'Edit Credentials for EU Production Portal – API Portal Connections'];
  await page.getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
  await expect(page).toHaveTitle(dialog[1]);
  await expect(page).toHaveURL(/\/credentials$/);
  await expect.poll(history).toEqual([table, dialog]);
  await page.keyboard.press('Escape');
  await expect(page).toHaveTitle(table[1]);
  await expect.poll(history).toEqual([table, dialog, table]);
});

/** The fonts the browser drew the text of the first element matching `selector` with. */
async function fontsOf(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    expect(nodeId, `${selector} is on the page`).not.toBe(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  } finally {
    await cdp.detach();
  }
}

// What the placeholder rows `table` (a locator) of `rows` rows draws in its first and last row,
// where a row's bar is (from 1.125 to 2.125 rem of the row, the rem 16 px): 'bar' when that
// looks like the bar of the first row and not like the gap below it, compared as screenshots of a
// thin strip across each, byte for byte.
async function placeholderBars(table, rows) {
  const page = table.page();
  await table.scrollIntoViewIfNeeded();
  const { x, y, pitch } = await table.evaluate((element, count) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const top = box.top + window.scrollY + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
    return { x: box.left + window.scrollX + parseFloat(style.paddingLeft), y: top, pitch: (element.clientHeight - parseFloat(style.paddingTop)) / count };
  }, rows);
  const strip = (top) => page.screenshot({ fullPage: true, clip: { x: x + 8, y: Math.round(top), width: 160, height: 8 } });
  const bar = await strip(y + 22);
  const gap = await strip(y + 40);
  const looks = (shot) => (shot.equals(bar) && !shot.equals(gap) ? 'bar' : 'no bar');
  return { first: looks(bar), last: looks(await strip(y + (rows - 1) * pitch + 22)) };
}
