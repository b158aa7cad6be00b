import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { adapterHealth } from '../../../extension/background/adapter-health';
import { handlers } from '../../../extension/background/handlers';
import type { AdapterMiss } from '../../../extension/platform/schemas';

// The JD adapter's shop-name ways (extension/sites/jd.ts): the near way, then five selectors.
const miss: AdapterMiss = {
  site: 'jd', kind: 'item',
  misses: [{ value: 'shopName', ways: [{ i: 0, from: 'near' }, ...[1, 2, 3, 4, 5].map((i) => ({ i, from: 'selector' as const }))] }],
  data: [],
};
const page = { tabId: 7, url: 'https://item.jd.com/100012000001.html' };
const options = { tabId: 8, url: 'chrome-extension://test-extension-id/options.html' };

describe('popup and options messages from a content script (a frame a page controls)', () => {
  // The fake browser has no manifest; the report names the version it gives.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'XinBiao', version: '0.4.0' });

  it('cannot empty or read the adapter health table; the options page can', async () => {
    expect(await handlers['content:miss'](miss, page)).toEqual({ ok: true });
    await expect(handlers['options:health-clear']({}, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:clear']({}, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:health']({}, page)).rejects.toThrow('not from an extension page');
    expect((await (await adapterHealth()).rows()).map((r) => r.count)).toEqual([1]);

    expect((await handlers['options:health']({}, options)).rows.map((r) => [r.site, r.kind, r.value, r.count])).toEqual([['jd', 'item', 'shopName', 1]]);
    expect(await handlers['options:health-clear']({}, options)).toEqual({ ok: true });
    expect((await handlers['options:health']({}, options)).rows).toEqual([]);
  });

  it("cannot read another tab's report or change the subscriptions; content messages still answer it", async () => {
    await expect(handlers['popup:tab']({ tabId: 3 }, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:lists']({}, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:subscribe']({ url: 'https://lists.example/evil.ndjson' }, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:unsubscribe']({ url: 'https://lists.example/evil.ndjson' }, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['options:generic']({ enabled: true }, page)).rejects.toThrow('not from an extension page');
    await expect(handlers['popup:tab']({ tabId: 3 }, { url: 'chrome-extension://test-extension-id/popup.html' })).resolves.toEqual({ report: null });
    expect(await handlers['content:miss'](miss, page)).toEqual({ ok: true });
  });
});
