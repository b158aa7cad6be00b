import { USCC_SHAPE } from '../../core/identifiers';
import { leadingLiteral } from '../../core/lists';
import type { SiteAdapter } from '../sites/define-site';
import { LABELS, type ShopProbe } from './may-hold-shop';

// Made at build time and by the adapter-data probe; kept apart from the look itself, so the first part that the
// manifest lists carries no core code (bench content-idle).

// Marks, 亮照 links, JSON-LD (an Organization's name and taxID, inside a script the text look skips) and labelled
// title attributes (no text at all): what detection reads a shop from besides text, found by the one querySelector.
const PROBE_ELEMENTS = ['xinbiao-mark', 'a[href*="gsxt.gov.cn" i]', 'script[type*="ld+json" i]', ...LABELS.map((l) => `[title*="${l}"]`)];

/** The literal name a script way's pattern starts with (`__INIT_DATA[\\s\\S]…` → `__INIT_DATA`), when it is a long one. */
function dataMarker(pattern: string): string[] {
  const word = leadingLiteral(pattern);
  return word.length >= 6 ? [word] : [];
}

/** The probe for a set of adapters: the union of their selectors, so one probe serves every platform and any site. */
export function shopProbe(sites: readonly SiteAdapter[]): ShopProbe {
  const blocks = sites.flatMap((s) => [...s.selectors.shopName, ...s.selectors.licenceBlock, ...s.selectors.hoverTitle]);
  return {
    selector: [...new Set([...PROBE_ELEMENTS, ...blocks])].join(','),
    platformBlock: [...new Set(sites.flatMap((s) => s.selectors.platformBlock))],
    dataMarkers: [...new Set(sites.flatMap((s) => s.ways.operator.flatMap((w) => (w.from === 'script' ? dataMarker(w.pattern) : []))))],
    code: USCC_SHAPE,
  };
}
