import { identify } from '../../core/identifiers';
import type { Handlers, Subscription } from '../platform/messaging';
import { cleanReport, listProgress, settings, tabReport, updating } from '../platform/storage';
import { syncGenericScript } from './generic';
import { idbLocalLists, type ImportProgress } from '../../core/lists';
import { adapterDataInForce, currentSites, isBundled, listStore, subscriptions } from './lists';
import { buildReport } from './report';
import { markStatus } from './status-lists';
import { makeResolve } from './resolve';
import { trustList } from './trust';
import { showVerdict } from './action';
import { flagShownMarks } from './page-marks';
import { DEMO } from '../platform/edition';
import { annotateShop, shopMemory, shopOfPage, withShopMemory } from './shop-page';
import { clearStatusCache } from './status-cache';
import { acceptMiss, adapterHealth, healthReport } from './adapter-health';
import { dataInForce } from '../runtime/misses';

/** Writes the importer's progress to storage at most every 100 ms, and always the last (the options page watches it). */
function progressWriter() {
  let last = 0;
  return (url: string, { bytes, total }: ImportProgress) => {
    const now = Date.now();
    if (now - last < 100 && bytes !== total) return;
    last = now;
    void listProgress.getValue().then((p) => listProgress.setValue({ ...p, [url]: { read: bytes, ...(total ? { total } : {}) } }));
  };
}

/** Runs one subscription update, flagged in storage while it runs; core queues it behind any update already running. */
export async function updateOne(url: string): Promise<{ ok: boolean; error?: string }> {
  await updating.setValue([...new Set([...(await updating.getValue()), url])]);
  try {
    const out = await (await subscriptions()).updateNow(url, { onProgress: progressWriter() });
    return out.ok ? { ok: true } : { ok: false, error: `${out.error.zh} / ${out.error.en}` };
  } finally {
    await updating.setValue((await updating.getValue()).filter((u) => u !== url));
    const { [url]: _done, ...rest } = await listProgress.getValue();
    await listProgress.setValue(rest);
  }
}

async function listState(): Promise<Subscription[]> {
  const store = await listStore();
  const [subs, lists, busy] = await Promise.all([(await subscriptions()).all(), idbLocalLists(store).lists(), updating.getValue()]);
  return subs.map((s) => {
    const list = lists.find((l) => l.id === s.listId);
    return {
      url: s.url, bundled: isBundled(s.url), updating: busy.includes(s.url),
      ...(s.listId ? { listId: s.listId } : {}), ...(list ? { name: list.name, count: list.count, version: list.version } : s.version ? { version: s.version } : {}),
      ...(s.lastCheck ? { lastCheck: s.lastCheck } : {}), ...(s.lastSuccess ? { lastSuccess: s.lastSuccess } : {}),
      ...(s.lastError ? { lastError: s.lastError } : {}),
      ...(list?.staleSince ? { staleSince: list.staleSince } : {}),
    };
  });
}

const answers: Handlers = {
  async 'content:page'(page, sender) {
    const [trust, now] = [await trustList(), Date.now()];
    const shop = shopOfPage(page.shop, sender.url, await currentSites());
    // The shop memory failing (storage full, blocked) leaves the page's own findings as they are.
    const { req, remembered } = shop ? await withShopMemory(page, shop, await shopMemory()).catch(() => ({ req: page, remembered: null })) : { req: page, remembered: null };
    const built = await flagShownMarks(req, await buildReport(req, { trust, resolve: await makeResolve(), now, status: markStatus }), trust, now);
    const report = annotateShop(built, shop, remembered);
    if (sender.tabId !== undefined) await Promise.all([tabReport(sender.tabId).setValue(report), showVerdict(sender.tabId, report)]);
    return report;
  },
  async 'content:miss'(miss, sender) {
    // Checked against the frame's own address: a content script cannot count for another adapter or page kind.
    // One read of the files in force: the ways and the data the miss names are checked against the same adapter data.
    const files = await adapterDataInForce();
    const ok = acceptMiss(miss, sender.url, await currentSites(files), dataInForce(miss.site, files));
    if (!ok) return { ok: false, error: 'miss refused' };
    await (await adapterHealth()).count(ok);
    return { ok: true };
  },
  async 'options:health'() {
    const rows = await (await adapterHealth()).rows();
    return { rows, report: healthReport(rows, browser.runtime.getManifest().version) };
  },
  async 'options:health-clear'() {
    await (await adapterHealth()).clear();
    return { ok: true };
  },
  async 'popup:tab'({ tabId }) {
    return { report: cleanReport(await tabReport(tabId).getValue()) };
  },
  async 'popup:check'({ query }) {
    const q = query.trim();
    const id = identify(q);
    const looksLikeCode = /^[0-9A-Za-z]{15,18}$/.test(q);
    if (looksLikeCode && !(id.kind === 'uscc' && id.valid)) {
      return { error: `${'reason' in id ? id.reason : 'invalid code'} / 代码校验未通过` };
    }
    const finding = id.kind === 'uscc' && id.valid ? { uscc: id.code, source: 'query', confidence: 1 } : { name: q, source: 'query', confidence: 1 };
    const report = await buildReport({ url: 'about:blank', subjects: [finding], marks: [] }, { trust: await trustList(), resolve: await makeResolve(), now: Date.now() });
    return report.subjects[0] ? { subject: report.subjects[0] } : { error: 'nothing found / 未找到' };
  },
  async 'options:lists'() {
    return { subscriptions: await listState() };
  },
  async 'options:subscribe'({ url }) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error: '不是有效的网址 / not a valid URL' };
    }
    // Plain http only for the demo's lists on this machine; a release subscribes to https alone.
    const local = DEMO && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) return { ok: false, error: '名单地址必须使用 https / list URLs must use https' };
    await (await subscriptions()).add(parsed.href);
    return updateOne(parsed.href);
  },
  async 'options:unsubscribe'({ url }) {
    await (await subscriptions()).remove(url);
    return { ok: true };
  },
  async 'options:update'({ url }) {
    const urls = url ? [url] : (await (await subscriptions()).all()).map((s) => s.url);
    const results = await Promise.all(urls.map(updateOne));
    const failed = results.find((r) => !r.ok);
    return failed ?? { ok: true };
  },
  async 'options:clear'() {
    await Promise.all([(await shopMemory()).clear(), clearStatusCache(), (await adapterHealth()).clear()]);
    return { ok: true };
  },
  async 'options:generic'({ enabled }) {
    const on = await syncGenericScript(enabled);
    await settings.setValue({ ...(await settings.getValue()), generic: on });
    return { ok: on === enabled, ...(on === enabled ? {} : { error: '未获得访问所有网站的权限 / access to all sites was not granted' }) };
  },
};

const fromExtensionPage = (sender: { url?: string }) => !!sender.url && sender.url.startsWith(browser.runtime.getURL('/'));
type Answer = (data: unknown, sender: { tabId?: number; url?: string }) => Promise<unknown>;

/**
 * Every message the background answers; each request arrives already validated against the protocol map. The
 * popup's and options page's messages (`popup:*`, `options:*`) answer only the extension's own pages (`sender.url`
 * under runtime.getURL) and reject anything else: a content script runs in a frame a page controls, so a compromised
 * one must not read other tabs' reports, change subscriptions, or read or empty what the device kept.
 */
export const handlers = Object.fromEntries(Object.entries(answers as Record<string, Answer>).map(([name, answer]): [string, Answer] => [name,
  /^(popup|options):/.test(name) ? (data, sender) => (fromExtensionPage(sender) ? answer(data, sender) : Promise.reject(new Error('not from an extension page'))) : answer,
])) as Handlers;
