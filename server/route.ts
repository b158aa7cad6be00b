import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain node:http route (demo pages, built files): answers and returns true, or returns false to let the next try. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
