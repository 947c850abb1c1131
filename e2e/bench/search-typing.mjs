// Browser benchmark of the search box, in headless Chromium: from the moment the search fires
// (the debounce after the last keystroke ends and the app puts the search in the address) to
// the filtered page on screen (the frame after every row shown matches). Meant for the bench
// data set of 10,000 requests. Run by `cargo xtask bench` against a hub it starts; prints the
// median and the slowest of RUNS searches, each in a table freshly loaded.
import { launchChromium } from './browser.mjs';

const baseURL = process.env.HUB_URL;
const label = process.env.BENCH_LABEL ?? 'table';
const runs = Number(process.env.RUNS ?? 10);
if (!baseURL) throw new Error('HUB_URL is not set: run with `cargo xtask bench`.');

// Narrow and broad searches over alias, API portal and requester: a few rows to thousands.
const TERMS = ['us10', 'portal 01', 'becker', '00042', 'jp10', 'load0', 'andersen', 'portal 05', 'eu10', 'portal 0012', 'br10', 'ap10'];

// In the page: when the search fires (the app writes it into the address), and when the rows
// on screen all match it.
const probe = () => {
  window.__search = {};
  const push = history.pushState;
  history.pushState = function (...args) {
    if (window.__search.term !== undefined && window.__search.fired === undefined) window.__search.fired = performance.now();
    return push.apply(this, args);
  };
  const matches = () => {
    const rows = [...document.querySelectorAll('tbody tr')];
    return rows.length > 0 && rows.every((row) => row.textContent.toLowerCase().includes(window.__search.term));
  };
  new MutationObserver(() => {
    const search = window.__search;
    if (search.fired !== undefined && search.shown === undefined && matches()) {
      search.shown = -1;
      requestAnimationFrame(() => { search.shown = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

const browser = await launchChromium();
const context = await browser.newContext({ baseURL });
const signIn = await context.request.post('/api/1.0/session', { data: { user: 'alice' } });
if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
const page = await context.newPage();
await page.addInitScript(probe);
const times = [];
for (let run = 0; run < runs + 1; run++) {
  const term = TERMS[run % TERMS.length];
  await page.goto('/connections');
  await page.locator('tbody th[scope="row"]').first().waitFor();
  await page.evaluate((term) => { window.__search.term = term; }, term);
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially(term, { delay: 30 });
  await page.waitForFunction(() => window.__search.shown > 0, null, { timeout: 30_000 });
  const { fired, shown } = await page.evaluate(() => window.__search);
  if (run > 0) times.push(shown - fired); // the first run warms the browser's and the hub's caches
}
await browser.close();

const sorted = [...times].sort((a, b) => a - b);
const middle = Math.floor(sorted.length / 2);
const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
console.log(`${label.padEnd(44)} search fired → filtered page on screen: median ${median.toFixed(1)} ms   slowest ${sorted.at(-1).toFixed(1)} ms   (${runs} searches)`);
