// Regenerates samples/ byte for byte: fixed dates, keys derived from fixed seeds, Ed25519 signatures are deterministic.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64urlEncode } from '../core/crypto/base64url';
import type { PrivateJwk, PublicJwk } from '../core/crypto/ed25519';
import { Sha256 } from '../core/crypto/sha256';
import { completeUscc, orgCodeCheckChar } from '../core/identifiers';
import { LIST_FORMAT, signList, type CreditLevelLine, type ListFileKind, type ListHeader, type ListLine } from '../core/lists';
import { signMark, type MarkPayload } from '../core/marks';
import { MIN_STATUS_BITS } from '../core/status';
import { signTrustList, type TrustList } from '../core/trust';

// An optional argument writes elsewhere (the determinism test compares a fresh run with the committed files).
const OUT = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const ORIGIN = 'http://127.0.0.1:8080';
const ISSUED = '2026-11-01T00:00:00+08:00';
const IAT = Date.parse(ISSUED) / 1000;
const EXP = Date.parse('2036-11-01T00:00:00+08:00') / 1000;
const KEY_FROM = '2026-01-01T00:00:00+08:00';
const KEY_UNTIL = '2037-01-01T00:00:00+08:00';

/** Ed25519 key from a 32-byte seed (PKCS#8 wrapping of RFC 8410), so the demo keys never change. */
async function seededKey(kid: string): Promise<{ privateJwk: PrivateJwk; publicJwk: PublicJwk }> {
  const seed = new Sha256().update(new TextEncoder().encode(`xinbiao demo key, not secret: ${kid}`)).digest();
  const pkcs8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...seed]);
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const jwk = (await crypto.subtle.exportKey('jwk', key)) as JsonWebKey;
  return { privateJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d!, kid }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid } };
}

/**
 * Region code of every sample enterprise: GB/T 2260 gives provinces first digits 1–8 only (1 华北 … 8 港澳), so no
 * registration authority can issue a code in region 99xxxx and a sample code can never name a real enterprise
 * (docs/domain.md §2.1). The codes still pass both checks, so the product treats them as well-formed.
 */
const SAMPLE_REGION = '990000';

/** A valid USCC in the sample region with a valid embedded organization code. */
function demoUscc(category: string, body8: string): string {
  return completeUscc(`${category}${SAMPLE_REGION}${body8}${orgCodeCheckChar(body8)}`);
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
async function put(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(OUT, path)), { recursive: true });
  await writeFile(join(OUT, path), content);
}

interface Shop {
  slug: string;
  shopName: string;
  uscc?: string;
  name: string;
  kind: MarkPayload['sub']['kind'];
  lists: ListFileKind[];
  /** Slug of the shop whose mark this page shows (the counterfeit copies another's). */
  markOf: string | null;
  expectedMark: 'genuine' | 'copied' | 'none';
  expectedVerdict: 'good' | 'neutral' | 'caution' | 'danger' | 'unknown';
  note: string;
}

const U = {
  good: demoUscc('91', 'MA2H7Q01'),
  red: demoUscc('91', 'MA1N8K02'),
  black: demoUscc('91', 'MA5G3R03'),
  abnormal: demoUscc('92', 'MA8T4W04'),
  repaired: demoUscc('91', 'MA0L6P05'),
  expired: demoUscc('91', 'MA1C9J06'),
  onSale: demoUscc('91', 'MA7D2F07'),
  withdrawn: demoUscc('91', 'MA9K4H08'),
};

/**
 * The second sample platform, 示例优选, publishes a status list (docs/status-list.md): its marks carry an index and
 * the demo server signs the list afresh at this URL, with the `revoked` indices set.
 */
const SELECT = { id: 'demo-select', name: '示例优选', kid: 'demo-select-2026', statusList: `${ORIGIN}/status/demo-select.jws`, revoked: [5381] };

interface RevocableShop {
  slug: string;
  shopName: string;
  uscc: string;
  name: string;
  /** The mark's bit in 示例优选's status list. */
  idx: number;
  /** What the extension finds with the status list at hand; without it (the widget today) both are status-unknown. */
  expectedMark: 'genuine' | 'revoked';
  note: string;
}

