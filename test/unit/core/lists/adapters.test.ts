import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair } from '../../../../core/crypto/ed25519';
import { AdapterDataFile, execWay, importAdapterData, startsFor, regexProblem, verifyAdapterData, type AdapterDataPort, type StoredAdapterData } from '../../../../core/lists/adapters';
import { signList } from '../../../../core/lists/sign';
import { createSubscriptions } from '../../../../core/lists/subscriptions';
import { listKeys } from '../../../../core/trust/find-key';
import type { TrustList } from '../../../../core/trust/schema';
import { NOW, openStore } from './support';

const FROM = '2026-01-01T00:00:00Z';
const UNTIL = '2030-01-01T00:00:00Z';

async function setup() {
  const adapters = await generateKeyPair('fix-adapters-2026');
  const lists = await generateKeyPair('fix-lists-2026');
  const platform = await generateKeyPair('fix-platform-2026');
  const issuer = (id: string, kind: TrustList['issuers'][number]['kind'], key: typeof adapters) => ({
    id, name: id, kind, origins: [], revoked: [], keys: [{ ...key.publicJwk, kid: key.publicJwk.kid!, from: FROM, until: UNTIL }],
  });
  const trust: TrustList = {
    format: 'xinbiao-trust/1', version: 1, issued: FROM, expires: UNTIL,
    issuers: [issuer('fix-adapters', 'adapter-publisher', adapters), issuer('fix-office', 'list-publisher', lists), issuer('fix-mall', 'both', platform)],
  };
  return { keys: { adapters, lists, platform }, trust, lookup: listKeys(trust, () => NOW, 'adapter-publisher'), listLookup: listKeys(trust, () => NOW) };
}

function file(over: Record<string, unknown> = {}) {
  return {
    format: 'xinbiao-adapters/1', id: 'fix-adapters', name: '示例适配数据', publisher: { id: 'fix-adapters', name: '示例适配' }, kind: 'adapters',
    version: 1, issued: '2026-11-01T00:00:00Z', expires: '2027-11-01T00:00:00Z', keyId: 'fix-adapters-2026',
    sites: [{ site: 'jd', selectors: { shopName: ['.shop-card-2026 .shop-title'] }, ways: { shopId: [{ from: 'script', pattern: '__SHOP_STATE__[\\s\\S]{0,2000}?"shopId":"?(\\d{1,20})' }] } }],
    ...over,
  };
}

async function signedFile(doc: unknown, key: Awaited<ReturnType<typeof generateKeyPair>>) {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return { bytes, sig: JSON.stringify(await signList(bytes, key.privateJwk)) };
}

function memoryPort(): AdapterDataPort & { files: Map<string, StoredAdapterData> } {
  const files = new Map<string, StoredAdapterData>();
  return { files, get: async (id) => files.get(id), put: async (f) => void files.set(f.data.id, f), remove: async (id) => void files.delete(id) };
}

