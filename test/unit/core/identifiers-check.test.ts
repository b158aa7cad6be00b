import fc from 'fast-check';
import { checkUscc, completeUscc, DEPARTMENTS, DEPARTMENTS_ZH, parseUscc, PROVINCES, PROVINCES_ZH, provinceName, USCC_CHARSET } from '../../../core/identifiers';

describe('checkUscc', () => {
  it('accepts a valid code with its category and province names, and nothing more', () => {
    expect(checkUscc(' 91330106673959654p ')).toEqual({ kind: 'uscc', code: '91330106673959654P', valid: true, checksum: 'ok', categoryName: '企业', province: '浙江' });
  });

  it('reports a wrong check character as parseUscc does, without the organization-code warning', () => {
    expect(checkUscc('91110108MA01712M9L')).toEqual({
      kind: 'uscc', code: '91110108MA01712M9L', valid: false, checksum: 'mismatch', expected: '7',
      reason: 'check character is L, expected 7', categoryName: '企业', province: '北京',
    });
    expect(parseUscc('91110108MA01712M9L')).toMatchObject({ expected: '7', warnings: [expect.stringMatching(/organization code/)] });
  });

  it.each(['9133010667395965', '91330106673959654I', '9133A106673959654P', 'B1330106673959654P', '94330106673959654P'])('rejects malformed %s with parseUscc’s reason', (code) => {
    expect(checkUscc(code)).toEqual(parseUscc(code));
    expect(checkUscc(code)).toMatchObject({ valid: false, checksum: 'n/a' });
  });

  it('is parseUscc without the description on any input', () => {
    const symbol = fc.constantFrom(...USCC_CHARSET, 'I', 'O', '-', 'ｐ', ' ');
    const code = fc.oneof(
      fc.array(symbol, { maxLength: 20 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 }).map((a) => completeUscc(`9${a.slice(1).join('').replace(/^(.)(.{6})/, (_, c, r) => `${c}${r.replace(/\D/g, '1')}`)}`)),
    );
    fc.assert(fc.property(code, (input) => {
      const full = parseUscc(input);
      const check = checkUscc(input);
      expect(check.valid).toBe(full.valid);
      expect(check.checksum).toBe(full.checksum);
      if (full.checksum === 'n/a') {
        expect(check).toEqual(full);
        return;
      }
      const { warnings: _w, department: _d, departmentName: _dn, category: _c, region: _r, orgCode: _o, ...rest } = full;
      expect(check).toEqual(rest);
    }), { numRuns: 2000 });
  });
});

describe('code tables', () => {
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
