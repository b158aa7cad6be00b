import { browser } from '#imports';
import { assess, collectPageFacts, cssPath, fromDetect, type Box } from '../../core/audit';
import { sha256Hex } from '../../core/crypto';
import { detect } from '../../core/detect';
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
  const first = collectPageFacts(doc, { url: snap.url, viewport: snap.viewport, detection: fromDetect(detect(doc)) });
  // Selectors come from the parsed copy; the live page answers with their boxes.
  const selectors = [first.licence, ...first.marks, ...first.standardPositions].filter((s) => s).map((s) => s!.selector);
  const boxes = await inTab(tabId, measureElements, [selectors]);
  const byId = new Map(selectors.map((s, i) => [s, boxes[i]] as [string, Box | null]));
  // Same document, same selectors: the second pass reads the boxes the live page measured.
  const facts = collectPageFacts(doc, {
    url: snap.url, viewport: snap.viewport, detection: fromDetect(detect(doc)),
    measure: (el) => byId.get(cssPath(el)) ?? { x: 0, y: 0, width: 0, height: 0 },
  });
  const lists = await ListStore.open(indexedDB).then(idbLocalLists).catch(() => undefined);
  const { input, findings } = await assess(facts, { trust: await loadTrust(), lists, now: Date.now() });
  const screenshot = await capture(tab, returnTo);
  return {
    id: idOf(), url: snap.url, site: siteOf(snap.url), time: new Date().toISOString(), title: facts.title, pageKind: facts.pageKind,
    screenshot, html: snap.html, htmlSha256: sha256Hex(new TextEncoder().encode(snap.html)), data: JSON.parse(JSON.stringify(input)),
    findings: findings.map((f) => ({ ...f, verdict: 'undecided', note: '' })),
  };
}

