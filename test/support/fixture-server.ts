// Serves test/fixtures at / and the built widget at /dist/ on 127.0.0.1 for Playwright and benchmarks.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from '../../server/static';
import { REAL_PAGES, realPages } from './real-pages';

const ROOT = resolve(import.meta.dirname, '../..');

export function startFixtureServer(port: number): Promise<Server> {
  const fixtures = resolve(ROOT, 'test/fixtures');
  const dist = resolve(ROOT, 'dist');
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"bad-request","message":"the request target is not a path"}}');
    }
    if (url.pathname === '/healthz') return void res.end('ok');
    if (url.pathname.startsWith('/dist/')) return serveStatic(dist, url.pathname.slice(5), req, res);
    // The real pages beside the checkout, at /sites/<platform>/real/<file> (a platform's test path, so its adapter
    // applies): served as saved, with no charset in the header, so the browser reads the page's own declaration.
    const real = /^\/sites\/([a-z0-9]+)\/real\/([\w.-]+\.html)$/.exec(url.pathname);
    if (real) {
      const known = realPages().find(([file, want]) => file === real[2] && want.platform === real[1]);
      if (!known) return void res.writeHead(404).end();
      return void readFile(resolve(REAL_PAGES, known[0])).then((body) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
    }
    return serveStatic(fixtures, url.pathname, req, res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  const port = Number(process.argv[2] ?? 4173);
  startFixtureServer(port).then(() => console.error(`fixtures on http://127.0.0.1:${port}/`));
}
