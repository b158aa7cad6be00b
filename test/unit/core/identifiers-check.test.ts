import fc from 'fast-check';
import { checkUscc, completeUscc, DEPARTMENTS, DEPARTMENTS_ZH, describeUsccProblem, parseUscc, PROVINCES, PROVINCES_ZH, provinceName, USCC_CATEGORIES, USCC_CHARSET } from '../../../core/identifiers';

describe('checkUscc', () => {
  it('accepts a valid code, normalised, and says nothing more', () => {
    expect(checkUscc(' 91330106673959654p ')).toEqual({ code: '91330106673959654P', valid: true });
  });

  it('names a wrong check character with the expected one', () => {
    expect(checkUscc('91110108MA01712M9L')).toEqual({ code: '91110108MA01712M9L', valid: false, problem: { code: 'check', found: 'L', expected: '7' } });
    expect(parseUscc('91110108MA01712M9L')).toMatchObject({ checksum: 'mismatch', expected: '7', reason: 'check character is L, expected 7' });
  });

  it.each([
    ['9133010667395965', { code: 'length', length: 16 }],
    ['91330106673959654I', { code: 'character', at: 18, char: 'I' }],
    ['9133A106673959654P', { code: 'region' }],
    ['B1330106673959654P', { code: 'department', department: 'B' }],
    ['94330106673959654P', { code: 'category', department: '9', category: '4' }],
  ])('finds the problem of %s as data, worded in both languages', (code, problem) => {
    const r = checkUscc(code);
    expect(r).toEqual({ code, valid: false, problem });
    if (r.valid) return;
    expect(parseUscc(code)).toEqual({ kind: 'uscc', valid: false, checksum: 'n/a', reason: describeUsccProblem(r.problem), reasonZh: describeUsccProblem(r.problem, 'zh') });
    expect(describeUsccProblem(r.problem, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(describeUsccProblem(r.problem, 'zh')).not.toBe(describeUsccProblem(r.problem, 'en'));
  });

  it('agrees with parseUscc on any input: the same verdict and the same reason', () => {
    const symbol = fc.constantFrom(...USCC_CHARSET, 'I', 'O', '-', 'ｐ', ' ');
    const code = fc.oneof(
      fc.array(symbol, { maxLength: 20 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => completeUscc(`9${a.slice(1).join('').replace(/^(.)(.{6})/, (_, c, r) => `${c}${r.replace(/\D/g, '1')}`)}`)),
      fc.tuple(fc.constantFrom(...USCC_CHARSET), fc.constantFrom(...USCC_CHARSET)).map(([d, c]) => completeUscc(`${d}${c}330106673959654`)),
    );
    fc.assert(fc.property(code, (input) => {
      const full = parseUscc(input);
      const check = checkUscc(input);
      expect(check.valid).toBe(full.valid);
      if (!check.valid) expect(describeUsccProblem(check.problem)).toBe('reason' in full ? full.reason : undefined);
      if (full.checksum !== 'n/a') expect(check.code).toBe(full.code);
    }), { numRuns: 2000 });
  });
});

describe('code tables', () => {
  it('checks codes against the same department and category keys that names-zh names', () => {
    expect(Object.fromEntries(Object.entries(DEPARTMENTS_ZH).map(([d, dept]) => [d, Object.keys(dept.categories).join('')]))).toEqual(USCC_CATEGORIES);
  });

  it('keeps the Chinese names of the bilingual tables in names-zh, key for key', () => {
    expect(Object.keys(DEPARTMENTS)).toEqual(Object.keys(DEPARTMENTS_ZH));
    for (const [d, dept] of Object.entries(DEPARTMENTS)) {
      expect(dept.zh).toBe(DEPARTMENTS_ZH[d]!.zh);
      expect(Object.fromEntries(Object.entries(dept.categories).map(([c, n]) => [c, n.zh]))).toEqual(DEPARTMENTS_ZH[d]!.categories);
      for (const n of [dept, ...Object.values(dept.categories)]) expect(n.en).toMatch(/^[A-Z]/);
    }
    expect(Object.fromEntries(Object.entries(PROVINCES).map(([k, n]) => [k, n.zh]))).toEqual(PROVINCES_ZH);
    for (const n of Object.values(PROVINCES)) expect(n.en).toMatch(/^[A-Z]/);
  });

  it('names the market-regulation categories and provinces in both languages', () => {
    expect(DEPARTMENTS['9']).toEqual({ zh: '市场监管（工商）', en: 'Market regulation', categories: {
      '1': { zh: '企业', en: 'Enterprise' }, '2': { zh: '个体工商户', en: 'Individual business' }, '3': { zh: '农民专业合作社', en: 'Farmers’ cooperative' },
    } });
    expect(PROVINCES['44']).toEqual({ zh: '广东', en: 'Guangdong' });
    expect(provinceName('330106')).toBe('浙江');
    expect(provinceName('990000')).toBeNull();
  });
});
