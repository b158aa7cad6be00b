import { execWay, pageBudget, type PatternBudget } from '../../core/lists';
import type { SiteAdapter, Way } from './define-site';

/** What an adapter read about the shop on a page; every value is plain text, validated and clipped. */
export interface ShopReading {
  shopName: string | null;
  shopId: string | null;
  /** The operator's registered name where the platform embeds it (never a code: codes come from detection). */
  operator: string | null;
  /** The element that shows the shop name (the badge's anchor), when the name was read from an element. */
  anchor: Element | null;
  /** For each value, the index in its list of the way that yielded it (-1: none): which ways still work. */
  via: { shopName: number; shopId: number; operator: number };
}

// Scripts longer than this are not read (a bundle, not a state object); a value longer than MAX_VALUE is not a name.
const MAX_SCRIPT = 2_000_000;
const MAX_VALUE = 120;
/** The shape of a platform's shop id: what readShop accepts and what the page report and the shop memory carry. */
export const SHOP_ID = /^[0-9A-Za-z_.-]{1,64}$/;
const ID = SHOP_ID;

interface Found {
  value: string;
  element: Element | null;
}

/**
 * Reads the shop name, shop id and embedded operator name the adapter's ways point at, each way list in order.
 * Never throws; a page that lies in its data only changes what is shown as the shop's name, never a verdict.
 *
 * @param doc the page
 * @param site the page's adapter
 * @param href the page address (for `url` ways)
 */
export function readShop(doc: Document, site: SiteAdapter, href: string): ShopReading {
  let scripts: string[] | null = null;
  const scriptTexts = () => (scripts ??= inlineScripts(doc));
  const first = (ways: readonly Way[], valid: (v: string) => boolean) => {
    for (let i = 0; i < ways.length; i++) {
      const found = tryWay(ways[i]!, doc, href, scriptTexts);
      if (found && valid(found.value)) return { ...found, index: i };
    }
    return null;
  };
  const nameWays: Way[] = [...site.ways.shopName, ...site.selectors.shopName.map((selector) => ({ from: 'selector' as const, selector }))];
  const name = first(nameWays, isName);
  const id = first(site.ways.shopId, (v) => ID.test(v));
  const operator = first(site.ways.operator, isName);
  return {
    shopName: name?.value ?? null,
    shopId: id?.value ?? null,
    operator: operator?.value ?? null,
    anchor: name?.element ?? null,
    via: { shopName: name?.index ?? -1, shopId: id?.index ?? -1, operator: operator?.index ?? -1 },
  };
}

/** The shop's licence page for an id read from the page, or null. */
export function licenceUrlOf(site: SiteAdapter, shopId: string | null): string | null {
  return site.licenceUrl && shopId && ID.test(shopId) ? site.licenceUrl.replace('{id}', encodeURIComponent(shopId)) : null;
}

/**
 * The shop id the page's address itself carries (the adapter's `url` ways anchored at `^https?://` only, matched
 * without the fragment; null when a query parameter repeats), or null: the one reading a page cannot fake with its
 * content, so only such pages may write the shop memory (docs/extension.md).
 */
export function shopIdFromUrl(site: SiteAdapter, href: string): string | null {
  let own: string;
  try {
    const u = new URL(href);
    // A repeated parameter (`?shopId=A&shopId=B`) names two shops: which one the page shows is not ours to guess.
    const keys = [...u.searchParams.keys()];
    if (new Set(keys).size !== keys.length) return null;
    // The fragment is never sent to the platform: anyone who writes a link could put another shop's id there.
    own = `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  } catch {
    return null;
  }
  for (const way of site.ways.shopId) {
    // Only a pattern anchored at the address's start names the page's own shop, not an id mentioned in its query.
    if (way.from !== 'url' || !way.pattern.startsWith('^https?://')) continue;
    try {
      const found = pick(own, way.pattern, undefined, null);
      if (found && ID.test(found.value)) return found.value;
    } catch {
      // a bad pattern in adapter data: the next way
    }
  }
  return null;
}

function tryWay(way: Way, doc: Document, href: string, scripts: () => string[]): Found | null {
  // One budget for the way over all the texts it reads (scripts, links beside controls): each text alone bounds its
  // pattern, a page of many would not.
  const budget = pageBudget();
  try {
    switch (way.from) {
      case 'url':
        return pick(href, way.pattern, undefined, null, budget);
      case 'script': {
        for (const text of scripts()) {
          const found = pick(text, way.pattern, way.decode, null, budget);
          if (found) return found;
        }
        return null;
      }
      case 'near':
        return nearControl(doc, way.controls, way.attr, way.pattern, budget);
      case 'selector': {
        const el = doc.querySelector(way.selector);
        if (!el) return null;
        const raw = way.attr ? el.getAttribute(way.attr) : way.own ? ownText(el) : el.textContent;
        return typeof raw === 'string' ? pick(raw, way.pattern, way.decode, el, budget) : null;
      }
    }
  } catch {
    return null; // a bad selector or pattern in adapter data, or a page that throws on reads
  }
}

function pick(raw: string, pattern: string | undefined, decode: 'uri' | 'json' | undefined, element: Element | null, budget?: PatternBudget): Found | null {
  let value: string | undefined = raw;
  if (pattern) value = execWay(pattern, raw, budget)?.[1];
  if (value === undefined) return null;
  if (decode === 'uri') value = decodeURIComponent(value);
  else if (decode === 'json') value = JSON.parse(`"${value}"`) as string;
  value = value.replace(/\s+/g, ' ').trim();
  return value ? { value, element } : null;
}

/** The shop link beside a 进店 / 关注店铺 control: same address, inside the control's block, with text of its own. */
function nearControl(doc: Document, controls: readonly string[], attr: 'href' | undefined, pattern: string | undefined, budget: PatternBudget): Found | null {
  const isControl = (el: Element) => controls.includes((el.textContent ?? '').replace(/\s+/g, '').trim());
  // A link sits in each of the blocks around its control: read once, it spends the page's budget once.
  const read = new Set<Element>();
  for (const control of doc.querySelectorAll('a, button, span, div')) {
    if (control.childElementCount > 1 || !isControl(control)) continue;
    const href = control.closest('a')?.getAttribute('href') ?? '';
    const target = /^(https?:)?\/\/|^\//.test(href) ? href : null; // '#none', 'javascript:…': a button, not an address
    let block: Element | null = control.parentElement;
    for (let depth = 0; block && depth < 4; depth++, block = block.parentElement) {
      for (const link of block.querySelectorAll('a[href]')) {
        if (link === control || read.has(link) || isControl(link) || (target && link.getAttribute('href') !== target)) continue;
        if (!target && !/^(https?:)?\/\/|^\//.test(link.getAttribute('href') ?? '')) continue;
        read.add(link);
        const raw = attr ? link.getAttribute(attr) : link.textContent;
        const found = typeof raw === 'string' ? pick(raw, pattern, undefined, link, budget) : null;
        if (found) return found;
      }
    }
  }
  return null;
}

function inlineScripts(doc: Document): string[] {
  const out: string[] = [];
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const text = s.textContent ?? '';
    if (text.length <= MAX_SCRIPT) out.push(text);
  }
  return out;
}

function ownText(el: Element): string {
  let out = '';
  for (const n of el.childNodes) if (n.nodeType === 3) out += n.nodeValue ?? '';
  return out;
}

// A shop or company name: short, no markup characters or control characters.
const isName = (v: string) => v.length >= 2 && v.length <= MAX_VALUE && !/[<>{}\u0000-\u001f]/.test(v);
