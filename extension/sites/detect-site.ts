import { CONFIDENCE, detect, type DetectResult, type DetectedSubject } from '../../core/detect';
import type { SiteAdapter } from './define-site';
import { licenceUrlOf, readShop, type ShopReading } from './read';

/** Detection on a page with its platform's adapter: core detection plus what the adapter's ways read. */
export interface SiteDetection {
  result: DetectResult;
  shop: ShopReading & { licenceUrl: string | null };
}

/**
 * Runs detection with the adapter's selectors, then its ways: the shop name they read replaces the selector-only
 * one, and an operator name the platform embeds in its page data (not shown as text) becomes a shop subject with
 * the adapter as its source, unless detection already named a shop subject with that name.
 *
 * @param doc the page
 * @param site its adapter, or undefined for a page no adapter claims (plain detection)
 * @param href the page address
 */
export function detectWithSite(doc: Document, site: SiteAdapter | undefined, href: string): SiteDetection {
  if (!site) {
    const result = detect(doc);
    const none = { shopName: null, shopId: null, operator: null, anchor: null, via: { shopName: -1, shopId: -1, operator: -1 } };
    return { result, shop: { ...none, licenceUrl: null } };
  }
  const result = detect(doc, { adapters: [{ id: site.id, ...site.selectors }] });
  const shop = readShop(doc, site, href);
  const subjects = [...result.subjects];
  // A copyright line naming the same company does not stand in for the platform's own data (it is never looked up).
  if (shop.operator && !subjects.some((s) => s.role === 'shop' && s.name === shop.operator && s.source !== 'copyright')) {
    const embedded: DetectedSubject = {
      uscc: null, regNo: null, name: shop.operator, source: 'adapter', sources: ['adapter'], confidence: CONFIDENCE.adapterName,
      checksum: 'n/a', role: 'shop', label: null, element: null,
    };
    // After the shop's own subjects that carry a code (a code outranks a name from page data), before the rest.
    const at = subjects.findIndex((s) => s.role !== 'shop' || !s.uscc);
    subjects.splice(at < 0 ? subjects.length : at, 0, embedded);
  }
  return {
    result: { ...result, subjects, shopName: shop.shopName ?? result.shopName },
    shop: { ...shop, licenceUrl: licenceUrlOf(site, shop.shopId) },
  };
}
