import { browser } from '#imports';
import { assess, boxTargets, collectPageFacts, withBoxes } from '../../core/audit';
import { sha256Hex } from '../../core/crypto';
import { idbLocalLists, ListStore } from '../../core/lists';
import { trustList as loadTrust } from '../background/trust';
import { measureElements, snapshotPage } from './probe';
import type { AuditRecord } from './record';

async function inTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<R> {
  const [res] = await browser.scripting.executeScript({ target: { tabId }, func, args });
  return res?.result as R;
}

// Copied into the build by wxt.config.ts, so not in WXT's generated list of public paths.
const publicUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(path);

/**
 * captureVisibleTab shoots the visible tab of a window, so the audited tab is brought to the front first and the
 * audit tab afterwards. Chrome allows it with '<all_urls>' (asked for separately) or with activeTab, which the
 * toolbar popup grants for its tab ("审查此页"); with neither the call fails and the record keeps no screenshot.
 */
async function capture(tab: Browser.tabs.Tab, returnTo?: number): Promise<string> {
  if (!tab.id) return '';
  await browser.tabs.update(tab.id, { active: true });
  // Give the window a frame to show the tab it now has in front.
  await new Promise((r) => setTimeout(r, 250));
  try {
    return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch {
    return '';
  } finally {
    if (returnTo !== undefined) await browser.tabs.update(returnTo, { active: true });
  }
}

const idOf = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
const siteOf = (url: string) => { try { return new URL(url).host; } catch { return url; } };

/** Audits the page in a tab: snapshot and boxes from the tab, rules here, screenshot of the visible tab. */
export async function auditTab(tabId: number, returnTo?: number): Promise<AuditRecord> {
  const tab = await browser.tabs.get(tabId);
  const snap = await inTab(tabId, snapshotPage, []);
  const doc = new DOMParser().parseFromString(snap.html, 'text/html');
  // One detection on the parsed copy, one measurement in the live page: selectors name the same elements in both.
  const read = collectPageFacts(doc, { url: snap.url, viewport: snap.viewport });
  const selectors = boxTargets(read);
  const facts = withBoxes(read, selectors, await inTab(tabId, measureElements, [selectors]));
  const lists = await ListStore.open(indexedDB).then(idbLocalLists).catch(() => undefined);
  const { input, findings } = await assess(facts, { trust: await loadTrust(), lists, now: Date.now() });
  const screenshot = await capture(tab, returnTo);
  return {
    id: idOf(), url: snap.url, site: siteOf(snap.url), time: new Date().toISOString(), title: facts.title, pageKind: facts.pageKind,
    screenshot, html: snap.html, htmlSha256: sha256Hex(new TextEncoder().encode(snap.html)), data: JSON.parse(JSON.stringify(input)),
    findings: findings.map((f) => ({ ...f, verdict: 'undecided', note: '' })),
  };
}

