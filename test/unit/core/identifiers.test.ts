import fc from 'fast-check';
import {
  USCC_CHARSET, completeUscc, identify, orgCodeCheckChar, parseOrgCode, parseRegNo15, parseUscc, regNo15CheckDigit,
} from '../../../core/identifiers';

describe('parseUscc', () => {
  it.each([
    ['91330106673959654P', '91', '企业', '330106', '浙江', '673959654'], // 阿里云计算有限公司, from its 亮照 link
    ['91330201MA284E2D7K', '91', '企业', '330201', '浙江', 'MA284E2D7'], // a Tmall shop operator
    ['92440300MA5EXAMPL0'.slice(0, 17) + completeUscc('92440300MA5EXAMPL').slice(-1), '92', '个体工商户', '440300', '广东', 'MA5EXAMPL'],
  ])('accepts %s', (code, category, categoryName, region, province, orgCode) => {
    const r = parseUscc(code);
    expect(r).toMatchObject({ kind: 'uscc', valid: true, checksum: 'ok', category, categoryName, region, province, orgCode });
  });

  it('normalises lower case, full-width characters and surrounding spaces', () => {
    const r = parseUscc(' \u3000９１３３０１０６６７３９５９６５４ｐ ');
    expect(r).toMatchObject({ valid: true, code: '91330106673959654P' });
    expect(parseUscc('91330106673959654p')).toMatchObject({ valid: true });
  });

  it('reports a real pilot code with a wrong check character as a mismatch, not as malformed', () => {
    const r = parseUscc('91350100M0001TGQXM');
    expect(r).toMatchObject({ valid: false, checksum: 'mismatch', expected: '1', province: '福建', warnings: [] });
  });

  it('reports a mock-data decoy as a mismatch and flags its embedded organization code', () => {
    const r = parseUscc('91110108MA01712M9L');
    expect(r.checksum).toBe('mismatch');
    expect(r.valid).toBe(false);
    if (r.checksum === 'mismatch') expect(r.warnings.join()).toMatch(/organization code/);
  });

  it.each([
    ['9133010667395965', /length is 16/],
    ['91330106673959654PX', /length is 19/],
    ['91330106673959654I', /character 18 \(I\)/],
    ['9133010667395965O4', /character 17 \(O\)/],
    ['913301-6673959654P', /character 7 \(-\)/],
    ['9133A106673959654P', /region code/],
    ['B1330106673959654P', /department B/],
    ['94330106673959654P', /category 4 does not exist for department 9/],
    ['', /length is 0/],
  ])('rejects malformed %j', (input, reason) => {
    const r = parseUscc(input);
    expect(r).toMatchObject({ valid: false, checksum: 'n/a' });
    expect('reason' in r && r.reason).toMatch(reason);
  });
});

describe('older identifiers', () => {
  it('computes ISO 7064 MOD 11,10 for 15-digit registration numbers', () => {
    expect(regNo15CheckDigit('11010800000001')).toBe(6);
    expect(parseRegNo15('110108000000016')).toMatchObject({ valid: true, checksum: 'ok', province: '北京' });
    expect(parseRegNo15('110108000000017')).toMatchObject({ valid: false, checksum: 'mismatch', expected: '6' });
    expect(parseRegNo15('11010800000001')).toMatchObject({ valid: false, checksum: 'n/a' });
  });

  it('checks 9-character organization codes with or without the hyphen', () => {
    expect(orgCodeCheckChar('67395965')).toBe('4');
    expect(parseOrgCode('67395965-4')).toMatchObject({ valid: true, code: '673959654' });
    expect(parseOrgCode('ma284e2d7')).toMatchObject({ valid: true, code: 'MA284E2D7' });
    expect(parseOrgCode('67395965-5')).toMatchObject({ valid: false, checksum: 'mismatch', expected: '4' });
    expect(parseOrgCode('6739596*4')).toMatchObject({ valid: false, checksum: 'n/a' });
  });

  it('identify() tells the formats apart by shape, not by label', () => {
    expect(identify('91330106673959654P').kind).toBe('uscc');
    expect(identify('110108000000016').kind).toBe('regno15');
    expect(identify('67395965-4').kind).toBe('orgcode');
    expect(identify('hello')).toMatchObject({ kind: 'unknown', valid: false, checksum: 'n/a' });
    expect(identify('   ')).toMatchObject({ kind: 'unknown', reason: 'empty input' });
  });
});

// Random well-formed codes: department/category pairs that exist, digits for the region, charset for the rest.
const PAIRS = ['11', '12', '13', '19', '21', '29', '31', '51', '52', '53', '91', '92', '93', 'A1', 'N1', 'N2', 'Y1'];
const sym = fc.constantFrom(...USCC_CHARSET);
const digit = fc.constantFrom(...'0123456789');
const arbUscc = fc
  .tuple(fc.constantFrom(...PAIRS), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(sym, { minLength: 8, maxLength: 8 }))
  .map(([pair, region, body]) => {
    const org = body.join('').replace(/[^0-9A-Z]/g, '0');
    return completeUscc(`${pair}${region.join('')}${org}${orgCodeCheckChar(org)}`);
  });

describe('USCC properties', () => {
  it('every code built by the generator parses back to its own parts', () => {
    fc.assert(fc.property(arbUscc, (code) => {
      const r = parseUscc(code);
      return r.valid && r.code === code && r.orgCode === code.slice(8, 17) && r.category === code.slice(0, 2) && r.warnings.every((w) => !/organization/.test(w));
    }), { numRuns: 2000 });
  });

  it('any single-character change is caught', () => {
    fc.assert(fc.property(arbUscc, fc.nat(17), sym, (code, pos, ch) => {
      fc.pre(code[pos] !== ch);
      const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
      return !parseUscc(changed).valid;
    }), { numRuns: 5000 });
  });
});
