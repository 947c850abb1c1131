// Browser benchmark: where the time from pressing Edit Credentials to the dialog on screen goes,
// for our app and the hand-written page side by side, with the CPU 4x slower (headless
// Chromium, no network throttling: the code has long arrived when Edit is pressed). Measured in
// the page, without tracing, which would slow it more than it measures:
//   press to click handler   pointerdown to the click event (two input events and a frame);
//   page's code              the click event to showModal(): building and filling the dialog;
//   showModal                the browser styles the page behind, made inert, and the dialog;
//   to the frame             showModal() returned to the first animation frame with the dialog
//                            laid out (as measure.mjs sees it);
// for the first Edit after a load and for later ones (the page's code compiled and the
// browser's caches warm). Run by `cargo xtask bench peers` against the two hubs it starts;
// PAGES is `name=url,name=url`; prints medians.
// HOLD=ms holds each press that long before the release, as a hand does (about 100 ms; 0, as
// measure.mjs clicks, by default), and adds the phase a user waits through after letting go:
//   release to the frame     pointerup to the first animation frame with the dialog.
import { firstEditControl, launchChromium, loadInterleaved, median, pagesToCompare } from './browser.mjs';

const pages = pagesToCompare();
const loads = Number(process.env.LOADS ?? 8);
const clicks = Number(process.env.CLICKS ?? 3);
const hold = Number(process.env.HOLD ?? 0);

// Timestamps of each press, on the page's clock: the pointerdown's own, then when the click
// reached the window, when showModal() began and returned, and the frame that showed the dialog.
const probe = () => {
  const presses = (window.__presses = []);
  let press = null;
  const showModal = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.showModal = function () {
    const started = performance.now();
    const result = showModal.call(this);
    if (press && press.showModal === undefined) press.showModal = [started, performance.now()];
    return result;
  };
  addEventListener('click', (event) => { if (press && event.isTrusted) press.click ??= performance.now(); }, true);
  addEventListener('pointerup', (event) => { if (press && event.isTrusted) press.up ??= event.timeStamp; }, true);
  addEventListener('pointerdown', (event) => {
    if (!event.isTrusted) return;
    press = { down: event.timeStamp };
    presses.push(press);
    const current = press;
    const frame = () => {
      const dialog = document.querySelector('dialog[open]');
      if (dialog && dialog.getBoundingClientRect().width > 0) current.shown = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, true);
};

const browser = await launchChromium();
const loaded = await loadInterleaved(browser, pages, loads, {
  probe,
  // Throttled before the page loads; its CDP session also clicks.
  beforeLoad: async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    return cdp;
  },
  measure: async (page, cdp) => {
    await page.waitForFunction(firstEditControl, null, { timeout: 30_000 });
    // Settled: the rest of the code has come and the page has done what it does when idle.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    for (let click = 0; click < clicks; click++) {
      const point = await page.evaluate(`(${firstEditControl})()?.getBoundingClientRect().toJSON()`);
      const at = { x: point.x + point.width / 2, y: point.y + point.height / 2 };
      // Straight through CDP, as measure.mjs clicks: no waits of Playwright's own in between.
      for (const type of ['mousePressed', 'mouseReleased']) {
        if (type === 'mouseReleased' && hold) await new Promise((resolve) => setTimeout(resolve, hold));
        await cdp.send('Input.dispatchMouseEvent', { type, ...at, button: 'left', clickCount: 1 });
      }
      await page.waitForFunction((count) => window.__presses.filter((press) => press.shown).length >= count, click + 1, { timeout: 10_000, polling: 'raf' });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'), null, { timeout: 10_000 });
      await page.waitForTimeout(500);
    }
    return page.evaluate(() => window.__presses.filter((press) => press.shown));
  },
});
// The first Edit of each load, and the later ones.
const measured = Object.fromEntries(Object.entries(loaded).map(([name, presses]) => [name, { first: presses.map((load) => load[0]), later: presses.flatMap((load) => load.slice(1)) }]));
await browser.close();

const phases = [
  ['press to click handler', (press) => press.click - press.down],
  ['page\'s code', (press) => press.showModal[0] - press.click],
  ['showModal', (press) => press.showModal[1] - press.showModal[0]],
  ['to the frame', (press) => press.shown - press.showModal[1]],
  ['total', (press) => press.shown - press.down],
  ...(hold ? [['release to the frame', (press) => press.shown - press.up]] : []),
];
const held = hold ? `, each press held ${hold} ms` : '';
console.log(`where Edit → dialog goes, CPU 4x slower (medians in ms; ${loads} loads of each page, first Edit and ${clicks - 1} more per load${held}):`);
console.log(`  ${''.padEnd(24)}${pages.map(([name]) => `${`${name}, first`.padStart(22)}${'later'.padStart(8)}`).join('')}`);
for (const [label, phase] of phases) {
  const cells = pages.map(([name]) => {
    const { first, later } = measured[name];
    return `${median(first.map(phase)).toFixed(1).padStart(22)}${median(later.map(phase)).toFixed(1).padStart(8)}`;
  });
  console.log(`  ${label.padEnd(24)}${cells.join('')}`);
}
