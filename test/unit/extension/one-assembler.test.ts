// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveMark } from '../../../widget/data/resolve';
import { buildReport } from '../../../extension/background/report';
import { loadTrustList } from '../../../core/trust';
import type { CreditStatus } from '../../../core/model';

// The widget and the extension's background only wire ports; the status comes from one assembler
// (core/sources assembleStatus). Same mark, same endpoint answer → the same licence block in both.
const SAMPLES = join(import.meta.dirname, '../../../samples');
const read = (p: string) => readFileSync(join(SAMPLES, p), 'utf8');
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
const PAGE = 'http://127.0.0.1:8080/shops/youpin/';
const TOKEN = read('marks/youpin.jws').trim();
const ENDPOINT = 'https://credit.example.cn';
const fromEndpoint = { source: `endpoint:${ENDPOINT}`, sourceName: '示例信用办', retrievedAt: '2026-11-20T16:00:00Z' };

/** The endpoint's record of the sample shop: its licence differs from the one signed into the mark. */
const remote: CreditStatus = {
  subject: { uscc: '91330106MA2H7Q0139', name: '杭州示例优品商贸有限公司', kind: 'company', provenance: fromEndpoint },
  licence: { uscc: '91330106MA2H7Q0139', name: '杭州示例优品商贸有限公司', registeredCapital: '200 万元人民币', status: '存续', provenance: fromEndpoint },
  creditLevels: [{ scheme: 'tax', schemeName: '纳税信用等级', level: 'A', issuer: '国家税务总局示例市税务局（虚构）', date: '2026-04-15', provenance: fromEndpoint }],
  listEntries: [], records: [], commitments: [], asOf: '2026-11-20T16:00:00Z',
};

beforeEach(() => {
  document.body.innerHTML = '';
  for (const [id, type, text] of [['t', 'application/jose', read('trust/trust.jws')], ['r', 'application/jwk+json', read('keys/demo-root-2026.public.jwk.json')]]) {
    const s = document.createElement('script');
    s.id = id!;
    s.type = type!;
    s.textContent = text!;
    document.body.append(s);
  }
  vi.stubGlobal('fetch', async (url: string) => {
    expect(url).toBe(`${ENDPOINT}/v1/subjects/91330106MA2H7Q0139`);
    return new Response(JSON.stringify(remote), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('one status assembler behind the widget and the extension', () => {
  it('gives the same licence block, credit levels and verdict level through both wirings', async () => {
    const widget = await resolveMark({ token: TOKEN, trust: '#t', trustRoot: '#r', endpoint: ENDPOINT }, PAGE, NOW);

    const trust = await loadTrustList(async (p) => read(p), { trust: 'trust/trust.jws', root: 'keys/demo-root-2026.public.jwk.json' }, NOW);
    if (!trust.ok) throw new Error(`${trust.error}: ${trust.detail}`);
    const report = await buildReport({ url: PAGE, subjects: [], marks: [{ token: TOKEN }] }, {
      trust: trust.trust, now: NOW,
      resolve: async () => ({ parts: { endpoints: [{ status: remote, fetchedAt: NOW }] }, listsChecked: true }),
    });
    const ext = report.subjects[0]!;

    // The endpoint's live record wins over the mark's signed snapshot (docs/credit-status.md, "Precedence").
    expect(widget.status?.licence).toEqual(remote.licence);
    expect(ext.status?.licence).toEqual(widget.status?.licence);
    expect(ext.status?.identityMark).toEqual(widget.status?.identityMark);
    expect(ext.status?.identityMark?.provenance.source).toBe('mark:demo-platform');
    // The tax level that both the mark and the endpoint give appears once.
    expect(widget.status?.creditLevels.map((c) => [c.schemeName, c.level, c.provenance.source])).toEqual([
      ['纳税信用等级', 'A', `endpoint:${ENDPOINT}`], ['示例商城店铺评级', '五星', 'mark:demo-platform'],
    ]);
    expect(ext.status?.creditLevels).toEqual(widget.status?.creditLevels);
    expect([ext.level, widget.verdict.level]).toEqual(['good', 'good']);
  });
});
