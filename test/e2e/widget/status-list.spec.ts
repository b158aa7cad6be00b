// The widget asks the issuer's status list before it calls a mark genuine (built kit, Chromium). The trust list, the
// marks and the status lists are made here with throwaway keys; the host page is the ordinary fixture page.
import { expect, test, type Page } from 'playwright/test';
import { generateKeyPair } from '../../../core/crypto/ed25519';
import { decodeMark, signMark } from '../../../core/marks';
import { signStatusList } from '../../../core/status';
import { signTrustList, type TrustList } from '../../../core/trust';
import { fixtures, fixtureToken, markSettled } from './support';

const STATUS_URL = `${fixtures}/status/platform.jws`;
const BITS = 131072;

async function material() {
  const root = await generateKeyPair('status-test-root');
  const platform = await generateKeyPair('status-test-platform');
  const trust: TrustList = {
    format: 'xinbiao-trust/1', version: 1, issued: '2026-01-01T00:00:00+08:00', expires: '2036-01-01T00:00:00+08:00',
    issuers: [{
      id: 'status-platform', name: '状态测试平台', kind: 'platform', origins: ['http://127.0.0.1:*'], statusList: STATUS_URL,
      keys: [{ ...platform.publicJwk, kid: 'status-test-platform', from: '2026-01-01T00:00:00+08:00', until: '2036-01-01T00:00:00+08:00' }], revoked: [],
    }],
  };
  const base = decodeMark(await fixtureToken());
  if (!base.ok) throw new Error(base.problem);
  const mark = (idx: number) => signMark({ ...base.payload, iss: 'status-platform', status: { idx } }, platform.privateJwk);
  const bits = new Uint8Array(BITS / 8);
  bits[0] = 0b0100_0000; // index 1 revoked, index 0 not
  const now = Date.now();
  const statusJws = await signStatusList({ iss: 'status-platform', url: STATUS_URL, issued: new Date(now - 3600_000).toISOString(), expires: new Date(now + 86400_000).toISOString(), bits }, platform.privateJwk);
  return { trustJws: await signTrustList(trust, root.privateJwk), root: JSON.stringify(root.publicJwk), mark, statusJws };
}

/** Serves the fixture page with this token and trust material; the status list answers `statusBody` (or fails). */
async function serve(page: Page, m: Awaited<ReturnType<typeof material>>, token: string, statusBody: string | null): Promise<string[]> {
  const asked: string[] = [];
  await page.route('**/hosts/script-before.html', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replaceAll('{{TOKEN}}', token).replace('{{TRUST}}', m.trustJws).replace('{{ROOT}}', m.root);
    await route.fulfill({ response: res, body });
  });
  await page.route('**/status/**', (route) => {
    asked.push(route.request().url());
    return statusBody === null ? route.abort('connectionrefused') : route.fulfill({ status: 200, contentType: 'application/jose', body: statusBody });
  });
  return asked;
}

test('a mark whose bit is clear is genuine; the whole list is fetched, nothing names the mark', async ({ page }) => {
  const m = await material();
  const asked = await serve(page, m, await m.mark(0), m.statusJws);
  await page.goto(`${fixtures}/hosts/script-before.html`);
  const mark = page.locator('xinbiao-mark');
  await markSettled(mark);
  await expect(mark).toHaveAttribute('data-outcome', 'genuine');
  expect(asked).toEqual([STATUS_URL]);
});

// Index 1 is withdrawn; a list that cannot be fetched or is not the issuer's own says nothing about the mark.
const CASES = [
  { name: 'a revoked mark is its own finding, never genuine', idx: 1, list: 'own', outcome: 'revoked' },
  { name: 'an unreachable status list leaves the status unknown', idx: 0, list: 'none', outcome: 'status-unknown' },
  { name: 'a status list signed by another key leaves the status unknown', idx: 1, list: 'forged', outcome: 'status-unknown' },
] as const;

for (const c of CASES) {
  test(c.name, async ({ page }) => {
    const m = await material();
    const body = c.list === 'own' ? m.statusJws : c.list === 'forged' ? (await material()).statusJws : null;
    await serve(page, m, await m.mark(c.idx), body);
    await page.goto(`${fixtures}/hosts/script-before.html`);
    const mark = page.locator('xinbiao-mark');
    await markSettled(mark);
    await expect(mark).toHaveAttribute('data-outcome', c.outcome);
  });
}