describe('adapter data: the pattern rule', () => {
  it.each([
    '^https?://mall\\.jd\\.(?:com|hk)/(?:index|showLicence|shopLevel)-(\\d{1,20})\\.html',
    '^https://shop\\.m\\.jd\\.com/[^?#]{0,100}\\?(?:[^#]{0,100}&)?shopId=(\\d{1,20})',
    'pageConfig[\\s\\S]{0,4000}?\\bshopId:\\s?\'?(\\d{1,20})',
    '品牌授权：([^<]{1,60})',
    '^(ab){1,9}c',
    '^(?:x{0,3}y)?z{1}',
    '^[(+*]{1,9}',
  ])('accepts %s', (p) => {
    expect(regexProblem(p)).toBeNull();
  });

  it.each([
    ['^(a{1,9}){2,9}$', 'a repeated group must not hold a quantifier or an alternation'],
    ['^(\\d?){2,5}x', 'a repeated group must not hold a quantifier or an alternation'],
    ['^(a|aa){1,3}b', 'a repeated group must not hold a quantifier or an alternation'],
    ['^((?:a|b)){1,30}', 'a repeated group must not hold a quantifier or an alternation'],
    ['^(?:[^"\\\\]|\\\\.){1,200}', 'a repeated group must not hold a quantifier or an alternation'],
    ['^(x)\\1', 'back-references are not allowed'],
    ['^(?<n>a)\\k<n>', 'back-references are not allowed'],
    ['(unclosed', 'not a valid regular expression'],
    ['', 'length must be 1–300'],
    ['a'.repeat(301), 'length must be 1–300'],
    // Unbounded repeats: from one start they may run to the end of the text, and a second one after them squares it.
    ['^[\\s\\S]*x', 'repeats must be bounded ({0,n}, not *, + or {n,})'],
    ['__INIT_DATA[\\s\\S]+?"shopId"', 'repeats must be bounded ({0,n}, not *, + or {n,})'],
    ['^a{2,}', 'repeats must be bounded ({0,n}, not *, + or {n,})'],
    // Without ^ or a literal beginning, every place of the text is a start.
    ['[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
    ['sho(\\d{1,9})', 'must begin with ^ or with 4 literal characters'],
    ['\\bshopId=(\\d{1,20})', 'must begin with ^ or with 4 literal characters'],
    ['abcd?', 'must begin with ^ or with 4 literal characters'],
    ['^abc|[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
    ['shopId|[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
  ])('refuses %s', (p, why) => {
    expect(regexProblem(p)).toBe(why);
  });

  // Exponential without any repeated group: each alternation or optional element doubles the paths tried.
  it.each([
    ['alternations in sequence', `^${'(?:a|a)'.repeat(21)}x`],
    ['optional atoms in sequence', `^${'a?'.repeat(21)}x`],
    ['bounded repeats in sequence', `^${'\\d{0,2}'.repeat(13)}x`],
    ['alternations inside lookaheads', `^${'(?=(a|a))a?'.repeat(11)}x`],
    ['a window and a name too wide', 'XXXX[\\s\\S]{0,20000}?"shopName":"([^"]{1,200})"'],
  ])('refuses %s', (_, p) => {
    expect(regexProblem(p)).toBe('more than 1048576 choices in sequence (alternations and bounded repeats)');
  });

  it.each([
    '__ITEM_STATE__[\\s\\S]{0,2000}?"shopName":"([^"]{1,60})"',
    '^https?://(?:www\\.|m\\.)?shop(\\d{1,12})\\.(?:taobao|tmall)\\.com/',
  ])('accepts %s (within the bound of choices)', (p) => {
    expect(regexProblem(p)).toBeNull();
  });
});

describe('adapter data: how a pattern runs (execWay)', () => {
  const JD_STATE = 'pageConfig[\\s\\S]{0,4000}?\\bshopId:\\s?\'(\\d{1,20})';

  it('finds what a plain search finds: the first match, which begins at its literal', () => {
    const script = "var pageConfig = { product: { skuid: 100012043978, shopId: '1000004123', venderId: 1000004123 } };";
    expect(execWay(JD_STATE, script)?.[1]).toBe('1000004123');
    expect(execWay(JD_STATE, `var x = 1; ${script} var pageConfig = { shopId: '99' };`)?.[1]).toBe('1000004123');
    expect(execWay('^https?://mall\\.jd\\.com/index-(\\d{1,20})\\.html', 'https://mall.jd.com/index-1000004123.html')?.[1]).toBe('1000004123');
    expect(execWay('^https?://mall\\.jd\\.com/index-(\\d{1,20})\\.html', 'see https://mall.jd.com/index-1000004123.html')).toBeNull();
  });

  it('tries the first places of its literal only, as many as its work allows, however many the page puts before the real one', () => {
    // A light pattern gets 16 starts; JD_STATE, whose window and name may take 380,104 steps, gets 2.
    expect(startsFor('mall\\.jd\\.com/index-(\\d{1,20})')).toBe(16);
    expect(startsFor(JD_STATE)).toBe(2);
    // Each decoy stands further than the pattern's 4,000-character window from the next.
    const decoy = `pageConfig = null;${' '.repeat(4001)}`;
    expect(execWay(JD_STATE, `${decoy}pageConfig = { shopId: '42' }`)?.[1]).toBe('42');
    expect(execWay(JD_STATE, `${decoy.repeat(2)}pageConfig = { shopId: '42' }`)).toBeNull();
    const light = 'mall\\.jd\\.com/index-(\\d{1,20})';
    expect(execWay(light, `${'mall.jd.com/index-x '.repeat(15)}mall.jd.com/index-42`)?.[1]).toBe('42');
    expect(execWay(light, `${'mall.jd.com/index-x '.repeat(16)}mall.jd.com/index-42`)).toBeNull();
  });

  it('a 2 MB script of decoys and no match gives nothing', () => {
    expect(execWay(JD_STATE, `${'pageConfig'.padEnd(40, ' ')}${'x'.repeat(2_000_000)}`)).toBeNull();
  });
});

describe('adapter data: the file schema', () => {
  it('the worked example in docs/adapter-data.md is a valid file', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../../docs/adapter-data.md'), 'utf8');
    const [example] = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    expect(AdapterDataFile.parse(example)).toMatchObject({ id: 'jd-fixes', version: 3, sites: [{ site: 'jd' }] });
  });

  it('accepts selectors, ways and a licence page on https', () => {
    expect(AdapterDataFile.safeParse(file({ sites: [{ site: 'jd', licenceUrl: 'https://mall.jd.com/showLicence-{id}.html', selectors: { spaRoot: '#app' } }] })).success).toBe(true);
  });

  it.each([
    ['an unknown top-level field', file({ code: 'alert(1)' })],
    ['the manifest permissions of a site', file({ sites: [{ site: 'jd', matches: ['*://*/*'] }] })],
    ['injection pages', file({ sites: [{ site: 'jd', pages: ['*://*/*'] }] })],
    ['an unknown field inside a way', file({ sites: [{ site: 'jd', ways: { shopId: [{ from: 'url', pattern: '(\\d+)', run: 'x' }] } }] })],
    ['an unknown way', file({ sites: [{ site: 'jd', ways: { shopId: [{ from: 'eval', pattern: '(\\d+)' }] } }] })],
    ['a catastrophic pattern', file({ sites: [{ site: 'jd', ways: { shopId: [{ from: 'script', pattern: '(\\w+)+;' }] } }] })],
    ['a selector over 200 characters', file({ sites: [{ site: 'jd', selectors: { shopName: [`.${'a'.repeat(200)}`] } }] })],
    ['a selector with a style block', file({ sites: [{ site: 'jd', selectors: { shopName: ['a{color:red}'] } }] })],
    ['17 selectors for one value', file({ sites: [{ site: 'jd', selectors: { shopName: Array.from({ length: 17 }, (_, i) => `.s${i}`) } }] })],
    ['the same site twice', file({ sites: [{ site: 'jd' }, { site: 'jd' }] })],
    ['a licence page over http', file({ sites: [{ site: 'jd', licenceUrl: 'http://mall.jd.com/showLicence-{id}.html' }] })],
    ['a licence page without {id}', file({ sites: [{ site: 'jd', licenceUrl: 'https://mall.jd.com/showLicence.html' }] })],
    ['another list kind', file({ kind: 'black' })],
    // JSON.parse makes these own keys (not the prototype): unknown fields like any other.
    ['a __proto__ key in a site', file({ sites: [{ site: 'jd', ...JSON.parse('{"__proto__":{"matches":["*://*/*"]}}') }] })],
    ['a constructor key in the selectors', file({ sites: [{ site: 'jd', selectors: JSON.parse('{"constructor":{"prototype":{}}}') }] })],
    // What decides a verdict is never adapter data's: the operator, and the licence, hover-title and platform blocks.
    ['operator ways', file({ sites: [{ site: 'jd', ways: { operator: [{ from: 'selector', selector: '#J-detail-content .brand' }] } }] })],
    ['licence blocks', file({ sites: [{ site: 'jd', selectors: { licenceBlock: ['#J-detail-content'] } }] })],
    ['hover-title blocks', file({ sites: [{ site: 'jd', selectors: { hoverTitle: ['#J-detail-content img[title]'] } }] })],
    ['platform blocks', file({ sites: [{ site: 'jd', selectors: { platformBlock: ['.qualification-list'] } }] })],
  ])('refuses %s', (_, doc) => {
    expect(AdapterDataFile.safeParse(doc).success).toBe(false);
  });
});

describe('adapter data: signature, role and versions', () => {
  it('puts a file signed by an adapter-publisher key in force', async () => {
    const { keys, lookup } = await setup();
    const port = memoryPort();
    const { bytes, sig } = await signedFile(file(), keys.adapters);
    const r = await importAdapterData(port, 'https://adapters.example.cn/fix.adapters.json', bytes, sig, lookup, NOW);
    expect(r).toEqual({ outcome: 'imported', list: { id: 'fix-adapters', version: 1, name: '示例适配数据' } });
    expect(port.files.get('fix-adapters')?.data.sites[0]?.selectors?.shopName).toEqual(['.shop-card-2026 .shop-title']);
    expect(port.files.get('fix-adapters')?.url).toBe('https://adapters.example.cn/fix.adapters.json');
  });

  it.each(['lists', 'platform'] as const)('refuses a file signed by a %s key as wrong-role, in both languages', async (who) => {
    const { keys, lookup } = await setup();
    const kid = keys[who].publicJwk.kid!;
    const publisher = who === 'lists' ? 'fix-office' : 'fix-mall';
    const { bytes, sig } = await signedFile(file({ keyId: kid, publisher: { id: publisher, name: publisher } }), keys[who]);
    const err = await verifyAdapterData(bytes, sig, lookup, NOW).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'wrong-role' });
    expect((err as Error & { zh: string }).zh).toContain('站点适配数据只能由适配数据发布者（adapter-publisher）的密钥签署');
    expect((err as Error).message).toContain('adapter data is signed by adapter-publisher keys only');
  });

  it('an adapter-publisher key signs no credit list', async () => {
    const { listLookup } = await setup();
    expect(await listLookup('fix-adapters-2026', 'fix-adapters')).toMatchObject({ error: { code: 'wrong-role' } });
  });

  it.each([
    ['missing from the trust list', (t: TrustList): TrustList => ({ ...t, issuers: t.issuers.filter((i) => i.id !== 'fix-adapters') })],
    ['revoked', (t: TrustList): TrustList => ({ ...t, issuers: t.issuers.map((i) => (i.id === 'fix-adapters' ? { ...i, revoked: [{ kid: 'fix-adapters-2026', at: '2026-11-10T00:00:00Z', reason: 'stolen' }] } : i)) })],
    ['past its period', (t: TrustList): TrustList => ({ ...t, issuers: t.issuers.map((i) => (i.id === 'fix-adapters' ? { ...i, keys: i.keys.map((k) => ({ ...k, until: '2026-11-10T00:00:00Z' })) } : i)) })],
  ])('refuses a file whose key is %s, and keeps the file in force', async (_, change) => {
    const { keys, trust, lookup } = await setup();
    const port = memoryPort();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const v1 = await signedFile(file(), keys.adapters);
    await importAdapterData(port, url, v1.bytes, v1.sig, lookup, NOW);
    const v2 = await signedFile(file({ version: 2 }), keys.adapters);
    await expect(importAdapterData(port, url, v2.bytes, v2.sig, listKeys(change(trust), () => NOW, 'adapter-publisher'), NOW)).rejects.toMatchObject({ code: 'unknown-key' });
    expect(port.files.get('fix-adapters')?.data.version).toBe(1);
  });

  it('a replay of the version in force with other content changes nothing', async () => {
    const { keys, lookup } = await setup();
    const port = memoryPort();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const v1 = await signedFile(file(), keys.adapters);
    await importAdapterData(port, url, v1.bytes, v1.sig, lookup, NOW);
    const other = await signedFile(file({ sites: [{ site: 'jd', selectors: { shopName: ['.other-shop-title'] } }] }), keys.adapters);
    expect(await importAdapterData(port, url, other.bytes, other.sig, lookup, NOW)).toMatchObject({ outcome: 'unchanged' });
    expect(port.files.get('fix-adapters')?.data.sites[0]?.selectors?.shopName).toEqual(['.shop-card-2026 .shop-title']);
  });

  it('refuses a file whose publisher is not the key holder as publisher-mismatch', async () => {
    const { keys, lookup } = await setup();
    const { bytes, sig } = await signedFile(file({ publisher: { id: 'fix-office', name: '示例信用办' } }), keys.adapters);
    await expect(verifyAdapterData(bytes, sig, lookup, NOW)).rejects.toMatchObject({ code: 'publisher-mismatch' });
  });

  it('a tampered, older, expired or oversized file changes nothing', async () => {
    const { keys, lookup } = await setup();
    const port = memoryPort();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const v2 = await signedFile(file({ version: 2 }), keys.adapters);
    await importAdapterData(port, url, v2.bytes, v2.sig, lookup, NOW);
    const before = structuredClone(port.files.get('fix-adapters'));

    const tampered = new TextEncoder().encode(new TextDecoder().decode(v2.bytes).replace('.shop-card-2026 .shop-title', '.shop-card-2026 .shop-tile!'));
    await expect(importAdapterData(port, url, tampered, v2.sig, lookup, NOW)).rejects.toMatchObject({ code: 'digest-mismatch' });
    const v1 = await signedFile(file({ version: 1 }), keys.adapters);
    await expect(importAdapterData(port, url, v1.bytes, v1.sig, lookup, NOW)).rejects.toMatchObject({ code: 'older-version', en: expect.stringContaining('version 1, 2 in force') });
    const expired = await signedFile(file({ version: 3, expires: '2026-11-02T00:00:00Z' }), keys.adapters);
    await expect(importAdapterData(port, url, expired.bytes, expired.sig, lookup, NOW)).rejects.toMatchObject({ code: 'expired' });
    const big = await signedFile(file({ version: 4, name: '示'.repeat(200), sites: Array.from({ length: 32 }, (_, i) => ({ site: `s${i}`, selectors: { shopName: Array.from({ length: 16 }, () => `.${'a'.repeat(150)}`) } })) }), keys.adapters);
    await expect(importAdapterData(port, url, big.bytes, big.sig, lookup, NOW)).rejects.toMatchObject({ code: 'bad-adapters', en: expect.stringContaining('at most 65536') });

    expect(port.files.get('fix-adapters')).toEqual(before);
    expect(await importAdapterData(port, url, v2.bytes, v2.sig, lookup, NOW)).toMatchObject({ outcome: 'unchanged' });
  });
});

