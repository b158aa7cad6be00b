import { AUDIT_RULES, evaluate, type AuditInput, type Finding, type MarkResult, type PageFacts } from '../../../../core/audit';
import type { ListMatch } from '../../../../core/sources';

const NOW = '2026-11-21T10:00:00Z';
const USCC = '91330106673959654P';
const BAD_USCC = '91110108MA01712M9L';
const NAME = '杭州云栈数码科技有限公司';
const box = (y: number, h = 40) => ({ x: 10, y, width: 300, height: h });

const facts = (over: Partial<PageFacts> = {}): PageFacts => ({
  url: 'https://shop.example/shop/1', title: 'shop', viewport: { width: 1280, height: 800 },
  subjects: [{ uscc: USCC, name: NAME, source: 'licence-text', selector: '#lic' }],
  marks: [], queryWindows: [], shownCodes: [{ code: USCC, selector: '#lic' }],
  licence: { selector: '#lic', box: box(100) },
  identityMark: { selector: '#id' }, creditLevel: { selector: '#cl' },
  standardPositions: [], pageKind: 'shop', ...over,
});
const mark = (outcome: MarkResult['outcome'], extra: Partial<MarkResult> = {}): MarkResult => ({ selector: 'xinbiao-mark', outcome, subject: { uscc: USCC, name: NAME }, issuer: '示例商城', ...extra });
const list = (kind: 'black' | 'red' | 'seriously-dishonest', line: Partial<ListMatch['line']> = {}): ListMatch => ({
  list: { id: `demo-${kind}`, name: `示例${kind}名单`, kind, publisher: { id: 'p', name: 'P' }, version: 1, issued: NOW, expires: NOW, importedAt: NOW, count: 1 },
  line: { uscc: USCC, name: NAME, reason: '虚假宣传', authority: '某市市场监督管理局', since: '2026-01-01', ...line } as ListMatch['line'],
});
const input = (f: Partial<PageFacts> = {}, marks: MarkResult[] = [], lists: ListMatch[] = []): AuditInput => ({ facts: facts(f), marks, lists, now: NOW });
const only = (id: string, i: AuditInput): Pick<Finding, 'outcome' | 'selector'>[] => evaluate(i).filter((x) => x.ruleId === id).map(({ outcome, selector }) => ({ outcome, selector }));
const signed = { marks: [{ kind: 'xinbiao' as const, selector: 'xinbiao-mark', token: 'x.y.z', box: box(60) }] };

