import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import { BATCH_PATH, SUBJECT_PATH } from '../core/sources';
import { errorBody, sendError, UNKNOWN_PATH, type Route } from './route';
import { builtFiles } from './routes/built';

/** Limits of every request; the defaults suit a public status endpoint. */
export interface HttpLimits {
  /** Largest request body in bytes (default 16 KiB); more is 413. */
  bodyBytes?: number;
  /** Whole request (headers and body) must arrive within this many ms (default 5000); else 408 and the socket closes. */
  requestMs?: number;
}

/** Where and what the server logs: one JSON object per line. */
export interface LogOptions {
  stream: Writable;
  /** Log client addresses and full request paths together (off: a log line never pairs an address with a looked-up code). */
  clientAddresses?: boolean;
  /** One line per request (default true); errors are logged either way. */
  requests?: boolean;
}

export interface AppOptions extends HttpLimits {
  port: number;
  host?: string;
  /** Fastify plugins registered first (the status endpoint). */
  plugins?: FastifyPluginAsync[];
  /** Plain node:http routes tried, in order, for any other GET/HEAD (demo pages), then the built files. */
  routes?: Route[];
  /** Readiness check behind /readyz (e.g. the database answers); throws when not ready. */
  ready?: () => Promise<void>;
  log?: LogOptions;
}

