// What the browser benchmarks share: the pages they compare, the headless Chromium they start,
// each load's signed-in page, and the median they print.
import { chromium } from '@playwright/test';

// The pages to compare side by side, from PAGES (`name=url,name=url`): [name, url] pairs.
export const pagesToCompare = () => {
  const pages = (process.env.PAGES ?? '').split(',').filter(Boolean).map((pair) => pair.split('='));
  if (!pages.length) throw new Error('PAGES is not set: run with `cargo xtask bench peers`.');
  return pages;
};

// CHROMIUM_PATH (as `cargo xtask bench` sets it), quiet: no background traffic of its own.
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

// A fresh browser context at a laptop's width, signed in as alice at `url`'s hub, with `probe`
// run before any script of the page; its page not opened yet at `url`.
export const signedInPage = async (browser, name, url, probe) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signIn = await context.request.post(new URL('/api/1.0/session', url).href, { data: { user: 'alice' } });
  if (!signIn.ok()) throw new Error(`${name}: sign-in failed: ${signIn.status()}`);
  await context.addInitScript(probe);
  return { context, page: await context.newPage() };
};

// The median of the finite values (the mean of the middle two of an even number).
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
