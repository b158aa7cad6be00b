import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain node:http route (demo pages, built files): answers and returns true, or returns false to let the next try. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

/**
 * The code of a 404 for a path outside the protocol. Never the protocol's `not-found` (nothing known about a code):
 * a client whose base URL is wrong must see a garbled answer, not "no credit information" (docs/status-endpoint.md).
 */
export const UNKNOWN_PATH = 'unknown-path';

/** The protocol's error body, also used for errors outside the status endpoint. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Answers a plain route's refusal as the protocol's JSON error body, never cached. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(errorBody(code, message)));
}
