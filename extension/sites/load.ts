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
 * (mergeSites); the bundled ones alone when storage cannot be read.
 */
export async function loadSites(): Promise<readonly SiteAdapter[]> {
  try {
    const stored = (await browser.storage.local.get(ADAPTER_DATA_KEY))[ADAPTER_DATA_KEY];
    return mergeSites(SITES, stored, selectorParses);
  } catch {
    return SITES;
  }
}
