import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendError, UNKNOWN_PATH } from './route';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.ndjson': 'application/x-ndjson; charset=utf-8', '.sig': 'text/plain; charset=utf-8',
  '.jws': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.zip': 'application/zip',
};

/** Serves one file below root; refuses paths that climb out of it. `headers` lets callers add e.g. a CSP. */
export function serveStatic(root: string, pathname: string, _req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    sendError(res, 400, 'bad-request', 'the path cannot be decoded');
    return;
  }
  const file = normalize(join(root, rel.endsWith('/') ? `${rel}index.html` : rel));
  if (file !== root && !file.startsWith(root + sep)) {
    sendError(res, 403, 'bad-request', 'the path leaves the served folder');
    return;
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    sendError(res, 404, UNKNOWN_PATH, `nothing at ${pathname}`);
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-store',
    ...headers,
  });
  createReadStream(file).pipe(res);
}
