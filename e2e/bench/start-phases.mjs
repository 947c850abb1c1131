// Browser benchmark: where the time to the first row goes, for our app and the hand-written page
// side by side (headless Chromium at full speed, a laptop's width, signed in as alice, each load
// in a fresh context, the pages interleaved). Measured in the page without tracing, from the
// start of the navigation (medians over the loads, in ms):
//   page received             the HTML's last byte;
//   scripts received          the last byte of the page's JavaScript;
//   wasm received             the last byte of the WebAssembly the page asked for first (the
//                             first module of our release build);
//   wasm instantiation asked  the page called WebAssembly.instantiateStreaming or instantiate;
//   wasm instantiated         that call's promise settled: compiled (lazily: V8 compiles each
//                             function as it is first called) and instantiated;
//   user answered             GET /user's last byte;
//   page of rows answered     the list's (GET /connectionRequests) last byte;
//   first row                 a body row with two cells of text is in the DOM (as measure.mjs
//                             sees it, a MutationObserver);
//   rows after all is there   the first row after the later of the rows' answer and the page's
//                             code (instantiated for a page with wasm, else its scripts): the
//                             page's own work to draw what it has.
// The main thread does most of this, so a step that waits for it starts late when it is busy
// (in our app, the shell's first layout and paint come between its scripts received and the
// wasm's instantiation asked for). Run by
// `cargo xtask bench peers` against the two hubs it starts; PAGES is `name=url,name=url`.
import { launchChromium, loadInterleaved, median, pagesToCompare, probeWithFirstRow } from './browser.mjs';

const pages = pagesToCompare();
const loads = Number(process.env.LOADS ?? 12);

const probe = probeWithFirstRow((atFirstRow) => {
  const load = (window.__start = {});
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const first = load.instantiating === undefined;
      if (first) load.instantiating = performance.now();
      const result = original.apply(this, args);
      if (first) result.then(() => { load.instantiated = performance.now(); }, () => {});
      return result;
    };
  }
  atFirstRow((at) => { load.row = at; });
});

// In the page, once its first row is in: each step's time, from the navigation and the resources
// that came before the row.
const steps = () => {
  const load = window.__start;
  const before = performance.getEntriesByType('resource').filter((entry) => entry.startTime < load.row);
  const received = (test) => {
    const ends = before.filter((entry) => test(new URL(entry.name))).map((entry) => entry.responseEnd);
    return ends.length ? Math.max(...ends) : undefined;
  };
  const firstWasm = before.find((entry) => new URL(entry.name).pathname.endsWith('.wasm'));
  const scripts = received((url) => url.pathname.endsWith('.js'));
  const rowsAnswered = received((url) => url.pathname.endsWith('/connectionRequests'));
  return {
    page: performance.getEntriesByType('navigation')[0].responseEnd,
    scripts,
    wasm: firstWasm?.responseEnd,
    instantiating: load.instantiating,
    instantiated: load.instantiated,
    user: received((url) => url.pathname.endsWith('/user')),
    rowsAnswered,
    row: load.row,
    drawing: load.row - Math.max(rowsAnswered ?? 0, load.instantiated ?? scripts ?? 0),
  };
};

const browser = await launchChromium();
const measured = await loadInterleaved(browser, pages, loads, { probe, measure: async (page) => {
  await page.waitForFunction(() => window.__start?.row !== undefined, null, { timeout: 30_000 });
  return page.evaluate(steps);
} });
await browser.close();

const labels = [
  ['page', 'page received'],
  ['scripts', 'scripts received'],
  ['wasm', 'wasm received'],
  ['instantiating', 'wasm instantiation asked'],
  ['instantiated', 'wasm instantiated'],
  ['user', 'user answered'],
  ['rowsAnswered', 'page of rows answered'],
  ['row', 'first row'],
  ['drawing', 'rows after all is there'],
];
console.log(`where the time to the first row goes, full speed (medians in ms from the navigation; ${loads} loads of each page):`);
console.log(`  ${''.padEnd(28)}${pages.map(([name]) => name.padStart(14)).join('')}`);
for (const [key, label] of labels) {
  const cells = pages.map(([name]) => {
    const values = measured[name].map((load) => load[key]).filter(Number.isFinite);
    return (values.length ? median(values).toFixed(1) : '-').padStart(14);
  });
  console.log(`  ${label.padEnd(28)}${cells.join('')}`);
}
