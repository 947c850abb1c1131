// A hub of a test's own (HUB_BINARY serving HUB_STATIC_DIR, set by `cargo xtask test`), with
// a fresh database, and a real OAuth token endpoint over TLS on loopback that it may reach:
// its host name resolves, through the hub's --resolve, to 127.0.0.1 only (--no-dns), and its
// CA, made for the test with openssl, is trusted by --token-ca.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const TOKEN_HOST = 'acme.authentication.eu10.hana.ondemand.com';
export const GOOD_CLIENT_ID = 'sb-e2e-tested!b6077|api-portal-xsuaa!b2160';
export const GOOD_SECRET = '4c3b2a19-8f7e-4d6c-b5a4-93827160fedc$E2e_Tk9-Lm3=';

export const ownHubAvailable = Boolean(process.env.HUB_BINARY && process.env.HUB_STATIC_DIR);

/** Makes a CA and a server certificate for TOKEN_HOST in `folder`. */
function certificates(folder) {
  const file = (name) => join(folder, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=e2e token endpoint CA');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${TOKEN_HOST}`);
  writeFileSync(file('server.ext'), `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:${TOKEN_HOST}\n`);
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'));
  return { ca: file('ca.pem'), key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) };
}

/** A token endpoint that issues a token for GOOD_CLIENT_ID and GOOD_SECRET only. */
function tokenEndpoint({ key, cert }) {
  const expected = `Basic ${Buffer.from(`${GOOD_CLIENT_ID}:${GOOD_SECRET}`).toString('base64')}`;
  const server = createServer({ key, cert }, (request, response) => {
    request.resume();
    request.on('end', () => {
      const ok = request.url === '/oauth/token' && request.headers.authorization === expected;
      response.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
      response.end(ok
        ? JSON.stringify({ access_token: 'eyJhbGciOiJSUzI1NiJ9.e2e.signature', token_type: 'bearer', expires_in: 43199 })
        : JSON.stringify({ error: 'unauthorized' }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Starts the token endpoint and a hub with the demo data that may reach it; `args` are more
 *  flags for the hub (such as `--allow-origin`). */
export async function startOwnHub({ args = [] } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'own-hub-'));
  const certs = certificates(data);
  const endpoint = await tokenEndpoint(certs);
  const tokenUrl = `https://${TOKEN_HOST}:${endpoint.address().port}/oauth/token`;
  const hub = spawn(process.env.HUB_BINARY, [
    '--addr', '127.0.0.1:0', '--db', join(data, 'hub.sqlite3'), '--seed', 'demo', '--dev-login',
    '--static-dir', process.env.HUB_STATIC_DIR, '--no-dns', '--allow-private-token-hosts',
    '--token-ca', certs.ca, '--resolve', `${TOKEN_HOST}=127.0.0.1`, '--token-port', String(endpoint.address().port),
    ...args,
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((resolve, reject) => {
    hub.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
    createInterface({ input: hub.stdout }).on('line', (line) => {
      if (line.startsWith('listening on ')) resolve(line.slice('listening on '.length).trim());
    });
  });
  const stop = async () => {
    if (hub.exitCode === null) hub.kill('SIGKILL');
    await new Promise((resolve) => endpoint.close(resolve));
    rmSync(data, { recursive: true, force: true });
  };
  return { url, tokenUrl, stop };
}
