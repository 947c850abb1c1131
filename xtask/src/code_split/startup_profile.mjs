// Which of the app's wasm functions run at the start: opens the app served at URL (argv[2]) in
// headless Chromium the ways a signed-in user first sees it, with V8 logging each function it
// compiles (it compiles one the first time it is called), and prints that log. (Other starts,
// such as the development login's choice of users, load the rest of the code at once.) Run by cargo xtask's
// code_split; PLAYWRIGHT_CORE is the path of playwright-core's index.mjs, CHROMIUM the browser.
const { chromium } = await import(process.env.PLAYWRIGHT_CORE);
const base = process.argv[2];

const server = await chromium.launchServer({
  executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--js-flags=--trace-wasm-compilation-times', '--enable-logging=stderr', '--v=0'],
});
let log = '';
server.process().stdout.on('data', (data) => { log += data; });
server.process().stderr.on('data', (data) => { log += data; });
const browser = await chromium.connect(server.wsEndpoint());

// Each start in a fresh context, until the page has settled (the rest of the code is asked for
// once a page shows: by then, what the start needed has been compiled).
// `first`: what comes first, when it matters which path the start takes: 'answers' (the user
// and the first page, asked for by index.html, are in before the app's code arrives: the app
// takes them at once) or 'code' (the app has started before they are in: it waits for them).
async function start({ path, width, user, shows, first }) {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height: 800 } });
  if (user) {
    const signedIn = await context.request.post('api/1.0/session', { data: { user } });
    if (!signedIn.ok()) throw new Error(`signing in as ${user}: HTTP ${signedIn.status()}`);
  }
  const page = await context.newPage();
  if (first) await holdBack(page, first);
  // As in the release build when the rest of its code could not be loaded: what waits for it
  // (see loader.js) goes on without it, and that code must be in the first module.
  await page.addInitScript(() => {
    window.appRest = Promise.reject(new Error('no rest of the code in this start'));
    window.appRest.catch(() => {});
  });
  await page.goto(path);
  await shows(page).waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  await context.close();
}

// Holds the app's code until the early answers are in ('answers' first), or the early answers
// until the app has started (Trunk's loader says so: `TrunkApplicationStarted`) ('code' first);
// then a moment more, for what the other side does with them. At most 10 s.
async function holdBack(page, first) {
  const answers = ['/api/1.0/user', '/api/1.0/connectionRequests'];
  const done = [];
  page.on('requestfinished', (request) => done.push(new URL(request.url()).pathname));
  const until = async (ready) => {
    for (let waited = 0; waited < 10000 && !(await ready()); waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    await new Promise((resolve) => setTimeout(resolve, 200));
  };
  if (first === 'answers') {
    await page.route('**/*_bg.wasm', async (route) => {
      await until(() => answers.every((path) => done.includes(path)));
      await route.continue();
    });
  } else {
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.appStarted = true; }));
    await page.route((url) => answers.includes(url.pathname), async (route) => {
      await until(() => page.evaluate(() => window.appStarted === true).catch(() => false));
      await route.continue();
    });
  }
}

try {
  // The table, signed in: from the root (which leads to it), at a laptop's width in English and
  // at a phone's in German, and a filtered view as a bookmark keeps it.
  const rows = (page) => page.getByRole('rowheader').first();
  await start({ path: '', width: 1280, user: 'alice', shows: rows });
  await start({ path: 'connections?sap-language=de', width: 390, user: 'alice', shows: rows });
  await start({ path: 'connections?status=SUBMITTED&search=portal&sort=apiPortalAlias%20asc&size=10', width: 1280, user: 'alice', shows: rows });
  // Both paths of a start, whatever this machine's timing: the answers there before the app's
  // code, and after it.
  await start({ path: 'connections', width: 1280, user: 'alice', shows: rows, first: 'answers' });
  await start({ path: 'connections', width: 1280, user: 'alice', shows: rows, first: 'code' });
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(log);
