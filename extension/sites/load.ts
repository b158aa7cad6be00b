import type { SiteAdapter } from './define-site';
import { SITES } from './index';
import { ADAPTER_DATA_KEY, mergeSites } from './merge';

/** Whether a CSS selector parses: tried on an empty fragment, so it neither touches nor matches the page. */
export function selectorParses(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The adapters a content script uses: the bundled ones with the adapter data in force laid over them
 * (mergeSites); the bundled ones alone when storage cannot be read. `stored`: what storage held (adapter health
 * names the files its adapter was made of), undefined when it could not be read.
 */
export async function loadSitesAndData(): Promise<{ sites: readonly SiteAdapter[]; stored: unknown }> {
  try {
    const stored: unknown = (await browser.storage.local.get(ADAPTER_DATA_KEY))[ADAPTER_DATA_KEY];
    return { sites: mergeSites(SITES, stored, selectorParses), stored };
  } catch {
    return { sites: SITES, stored: undefined };
  }
}

/** The adapters a content script uses (loadSitesAndData without what storage held). */
export const loadSites = async (): Promise<readonly SiteAdapter[]> => (await loadSitesAndData()).sites;
