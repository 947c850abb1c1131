// Browser benchmark of the Edit Credentials dialog, in headless Chromium: from a paste into
// "API Portal Access Credentials" to the feedback on screen (the frame after the dialog
// updated), for a 4 KiB and a 64 KiB paste; and from typing one character into the Client
// Secret field to the JSON box and the messages updated. Run by `cargo xtask bench` against a
// hub it starts; prints medians of RUNS runs.
import { launchChromium, median } from './browser.mjs';

const baseURL = process.env.HUB_URL;
const runs = Number(process.env.RUNS ?? 10);
if (!baseURL) throw new Error('HUB_URL is not set: run with `cargo xtask bench`.');

/** X.509 credentials of about `bytes` bytes: a certificate chain long enough. */
function paste(bytes, variant) {
  const line = 'MIIDqDCCApCgAwIBAgIRAKc1bW9ja0NlcnRpZmljYXRlMA0GCSqGSIb3DQEBCwUA';
  const block = `-----BEGIN CERTIFICATE-----\n${Array(15).fill(line).join('\n')}\n-----END CERTIFICATE-----\n`;
  const head = {
    url: 'https://eu10apiportal.cfapps.eu10.hana.ondemand.com',
    tokenurl: 'https://acme.authentication.cert.eu10.hana.ondemand.com/oauth/token',
    certurl: 'https://acme.authentication.cert.eu10.hana.ondemand.com',
    clientId: `sb-apiaccess${String(1700000000000 + variant)}!b6077|api-portal-xsuaa!b2160`,
    key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
  };
  let chain = '';
  while (JSON.stringify({ ...head, certificate: chain + block }).length < bytes) chain += block;
  return JSON.stringify({ ...head, certificate: chain }, null, 2);
}

const browser = await launchChromium();
const context = await browser.newContext({ baseURL });
await context.request.post('/api/1.0/session', { data: { user: 'alice' } });
const page = await context.newPage();
await page.goto('/connections');
await page.getByRole('link', { name: 'Edit Credentials for EU Production Portal' }).click();
await page.getByRole('textbox', { name: 'API Portal Access Credentials' }).waitFor();

// On screen: the next frame painted, which waits for the display's beat; updated: the page's
// own work, done when a task queued after the input runs.
const report = (timings) =>
  `${median(timings.map((timing) => timing.shown)).toFixed(1)} ms (page updated after ${median(timings.map((timing) => timing.updated)).toFixed(1)} ms)`;
for (const [label, bytes] of [['4 KiB paste', 4 * 1024], ['64 KiB paste', 64 * 1024 - 512]]) {
  const timings = [];
  for (let run = 0; run < runs + 1; run++) {
    const text = paste(bytes, run);
    const elapsed = await page.evaluate(async (text) => {
      const box = document.getElementById('credentials-json');
      const started = performance.now();
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      // The page has reacted (its effects ran) once a task queued now runs.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const updated = performance.now() - started;
      // The frame after the update is painted: the feedback is on screen.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { updated, shown: performance.now() - started };
    }, text);
    const accepted = await page.getByRole('region', { name: 'What saving changes' }).isVisible();
    if (!accepted) throw new Error(`${label}: the pasted credentials were not accepted`);
    if (run > 0) timings.push(elapsed);
  }
  console.log(`${label.padEnd(44)} paste to feedback on screen: median ${report(timings)}   (${runs} runs, ${bytes} bytes)`);
}

// Typing: client-secret credentials typed field by field, the secret shown (so that the JSON
// box changes with every character), the field left once (so that its messages are live).
await page.getByRole('textbox', { name: 'API Portal Access Credentials' }).fill('');
await page.getByRole('textbox', { name: 'Client ID' }).fill('sb-apiaccess1700000000001!b6077|api-portal-xsuaa!b2160');
const secret = page.getByLabel('Client Secret');
await secret.fill('0f3a9c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f$Zx9_Ab-Cd=<');
await secret.blur();
await page.getByRole('button', { name: 'Show' }).click();
const typed = [];
for (let run = 0; run < runs + 1; run++) {
  // One keystroke each: typing ">" makes "<...>", which the field's messages report as a
  // placeholder; Backspace takes it away, and the report must go.
  const typing = run % 2 === 0;
  const { elapsed, json, invalid } = await page.evaluate(async (typing) => {
    const field = document.getElementById('credentials-clientSecret');
    const value = typing ? `${field.value}>` : field.value.slice(0, -1);
    const started = performance.now();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: typing ? 'insertText' : 'deleteContentBackward', data: typing ? '>' : null }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const updated = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const elapsed = { updated, shown: performance.now() - started };
    return { elapsed, json: document.getElementById('credentials-json').value.includes(JSON.stringify(value)), invalid: field.getAttribute('aria-invalid') };
  }, typing);
  if (!json) throw new Error('typing: the JSON box did not follow the field');
  if (invalid !== String(typing)) throw new Error(`typing: the field's messages did not follow (aria-invalid ${invalid})`);
  if (run > 0) typed.push(elapsed);
}
console.log(`${'typing one character in Client Secret'.padEnd(44)} to JSON box and messages on screen: median ${report(typed)}   (${runs} runs)`);
await browser.close();