const REVOCABLE: RevocableShop[] = [
  { slug: 'zaixian', shopName: '示例在售小铺', uscc: U.onSale, name: '示例在售日用品有限公司', idx: 1207, expectedMark: 'genuine', note: '示例优选签发、带状态列表的标识，未撤销 / a mark of 示例优选 with a status list, not withdrawn' },
  { slug: 'chehui', shopName: '示例撤标小铺', uscc: U.withdrawn, name: '示例撤标日用品有限公司', idx: 5381, expectedMark: 'revoked', note: '示例优选已通过状态列表撤销此店的标识（第 5381 位）/ 示例优选 withdrew this mark through its status list (bit 5381)' },
];

function revocablePayload(s: RevocableShop): MarkPayload {
  return {
    iss: SELECT.id, iat: IAT, exp: EXP,
    sub: { uscc: s.uscc, name: s.name, kind: 'company' },
    shop: { name: s.shopName },
    licence: { uscc: s.uscc, name: s.name, type: '有限责任公司', address: '示例省示例市示例路 2 号（虚构）', legalRepresentative: '赵*', established: '2021-06-01', authority: '示例市市场监督管理局', validUntil: '长期', status: '存续' },
    identity: { verifiedBy: SELECT.name, verifiedAt: '2026-10-20', method: '营业执照核验 + 法定代表人实名认证' },
    credit: [{ scheme: 'platform', schemeName: '示例优选店铺评级', level: '四星', issuer: SELECT.name, date: '2026-10-01' }],
    status: { idx: s.idx },
    bind: { origin: ORIGIN, path: `/shops/${s.slug}/` },
  };
}

const SHOPS: Shop[] = [
  { slug: 'youpin', shopName: '示例优品旗舰店', uscc: U.good, name: '杭州示例优品商贸有限公司', kind: 'company', lists: ['credit-level'], markOf: 'youpin', expectedMark: 'genuine', expectedVerdict: 'good', note: 'clean lists, tax credit A, genuine mark' },
  { slug: 'shouxin', shopName: '示例守信专营店', uscc: U.red, name: '连云港示例守信电子商务有限公司', kind: 'company', lists: ['red', 'credit-level'], markOf: 'shouxin', expectedMark: 'genuine', expectedVerdict: 'good', note: 'on the red list' },
  { slug: 'shixin', shopName: '示例失信折扣店', uscc: U.black, name: '深圳示例失信贸易有限公司', kind: 'company', lists: ['black', 'credit-level'], markOf: 'shixin', expectedMark: 'genuine', expectedVerdict: 'danger', note: 'on the black list (seriously dishonest), tax credit D' },
  { slug: 'yichang', shopName: '示例异常小店', uscc: U.abnormal, name: '厦门市思明区示例异常日用品店', kind: 'individual-business', lists: ['abnormal'], markOf: 'yichang', expectedMark: 'genuine', expectedVerdict: 'caution', note: 'individual business on the abnormal-operation list' },
  { slug: 'xiufu', shopName: '示例修复书店', uscc: U.repaired, name: '北京示例修复图书有限公司', kind: 'company', lists: ['abnormal'], markOf: 'xiufu', expectedMark: 'genuine', expectedVerdict: 'good', note: 'abnormal-operation entry repaired (信用修复): does not count' },
  { slug: 'guoqi', shopName: '示例过期茶行', uscc: U.expired, name: '上海示例过期茶叶有限公司', kind: 'company', lists: ['black'], markOf: 'guoqi', expectedMark: 'genuine', expectedVerdict: 'good', note: 'black-list entry expired 2025-06-30: does not count' },
  { slug: 'shougong', shopName: '示例手作小铺', name: '示例手作小铺（个人卖家 王*明）', kind: 'individual-seller', lists: [], markOf: 'shougong', expectedMark: 'genuine', expectedVerdict: 'good', note: 'exempt individual seller: masked name, self-declaration, no USCC' },
  { slug: 'fake-youpin', shopName: '示例优品旗舰店（仿冒）', uscc: U.good, name: '杭州示例优品商贸有限公司', kind: 'company', lists: ['credit-level'], markOf: 'youpin', expectedMark: 'copied', expectedVerdict: 'danger', note: "counterfeit: shows the genuine shop's mark on another path" },
];

