// What the browser benchmarks share: the pages they compare, the headless Chromium they start,
// each load's signed-in page, the first row and the Edit control as measure.mjs sees them, the
// loads of pages side by side, and the median they print.
import { chromium } from '@playwright/test';

// The pages to compare side by side, from PAGES (`name=url,name=url`): [name, url] pairs.
export const pagesToCompare = () => {
  const pages = (process.env.PAGES ?? '').split(',').filter(Boolean).map((pair) => pair.split('='));
  if (!pages.length) throw new Error('PAGES is not set: run with `cargo xtask bench peers`.');
  return pages;
};

// CHROMIUM_PATH (as `cargo xtask bench` sets it), quiet: no background traffic of its own.
const chromiumOptions = (...args) => ({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...args],
});
export const launchChromium = () => chromium.launch(chromiumOptions());

// The same browser with V8 logging each WebAssembly function as it compiles it: the browser,
// and `compiled()`, the log's lines so far, one per function compiled (with Liftoff or TurboFan,
// and how long it took).
export const launchChromiumLoggingWasmCompiles = async () => {
  const server = await chromium.launchServer(chromiumOptions('--js-flags=--trace-wasm-compilation-times', '--enable-logging=stderr', '--v=0'));
  let log = '';
  for (const stream of [server.process().stdout, server.process().stderr]) stream.on('data', (data) => { log += data; });
  const browser = await chromium.connect(server.wsEndpoint());
  const compiled = () => log.split('\n').filter((line) => line.includes('Compiled function '));
  return { browser, compiled, close: async () => { await browser.close(); await server.close(); } };
};

// A fresh browser context at a laptop's width, signed in as alice at `url`'s hub, with `probe`
// (if any) run before any script of the page; its page not opened yet at `url`.
export const signedInPage = async (browser, name, url, probe) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signIn = await context.request.post(new URL('/api/1.0/session', url).href, { data: { user: 'alice' } });
  if (!signIn.ok()) throw new Error(`${name}: sign-in failed: ${signIn.status()}`);
  if (probe) await context.addInitScript(probe);
  return { context, page: await context.newPage() };
};

// A probe (the source of a script run before any script of the page) that calls `probe` with
// `atFirstRow`, which registers a callback for when the first body row is in the DOM, as
// measure.mjs sees it: a row outside thead and tfoot with two data cells (not role none or
// presentation) that have text, seen by a MutationObserver. The callback gets performance.now().
export const probeWithFirstRow = (probe) => `(${probe})((callback) => {
  const hasBodyRow = () => [...document.querySelectorAll('tr, [role=row]')].some((row) => !row.closest('thead, tfoot')
    && [...row.querySelectorAll('td:not([role=none]):not([role=presentation]), [role=cell], [role=gridcell]')].filter((cell) => cell.textContent.trim()).length >= 2);
  const rows = new MutationObserver(() => {
    if (!hasBodyRow()) return;
    rows.disconnect();
    callback(performance.now());
  });
  rows.observe(document, { childList: true, subtree: true, characterData: true });
});`;

// Each of `pages` loaded `loads` times, each page first in every other round, each load in a
// fresh signed-in context with `probe`, after `beforeLoad(page)` (if any): what
// `measure(page, what beforeLoad returned)` said of each load, by page name.
export const loadInterleaved = async (browser, pages, loads, { probe, beforeLoad, measure }) => {
  const measured = Object.fromEntries(pages.map(([name]) => [name, []]));
  for (let round = 0; round < loads; round++) {
    for (const [name, url] of round % 2 ? [...pages].reverse() : pages) {
      const { context, page } = await signedInPage(browser, name, url, probe);
      const prepared = await beforeLoad?.(page);
      await page.goto(url);
      measured[name].push(await measure(page, prepared));
      await context.close();
    }
  }
  return measured;
};

// In the page: the first Edit control of a body row that can be pressed, as measure.mjs finds it.
export const firstEditControl = () => [...document.querySelectorAll(':is(tr, [role=row]):not(thead tr) :is(button, [role=button], a[href]):not([disabled]):not([aria-disabled="true"])')]
  .find((control) => /edit/i.test(control.textContent || control.getAttribute('aria-label') || ''));

// The median of the finite values (the mean of the middle two of an even number).
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
