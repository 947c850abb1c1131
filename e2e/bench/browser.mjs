// What the browser benchmarks share: the headless Chromium they start, and the median they print.
import { chromium } from '@playwright/test';

// CHROMIUM_PATH (as `cargo xtask bench` sets it), quiet: no background traffic of its own.
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

// The median of the finite values (the mean of the middle two of an even number).
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
