import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { base64urlFromText } from '../../core/crypto';
import type { PrivateJwk } from '../../core/crypto';
import { decodeCompactJws, signCompactJws } from '../../core/trust';
import { MARK_TYP, type MarkPayload } from '../../core/marks';
import { homePage, shopPage, type DemoShop } from '../demo-site/pages';
import type { Route } from '../route';
import { serveStatic } from '../static';
import { PACKAGE_ROOT } from '../package-root';

const ROOT = PACKAGE_ROOT;
const SAMPLES = resolve(ROOT, 'samples');
const SITE = resolve(ROOT, 'server/demo-site');

/** Strict CSP for every demo page: the widget must work without inline script, inline style or eval. */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const HEADERS = { 'content-security-policy': DEMO_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

interface SampleShop extends DemoShop { mark: string | null }
const VARIANTS = ['expired', 'revoked-key', 'unknown-issuer', 'tampered', 'malformed'] as const;

const read = (p: string) => readFileSync(resolve(SAMPLES, p), 'utf8').trim();
const key = (kid: string): PrivateJwk | undefined => {
  try { return JSON.parse(read(`keys/${kid}.private.jwk.json`)) as PrivateJwk; } catch { return undefined; }
};

/**
 * The sample marks are bound to the sample origin (port 8080). The demo platform is their issuer and holds the
 * demo key, so it signs them again for the address it is actually served on; everything else stays as sampled.
 */
const resigned = new Map<string, Promise<string>>();

/** Signing is the slow part of a demo page: each (mark, origin, variant) is signed once per server. */
function forOrigin(sampleToken: string, origin: string, variant?: string): Promise<string> {
  const key = `${variant ?? ''}|${origin}|${sampleToken}`;
  let token = resigned.get(key);
  if (!token) {
    if (resigned.size >= 256) resigned.clear(); // the Host header is the client's to choose
    resigned.set(key, (token = resign(sampleToken, origin, variant)));
  }
  return token;
}

async function resign(sampleToken: string, origin: string, variant?: string): Promise<string> {
  let decoded;
  try { decoded = decodeCompactJws(sampleToken, MARK_TYP); } catch { return sampleToken; }
  const payload = decoded.payload as MarkPayload;
  const k = key(decoded.header.kid);
  if (!k || payload.bind.origin === origin || variant === 'unknown-issuer') return sampleToken;
  const token = await signCompactJws({ ...payload, bind: { ...payload.bind, origin } }, k, MARK_TYP);
  if (variant !== 'tampered') return token;
  // Same alteration as the sample: a changed payload under the original signature.
  const [h, , s] = token.split('.') as [string, string, string];
  const changed = { ...payload, bind: { ...payload.bind, origin }, credit: payload.credit.map((c, i) => (i === 0 ? { ...c, level: '钻石' } : c)) };
  return `${h}.${base64urlFromText(JSON.stringify(changed))}.${s}`;
}

// The Host header is the client's: only a plain host[:port] may end up in a signed mark's origin.
const hostOf = (host: string | undefined) => (host && /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host) ? host : 'localhost');

function send(res: Parameters<Route>[1], html: string): true {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...HEADERS });
  res.end(html);
  return true;
}

/** The demo platform: homepage with the query window, shop pages with signed marks, invalid-mark variants. */
export function demoPages(): Route {
  const index = JSON.parse(read('index.json')) as { shops: SampleShop[]; revocable?: SampleShop[]; statusLists?: { url: string }[]; root: { publicKey: string }; trust: { jws: string } };
  // Shops whose marks an issuer with a status list signed (one of them withdrawn): served like the others.
  const revocable = index.revocable ?? [];
  const shops = [...index.shops, ...revocable];
  return async (req, res, url) => {
    const p = url.pathname;
    const origin = `http://${hostOf(req.headers.host)}`;
    if (p === '/') return send(res, homePage(index.shops, [...VARIANTS], revocable, (index.statusLists ?? []).map((l) => new URL(l.url).pathname)));
    if (p === '/demo/site.css') return serveStatic(SITE, '/site.css', req, res, HEADERS), true;
    if (p === '/demo/trust.jws') return serveStatic(SAMPLES, `/${index.trust.jws}`, req, res, HEADERS), true;
    if (p === '/demo/root.jwk.json') return serveStatic(SAMPLES, `/${index.root.publicKey}`, req, res, HEADERS), true;
    const variant = /^\/shops\/youpin\/variants\/([a-z-]+)\/$/.exec(p)?.[1];
    if (variant && (VARIANTS as readonly string[]).includes(variant)) {
      const good = shops.find((s) => s.slug === 'youpin')!;
      return send(res, shopPage(good, await forOrigin(read(`marks/bad/${variant}.jws`), origin, variant), `${good.shopName}（${variant}）`));
    }
    const shop = shops.find((s) => s.path === p);
    if (!shop) return false;
    const token = shop.mark ? await forOrigin(read(shop.mark), origin) : '';
    return send(res, shopPage(shop, token));
  };
}