function markPayload(s: Shop): MarkPayload {
  const individual = s.kind === 'individual-seller';
  const credit: MarkPayload['credit'] = [{ scheme: 'platform', schemeName: '示例商城店铺评级', level: s.slug === 'shixin' ? '二星' : '五星', issuer: '示例商城', date: '2026-10-01' }];
  const tax = CREDIT_LINES.find((l) => l.uscc === s.uscc);
  if (tax) credit.push({ scheme: tax.scheme, schemeName: tax.schemeName, level: tax.level, issuer: tax.issuer, date: tax.date });
  return {
    iss: 'demo-platform', iat: IAT, exp: EXP,
    sub: { ...(s.uscc ? { uscc: s.uscc } : {}), name: s.name, kind: s.kind },
    shop: { name: s.shopName },
    ...(individual ? {} : {
      licence: { uscc: s.uscc, name: s.name, type: s.kind === 'company' ? '有限责任公司' : '个体工商户', address: '示例省示例市示例路 1 号（虚构）', legalRepresentative: s.kind === 'company' ? '李*' : '陈*华', established: '2019-03-15', authority: '示例市市场监督管理局', validUntil: '长期', status: '存续' },
    }),
    identity: individual
      ? { verifiedBy: '示例商城', verifiedAt: '2026-10-20', method: '实名认证（身份证 + 人脸）', realName: '王*明', selfDeclaration: { text: '本店为个人销售自产手工艺品，依法无需办理市场主体登记。（示例）', exemption: 'handicraft' } }
      : { verifiedBy: '示例商城', verifiedAt: '2026-10-20', method: '营业执照核验 + 法定代表人实名认证' },
    credit,
    bind: { origin: ORIGIN, path: `/shops/${s.slug}/` },
  };
}

const AUTH = '示例市市场监督管理局（虚构）';
const RED_LINES: ListLine[] = [
  { uscc: U.red, name: '连云港示例守信电子商务有限公司', reason: '示例：连续三年纳税信用 A 级、无不良记录', authority: '示例市发展和改革委员会（虚构）', since: '2026-01-01', until: '2028-12-31' },
];
const BLACK_LINES: ListLine[] = [
  { uscc: U.black, name: '深圳示例失信贸易有限公司', reason: '示例：销售假冒商品，情节严重', authority: AUTH, since: '2026-05-10', until: '2029-05-09' },
  { uscc: U.expired, name: '上海示例过期茶叶有限公司', reason: '示例：虚假宣传（已届满）', authority: AUTH, since: '2022-07-01', until: '2025-06-30' },
];
const ABNORMAL_LINES: ListLine[] = [
  { uscc: U.abnormal, name: '厦门市思明区示例异常日用品店', reason: '示例：未按规定公示年度报告', authority: AUTH, since: '2026-07-01' },
  { uscc: U.repaired, name: '北京示例修复图书有限公司', reason: '示例：通过登记的住所无法联系', authority: AUTH, since: '2025-03-01', repairedAt: '2026-02-15' },
];
const CREDIT_LINES: CreditLevelLine[] = [
  { uscc: U.good, name: '杭州示例优品商贸有限公司', scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '国家税务总局示例市税务局（虚构）', date: '2026-04-15' },
  { uscc: U.red, name: '连云港示例守信电子商务有限公司', scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '国家税务总局示例市税务局（虚构）', date: '2026-04-15' },
  { uscc: U.black, name: '深圳示例失信贸易有限公司', scheme: 'tax', schemeName: '纳税信用等级', level: 'D', issuer: '国家税务总局示例市税务局（虚构）', date: '2026-04-15' },
];
const LISTS: { id: string; name: string; kind: ListFileKind; lines: (ListLine | CreditLevelLine)[] }[] = [
  { id: 'demo-red', name: '示例守信激励名单（红名单）', kind: 'red', lines: RED_LINES },
  { id: 'demo-black', name: '示例严重失信主体名单（黑名单）', kind: 'black', lines: BLACK_LINES },
  { id: 'demo-abnormal', name: '示例经营异常名录', kind: 'abnormal', lines: ABNORMAL_LINES },
  { id: 'demo-credit-level', name: '示例纳税信用等级', kind: 'credit-level', lines: CREDIT_LINES },
];

