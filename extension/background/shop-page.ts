import { SITES, siteFor, type SiteAdapter } from '../sites';
import { licenceUrlOf, shopIdFromUrl } from '../sites/read';
import type { Finding, PageReport, Reason, ShopRef, SubjectReport } from '../platform/schemas';
import type { Req } from '../platform/protocol';
import { openOnce } from './open-once';
import { openShopMemory, operatorReading, type Reading, type RememberedOperator, type ShopMemory } from './shop-memory';

/** The shop a page report names, checked by the background against the adapters and the frame's own address. */
export interface ShopOfPage {
  site: SiteAdapter;
  id: string;
  /** Built here from adapter data (licenceUrlOf), whatever the message said. */
  licenceUrl: string | null;
  /** May this page write the memory, and as what: its address is the shop's licence page, or carries the shop id. */
  writes: Reading['kind'] | null;
  /** May this page read the memory: its id came from the bundled adapter's ways, not only from adapter data. */
  recalls: boolean;
  /** Host and path of the frame, without the query: where a reading was made. */
  path: string;
}

const hostPath = (u: URL) => `${u.host}${u.pathname}`.slice(0, 500);

/**
 * Checks the page's shop against the frame address the browser reported (not the page's own `url`): the adapter
 * named must be the one for that address. Any page may READ the memory by the id it shows (a page can fake an id,
 * so at worst it shows that shop's operator); only a page whose address is the shop's licence page or itself
 * carries that id (a `url` way) may WRITE, both as the BUNDLED adapter says; an id only adapter data's ways read
 * (`ref.data`) may not READ (docs/extension.md, "Remembered operators"). Null when the shop does not hold.
 * `sites`: the adapters as adapter data left them (lists.ts currentSites): the licence link and the adapter check.
 */
export function shopOfPage(ref: ShopRef | undefined, frameUrl: string | undefined, sites: readonly SiteAdapter[] = SITES): ShopOfPage | null {
  if (!ref || !frameUrl) return null;
  const site = sites.find((s) => s.id === ref.site);
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return null;
  }
  if (!site || siteFor(frameUrl, sites) !== site) return null;
  const licenceUrl = licenceUrlOf(site, ref.id);
  // Who may write is decided by the bundled adapter alone: adapter data finds the shop, it does not vouch for a page.
  const own = SITES.find((s) => s.id === site.id) ?? site;
  const ownLicence = licenceUrlOf(own, ref.id);
  const licence = ownLicence ? new URL(ownLicence) : null;
  // The address must carry this very id: a licence page whose id is in its query shares its path with every shop's.
  const ownId = shopIdFromUrl(own, frameUrl) === ref.id;
  const onLicence = ownId && !!licence && licence.host === url.host && licence.pathname === url.pathname;
  const writes = onLicence ? 'licence' : ownId ? 'page' : null;
  return { site, id: ref.id, licenceUrl, writes, recalls: ref.data !== true, path: hostPath(url) };
}

/** The reason of a shop page whose operator is not known yet (bilingual, level unknown). */
export const OPERATOR_UNKNOWN: Reason = {
  code: 'operator.unknown', level: 'unknown',
  zh: '经营者未知：请打开本店营业执照页', en: "Operator not known yet: open this shop's licence page",
};

// How sure a remembered operator is: below every reading of the page itself (core/detect CONFIDENCE).
const MEMORY_CONFIDENCE = 0.4;

/** The shop memory in the extension's IndexedDB, opened once per worker. */
export const shopMemory: () => Promise<ShopMemory> = openOnce(() => openShopMemory(indexedDB));

/**
 * Before the report: remembers what a writing page names, and for a page that names no operator of its own (no
 * finding, no mark) returns the remembered one as its finding (source `memory`). The page's own operator always
 * wins: memory is only read when the page shows none.
 */
export async function withShopMemory(req: Req<'content:page'>, shop: ShopOfPage | null, mem: ShopMemory): Promise<{ req: Req<'content:page'>; remembered: RememberedOperator | null }> {
  if (!shop) return { req, remembered: null };
  const reading = shop.writes ? operatorReading(req.subjects, shop.writes) : null;
  if (shop.writes && reading) await mem.remember({ site: shop.site.id, id: shop.id, ...reading, kind: shop.writes, path: shop.path });
  if (!shop.recalls || req.subjects.length > 0 || req.marks.length > 0) return { req, remembered: null };
  const remembered = await mem.recall(shop.site.id, shop.id);
  if (!remembered) return { req, remembered: null };
  const finding: Finding = { ...(remembered.uscc ? { uscc: remembered.uscc } : {}), ...(remembered.name ? { name: remembered.name } : {}), source: 'memory', confidence: MEMORY_CONFIDENCE };
  return { req: { ...req, subjects: [finding] }, remembered };
}

/**
 * After the report: the remembered subject says where and when it was read and links the licence page; a shop page
 * with no operator at all gets one `unknown` subject ("operator not known yet"), which links the licence page where
 * the adapter can address it by shop id; elsewhere the shopper opens it from the shop's own page.
 */
export function annotateShop(report: PageReport, shop: ShopOfPage | null, remembered: RememberedOperator | null): PageReport {
  if (!shop) return report;
  const link = shop.licenceUrl ? { licenceUrl: shop.licenceUrl } : {};
  const subjects = report.subjects.map((s): SubjectReport => (remembered && s.source === 'memory'
    ? { ...s, ...link, readOn: { kind: remembered.kind, path: remembered.path, at: new Date(remembered.at).toISOString() } }
    : s));
  if (subjects.length === 0) {
    subjects.push({ key: `shop:${shop.site.id}:${shop.id}`, name: '', source: 'shop-id', level: 'unknown', reasons: [OPERATOR_UNKNOWN], marks: [], ...link });
  }
  return { ...report, subjects };
}
