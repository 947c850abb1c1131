// A launchpad stand-in: a page on an origin of its own (another port of loopback) with its own
// top bar, framing the app whose address is its `app` parameter (with the launchpad's
// parameters in that address).
import { createServer } from 'node:http';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function page(appUrl) {
  return `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Launchpad</title>
<style>body{margin:0;font-family:sans-serif}header{padding:8px 16px;background:#354a5f;color:#fff}iframe{border:0;width:100%;height:calc(100vh - 40px)}</style>
</head>
<body>
<header>Launchpad</header>
<iframe title="API-Portal-Verbindungen" src="${escape(appUrl)}"></iframe>
</body>
</html>`;
}

/** Starts the host page's server; `frame(appUrl)` is the address of the page framing `appUrl`. */
export async function startLaunchpad() {
  const server = createServer((request, response) => {
    const appUrl = new URL(request.url, 'http://launchpad').searchParams.get('app') ?? 'about:blank';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page(appUrl));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    frame: (appUrl) => `${origin}/?app=${encodeURIComponent(appUrl)}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
