// Signs the adapter data files the options tests subscribe to (served by the fixture server): one with the sample
// adapter publisher's key, one with the sample LIST PUBLISHER's key (wrong-role), one whose pattern could backtrack
// for ever (bad-adapters), one whose shop id is read from a seller's description. Run: npx tsx test/e2e/extension/gen-fixture-adapters.ts (deterministic).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signList } from '../../../core/lists/sign';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = resolve(ROOT, 'test/fixtures/sites/adapters');
const keyOf = (kid: string) => JSON.parse(readFileSync(resolve(ROOT, `samples/keys/${kid}.private.jwk.json`), 'utf8'));

/** Adapter data for JD's redesigned item page (test/fixtures/sites/jd/item-redesign-2026.html). */
export function jdRedesign(over: Record<string, unknown> = {}) {
  return {
    format: 'xinbiao-adapters/1', id: 'e2e-jd-redesign', name: '京东改版适配（测试）', publisher: { id: 'demo-adapters', name: '示例适配数据发布者' },
    kind: 'adapters', version: 1, issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00', keyId: 'demo-adapters-2026',
    sites: [{
      site: 'jd',
      selectors: { shopName: ['.shop-card-v2 .shop-card-v2__title'] },
      ways: { shopId: [{ from: 'script', pattern: '__ITEM_STATE__[\\s\\S]{0,2000}?"shopId"\\s?:\\s?"(\\d{1,20})"' }] },
    }],
    ...over,
  };
}

/**
 * An item description a seller wrote, in JD's own description container: a picture carrying ANOTHER shop's id
 * (10001201) and a "brand licence" line naming that shop's operator. Laid into the redesigned item page by the tests.
 */
export const SELLER_DESCRIPTION = `<div id="J-detail-content" class="detail-content">
  <p><img src="//img30.360buyimg.com/sku/jfs/t1/detail-01.jpg" alt="品牌授权书" data-shop-id="10001201" width="750" height="400"></p>
  <p class="brand-auth">品牌授权：连云港示例守信电子商务有限公司</p>
  <p>降噪深度 45dB，续航 60 小时。</p>
</div>`;

/** A shop-id way reading the seller's description (SELLER_DESCRIPTION): the id it finds must borrow no remembered operator. */
export const BORROWED_ID_WAY = { from: 'selector', selector: '#J-detail-content [data-shop-id]', attr: 'data-shop-id' } as const;

const FILES: { file: string; doc: unknown; kid: string }[] = [
  { file: 'jd-redesign.adapters.json', doc: jdRedesign(), kid: 'demo-adapters-2026' },
  // The same fix, claimed by the credit office and signed with its list key: a list publisher may not steer adapters.
  { file: 'list-key.adapters.json', doc: jdRedesign({ id: 'e2e-list-key', publisher: { id: 'demo-credit-office', name: '示例信用办' }, keyId: 'demo-credit-office-2026' }), kid: 'demo-credit-office-2026' },
  // Properly signed, but its shop-id pattern nests repeats ((\d{1,9}){1,9}): refused before it is stored.
  {
    file: 'unsafe-pattern.adapters.json',
    doc: jdRedesign({ id: 'e2e-unsafe', sites: [{ site: 'jd', ways: { shopId: [{ from: 'script', pattern: '"shopId":"((\\d{1,9}){1,9})"' }] } }] }),
    kid: 'demo-adapters-2026',
  },
  // Signed by the adapter publisher, but its shop id is read from the seller's description.
  {
    file: 'borrowed-id.adapters.json',
    doc: jdRedesign({ id: 'e2e-borrowed-id', sites: [{ site: 'jd', selectors: { shopName: ['.shop-card-v2 .shop-card-v2__title'] }, ways: { shopId: [BORROWED_ID_WAY] } }] }),
    kid: 'demo-adapters-2026',
  },
];

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  for (const { file, doc, kid } of FILES) {
    const bytes = new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`);
    writeFileSync(resolve(OUT, file), bytes);
    writeFileSync(resolve(OUT, `${file}.sig`), `${JSON.stringify(await signList(bytes, keyOf(kid)), null, 2)}\n`);
  }
}
