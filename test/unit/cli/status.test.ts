import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMark } from '../../../core/marks';
import { xinbiao } from '../../support/cli';

const K = 'samples/keys';
const PLATFORM = `${K}/demo-platform-2026.private.jwk.json`;
const STATUS_URL = 'http://127.0.0.1:8080/status/demo-platform.jws';
const NOW = '2026-11-21T00:00:00+08:00';
const status = xinbiao('status');
const mark = xinbiao('mark');
const trustCli = xinbiao('trust');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'xinbiao-status-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The sample trust list with a status list and a 400-day maximum declared for the sample platform. */
function trustWithStatus(): string[] {
  const issuers = JSON.parse(readFileSync('samples/trust/issuers.json', 'utf8'));
  Object.assign(issuers.issuers[0], { statusList: STATUS_URL, maxMarkDays: 400 });
  writeFileSync(join(dir, 'issuers.json'), JSON.stringify(issuers));
  expect(trustCli('sign', '--key', `${K}/demo-root-2026.private.jwk.json`, '--in', join(dir, 'issuers.json'), '--out', join(dir, 'trust.jws')).code).toBe(0);
  return ['--trust', join(dir, 'trust.jws'), '--root', `${K}/demo-root-2026.public.jwk.json`];
}

function signMark(idx: number, days = 365): string {
  const iat = Date.parse('2026-11-01T00:00:00+08:00') / 1000;
  const payload = {
    iss: 'demo-platform', iat, exp: iat + days * 86400, status: { idx },
    sub: { uscc: '91990000MA2H7Q013E', name: '杭州示例优品商贸有限公司', kind: 'company' },
    identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20' }, credit: [],
    bind: { origin: 'http://127.0.0.1:8080', path: '/shop/youpin/' },
  };
  writeFileSync(join(dir, `p${idx}.json`), JSON.stringify(payload));
  const r = mark('sign', '--key', PLATFORM, '--payload', join(dir, `p${idx}.json`));
  expect(r.code).toBe(0);
  writeFileSync(join(dir, `m${idx}.jws`), r.lines[0].token);
  return join(dir, `m${idx}.jws`);
}

describe('xinbiao status and mark revoke', () => {
  it('a signed status list withdraws one mark and leaves the other genuine; stale lists leave status unknown', () => {
    const trust = trustWithStatus();
    const list = join(dir, 'status.jws');
    const made = status('sign', '--key', PLATFORM, '--iss', 'demo-platform', '--url', STATUS_URL, '--now', NOW, '--out', list);
    expect(made.code).toBe(0);
    expect(made.lines[0]).toMatchObject({ iss: 'demo-platform', size: 131072, revoked: 0 });
    const keep = signMark(3);
    const drop = signMark(4);
    const verify = (m: string, now = '2026-11-21T06:00:00+08:00') => mark('verify', ...trust, '--url', 'http://127.0.0.1:8080/shop/youpin/', '--status', list, '--now', now, m);
    expect(verify(drop).lines[0]).toMatchObject({ outcome: 'genuine' });

    const revoked = mark('revoke', '--key', PLATFORM, '--status', list, '--now', NOW, drop);
    expect(revoked.code).toBe(0);
    expect(revoked.lines).toEqual([{ input: drop, idx: 4, revoked: true }]);
    expect(decodeMark(readFileSync(drop, 'utf8'))).toMatchObject({ ok: true, payload: { status: { idx: 4 } } });

    const after = verify(drop);
    expect(after.code).toBe(1);
    expect(after.lines[0]).toMatchObject({ outcome: 'revoked', reason: { zh: expect.stringContaining('标识已被签发者撤销') } });
    expect(verify(keep).lines[0]).toMatchObject({ outcome: 'genuine' });
    expect(status('verify', ...trust, '--now', '2026-11-21T06:00:00+08:00', list).lines[0]).toMatchObject({ ok: true, iss: 'demo-platform', revoked: 1 });

    // Past the list's 24 hours: stale, and the mark's status is unknown rather than genuine.
    const later = '2026-11-22T01:00:00+08:00';
    expect(status('verify', ...trust, '--now', later, list).lines[0]).toMatchObject({ ok: false, error: 'stale' });
    expect(verify(keep, later).lines[0]).toMatchObject({ outcome: 'status-unknown', detail: 'status-stale' });
  }, 180_000);

  it('refuses a status list signed with a list publisher key, one for another URL, and a mark longer-lived than allowed', () => {
    const trust = trustWithStatus();
    const office = join(dir, 'office.jws');
    expect(status('sign', '--key', `${K}/demo-credit-office-2026.private.jwk.json`, '--iss', 'demo-platform', '--url', STATUS_URL, '--now', NOW, '--out', office).code).toBe(0);
    expect(status('verify', ...trust, '--now', NOW, office).lines[0]).toMatchObject({ ok: false, error: 'wrong-role' });
    const elsewhere = join(dir, 'elsewhere.jws');
    status('sign', '--key', PLATFORM, '--iss', 'demo-platform', '--url', 'http://127.0.0.1:9/s.jws', '--now', NOW, '--out', elsewhere);
    const r = status('verify', ...trust, '--now', NOW, elsewhere);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatchObject({ ok: false, error: 'wrong-url' });
    expect(r.stderr).toContain('状态列表的地址与信任名单不符');
    const list = join(dir, 'status.jws');
    status('sign', '--key', PLATFORM, '--iss', 'demo-platform', '--url', STATUS_URL, '--now', NOW, '--out', list);
    const long = mark('verify', ...trust, '--url', 'http://127.0.0.1:8080/shop/youpin/', '--status', list, '--now', NOW, signMark(5, 3650));
    expect(long.lines[0]).toMatchObject({ outcome: 'malformed', detail: 'lifetime-too-long' });
  }, 180_000);

  it('mark revoke refuses another issuer’s list and a mark without an index; usage errors exit 2', () => {
    const list = join(dir, 'status.jws');
    status('sign', '--key', PLATFORM, '--iss', 'demo-platform', '--url', STATUS_URL, '--now', NOW, '--out', list);
    const other = mark('revoke', '--key', `${K}/demo-credit-office-2026.private.jwk.json`, '--status', list, '3');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/not signed with demo-credit-office-2026/);
    const noIndex = mark('revoke', '--key', PLATFORM, '--status', list, 'samples/marks/youpin.jws');
    expect(noIndex.code).toBe(1);
    expect(noIndex.stderr).toMatch(/no status index/);
    expect(mark('revoke', '--key', PLATFORM).code).toBe(2);
    expect(status('sign', '--key', PLATFORM, '--iss', 'x', '--url', STATUS_URL, '--out', list, '--size', '12').code).toBe(2);
  });
});
