import { resolve } from 'node:path';
import { markCategory } from '../../../core/data/marks';
import { linkTarget } from '../../../core/detect/links';
import { xinbiao } from '../../support/cli';
import { REAL_PAGES, realPages, type RealExpectation } from '../../support/real-pages';

// Real markup nobody here wrote (../shared/real-pages, read in place): what `xinbiao detect` reads from each page,
// held against what a person reading the page says (expected.json).
const PAGES = realPages();
const run = xinbiao('detect');

interface Json {
  subjects: { uscc: string | null; regNo: string | null; name: string | null; role: string }[];
  marks: { kind: string; href: string | null; serial: string | null }[];
  shopName: string | null;
  shop?: { name: string | null; id: string | null; operator: string | null };
}

// Our kinds by the corpus's words: regional systems are 'regional-licence'; telecom licences, seals and pictures of a
// licence are 'other'.
const CORPUS_KIND: Record<string, string> = { 'telecom-licence': 'other', 'site-seal': 'other', 'licence-image': 'other' };
const corpusKind = (kind: string) => {
  const c = markCategory(kind);
  return c ? CORPUS_KIND[c] ?? c : kind;
};
// The corpus gives a SAMR mark's code as the serial's head (the USCC, or an old serial's internal id), and a number
// as the page spaces it (京ICP证 160773号); we read numbers without spaces.
const codeOf = (m: Json['marks'][number]) => (m.kind === 'samr' ? m.serial?.split('-SAIC_SHOW_')[0] ?? null : m.serial);
const unspaced = (code: string | null) => code?.replace(/\s+/g, '') ?? null;
const hostOf = (m: Json['marks'][number]) => (m.href ? linkTarget(m.href)?.hostname ?? null : null);

/** Every way the detection differs from the person's reading, as short lines (empty: the page passes). */
function differences(json: Json, want: RealExpectation, withAdapter: boolean): string[] {
  const out: string[] = [];
  const found = json.marks.map((m) => ({ kind: corpusKind(m.kind), host: hostOf(m), code: codeOf(m) }));
  for (const w of want.marks.map((m) => ({ ...m, code: unspaced(m.code) }))) {
    if (!found.some((f) => f.kind === w.kind && f.host === w.host && f.code === w.code)) out.push(`mark ${w.kind} ${w.host} ${w.code} missed`);
  }
  for (const f of found) {
    // An icon link beside a text link to the same system (no number of its own) repeats an expected mark.
    const expected = want.marks.some((w) => w.kind === f.kind && w.host === f.host && (unspaced(w.code) === f.code || f.code === null));
    if (!expected) out.push(`mark ${f.kind} ${f.host} ${f.code} not on the page`);
  }
  const shop = json.subjects.filter((s) => s.role === 'shop');
  const op = want.operator;
  if (!op.uscc && !op.regNo && !op.name) {
    if (shop.length > 0) out.push(`operator ${JSON.stringify(shop[0])} not on the page`);
  } else {
    const first = shop[0];
    for (const field of ['uscc', 'regNo', 'name'] as const) {
      if (op[field] && first?.[field] !== op[field]) out.push(`operator ${field} ${op[field]} missed (got ${first ? first[field] : 'no subject'})`);
    }
  }
  if (withAdapter && want.shopName && json.shopName !== want.shopName) out.push(`shop name ${want.shopName} missed (got ${json.shopName})`);
  return out;
}

// What detection still misses on real pages, each asserted to miss, so the list stays exact as detection improves.
const KNOWN_GAPS: Record<string, string[]> = {};

describe('real pages (../shared/real-pages) in xinbiao detect', () => {
  const files = PAGES.map(([file]) => resolve(REAL_PAGES, file));
  const plain = run(...files);

  it('reads all 15 pages', () => {
    expect(PAGES).toHaveLength(15);
    expect(plain.code).toBe(0);
    expect(plain.lines).toHaveLength(15);
  });

  describe('without an adapter', () => {
    PAGES.forEach(([file, want], i) => {
      it(`${file}`, () => {
        const got = differences(plain.lines[i] as Json, want, false);
        // Platform pages name their shop and operator only through the adapter (page data, shop blocks).
        const platformOnly = want.platform !== 'other' ? got.filter((d) => d.startsWith('operator ')) : [];
        expect(got.filter((d) => !platformOnly.includes(d))).toEqual(KNOWN_GAPS[file] ?? []);
      });
    });
  });

  // One run per platform page, with its adapter and the address it was saved from.
  const withSite = new Map(PAGES.filter(([, want]) => want.platform !== 'other').map(([file, want]) =>
    [file, run('--site', want.platform, ...(want.url ? ['--url', want.url] : []), resolve(REAL_PAGES, file))]));

  describe("with the platform's adapter (--site)", () => {
    PAGES.filter(([, want]) => want.platform !== 'other').forEach(([file, want]) => {
      it(`${file} (${want.platform})`, () => {
        const r = withSite.get(file)!;
        expect(r.code).toBe(0);
        expect(differences(r.lines[0] as Json, want, true)).toEqual(KNOWN_GAPS[file] ?? []);
      });
    });
  });

  it('decodes the GBK item page by its <meta http-equiv> charset: the shop name and page data survive', () => {
    const r = withSite.get('jd-item-airmate-2015-gbk.html')!;
    expect(r.lines[0].shop).toEqual({
      name: '艾美特生活电器旗舰店', id: '1000001414', operator: null, licenceUrl: 'https://mall.jd.com/showLicence-1000001414.html',
    });
  });

  it('reads the shop ids and the operator the platforms embed in their page data', () => {
    const shop = (file: string) => withSite.get(file)!.lines[0].shop;
    expect(shop('tmall-item-winshare-2013.html')).toMatchObject({ name: '新华文轩网络书店', id: '57300329' });
    expect(shop('tmall-m-detail-data-seller.html')).toMatchObject({ name: 'kabeilin卡贝琳服饰旗舰店', id: '104143807' });
    expect(shop('1688-detail-init-data.html')).toMatchObject({ id: 'b2b-29266662898cf9d', operator: '广州欧博化妆品有限公司' });
  });
});
