import { createServer, type Server } from 'node:http';
import type { Route } from './route';
import { builtFiles } from './routes/built';

export interface AppOptions {
  port: number;
  host?: string;
  /** Extra routes tried before the built files (status endpoint, demo pages). */
  routes?: Route[];
}

/** The local server behind `xinbiao serve`: routes in order, then a 404 that says what exists. */
export function startApp(options: AppOptions): Promise<Server> {
  const routes: Route[] = [
    (_req, res, url) => (url.pathname === '/healthz' ? (res.end('ok'), true) : false),
    ...(options.routes ?? []),
    builtFiles,
  ];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${(err as Error).message}`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok(server));
  });
}
