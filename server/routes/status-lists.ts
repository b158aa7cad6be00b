import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PrivateJwk } from '../../core/crypto';
import { setBit, signStatusList } from '../../core/status';
import type { Route } from '../route';
import { PACKAGE_ROOT } from '../package-root';

const SAMPLES = resolve(PACKAGE_ROOT, 'samples');

/** One sample issuer's status list as samples/index.json describes it (bits, not a signed file: a list lives a day). */
export interface SampleStatusList {
  iss: string;
  /** The URL the sample trust list declares for the issuer; the list is served at its path. */
  url: string;
  privateKey: string;
  /** Number of bits, a multiple of 8. */
  size: number;
  /** Indices of withdrawn marks. */
  revoked: number[];
}

/** How long a list the demo signs stays fresh (its `expires`), and how long it is reused before being signed again. */
const LIFETIME_MS = 24 * 3600_000;
const RESIGN_MS = 3600_000;
// Public and the same for everyone: any origin may read it (the extension's included), no cookie is set or read.
const HEADERS = { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * The demo's status lists: `GET <path of the issuer's declared URL>` answers that issuer's list, signed with the
 * sample key at the time of the request (issued now, fresh for a day), with the sample's withdrawn marks set.
 * The whole list is the only answer: the path names the issuer, never a mark (docs/status-list.md).
 */
export function demoStatusLists(samples = SAMPLES, now: () => number = Date.now): Route {
  const index = JSON.parse(readFileSync(resolve(samples, 'index.json'), 'utf8')) as { statusLists?: SampleStatusList[] };
  const lists = new Map((index.statusLists ?? []).map((l) => [new URL(l.url).pathname, l]));
  const signed = new Map<string, { at: number; jws: Promise<string> }>();

  const sign = (l: SampleStatusList, at: number): Promise<string> => {
    const bits = new Uint8Array(l.size / 8);
    for (const i of l.revoked) setBit(bits, i, true);
    const key = JSON.parse(readFileSync(resolve(samples, l.privateKey), 'utf8')) as PrivateJwk;
    return signStatusList({ iss: l.iss, url: l.url, issued: new Date(at).toISOString(), expires: new Date(at + LIFETIME_MS).toISOString(), bits }, key);
  };

  return async (req, res, url) => {
    const list = lists.get(url.pathname);
    if (!list) return false;
    const t = now();
    let hit = signed.get(url.pathname);
    if (!hit || t - hit.at >= RESIGN_MS) signed.set(url.pathname, (hit = { at: t, jws: sign(list, t) }));
    const body = `${await hit.jws}\n`;
    const left = Math.max(0, Math.floor((hit.at + RESIGN_MS - t) / 1000));
    res.writeHead(200, { ...HEADERS, 'cache-control': `public, max-age=${Math.min(300, left)}`, 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
