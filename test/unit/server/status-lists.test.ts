import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../../server/app';
import { demoStatusLists } from '../../../server/routes/status-lists';
import { bitAt, createStatusSource, verifyStatusList } from '../../../core/status';
import { verifyMark } from '../../../core/marks';
import { verifyTrustList, type TrustList } from '../../../core/trust';
import type { PublicJwk } from '../../../core/crypto/ed25519';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const read = (p: string) => readFileSync(join(SAMPLES, p), 'utf8').trim();
const index = JSON.parse(read('index.json'));
const NOW = Date.parse('2026-11-21T08:00:00Z');

let app: RunningApp;
let base: string;
let trust: TrustList;
let clock = NOW;
beforeAll(async () => {
  const r = await verifyTrustList(read(index.trust.jws), JSON.parse(read(index.root.publicKey)) as PublicJwk, NOW);
  if (!r.ok) throw new Error(`${r.error}: ${r.detail}`);
  trust = r.trust;
  app = await startApp({ port: 0, routes: [demoStatusLists(SAMPLES, () => clock)] });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.drain());

const select = () => trust.issuers.find((i) => i.id === 'demo-select')!;

describe('the demo serves each sample issuer\'s status list where the trust list declares it', () => {
  it('the sample trust list gives 示例优选 a status list on the demo origin, served there whole, fresh and signed', async () => {
    expect(select().statusList).toBe('http://127.0.0.1:8080/status/demo-select.jws');
    const res = await fetch(`${base}/status/demo-select.jws`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('set-cookie')).toBeNull();
    const list = await verifyStatusList((await res.text()).trim(), { trust, issuer: select(), now: NOW });
    expect(list).toMatchObject({ ok: true, issuer: 'demo-select', size: 131072, issued: '2026-11-21T08:00:00.000Z', expires: '2026-11-22T08:00:00.000Z' });
    if (!list.ok) return;
    // The withdrawn sample mark's bit is set, the other sample mark's is not, and nothing else is.
    expect(bitAt(list.bits, 5381)).toBe(true);
    expect(bitAt(list.bits, 1207)).toBe(false);
    expect(list.bits.reduce((n, b) => n + (b.toString(2).split('1').length - 1), 0)).toBe(1);
  });

  it('the sample marks of 示例优选 come out revoked and genuine against the served list', async () => {
    const status = createStatusSource({ fetch: (url) => fetch(`${base}${new URL(url).pathname}`), now: () => NOW, trust: () => trust });
    const outcomes = [];
    for (const s of index.revocable) outcomes.push([s.slug, (await verifyMark(read(s.mark), { trust, pageUrl: s.url, now: NOW, status })).outcome]);
    expect(outcomes).toEqual([['zaixian', 'genuine'], ['chehui', 'revoked']]);
  });

  it('signs the list again once an hour, so a client never gets a stale one', async () => {
    clock = NOW + 25 * 3600_000;
    const later = await verifyStatusList((await (await fetch(`${base}/status/demo-select.jws`)).text()).trim(), { trust, issuer: select(), now: clock });
    expect(later).toMatchObject({ ok: true, issued: '2026-11-22T09:00:00.000Z' });
    clock = NOW;
  });

  it('answers nothing for a path no issuer declares (the next route or a 404)', async () => {
    expect((await fetch(`${base}/status/demo-platform.jws`)).status).toBe(404);
    expect((await fetch(`${base}/status/demo-select.jws?idx=5381`)).status).toBe(200);
  });
});