async function main(): Promise<void> {
  await rm(join(OUT, 'keys'), { recursive: true, force: true });
  for (const dir of ['trust', 'lists', 'marks']) await rm(join(OUT, dir), { recursive: true, force: true });
  const root = await seededKey('demo-root-2026');
  const platform = await seededKey('demo-platform-2026');
  const oldPlatform = await seededKey('demo-platform-2025');
  const office = await seededKey('demo-credit-office-2026');
  const rogue = await seededKey('rogue-2026');
  const select = await seededKey(SELECT.kid);
  const adapters = await seededKey('demo-adapters-2026');
  for (const k of [root, platform, oldPlatform, office, rogue, select, adapters]) {
    await put(`keys/${k.publicJwk.kid}.private.jwk.json`, json(k.privateJwk));
    await put(`keys/${k.publicJwk.kid}.public.jwk.json`, json(k.publicJwk));
  }

  const trust: TrustList = {
    format: 'xinbiao-trust/1', version: 1, issued: ISSUED, expires: '2036-12-31T23:59:59+08:00',
    issuers: [
      {
        id: 'demo-platform', name: '示例商城', kind: 'platform', origins: ['http://127.0.0.1:*', 'http://localhost:*'],
        keys: [
          { ...oldPlatform.publicJwk, kid: 'demo-platform-2025', from: '2025-01-01T00:00:00+08:00', until: KEY_UNTIL },
          { ...platform.publicJwk, kid: 'demo-platform-2026', from: KEY_FROM, until: KEY_UNTIL },
        ],
        revoked: [{ kid: 'demo-platform-2025', at: '2026-06-01T00:00:00+08:00', reason: '示例：密钥泄露演练 / demo compromise drill' }],
      },
      {
        id: 'demo-credit-office', name: '示例信用办', kind: 'list-publisher', origins: [],
        keys: [{ ...office.publicJwk, kid: 'demo-credit-office-2026', from: KEY_FROM, until: KEY_UNTIL }],
        revoked: [],
      },
      {
        id: SELECT.id, name: SELECT.name, kind: 'platform', origins: ['http://127.0.0.1:*', 'http://localhost:*'],
        keys: [{ ...select.publicJwk, kid: SELECT.kid, from: KEY_FROM, until: KEY_UNTIL }],
        revoked: [],
        statusList: SELECT.statusList,
        // Check pages must be https; the demo serves none, so this one sits on a reserved name (RFC 2606 .example).
        check: 'https://demo-select.example/check/{uscc}',
        // The sample marks live ten years (2026 → 2036) so that tests do not rot; 3,660 days is the format's ceiling.
        maxMarkDays: 3660,
      },
      {
        // Signs site adapter data files (docs/adapter-data.md) and nothing else.
        id: 'demo-adapters', name: '示例适配数据发布者', kind: 'adapter-publisher', origins: [],
        keys: [{ ...adapters.publicJwk, kid: 'demo-adapters-2026', from: KEY_FROM, until: KEY_UNTIL }],
        revoked: [],
      },
    ],
  };
  await put('trust/issuers.json', json(trust));
  await put('trust/trust.jws', `${await signTrustList(trust, root.privateJwk)}\n`);

  const listIndex = [];
  for (const l of LISTS) {
    const header: ListHeader = {
      format: LIST_FORMAT, id: l.id, name: l.name, publisher: { id: 'demo-credit-office', name: '示例信用办' }, kind: l.kind,
      version: 1, issued: ISSUED, expires: '2036-12-31T23:59:59+08:00', keyId: 'demo-credit-office-2026', count: l.lines.length,
    };
    const bytes = new TextEncoder().encode([header, ...l.lines].map((x) => JSON.stringify(x)).join('\n') + '\n');
    await put(`lists/${l.id}.ndjson`, bytes);
    await put(`lists/${l.id}.ndjson.sig`, json(await signList(bytes, office.privateJwk)));
    listIndex.push({ id: l.id, name: l.name, kind: l.kind, file: `lists/${l.id}.ndjson`, sig: `lists/${l.id}.ndjson.sig`, count: l.lines.length });
  }

  const shops = [];
  for (const s of SHOPS) {
    if (s.markOf === s.slug) await put(`marks/${s.slug}.jws`, `${await signMark(markPayload(s), platform.privateJwk)}\n`);
    shops.push({
      slug: s.slug, path: `/shops/${s.slug}/`, url: `${ORIGIN}/shops/${s.slug}/`, shopName: s.shopName, uscc: s.uscc ?? null, name: s.name, kind: s.kind,
      mark: s.markOf ? `marks/${s.markOf}.jws` : null, expectedLists: s.lists, expectedMark: s.expectedMark, expectedVerdict: s.expectedVerdict, note: s.note,
    });
  }

  const revocable = [];
  for (const s of REVOCABLE) {
    await put(`marks/${s.slug}.jws`, `${await signMark(revocablePayload(s), select.privateJwk)}\n`);
    revocable.push({ slug: s.slug, path: `/shops/${s.slug}/`, url: `${ORIGIN}/shops/${s.slug}/`, shopName: s.shopName, uscc: s.uscc, name: s.name, kind: 'company', mark: `marks/${s.slug}.jws`, statusIdx: s.idx, expectedMark: s.expectedMark, note: s.note });
  }

  // Marks that must fail, one per outcome, all claiming the good shop's page.
  const good = markPayload(SHOPS[0]!);
  const goodToken = await signMark(good, platform.privateJwk);
  const [h, p, sig] = goodToken.split('.') as [string, string, string];
  const forged = base64urlEncode(new TextEncoder().encode(JSON.stringify({ ...good, credit: [{ ...good.credit[0]!, level: '钻石' }] })));
  const bad = [
    { file: 'marks/bad/expired.jws', token: await signMark({ ...good, iat: Date.parse('2025-11-01T00:00:00+08:00') / 1000, exp: Date.parse('2026-11-01T00:00:00+08:00') / 1000 }, platform.privateJwk), expectedMark: 'expired' },
    { file: 'marks/bad/revoked-key.jws', token: await signMark(good, oldPlatform.privateJwk), expectedMark: 'revoked-key' },
    { file: 'marks/bad/unknown-issuer.jws', token: await signMark({ ...good, iss: 'rogue-shop-builder' }, rogue.privateJwk), expectedMark: 'unknown-issuer' },
    { file: 'marks/bad/tampered.jws', token: `${h}.${forged}.${sig}`, expectedMark: 'tampered' },
    { file: 'marks/bad/malformed.jws', token: `${h}.${p}`, expectedMark: 'malformed' },
  ];
  for (const b of bad) await put(b.file, `${b.token}\n`);

  await put('index.json', json({
    format: 'xinbiao-samples/1',
    note: 'Fictional demo data. The private keys are public on purpose: never trust them outside this demo.',
    origin: ORIGIN,
    now: '2026-11-21T00:00:00+08:00',
    root: { kid: 'demo-root-2026', publicKey: 'keys/demo-root-2026.public.jwk.json', privateKey: 'keys/demo-root-2026.private.jwk.json' },
    trust: { jws: 'trust/trust.jws', source: 'trust/issuers.json' },
    issuers: [
      { id: 'demo-platform', name: '示例商城', kid: 'demo-platform-2026', privateKey: 'keys/demo-platform-2026.private.jwk.json', publicKey: 'keys/demo-platform-2026.public.jwk.json' },
      { id: 'demo-credit-office', name: '示例信用办', kid: 'demo-credit-office-2026', privateKey: 'keys/demo-credit-office-2026.private.jwk.json', publicKey: 'keys/demo-credit-office-2026.public.jwk.json' },
      { id: SELECT.id, name: SELECT.name, kid: SELECT.kid, privateKey: `keys/${SELECT.kid}.private.jwk.json`, publicKey: `keys/${SELECT.kid}.public.jwk.json` },
      { id: 'demo-adapters', name: '示例适配数据发布者', kid: 'demo-adapters-2026', privateKey: 'keys/demo-adapters-2026.private.jwk.json', publicKey: 'keys/demo-adapters-2026.public.jwk.json' },
    ],
    lists: listIndex,
    shops,
    // Signed by the demo server when asked (a status list is fresh for a day only), from these bits.
    statusLists: [{ iss: SELECT.id, url: SELECT.statusList, kid: SELECT.kid, privateKey: `keys/${SELECT.kid}.private.jwk.json`, size: MIN_STATUS_BITS, revoked: SELECT.revoked }],
    revocable,
    badMarks: bad.map((b) => ({ file: b.file, url: `${ORIGIN}/shops/youpin/`, expectedMark: b.expectedMark })),
  }));
}

await main();
