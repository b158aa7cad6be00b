import type { SiteAdapter, Way } from '../sites/define-site';
import type { ShopReading } from '../sites/read';
import { isRec, liveFiles } from '../sites/merge';
import { pageKindOf } from '../sites/page-kind';
import type { AdapterDataRef, AdapterMiss, MissedValue, MissedWay } from '../platform/schemas';

// A value's list is never longer than this in a report (the message schema's bound).
export const MAX_WAYS = 64;

const selectorWays = (selectors: readonly string[]): Way[] => selectors.map((selector) => ({ from: 'selector', selector }));

/**
 * The ways an adapter tries for a value, in the order their indices count: readShop's (ways.shopName then
 * selectors.shopName; ways.shopId), and for the operator ways.operator then the licence blocks and hover titles
 * detection reads with the adapter's selectors.
 */
export function waysOf(site: SiteAdapter, value: MissedValue): Way[] {
  if (value === 'shopName') return [...site.ways.shopName, ...selectorWays(site.selectors.shopName)];
  if (value === 'shopId') return site.ways.shopId;
  return [...site.ways.operator, ...selectorWays(site.selectors.licenceBlock), ...selectorWays(site.selectors.hoverTitle)];
}

/**
 * The adapter data files an adapter is made of, in the order mergeSites lays them over it (liveFiles): each file
 * whose `sites` has an entry for `site`, as id, publisher id and version. Empty when the bundled adapter alone is in
 * force. `stored`: the files by id as storage holds them (ADAPTER_DATA_KEY; the background passes those it checked).
 * Read as it is, never throws; the background's schema checks what a content script sends.
 */
export function dataInForce(site: string, stored: unknown): AdapterDataRef[] {
  return liveFiles(stored).flatMap((data) => {
    if (!Array.isArray(data.sites) || !data.sites.some((s) => isRec(s) && s.site === site)) return [];
    const publisher = isRec(data.publisher) ? data.publisher.id : undefined;
    return [{ id: data.id, publisher, version: data.version } as AdapterDataRef];
  });
}

/**
 * What a page its adapter claims missed: the shop name or shop id when no way yielded it (readShop's `via` -1), the
 * operator when the page kind should show one (`kinds[kind].operator`) and the page showed none. Each with every way
 * of its list (all were tried): index and `from` only. Null when nothing missed or the address is of no page kind.
 *
 * @param href the page's own address: only its kind is kept, never the address
 * @param operatorShown detection found a shop subject or a mark on the page
 * @param data the adapter data files the adapter was made of (dataInForce; empty = bundled), sent so the background
 *   counts the miss only under the data it was made with
 */
export function missOnPage(site: SiteAdapter, href: string, via: ShopReading['via'], operatorShown: boolean, data: readonly AdapterDataRef[] = []): AdapterMiss | null {
  const kind = pageKindOf(site, href);
  if (!kind) return null;
  const missed: MissedValue[] = [];
  if (via.shopName < 0) missed.push('shopName');
  if (via.shopId < 0) missed.push('shopId');
  if (site.kinds[kind].operator && !operatorShown) missed.push('operator');
  if (missed.length === 0) return null;
  const ways = (value: MissedValue): MissedWay[] => waysOf(site, value).slice(0, MAX_WAYS).map((w, i) => ({ i, from: w.from }));
  return { site: site.id, kind, misses: missed.map((value) => ({ value, ways: ways(value) })), data: [...data] };
}

/** Takes each detection pass's miss (or null) for the address it ran on; sends at most one per address. */
export interface MissReporter {
  seen(href: string, miss: AdapterMiss | null): void;
}

/** How long a page must keep missing before it counts: a single-page app draws the shop name after its data arrives. */
export const MISS_SETTLE_MS = 3000;
/** At most this many addresses of one document count (a page that rewrites its address in a loop cannot inflate the table). */
export const MISS_MAX_PER_DOCUMENT = 20;

/**
 * Once per page load: a miss is sent when the address still misses MISS_SETTLE_MS after the first pass that missed
 * (a pass that finds the shop, or another address, cancels it), and never again for that address (without
 * fragment) in this document, however often the page re-renders. Addresses are kept in this closure only, never sent.
 */
export function missReporter(send: (miss: AdapterMiss) => void, settleMs = MISS_SETTLE_MS, maxPerDocument = MISS_MAX_PER_DOCUMENT): MissReporter {
  const reported = new Set<string>();
  let pending: { page: string; miss: AdapterMiss; timer: ReturnType<typeof setTimeout> } | undefined;
  return {
    seen(href, miss) {
      const page = href.split('#')[0]!;
      if (pending && (pending.page !== page || !miss)) {
        clearTimeout(pending.timer);
        pending = undefined;
      }
      if (!miss || reported.has(page) || reported.size >= maxPerDocument) return;
      // A page that keeps re-rendering does not postpone the count: the latest pass's miss is sent on time.
      if (pending) return void (pending.miss = miss);
      const next = {
        page, miss,
        timer: setTimeout(() => {
          pending = undefined;
          reported.add(page);
          send(next.miss);
        }, settleMs),
      };
      pending = next;
    },
  };
}
