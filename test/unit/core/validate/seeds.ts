// Real data the validators must agree on: sample marks, the sample trust list, documented and test statuses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARK_TYP } from '../../../../core/marks/schema';
import { decodeCompactJws } from '../../../../core/trust/jws';
import { TRUST_TYP } from '../../../../core/trust/schema';
import { sampleStatus, USCC2 } from '../sources/fixtures';

const ROOT = join(import.meta.dirname, '../../../..');
const payload = (file: string, typ: string) => decodeCompactJws(readFileSync(join(ROOT, file), 'utf8').trim(), typ).payload;

const marks = readdirSync(join(ROOT, 'samples/marks')).filter((f) => f.endsWith('.jws')).map((f) => payload(`samples/marks/${f}`, MARK_TYP));
const trust = payload('samples/trust/trust.jws', TRUST_TYP);
const documented = [...readFileSync(join(ROOT, 'docs/credit-status.md'), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
const endpointDoc = [...readFileSync(join(ROOT, 'docs/status-endpoint.md'), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
const status = sampleStatus();
const richStatus = {
  ...sampleStatus(USCC2),
  identityMark: { verifiedBy: '示例平台', verifiedAt: '2026-01-02', realName: '王*明', selfDeclaration: { text: '自产自销', exemption: 'farm-produce' }, provenance: status.subject.provenance },
  listEntries: [{ list: 'abnormal', reason: '通过登记的住所无法联系', authority: '示例市市场监督管理局', since: '2026-03-01T00:00:00+08:00', repairedAt: '2026-05-01', provenance: { ...status.subject.provenance, url: 'https://www.gsxt.gov.cn/' } }],
  records: [{ type: 'penalty', title: '警告', authority: '示例局', date: '2025-12-31', provenance: status.subject.provenance }],
  commitments: [{ title: '信用承诺', text: '诚信经营 😀', madeAt: '2024-02-29', provenance: status.subject.provenance }],
};
const pageReport = {
  url: 'https://shop.example.cn/shop/1/',
  at: '2026-11-21T10:00:00Z',
  subjects: [
    { key: 'uscc:' + USCC2, uscc: USCC2, name: '示例', source: 'licence-image', level: 'good', reasons: [{ code: 'mark.genuine', zh: '亮标有效', en: 'Genuine mark' }], warnings: [], marks: [{ outcome: 'genuine', issuer: '示例平台', expires: '2027-01-01' }], status: richStatus },
    { key: 'name:示例', name: '示例', source: 'text', level: 'unknown', reasons: [], warnings: [], marks: [] },
  ],
};

/** Every seed; each schema is tried on all of them and on all their parts. */
// A status list payload as docs/status-list.md shows it (the bits need not decompress: only the shape is checked here).
const statusList = { format: 'xinbiao-status/1', iss: 'demo-platform', url: 'https://platform.example.cn/status/1.jws', issued: '2026-11-21T00:00:00Z', expires: '2026-11-22T00:00:00+08:00', size: 131072, compression: 'gzip', list: 'H4sIAAAAAAAAA-3BMQEAAADCoPVPbQ0PoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA' };

export const SEEDS: unknown[] = [...marks, trust, ...documented, ...endpointDoc, status, richStatus, { results: [{ uscc: USCC2, status: richStatus }, { uscc: 'x', error: { code: 'not-found', message: '' } }] }, { uscc: [USCC2] }, pageReport, statusList];

/** A value and all values nested in it (objects, arrays, leaves). */
export function parts(v: unknown, out: unknown[] = []): unknown[] {
  out.push(v);
  if (v && typeof v === 'object') for (const x of Object.values(v)) parts(x, out);
  return out;
}