/** A running app: the node server (address, close) and a drain that finishes in-flight requests first. */
export interface RunningApp {
  server: Server;
  app: FastifyInstance;
  /** Stops accepting, answers what is in flight, closes idle keep-alive sockets, then resolves. */
  drain(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

// Errors the HTTP parser raises before any route runs: unknown method, bad request line, header or body timeout.
function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT';
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason, code, message] = timeout
    ? [408, 'Request Timeout', 'request-timeout', 'the request did not arrive in time']
    : tooLarge
      ? [431, 'Request Header Fields Too Large', 'bad-request', 'the request headers are too large']
      : [400, 'Bad Request', 'bad-request', 'the request could not be parsed'];
  const body = JSON.stringify(errorBody(code, message));
  // CORS as on every answer of the endpoint: a page's fetch then reads this error instead of a CORS failure.
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`);
}

// The URL of a request for the plain routes, or undefined when the target cannot be one (then 400).
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * Builds the Fastify app behind `xinbiao serve`: /healthz, /readyz, the plugins, then the plain routes and the
 * built files; everything else is a JSON 404. Malformed requests get a JSON error and never reach a handler.
 */
export function buildApp(options: Omit<AppOptions, 'port' | 'host'>): FastifyInstance {
  const requestMs = options.requestMs ?? 5000;
  const bodyLimit = options.bodyBytes ?? 16 * 1024;
  const clientAddresses = options.log?.clientAddresses ?? false;
  const app = Fastify({
    // Node checks the request timeout on this interval; the default (30 s) would let slow senders sit far longer.
    // Node's own answer to a missing Host is a bare 400; ours (onRequest below) is the JSON one.
    serverFactory: (handler) => {
      const server = createServer({ requestTimeout: requestMs, headersTimeout: requestMs, connectionsCheckingInterval: Math.min(1000, requestMs), requireHostHeader: false }, handler);
      // `Expect: 100-continue`: Node would invite any body; one declared over the limit gets its 413 (JSON, from
      // the app) before a byte of it is sent.
      server.on('checkContinue', (req, res) => {
        if (!(Number(req.headers['content-length']) > bodyLimit)) res.writeContinue();
        handler(req, res);
      });
      // Any other expectation: Node's own 417 has no body, and every refusal here is the protocol's JSON, with CORS.
      server.on('checkExpectation', (_req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        sendError(res, 417, 'expectation-failed', 'only Expect: 100-continue is understood');
      });
      return server;
    },
    bodyLimit,
    clientErrorHandler: clientError,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Fastify's own request lines carry the client address and the full path: ours (onResponse) do not by default.
    logController: new LogController({ disableRequestLogging: true }),
    logger: options.log ? { stream: options.log.stream, level: 'info', base: null, serializers: { req: (r) => ({ method: r.method }) } } : false,
    routerOptions: { maxParamLength: 200 },
    // A target the router cannot decode (bad %-escape): under /v1/subjects/ that is a bad code, elsewhere a bad request.
    frameworkErrors: (err, req, reply: FastifyReply) => {
      const code = req.url?.startsWith(SUBJECT_PATH) ? 'invalid-uscc' : 'bad-request';
      void reply.code(400).header('cache-control', 'no-store').type(JSON_TYPE).send(errorBody(code, code === 'invalid-uscc' ? 'not an 18-character unified social credit code' : err.message));
    },
  });
  // Every body is read as text: the status endpoint accepts JSON with or without a content type (and a BOM).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  if (options.log && options.log.requests !== false) {
    app.addHook('onResponse', async (req, reply) => {
      const line: Record<string, unknown> = { method: req.method, route: req.routeOptions.url ?? 'other', status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
      if (clientAddresses) Object.assign(line, { client: req.ip, path: req.url });
      req.log.info(line, 'request');
    });
  }
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ code: err.code, message: err.message }, 'request failed');
    const code = status === 413 ? 'payload-too-large' : status === 429 ? 'rate-limited' : status === 503 ? 'overloaded' : status >= 500 ? 'internal' : 'bad-request';
    const message = status >= 500 ? 'the server could not answer' : err.message;
    void reply.code(status).header('cache-control', 'no-store').type(JSON_TYPE).send(errorBody(code, message));
  });
  // HTTP/1.1 requires Host (RFC 9112 §3.2); an older request may leave it out.
  app.addHook('onRequest', async (req, reply) => {
    if (req.raw.httpVersion === '1.1' && req.headers.host === undefined) return reply.code(400).header('cache-control', 'no-store').type(JSON_TYPE).send(errorBody('bad-request', 'an HTTP/1.1 request needs a Host header'));
  });
  app.get('/healthz', async (_req, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));
  app.get('/readyz', async (req, reply) => {
    try {
      await options.ready?.();
      return reply.header('cache-control', 'no-store').send({ ok: true });
    } catch (err) {
      req.log.warn({ message: (err as Error).message }, 'not ready');
      return reply.code(503).header('cache-control', 'no-store').send(errorBody('not-ready', 'the database does not answer'));
    }
  });
  for (const plugin of options.plugins ?? []) void app.register(plugin);
  const routes: Route[] = [...(options.routes ?? []), builtFiles];
  app.setNotFoundHandler(async (req, reply) => {
    const url = requestUrl(req.raw);
    if (!url) return reply.code(400).header('cache-control', 'no-store').send(errorBody('bad-request', 'the request target is not a path'));
    if (req.method === 'GET' || req.method === 'HEAD') {
      reply.hijack();
      const res: ServerResponse = reply.raw;
      try {
        for (const route of routes) if (await route(req.raw, res, url)) return;
        sendError(res, 404, UNKNOWN_PATH, `nothing at ${url.pathname}`);
      } catch (err) {
        req.log.error({ message: (err as Error).message }, 'route failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': JSON_TYPE });
        res.end(JSON.stringify(errorBody('internal', 'the server could not answer')));
      }
      return;
    }
    if (url.pathname.startsWith(SUBJECT_PATH) || url.pathname === BATCH_PATH) return reply.code(405).header('cache-control', 'no-store').send(errorBody('method-not-allowed', `${req.method} is not answered here`));
    return reply.code(404).header('cache-control', 'no-store').send(errorBody(UNKNOWN_PATH, `nothing answers ${req.method} here`));
  });
  return app;
}

/** Starts the app on host:port (default 127.0.0.1). Rejects with the listen error (e.g. EADDRINUSE). */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = buildApp(options);
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  return { server: app.server, app, drain: () => app.close() };
}
