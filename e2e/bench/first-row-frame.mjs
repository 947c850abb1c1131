// Browser benchmark: what comes between the first row in the DOM and a page that answers input,
// for our app and the hand-written page side by side (headless Chromium at full speed, a
// laptop's width, as measure.mjs loads them). measure.mjs's "interactive" is the first row
// extended over every long task (50 ms or more) that starts before 500 ms without one; this says
// which of them a page has. Measured in the page, without tracing:
//   row to the frame         the first row inserted (a MutationObserver) to the animation frame
//                            after it: the rest of the task that inserted it, and the wait for
//                            the frame;
//   the frame                that animation frame to a task queued from it: the page's own frame
//                            callbacks, style, layout and paint of the rows, and the tasks that
//                            were queued before it;
//   the row's task after it  the long task (50 ms or more) that inserted the row, from the row to
//                            its end (0 when that task was shorter);
//   long tasks after         the long tasks that end in the 500 ms after the row, added up from
//                            the row on (the row's own included): what measure.mjs's interactive
//                            adds to the first row, give or take the gaps between them;
// each a median over the loads. Run by `cargo xtask bench peers`
// against the two hubs it starts; PAGES is `name=url,name=url`.
import { launchChromium, loadInterleaved, median, pagesToCompare, probeWithFirstRow } from './browser.mjs';

const pages = pagesToCompare();
const loads = Number(process.env.LOADS ?? 12);

const probe = probeWithFirstRow((atFirstRow) => {
  const load = (window.__load = { longTasks: [] });
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) load.longTasks.push([task.startTime, task.startTime + task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  atFirstRow((at) => {
    load.row = at;
    requestAnimationFrame(() => {
      load.frame = performance.now();
      setTimeout(() => { load.drawn = performance.now(); });
    });
  });
});

const browser = await launchChromium();
const measured = await loadInterleaved(browser, pages, loads, { probe, measure: async (page) => {
  await page.waitForFunction(() => window.__load?.drawn !== undefined, null, { timeout: 30_000 });
  // Long enough for every long task that measure.mjs would count to have ended.
  await page.waitForTimeout(1000);
  return page.evaluate(() => window.__load);
} });
await browser.close();

// Each figure of one load, in ms.
const figures = [
  ['row to the frame', (load) => load.frame - load.row],
  ['the frame', (load) => load.drawn - load.frame],
  ['the row\'s task after it', (load) => Math.max(0, ...load.longTasks.filter(([start, end]) => start <= load.row && end > load.row).map(([, end]) => end - load.row))],
  ['long tasks after', (load) => load.longTasks
    .filter(([start, end]) => end > load.row && start < load.row + 500)
    .reduce((sum, [start, end]) => sum + end - Math.max(start, load.row), 0)],
];
console.log(`from the first row to a page that answers, full speed (medians in ms; ${loads} loads of each page):`);
console.log(`  ${''.padEnd(26)}${pages.map(([name]) => name.padStart(14)).join('')}`);
for (const [label, figure] of figures) {
  console.log(`  ${label.padEnd(26)}${pages.map(([name]) => median(measured[name].map(figure)).toFixed(1).padStart(14)).join('')}`);
}
