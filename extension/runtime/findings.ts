import type { SiteAdapter, Way } from '../sites/define-site';
import { SITES } from '../sites';
import { detectWithSite } from '../sites/detect-site';
import type { Req } from '../platform/messaging';
import type { ShopReading } from '../sites/read';

/** One detection pass, reduced to what the background needs: codes, names, sources and mark tokens. */
export const findOnPage = (doc: Document, site: SiteAdapter | undefined): Req<'content:page'> => scanPage(doc, site).found;

/** One detection pass: the findings for the background and which of the adapter's ways yielded (adapter health). */
export function scanPage(doc: Document, site: SiteAdapter | undefined): { found: Req<'content:page'>; via: ShopReading['via'] } {
  const { result: found, shop } = detectWithSite(doc, site, doc.location?.href ?? '');
  // A name only a copyright line gives is never looked up: a name anyone can write must not vouch for a shop.
  const subjects = found.subjects
    .filter((s) => s.role === 'shop' && (s.uscc || (s.name && s.source !== 'copyright')))
    .slice(0, 5)
    .map((s) => ({
      ...(s.uscc && s.checksum === 'ok' ? { uscc: s.uscc } : {}),
      ...(s.name ? { name: s.name.slice(0, 200) } : {}),
      source: s.source,
      confidence: s.confidence,
    }))
    .filter((s) => s.uscc || s.name);
  // What the page's own <xinbiao-mark> says it found (its data-outcome): compared with the extension's check, never trusted.
  const marks = found.marks.flatMap((m) => {
    if (m.kind !== 'xinbiao-mark' || !m.token) return [];
    const shown = (m.element as Element | null)?.getAttribute('data-outcome')?.slice(0, 40);
    return [{ token: m.token.slice(0, 20000), ...(shown ? { shown } : {}) }];
  });
  // The shop this page belongs to, for the background's shop memory (readShop validated the id; licenceUrlOf built the URL).
  // Only an id from the address or the platform's own page data: a link beside 进店 may sit in a seller's description,
  // and would let a page borrow another shop's remembered operator.
  const idWay = site && shop.shopId ? site.ways.shopId[shop.via.shopId] : undefined;
  // A way only adapter data gives may read a place a seller writes: its id links the licence page, never the memory.
  const fromData = !!idWay && !bundledWay(site!.id, idWay);
  const shopRef = site && shop.shopId && idWay && idWay.from !== 'near'
    ? { site: site.id, id: shop.shopId, ...(shop.licenceUrl ? { licenceUrl: shop.licenceUrl } : {}), ...(fromData ? { data: true as const } : {}) }
    : undefined;
  return { found: { url: doc.location?.href ?? '', subjects, marks, ...(shopRef ? { shop: shopRef } : {}) }, via: shop.via };
}

/** Whether a shop-id way is one of the bundled adapter's own (the same way, whatever list it now sits in). */
function bundledWay(siteId: string, way: Way): boolean {
  const own = JSON.stringify(way);
  return !!SITES.find((s) => s.id === siteId)?.ways.shopId.some((w) => JSON.stringify(w) === own);
}

/** Same findings, same key: the badge is redrawn only when what the page shows changed. */
export const findingsKey = (f: Req<'content:page'>): string =>
  JSON.stringify([f.url, f.subjects.map((s) => [s.uscc, s.name]), f.marks.map((m) => [m.token, m.shown]), f.shop?.site, f.shop?.id, f.shop?.data]);

/** Where the badge goes: after the shop name the adapter points at, or nowhere (a fixed corner). */
export function anchorFor(doc: Document, site: SiteAdapter | undefined): Element | null {
  for (const sel of site?.selectors.shopName ?? []) {
    const el = doc.querySelector(sel);
    if (el && el.getClientRects().length > 0) return el; // a hidden header cannot carry the badge
  }
  return null;
}
