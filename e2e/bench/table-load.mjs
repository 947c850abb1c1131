// Browser benchmark: from navigation start to the first row of the table visible, and to the
// main thread's first idle moment after it (the page answers input), in headless Chromium.
// Run by `cargo xtask bench` against a hub it starts; prints the median of RUNS runs. Then the
// page's DOM nodes with a full page of rows, at a laptop's and a phone's width (Chromium's own
// count after a garbage collection: elements, text, comments, pseudo-elements, the browser's
// shadow trees of form controls, and any node the app no longer shows but still holds).
import { launchChromium, median } from './browser.mjs';

const baseURL = process.env.HUB_URL;
const label = process.env.BENCH_LABEL ?? 'table';
const runs = Number(process.env.RUNS ?? 10);
if (!baseURL) throw new Error('HUB_URL is not set: run with `cargo xtask bench`.');

// Records when the first row appears, then when the main thread is first idle after it.
const probe = () => {
  window.__bench = {};
  const observer = new MutationObserver(() => {
    if (window.__bench.firstRow === undefined && document.querySelector('tbody th[scope="row"]')) {
      window.__bench.firstRow = performance.now();
      observer.disconnect();
      requestIdleCallback(() => { window.__bench.interactive = performance.now(); });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

const browser = await launchChromium();
const firstRows = [];
const interactives = [];
for (let run = 0; run < runs + 1; run++) {
  const context = await browser.newContext({ baseURL });
  const signIn = await context.request.post('/api/1.0/session', { data: { user: 'alice' } });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto('/connections');
  await page.waitForFunction(() => window.__bench.interactive !== undefined, null, { timeout: 30_000 });
  const { firstRow, interactive } = await page.evaluate(() => window.__bench);
  if (run > 0) { // the first run warms the browser's and the hub's caches
    firstRows.push(firstRow);
    interactives.push(interactive);
  }
  await context.close();
}

/** The renderer's count of DOM nodes, after a garbage collection. */
async function domNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return nodes;
}
const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
await context.request.post('/api/1.0/session', { data: { user: 'alice' } });
const page = await context.newPage();
await page.goto('/connections', { waitUntil: 'networkidle' });
const rows = page.locator('tbody th[scope="row"]');
await rows.first().waitFor();
const atLaptop = await domNodes(page);
await page.setViewportSize({ width: 390, height: 844 });
await page.getByRole('combobox', { name: 'Sort by' }).waitFor();
const atPhone = await domNodes(page);
const shownRows = await rows.count();
await browser.close();

console.log(`${`${label}, DOM nodes with ${shownRows} rows`.padEnd(44)} ${atLaptop} at 1280 px, ${atPhone} at 390 px (target for 25 rows: 800)`);
console.log(`${label.padEnd(44)} first row visible: median ${median(firstRows).toFixed(1)} ms   interactive: median ${median(interactives).toFixed(1)} ms   (${runs} runs)`);
