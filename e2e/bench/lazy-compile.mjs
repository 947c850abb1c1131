// Browser benchmark: the app's WebAssembly that V8 compiles on the main thread while a user
// waits. V8 compiles a wasm function the first time it is called, with Liftoff, and the call
// waits for it; a page cannot have it done ahead (Chromium's compilation hints are behind a flag),
// only run a function earlier, as the warm-up does for the Edit Credentials dialog. From V8's
// own log (full speed, a laptop's width), signed in as alice, medians of RUNS loads:
//   the start             to the first row and a moment after, with the rest of the code held
//                         back: what the first module runs to show the first page;
//   first Edit            the first Edit Credentials once the page has settled (the rest of the
//                         code in, the warm-up done), clicked as measure.mjs clicks (press and
//                         release at once), to its dialog on screen and its address set;
//   a later Edit          the same again, on the same row: next to nothing left to compile
//                         (a dozen functions, 0.1 ms), or this benchmark would not see what it
//                         says.
// Run by `cargo xtask bench` against a hub it starts (HUB_URL) with the demo data.
import { firstEditControl, launchChromiumLoggingWasmCompiles, median, signedInPage } from './browser.mjs';

const baseURL = process.env.HUB_URL;
const runs = Number(process.env.RUNS ?? 5);
if (!baseURL) throw new Error('HUB_URL is not set: run with `cargo xtask bench`.');

// How many of `lines` (V8's) and how long they took, in ms.
const tally = (lines) => ({ functions: lines.length, ms: lines.reduce((sum, line) => sum + Number(line.match(/took (\d+)/)?.[1] ?? 0), 0) / 1000 });
// V8 writes its log from another process: what it compiled has been written a moment later.
const settle = (page) => page.waitForTimeout(300);

const { browser, compiled, close } = await launchChromiumLoggingWasmCompiles();
const table = new URL('/connections', baseURL).href;
const signedIn = () => signedInPage(browser, 'the app', baseURL);
// The first Edit control of a body row, as measure.mjs finds it, pressed and released at once.
const clickEdit = async (page, cdp) => {
  const box = await page.evaluate(`(${firstEditControl})()?.getBoundingClientRect().toJSON()`);
  if (!box) throw new Error('no Edit control in the table');
  for (const type of ['mousePressed', 'mouseReleased']) {
    await cdp.send('Input.dispatchMouseEvent', { type, x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 });
  }
  await page.waitForURL(/\/credentials$/);
  await page.getByRole('dialog').waitFor();
};

const measured = { start: [], first: [], later: [] };
for (let run = 0; run < runs; run++) {
  {
    const { context, page } = await signedIn();
    await page.route(/-rest-[0-9a-f]+\.wasm$/, (route) => route.abort());
    const before = compiled().length;
    await page.goto(table);
    await page.locator('tbody tr').first().waitFor();
    await settle(page);
    measured.start.push(tally(compiled().slice(before)));
    await context.close();
  }
  const { context, page } = await signedIn();
  const cdp = await context.newCDPSession(page);
  await page.goto(table);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  for (const edit of ['first', 'later']) {
    const before = compiled().length;
    await clickEdit(page, cdp);
    await settle(page);
    measured[edit].push(tally(compiled().slice(before)));
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/connections$/);
    await settle(page);
  }
  await context.close();
}
await close();

console.log(`\nWebAssembly compiled on the main thread, as V8 logs it (full speed; medians of ${runs} loads):`);
for (const [label, key] of [['the start, the rest held back', 'start'], ['the first Edit Credentials', 'first'], ['a later Edit Credentials', 'later']]) {
  const functions = median(measured[key].map((tallied) => tallied.functions));
  const ms = median(measured[key].map((tallied) => tallied.ms));
  console.log(`  ${label.padEnd(30)}${String(functions).padStart(6)} functions${ms.toFixed(1).padStart(8)} ms`);
}