type Row = [string, AuditInput, Finding['outcome'], string?];
const table: Record<string, Row[]> = {
  'licence-shown': [
    ['licence block shown', input(), 'pass', '#lic'],
    ['only a signed mark', input({ licence: undefined, ...signed }), 'pass', 'xinbiao-mark'],
    ['nothing shown', input({ licence: undefined }), 'violation'],
    ['individual seller', input({ licence: undefined, individualSeller: { selector: '#ind' } }), 'not-applicable', '#ind'],
    ['platform homepage', input({ pageKind: 'platform-home' }), 'not-applicable'],
  ],
  'licence-prominent': [
    ['in the first screen', input(), 'pass', '#lic'],
    ['far down, in the footer', input({ licence: { selector: '#lic', box: box(3000) }, standardPositions: [{ selector: 'footer', box: { x: 0, y: 2900, width: 1280, height: 300 } }] }), 'pass', '#lic'],
    ['far down, nowhere standard', input({ licence: { selector: '#lic', box: box(3000) } }), 'violation', '#lic'],
    ['hidden (zero size)', input({ licence: { selector: '#lic', box: { x: 0, y: 0, width: 0, height: 0 } } }), 'violation', '#lic'],
    ['no boxes', input({ licence: { selector: '#lic' } }), 'needs-review', '#lic'],
    ['nothing shown', input({ licence: undefined }), 'not-applicable'],
  ],
  'mark-valid': [
    ['genuine', input(signed, [mark('genuine')]), 'pass', 'xinbiao-mark'],
    ['copied', input(signed, [mark('copied')]), 'violation', 'xinbiao-mark'],
    ['copied, but a saved file with no origin to compare', input({ ...signed, url: 'file:///home/inspector/saved/shop.html' }, [mark('copied')]), 'needs-review', 'xinbiao-mark'],
    ['copied, in a saved file whose original address is known', input({ ...signed, url: 'file:///home/inspector/saved/shop.html', savedFrom: 'https://shop.example/shop/1' }, [mark('copied')]), 'violation', 'xinbiao-mark'],
    ['tampered', input(signed, [mark('tampered')]), 'violation', 'xinbiao-mark'],
    ['expired', input(signed, [mark('expired')]), 'violation', 'xinbiao-mark'],
    ['unknown issuer', input(signed, [mark('unknown-issuer')]), 'violation', 'xinbiao-mark'],
    ['revoked key', input(signed, [mark('revoked-key')]), 'violation', 'xinbiao-mark'],
    ['malformed', input(signed, [mark('malformed')]), 'violation', 'xinbiao-mark'],
    ['not verified', input(signed, []), 'needs-review', 'xinbiao-mark'],
    ['SAMR link', input({ marks: [{ kind: 'samr', selector: 'a.lz', href: 'https://zzlz.gsxt.gov.cn/businessCheck/verifKey.do' }] }), 'needs-review', 'a.lz'],
    ['no mark', input(), 'not-applicable'],
  ],
  'uscc-valid': [
    ['valid code', input(), 'pass', '#lic'],
    ['check character wrong', input({ shownCodes: [{ code: BAD_USCC, selector: '#code' }] }), 'violation', '#code'],
    ['no code', input({ shownCodes: [], subjects: [] }), 'not-applicable'],
  ],
  'subject-consistent': [
    ['page and mark agree', input(signed, [mark('genuine')]), 'pass', '#lic'],
    ['mark names another code', input(signed, [mark('genuine', { subject: { uscc: '91330201MA284E2D7K', name: NAME } })]), 'violation', '#lic'],
    ['list names another company', input({}, [], [list('red', { name: '别的公司' })]), 'violation', '#lic'],
    ['full-width brackets still agree', input({ subjects: [{ uscc: USCC, name: '云栈（杭州）有限公司', source: 't', selector: '#lic' }] }, [], [list('red', { name: '云栈(杭州)有限公司' })]), 'pass', '#lic'],
    ['a forged mark is not a source', input(signed, [mark('tampered', { subject: { uscc: '91330201MA284E2D7K' } })]), 'not-applicable'],
    ['one source only', input(), 'not-applicable'],
  ],
  'identity-mark-shown': [
    ['shown', input(), 'pass', '#id'],
    ['carried by a genuine mark', input({ identityMark: undefined, ...signed }, [mark('genuine', { hasIdentityMark: true })]), 'pass'],
    ['carried by a copied mark only', input({ identityMark: undefined, ...signed }, [mark('copied', { hasIdentityMark: true })]), 'violation'],
    ['missing', input({ identityMark: undefined }), 'violation'],
  ],
  'credit-level-shown': [
    ['shown', input(), 'pass', '#cl'],
    ['carried by a genuine mark', input({ creditLevel: undefined, ...signed }, [mark('genuine', { hasCreditLevel: true })]), 'pass'],
    ['missing', input({ creditLevel: undefined }), 'violation'],
  ],
  'self-declaration': [
    ['individual seller with declaration', input({ licence: undefined, shownCodes: [], subjects: [], individualSeller: { selector: '#ind' }, selfDeclaration: { selector: '#decl' } }), 'pass', '#decl'],
    ['individual seller without', input({ licence: undefined, shownCodes: [], subjects: [], individualSeller: { selector: '#ind' } }), 'violation', '#ind'],
    ['declaration carried by a genuine mark', input({ licence: undefined, shownCodes: [], subjects: [], individualSeller: { selector: '#ind' }, ...signed }, [mark('genuine', { hasSelfDeclaration: true, subject: { name: '王*明', kind: 'individual-seller' } })]), 'pass'],
    ['declaration in a copied mark does not count', input({ licence: undefined, shownCodes: [], subjects: [], individualSeller: { selector: '#ind' }, ...signed }, [mark('copied', { hasSelfDeclaration: true })]), 'violation', '#ind'],
    ['licensed company', input(), 'not-applicable'],
  ],
  'query-windows': [
    ['both portals linked', input({ pageKind: 'platform-home', queryWindows: [{ target: 'creditchina', selector: '#q1' }, { target: 'gsxt', selector: '#q2' }] }), 'pass', '#q1'],
    ['the widget', input({ pageKind: 'platform-home', queryWindows: [{ target: 'xinbiao-query', selector: 'xinbiao-query' }] }), 'pass', 'xinbiao-query'],
    ['only 信用中国', input({ pageKind: 'platform-home', queryWindows: [{ target: 'creditchina', selector: '#q1' }] }), 'violation', '#q1'],
    ['none', input({ pageKind: 'platform-home' }), 'violation'],
    ['a shop page', input(), 'not-applicable'],
  ],
  'risk-warning': [
    ['black-listed, warning shown', input({ riskWarning: { selector: '#risk' } }, [], [list('black')]), 'pass', '#risk'],
    ['black-listed, no warning', input({}, [], [list('black')]), 'violation'],
    ['seriously dishonest, no warning', input({}, [], [list('seriously-dishonest')]), 'violation'],
    ['entry expired', input({}, [], [list('black', { until: '2026-06-30' })]), 'not-applicable'],
    ['entry repaired', input({}, [], [list('black', { repairedAt: '2026-05-01' })]), 'not-applicable'],
    ['red list only', input({}, [], [list('red')]), 'not-applicable'],
  ],
};

describe('audit rules', () => {
  it('every rule has a table of cases, and every table a rule', () => {
    expect(Object.keys(table).sort()).toEqual(AUDIT_RULES.map((r) => r.id).sort());
  });
  for (const rule of AUDIT_RULES) {
    describe(rule.id, () => {
      it.each(table[rule.id]!)('%s → %s', (_name, i, outcome, selector) => {
        const got = only(rule.id, i);
        expect(got.map((g) => g.outcome)).toContain(outcome);
        expect(got.every((g) => g.outcome === outcome)).toBe(true);
        if (selector) expect(got[0]!.selector).toBe(selector);
        expect(rule.outcomes).toContain(outcome);
      });
    });
  }

  it('every finding is bilingual and names its evidence', () => {
    for (const f of evaluate(input({ ...signed, riskWarning: undefined }, [mark('copied')], [list('black')]))) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).toMatch(/[a-z]/i);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
  });

  it('every rule cites a basis and has titles in both languages', () => {
    for (const r of AUDIT_RULES) {
      expect(r.basis.length).toBeGreaterThan(0);
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en.length).toBeGreaterThan(5);
    }
  });
});
