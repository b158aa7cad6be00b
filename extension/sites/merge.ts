import { regexProblem } from '../../core/lists';
import type { SiteAdapter, SiteSelectors, SiteWays, Way } from './define-site';
import { matchesPattern } from './match';

/** The extension's local storage key of the adapter data in force: file id → { url, sha256, data } (core StoredAdapterData). */
export const ADAPTER_DATA_KEY = 'adapterData';

// Only where the shop name and id are: the operator ways and the licence, hover and platform blocks decide verdicts.
const SELECTOR_LISTS = ['shopName'] as const;
const WAY_LISTS = ['shopName', 'shopId'] as const;
const FROM = new Set(['script', 'url', 'near', 'selector']);

type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * The stored files that apply at `now` (ms), in the order they are laid over the bundled adapters (by file id): each
 * file's `data` as storage holds it, unchecked. An expired file applies no more, even before its subscription's next
 * check removes it. Never throws.
 */
export function liveFiles(stored: unknown, now = Date.now()): Rec[] {
  if (!isRec(stored)) return [];
  return Object.keys(stored).sort().flatMap((id) => {
    const file = stored[id];
    const data = isRec(file) && isRec(file.data) ? file.data : undefined;
    return data && isStr(data.expires) && Date.parse(data.expires) > now ? [data] : [];
  });
}

/**
 * The bundled adapters with the adapter data in force laid over them (docs/adapter-data.md): for each site id a file
 * names, each field it gives (selectors.shopName, spaRoot, ways.shopName, ways.shopId, licenceUrl) replaces the
 * bundled one; any other field stored (operator ways, licence, hover or platform blocks) is ignored; unknown
 * site ids are ignored; files apply in the order of their ids. The background stores only files that passed the
 * full check (core/lists/adapters.ts), but storage is read here as it is: a field with one value that would not
 * work (not a string, a selector `accepts` refuses, a pattern the rule refuses, a licence page off the site's own
 * hosts) leaves the bundled field in place; a file whose `expires` has passed at `now` (ms) is skipped (liveFiles).
 * Never throws.
 *
 * @param sites the bundled adapters
 * @param stored what local storage holds under ADAPTER_DATA_KEY
 * @param accepts whether a CSS selector parses (the content script tries it on an empty fragment)
 */
export function mergeSites(sites: readonly SiteAdapter[], stored: unknown, accepts: (selector: string) => boolean, now = Date.now()): readonly SiteAdapter[] {
  const selectorOk = (v: unknown): v is string => isStr(v) && v.length > 0 && safe(() => accepts(v));
  const patternOk = (v: unknown) => v === undefined || (isStr(v) && regexProblem(v) === null);
  const wayOk = (w: unknown): w is Way => isRec(w) && FROM.has(w.from as string) && patternOk(w.pattern) && (w.from === 'script' || w.from === 'url' ? isStr(w.pattern) : true)
    && (w.from !== 'selector' || selectorOk(w.selector)) && (w.from !== 'near' || (Array.isArray(w.controls) && w.controls.every(isStr)))
    && (w.attr === undefined || isStr(w.attr)) && (w.decode === undefined || w.decode === 'uri' || w.decode === 'json');
  const all = <T>(v: unknown, ok: (x: unknown) => x is T): T[] | undefined => (Array.isArray(v) && v.every(ok) ? v : undefined);

  let out = [...sites];
  for (const data of liveFiles(stored, now)) {
    for (const entry of Array.isArray(data.sites) ? data.sites : []) {
      if (!isRec(entry)) continue;
      const at = out.findIndex((s) => s.id === entry.site);
      if (at < 0) continue;
      const site = out[at]!;
      const selectors: SiteSelectors = { ...site.selectors };
      const ways: SiteWays = { ...site.ways };
      const sel = isRec(entry.selectors) ? entry.selectors : {};
      for (const k of SELECTOR_LISTS) selectors[k] = all(sel[k], selectorOk) ?? selectors[k];
      if (selectorOk(sel.spaRoot)) selectors.spaRoot = sel.spaRoot;
      const w = isRec(entry.ways) ? entry.ways : {};
      for (const k of WAY_LISTS) ways[k] = all(w[k], wayOk) ?? ways[k];
      const licenceUrl = ownLicenceUrl(site, entry.licenceUrl) ?? site.licenceUrl;
      out[at] = { ...site, selectors, ways, ...(licenceUrl ? { licenceUrl } : {}) };
    }
  }
  return out;
}

/** A licence page address from a file: https on its default port, with `{id}`, on one of the site's own hosts (its `matches`); else undefined. */
function ownLicenceUrl(site: SiteAdapter, value: unknown): string | undefined {
  if (!isStr(value) || value.length > 300 || !value.includes('{id}')) return undefined;
  let url: URL;
  try {
    url = new URL(value.replace('{id}', '1'));
  } catch {
    return undefined;
  }
  // A match pattern names no port, so the default port is required here: jd.com:8443 is no page of the platform's.
  return url.protocol === 'https:' && url.port === '' && site.matches.some((m) => matchesPattern(m, url)) ? value : undefined;
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}
