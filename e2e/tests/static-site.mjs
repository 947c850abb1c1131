// The app deployed the way a static host serves it: `dist/` (HUB_STATIC_DIR, built by
// `cargo xtask test`) copied under a sub-path of a folder that http-server (an npm static web
// server people deploy with) serves. Like GitHub Pages and many hosts, http-server answers an
// unknown path with the site's `404.html`.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** A free port on loopback, to tell the hub (--allow-origin) before the site starts. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves `dist/` at `path` (such as `/apps/connections/`) on `port`, with `config` as its
 *  `config.json` (an object, a string written as it is, or nothing for no file), and `files`
 *  (name → text) at the site's root. */
export async function startStaticSite({ port, path, config, files = {} }) {
  const root = mkdtempSync(join(tmpdir(), 'static-site-'));
  const app = join(root, ...path.split('/').filter(Boolean));
  cpSync(process.env.HUB_STATIC_DIR, app, { recursive: true });
  cpSync(join(app, '404.html'), join(root, '404.html'));
  if (config !== undefined) {
    writeFileSync(join(app, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const binary = createRequire(import.meta.url).resolve('http-server/bin/http-server');
  const server = spawn(process.execPath, [binary, root, '-a', '127.0.0.1', '-p', String(port), '-c-1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`http-server exited with ${code}`)));
    server.stdout.on('data', (chunk) => { if (chunk.toString().includes('Available on')) resolve(); });
  });
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  return { url, appUrl: `${url}${path}`, stop };
}