describe('adapter data through the list subscriptions', () => {
  it('fetches a .adapters.json URL with its .sig, keeps the last good file on a bad one, and drops it on unsubscribe', async () => {
    const { keys, lookup } = await setup();
    const port = memoryPort();
    const files = new Map<string, Uint8Array | string>();
    const fetch = async (url: string) => (files.has(url) ? new Response(files.get(url) as BodyInit) : new Response('missing', { status: 404 }));
    const subs = createSubscriptions(await openStore(), { fetch, now: () => NOW, keys: () => ({ error: 'no lists here' }), adapters: port, adapterKeys: lookup });
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const good = await signedFile(file(), keys.adapters);
    files.set(url, good.bytes);
    files.set(`${url}.sig`, good.sig);
    expect(await subs.updateNow(url)).toMatchObject({ ok: true, result: { outcome: 'imported', list: { id: 'fix-adapters', version: 1 } } });

    const forged = await signedFile(file({ version: 2, keyId: 'fix-lists-2026', publisher: { id: 'fix-office', name: '示例信用办' } }), keys.lists);
    files.set(url, forged.bytes);
    files.set(`${url}.sig`, forged.sig);
    expect(await subs.updateNow(url)).toMatchObject({ ok: false, error: { code: 'wrong-role' } });
    expect(port.files.get('fix-adapters')?.data.version).toBe(1);
    expect((await subs.all())[0]).toMatchObject({ url, listId: 'fix-adapters', version: 1, failures: 1, lastError: { code: 'wrong-role' } });

    await subs.remove(url);
    expect(port.files.size).toBe(0);
  });

  it('a file in force goes at its next check once its key is revoked or it has expired, though the publisher still serves it', async () => {
    const { keys, trust } = await setup();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const good = await signedFile(file(), keys.adapters);
    const files = new Map<string, Uint8Array | string>([[url, good.bytes], [`${url}.sig`, good.sig]]);
    const fetch = async (u: string) => new Response(files.get(u) as BodyInit);
    // The key was stolen: the trust list's next edition withdraws it.
    const revoked: TrustList = { ...trust, version: 2, issuers: trust.issuers.map((i) => (i.id === 'fix-adapters' ? { ...i, revoked: [{ kid: 'fix-adapters-2026', at: '2026-11-10T00:00:00Z', reason: 'key stolen' }] } : i)) };
    let current = trust;
    let now = NOW;
    const port = memoryPort();
    const subs = createSubscriptions(await openStore(), { fetch, now: () => now, keys: () => ({ error: 'no lists here' }), adapters: port, adapterKeys: listKeys(() => current, () => now, 'adapter-publisher') });
    expect(await subs.updateNow(url)).toMatchObject({ ok: true });
    current = revoked;
    expect(await subs.updateNow(url)).toMatchObject({ ok: false, error: { code: 'unknown-key' } });
    expect(port.files.size).toBe(0);
    // The record no longer names a version in force (the options page then says the bundled adapters stay).
    expect((await subs.all())[0]).not.toHaveProperty('version');

    current = trust;
    expect(await subs.updateNow(url)).toMatchObject({ ok: true, result: { outcome: 'imported' } });
    now = Date.parse('2027-11-01T00:00:00Z');
    expect(await subs.updateNow(url)).toMatchObject({ ok: false, error: { code: 'expired' } });
    expect(port.files.size).toBe(0);
  });

  it('an endless answer is cut off after 64 KiB, not read into memory, and the file in force stays', async () => {
    const { keys, lookup } = await setup();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const good = await signedFile(file(), keys.adapters);
    let endless = false;
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = () => new ReadableStream<Uint8Array>({ pull(c) { sent += chunk.length; c.enqueue(chunk); } });
    const fetch = async (u: string) => (u === url && endless ? new Response(body()) : new Response((u === url ? good.bytes : good.sig) as BodyInit));
    const port = memoryPort();
    const subs = createSubscriptions(await openStore(), { fetch, now: () => NOW, keys: () => ({ error: 'none' }), adapters: port, adapterKeys: lookup });
    expect(await subs.updateNow(url)).toMatchObject({ ok: true });
    endless = true;
    expect(await subs.updateNow(url)).toMatchObject({ ok: false, error: { code: 'bad-adapters', en: expect.stringContaining('more than 65536 bytes') } });
    expect(sent).toBeLessThanOrEqual(4 * chunk.length);
    expect(port.files.get('fix-adapters')?.data.version).toBe(1);
  });

  it('a reader without an adapter store refuses the file', async () => {
    const { keys } = await setup();
    const files = new Map<string, Uint8Array | string>();
    const url = 'https://adapters.example.cn/fix.adapters.json';
    const good = await signedFile(file(), keys.adapters);
    files.set(url, good.bytes);
    files.set(`${url}.sig`, good.sig);
    const subs = createSubscriptions(await openStore(), { fetch: async (u) => new Response(files.get(u) as BodyInit), now: () => NOW, keys: () => ({ error: 'none' }) });
    expect(await subs.updateNow(url)).toMatchObject({ ok: false, error: { code: 'bad-adapters' } });
  });
});
