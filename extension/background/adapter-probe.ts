import { SITES, contentExcludes, contentMatches, TEST_HOSTS } from '../sites';
import { DEMO } from '../platform/edition';

const ID = 'xinbiao-adapter-probe';
const JS = ['adapter-probe.js'];

// A release holds no host permission for the localhost test hosts (wxt.config.ts `published`).
const published = (patterns: string[]) => (DEMO ? patterns : patterns.filter((p) => !TEST_HOSTS.some((h) => p.includes(`://${h}/`))));

/**
 * Registers the adapter probe (entrypoints/adapter-probe) on the adapters' pages while adapter data is in force,
 * removes it otherwise. The manifest's first part looks for the bundled selectors only (they are fixed at build
 * time); the probe looks for those of the files, so a page whose markup only a file knows still gets detection.
 */
export async function syncAdapterProbe(wanted: boolean): Promise<void> {
  if (!browser.scripting) return;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (existing.length && !wanted) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  if (existing.length || !wanted) return;
  await browser.scripting.registerContentScripts([
    { id: ID, matches: published(contentMatches(SITES)), excludeMatches: contentExcludes(SITES), js: JS, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
